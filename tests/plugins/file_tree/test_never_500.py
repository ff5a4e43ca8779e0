"""Whatever tree a project holds (stored before the checks, or by a project template), the
path routes and guess-from-path answer 200, 400 or 404, never a 500; and whatever tree a
client sends, it is stored (then builds paths) or refused with a 400. Trees are generated:
Zou's variables, unknown ones, fields, literal text and values of the wrong type."""

import hypothesis
from hypothesis import strategies as st

from plugins.entities.models import Project
from plugins.file_tree.services.templates import KINDS
from plugins.file_tree.services.variables import BUILTIN, FIELDS

VARIABLES = st.sampled_from(sorted(BUILTIN) + ["OuputType", "", "Shot.name.x"])
PIECES = st.one_of(
    st.builds(lambda name, field: f"<{name}{field}>", VARIABLES,
              st.sampled_from([""] + [f".{field}" for field in FIELDS] + [".color"])),
    st.sampled_from(["/", "_", "v", ".", "<", ">", "x y", "É", "\\"]))
TEMPLATE = st.lists(PIECES, max_size=6).map("".join)
JUNK = st.one_of(st.none(), st.integers(), st.lists(st.integers(), max_size=2))
TEMPLATES = st.dictionaries(st.sampled_from(KINDS + ("style", "shots")),
                            st.one_of(TEMPLATE, st.sampled_from(["lowercase", "uppercase"]),
                                      JUNK), max_size=9)
SECTION = st.fixed_dictionaries({}, optional={
    "mountpoint": st.one_of(TEMPLATE, JUNK), "root": st.one_of(TEMPLATE, JUNK),
    "folder_path": st.one_of(TEMPLATES, JUNK), "file_name": st.one_of(TEMPLATES, JUNK)})
TREE = st.one_of(JUNK, st.dictionaries(st.sampled_from(["working", "output", "preview"]),
                                       st.one_of(SECTION, JUNK), max_size=3))
SETTINGS = hypothesis.settings(
    max_examples=60, deadline=None, derandomize=True,
    suppress_health_check=[hypothesis.HealthCheck.too_slow,
                           hypothesis.HealthCheck.function_scoped_fixture])


def guessed_path(tree):
    """A path under the tree's working root when it has one, so that its templates are
    lined up with folders."""
    working = tree.get("working") if isinstance(tree, dict) else None
    if isinstance(working, dict):
        return f"{working.get('mountpoint')}/{working.get('root')}/ft_production/sq_10/v001/x"
    return "/simple/productions/x/shots/a/b"


def statuses(call, built, tree):
    """The statuses of the path routes and of guess-from-path on the production."""
    bodies = {"output_type_id": built["output_type"], "task_type_id": built["task_type"]}
    answers = [
        call.send("POST", f"/data/tasks/{built[f'task:{key}']}/working-file-path", {})
        for key in ("shot", "asset", "scene")]
    answers += [call.send("POST", f"/data/entities/{built[key]}/output-file-path", bodies)
                for key in ("sequence", "episode")]
    answers.append(call.send(
        "POST", f"/data/asset-instances/{built['instance_in_asset']}/entities/"
        f"{built['target_asset']}/output-file-path", bodies))
    answers.append(call.send("POST", "/data/entities/guess-from-path", {
        "project_id": built["project"], "file_path": guessed_path(tree)}))
    return {answer.status_code for answer in answers}


@SETTINGS
@hypothesis.given(tree=TREE)
def test_a_stored_tree_never_makes_a_500(app, call, built, tree):
    with app.dopesheet.activated():
        Project.update(file_tree=tree).where(Project.id == built["project"]).execute()
    assert statuses(call, built, tree) <= {200, 400, 404}


@SETTINGS
@hypothesis.given(tree=TREE)
def test_a_sent_tree_is_stored_or_refused(call, built, tree):
    answer = call.send("PUT", f"/data/projects/{built['project']}", {"file_tree": tree})
    assert answer.status_code in (200, 400)
    assert statuses(call, built, tree) <= {200, 400, 404}
