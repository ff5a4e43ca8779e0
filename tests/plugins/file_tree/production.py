"""The production the file-tree comparison is made on, built through the HTTP API so that
the same calls build it on Zou (``tools/zou_file_tree_paths.py``) and on Dopesheet (the
tests): one project with an episode, two sequences, shots, a scene, an edit, assets, a task
on each, asset instances in a shot, in a scene and in an asset, and the path requests sent
to each."""

SHARED_NAMES = {
    "asset_type": "Hero Props",
    "department": "Dept Art",
    "task_type": "Layout Pass",
    "task_type_short": "LY",
    "output_type": "Cache Anim",
    "output_type_short": "CAC",
    "software": "Maya 2024",
    "software_short": "mya",
}
"""Studio-wide rows: looked up by name before being created (Zou keeps them across runs)."""

TASK_ENTITIES = ("asset", "edit", "episode", "sequence", "sequence_seq", "shot", "shot_seq",
                 "scene")
"""The entities carrying a task, by key: each gets the working and output requests."""

TASK_KINDS = {"asset": "Asset", "edit": "Edit", "episode": "Episode", "sequence": "Sequence",
              "sequence_seq": "Sequence", "shot": "Shot", "shot_seq": "Shot",
              "scene": "Scene"}
"""The ``for_entity`` of the task type of each entity's task (Zou checks they match)."""

INSTANCES = (("instance_named", "shot"), ("instance_named", "scene"),
             ("instance_number", "shot_seq"), ("instance_in_asset", "target_asset"))
"""(asset instance, temporal entity) pairs of the instance output requests."""

WORKING_BODIES = (
    {},
    {"name": "Final Take", "revision": 12, "software_id": "$software", "sep": "\\"},
    {"mode": "preview", "separator": "\\"},
)
OUTPUT_BODIES = (
    {"output_type_id": "$output_type", "task_type_id": "$task_type"},
    {"output_type_id": "$output_type", "task_type_id": "$task_type", "name": "Lighting Pass",
     "revision": 4, "representation": "ABC Cache", "separator": "\\"},
)


NEW_FILES = (
    ("working-new/shot/0", "/data/tasks/$task:shot/working-files/new", {"name": "main"}),
    ("working-new/shot/1", "/data/tasks/$task:shot/working-files/new",
     {"name": "main", "sep": "\\", "comment": "second"}),
    ("working-new/asset/0", "/data/tasks/$task:asset/working-files/new",
     {"name": "Anim Take", "software_id": "$software", "revision": 5}),
    ("output-new/shot/0", "/data/entities/$shot/output-files/new", OUTPUT_BODIES[0]),
    ("output-new/shot/1", "/data/entities/$shot/output-files/new",
     {**OUTPUT_BODIES[0], "name": "Lighting Pass", "representation": "abc", "nb_elements": 3,
      "sep": "\\", "extension": ".abc"}),
    ("output-new/asset/0", "/data/entities/$asset/output-files/new",
     {**OUTPUT_BODIES[0], "mode": "working"}),
    ("instance-new/shot/0", "/data/asset-instances/$instance_named/entities/$shot"
     "/output-files/new", OUTPUT_BODIES[0]),
    ("instance-new/scene/0", "/data/asset-instances/$instance_named/entities/$scene"
     "/output-files/new", {**OUTPUT_BODIES[0], "representation": "abc", "nb_elements": 2,
                           "revision": 7, "extension": ".abc"}),
)
"""New working and output files (after the path requests: they take revisions)."""
GUESSES = (
    ("working-shot", "working/shot/0", "path", "/"),
    ("working-shot-file", "working/shot/0", "file", "/"),
    ("working-asset", "working/asset/0", "path", "/"),
    ("working-scene", "working/scene/0", "path", "/"),
    ("working-sequence", "working/sequence/0", "path", "/"),
    ("working-episode", "working/episode/0", "path", "/"),
    ("output-shot", "output/shot/0", "folder_path", "/"),
    ("output-shot-seq", "output/shot_seq/0", "folder_path", "/"),
    ("output-episode", "output/episode/1", "folder_path", "\\"),
    ("instance", "instance/instance_named/shot/0", "folder_path", "/"),
    ("working-shot-upper", "working/shot/0", "upper", "/"),
    ("working-shot-backslash", "working/shot/1", "path", "\\"),
    ("working-shot-other-show", "working/shot/0", "other", "/"),
)
"""guess-from-path requests: (key, the path case whose answer is guessed, what of it, the
separator sent)."""
ANSWER_KEYS = ("path", "name", "folder_path", "file_name", "revision")
"""What is compared of an answer."""


def shared_row(call, plural, body, create_plural=None):
    """The studio-wide row of ``plural`` with the name (and kind) of ``body``, created
    when missing."""
    keys = ("name", "for_entity")
    found = [row for row in call("GET", f"/data/{plural}")
             if all(row.get(key) == body.get(key) for key in keys if key in body)]
    return found[0] if found else call("POST", f"/data/{create_plural or plural}", body)


