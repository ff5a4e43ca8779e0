"""Files, previews, playlists and the plan: each round a working file, an output file (of
the output type every round shares, and of a new one), a comment with an attachment and a
preview, a playlist holding one more shot, a share link and a build job, a budget and an
entry of the first budget, a milestone, the settings the studio lists (output type, file
status, software, preview background, department for the salary scales) and what the
schedule's levels list (a task type with a task, an asset type with an asset, an episode,
a sequence and an edit). It runs after the entities and tasks growers, under the ids they
name (``task_id``, ``concept_id``, ``edit_id``, ``project_template_id``)."""

from types import SimpleNamespace

from plugins.schedule.models import BuildJob
from tests.plugins.tasks.test_comments import multipart

SKIP = {}
FIXED = {}

TEXT = ("notes.txt", b"see the notes")


def grow(world):
    if world.round == 1:
        setup(world)
    state = world.files_state
    prod, n, ids = world.prod, world.round, world.ids
    project = ids["project_id"]
    # studio settings
    output_type = prod.post("/data/output-types", {"name": f"Files output {n}",
                                                   "short_name": f"go{n}"})
    file_status = prod.post("/data/file-status", {"name": f"Files status {n}",
                                                  "color": "#000000"})
    software = prod.post("/data/softwares", {"name": f"Files soft {n}", "short_name": f"gs{n}",
                                             "file_extension": "gs"})
    background = prod.post("/data/preview-background-files", {"name": f"Files sky {n}"})
    prod.post(f"/data/projects/{project}/settings/preview-background-files",
              {"preview_background_file_id": background["id"]})
    prod.post(f"/data/project-templates/{ids['project_template_id']}/preview-background-files",
              {"preview_background_file_id": background["id"]})
    prod.post("/data/departments", {"name": f"Files department {n}", "color": "#ffffff"})
    if n == 1:
        ids["output-types"] = ids["output_type_id"] = output_type["id"]
        ids["file-status"], ids["softwares"] = file_status["id"], software["id"]
        ids["preview-background-files"] = background["id"]
        ids["salary-scales"] = prod.get("/data/salary-scales")[0]["id"]
    # working files, attachments and previews: on the shot's task, the task the
    # placeholders name, the concept's and the edit's
    working = work_on(world, state["shot_task"]["id"])
    if n == 1:
        ids["working-files"] = ids["file_id"] = working["id"]
    work_on(world, ids["task_id"])
    for task_id in (state["shot_task"]["id"], ids["task_id"], state["concept_task"]["id"],
                    state["edit_task"]["id"]):
        comment_on(world, task_id)
    # output files: the shared output type and this round's one, on the shot and on the
    # asset instance in the episode
    shot_outputs = f"/data/entities/{ids['entity_id']}/output-files/new"
    instance_outputs = (f"/data/asset-instances/{ids['asset_instance_id']}/entities/"
                        f"{ids['temporal_entity_id']}/output-files/new")
    for path in (shot_outputs, instance_outputs):
        for type_id in (ids["output_type_id"], output_type["id"]):
            output = prod.post(path, {"output_type_id": type_id, "name": f"grown-{n}",
                                      "task_type_id": ids["task_type_id"],
                                      "path": f"/out/{n}"})
            if n == 1 and "output-files" not in ids:
                ids["output-files"] = output["id"]
    # playlists: a new one in the episode, the first one holds one more shot, one more
    # share link and build job
    playlist = prod.post("/data/playlists", {"project_id": project, "name": f"Files {n}",
                                             "episode_id": ids["episode_id"]})
    if n == 1:
        ids["playlists"] = ids["playlist_id"] = playlist["id"]
    shot = prod.post(f"/data/projects/{project}/shots", {"name": f"SH{n:03d}F",
                                                         "sequence_id": ids["sequence_id"]})
    task = prod.shot_task(shot=SimpleNamespace(id=shot["id"]))
    comment = prod.comment(task, "wfa", f"take {n}")
    preview = prod.post(f"/actions/tasks/{task['id']}/comments/{comment['id']}/add-preview", {})
    prod.post(f"/actions/playlists/{ids['playlist_id']}/add-entity",
              {"entity_id": shot["id"], "preview_file_id": preview["id"]}, expected=200)
    prod.post(f"/data/playlists/{ids['playlist_id']}/share", {})
    with prod.app.dopesheet.activated():
        job = BuildJob.create(playlist=ids["playlist_id"])
    if n == 1:
        ids["build_job_id"] = job.id
    # budgets
    budget = prod.post(f"/data/projects/{project}/budgets", {"name": f"Files {n}"},
                       expected=200)
    if n == 1:
        ids["budgets"] = ids["budget_id"] = budget["id"]
    entry = prod.post(f"/data/projects/{project}/budgets/{ids['budget_id']}/entries", {
        "department_id": state["department_id"], "start_date": ids["date"],
        "months_duration": n, "daily_salary": 100.0 * n}, expected=200)
    if n == 1:
        ids["budget-entries"] = ids["entry_id"] = entry["id"]
    # the plan
    milestone = prod.post("/data/milestones", {
        "project_id": project, "task_type_id": ids["task_type_id"], "date": ids["date"],
        "name": f"Files {n}"})
    if n == 1:
        ids["milestones"] = milestone["id"]
    grow_schedule(world, n)


def work_on(world, task_id):
    return world.prod.post(f"/data/tasks/{task_id}/working-files/new",
                           {"name": f"grown-{world.round}", "path": f"/grown/{world.round}"})


def comment_on(world, task_id):
    """A comment with an attachment, and a preview added to it."""
    prod, ids = world.prod, world.ids
    body, content_type = multipart({"task_status_id": prod.status["wip"],
                                    "comment": f"files {world.round}"}, [("file", *TEXT)])
    comment = prod.call("POST", f"/actions/tasks/{task_id}/comment", 201, body=body,
                        headers={**prod.admin, "Content-Type": content_type}).json
    preview = prod.post(f"/actions/tasks/{task_id}/comments/{comment['id']}/add-preview", {})
    if "preview-files" not in ids:
        ids["preview-files"] = preview["id"]
        ids["attachment-files"] = comment["attachment_files"][0]["id"]


def grow_schedule(world, n):
    """What each level of the schedule lists: a task type with a task, an asset type with
    an asset, an episode, a sequence and an edit of the project."""
    prod, ids = world.prod, world.ids
    project = ids["project_id"]
    asset_type = prod.post("/data/entity-types", {"name": f"Files kind {n}"})
    asset = prod.post(f"/data/projects/{project}/asset-types/{asset_type['id']}/assets/new",
                      {"name": f"Files kind asset {n}", "description": ""})
    task_type = prod.post("/data/task-types", {"name": f"Files step {n}",
                                               "for_entity": "Asset"})
    prod.post(f"/data/projects/{project}/settings/task-types",
              {"task_type_id": task_type["id"]})
    prod.create_tasks("assets", task_type["id"], [SimpleNamespace(id=asset["id"])])
    episode = prod.post(f"/data/projects/{project}/episodes", {"name": f"FE{n:02d}"})
    prod.post(f"/data/projects/{project}/sequences", {"name": f"FSQ{n:02d}",
                                                      "episode_id": episode["id"]})
    prod.post(f"/data/projects/{project}/edits", {"name": f"Files edit {n}"})
    items = prod.get(f"/data/projects/{project}/schedule-items/task-types")
    if n == 1:
        ids["schedule-items"] = items[0]["id"]



def setup(world):
    """The rows the rounds grow under: a task of the shot, an asset instance, and a task of
    the concept and of the edit."""
    prod, ids = world.prod, world.ids
    project = ids["project_id"]
    state = world.files_state = {}
    state["shot_task"] = task_of(prod, "shots", ("Compositing", "Shot"), ids["entity_id"])
    state["department_id"] = next(iter(prod.department.values()))
    prop = prod.post(f"/data/projects/{project}/asset-types/{prod.kind['Prop']}/assets/new",
                     {"name": "Files lamp", "description": ""})
    instance = prod.post(f"/data/assets/{ids['asset_id']}/asset-asset-instances",
                         {"asset_to_instantiate_id": prop["id"], "description": ""})
    ids["asset_instance_id"] = instance["id"]
    state["concept_task"] = task_of(prod, "concepts", ("Concept", "Concept"), ids["concept_id"])
    state["edit_task"] = task_of(prod, "edits", ("Edit", "Edit"), ids["edit_id"])


def task_of(prod, kind, task_type, entity_id):
    """A new task of ``task_type`` on an entity."""
    return prod.create_tasks(kind, prod.task_type[task_type],
                             [SimpleNamespace(id=entity_id)])[0]