def build(call, project_name):
    """Build the production with ``call(method, path, body) -> answer`` (raising on an
    error) and return ``{key: id}`` of every row the requests name."""
    names = SHARED_NAMES
    ids = {}
    project = call("POST", "/data/projects", {"name": project_name,
                                              "production_type": "tvshow"})
    pid = ids["project"] = project["id"]
    ids["episode"] = call("GET", f"/data/projects/{pid}/episodes")[0]["id"]
    department = shared_row(call, "departments", {"name": names["department"],
                                                  "color": "#112233"})
    for for_entity in sorted(set(TASK_KINDS.values())):
        ids[f"task_type:{for_entity}"] = shared_row(call, "task-types", {
            "name": f"{names['task_type']} {for_entity}",
            "short_name": f"{names['task_type_short']}{for_entity[:2]}",
            "for_entity": for_entity, "department_id": department["id"]})["id"]
    ids["task_type"] = ids["task_type:Asset"]
    ids["output_type"] = shared_row(call, "output-types", {
        "name": names["output_type"], "short_name": names["output_type_short"]})["id"]
    ids["software"] = shared_row(call, "softwares", {
        "name": names["software"], "short_name": names["software_short"],
        "file_extension": ".mb"})["id"]
    asset_type = ids["asset_type"] = shared_row(call, "asset-types",
                                                {"name": names["asset_type"]},
                                                "entity-types")["id"]
    ids["department"] = department["id"]
    for row in call("GET", "/data/entity-types"):
        if row["name"] in TASK_KINDS.values():
            ids[f"type:{row['name']}"] = row["id"]

    def asset(name):
        return call("POST", f"/data/projects/{pid}/asset-types/{asset_type}/assets/new",
                    {"name": name, "description": ""})["id"]

    ids["asset"] = asset("Hero Sword.v2 Élan")
    ids["target_asset"] = asset("Castle Hall")
    ids["sequence"] = call("POST", f"/data/projects/{pid}/sequences",
                           {"name": "SQ 10", "episode_id": ids["episode"]})["id"]
    ids["sequence_seq"] = call("POST", f"/data/projects/{pid}/sequences",
                               {"name": "Seq2", "episode_id": ids["episode"]})["id"]
    ids["shot"] = call("POST", f"/data/projects/{pid}/shots",
                       {"name": "SH010", "sequence_id": ids["sequence"]})["id"]
    ids["shot_seq"] = call("POST", f"/data/projects/{pid}/shots",
                           {"name": "sh020 Final", "sequence_id": ids["sequence_seq"]})["id"]
    ids["scene"] = call("POST", f"/data/projects/{pid}/scenes",
                        {"name": "SC 01", "sequence_id": ids["sequence"]})["id"]
    ids["edit"] = call("POST", f"/data/projects/{pid}/edits",
                       {"name": "Edit Main", "episode_id": ids["episode"]})["id"]
    status = [row for row in call("GET", "/data/task-status") if row["is_default"]][0]
    for key in TASK_ENTITIES:
        ids[f"task:{key}"] = call("POST", "/data/tasks", {
            "name": "Main Task", "project_id": pid,
            "task_type_id": ids[f"task_type:{TASK_KINDS[key]}"],
            "task_status_id": status["id"], "entity_id": ids[key]})["id"]
    ids["instance_named"] = call("POST", "/data/asset-instances", {
        "asset_id": ids["asset"], "number": 3, "name": "Sword Left"})["id"]
    ids["instance_number"] = call("POST", "/data/asset-instances", {
        "asset_id": ids["asset"], "number": 12})["id"]
    ids["instance_in_asset"] = call("POST", "/data/asset-instances", {
        "asset_id": ids["asset"], "number": 2, "target_asset_id": ids["target_asset"]})["id"]
    return ids


def requests_of(tree_name):
    """The path requests made for one tree: ``[(case key, path template, body)]``, ids
    written ``$key`` (see ``resolve``)."""
    cases = []
    for key in TASK_ENTITIES:
        for index, body in enumerate(WORKING_BODIES):
            cases.append((f"{tree_name}/working/{key}/{index}",
                          f"/data/tasks/$task:{key}/working-file-path", body))
        for index, body in enumerate(OUTPUT_BODIES):
            cases.append((f"{tree_name}/output/{key}/{index}",
                          f"/data/entities/${key}/output-file-path", body))
    for instance, temporal in INSTANCES:
        for index, body in enumerate(OUTPUT_BODIES):
            cases.append((f"{tree_name}/instance/{instance}/{temporal}/{index}",
                          f"/data/asset-instances/${instance}/entities/${temporal}"
                          "/output-file-path", body))
    cases += [(f"{tree_name}/{key}", path, body) for key, path, body in NEW_FILES]
    return cases


def guessed_path(answer, what, project_name):
    """The file path a guess request sends, made from a path answer."""
    if what == "file":
        return f"{answer['path']}/{answer['name']}"
    if what == "upper":
        return answer["path"].upper()
    if what == "other":
        return answer["path"].replace(project_name.lower().replace(" ", "_"), "other_show")
    return answer[what]


def compared(answer):
    return {key: answer[key] for key in ANSWER_KEYS if key in answer}


def resolve(value, ids):
    """``value`` with its ``$key`` references replaced by the ids of ``build``."""
    if isinstance(value, dict):
        return {key: resolve(item, ids) for key, item in value.items()}
    if isinstance(value, list):
        return [resolve(item, ids) for item in value]
    if isinstance(value, str) and "$" in value:
        head, *refs = value.split("$")
        return head + "".join(ids[ref.split("/")[0]] + ref[len(ref.split("/")[0]):]
                              for ref in refs)
    return value
