"""Projects and their settings, studio-wide settings (entity, task and project statuses,
task types, automations, studios, templates), the breakdown (episodes, sequences, scenes,
edits, concepts, casting, asset instances) and the artist's view of them.

Each round, through the API: a project (with the artist in its team) and a person in the
main project's team; an asset type, three task types (a scene's, an edit's, a concept's), a
task status, a status automation, a project status, a studio, a project template, all
linked to the main project and to the first template; a metadata descriptor; an episode
(with a sequence and a shot the artist has a task on), a sequence, a scene, an edit and a
concept under the world's episode, sequence and project, with tasks of the round's types
on them and on the first scene, edit and concept; assets cast in the world's shot and
asset, the asset cast in a new shot; a shared asset of another project cast in the shot;
a camera instance in the first scene, which a new shot joins."""

from types import SimpleNamespace

SKIP = {}
FIXED = {}


def grow(world):
    prod, n, ids = world.prod, world.round, world.ids
    project = ids["project_id"]
    if n == 1:
        _first_round(world)
    artist = world.artist.id

    # studio-wide settings
    asset_type = prod.post("/data/entity-types", {"name": f"Ent Kind {n}"})["id"]
    task_types = {kind: prod.post("/data/task-types", {
        "name": f"Ent {kind} work {n}", "for_entity": kind, "short_name": f"e{kind[:2]}{n}"})["id"]
        for kind in ("Scene", "Edit", "Concept")}
    status = prod.post("/data/task-status", {"name": f"Ent status {n}", "short_name": f"ent{n}",
                                             "color": "#123456"})["id"]
    automation = prod.post("/data/status-automations", {
        "entity_type": "asset", "in_task_type_id": prod.task_type[("Modeling", "Asset")],
        "in_task_status_id": prod.status["done"], "out_field_type": "status",
        "out_task_type_id": prod.task_type[("Rigging", "Asset")],
        "out_task_status_id": prod.status["ready"]})["id"]
    prod.post("/data/project-status", {"name": f"Ent status {n}", "color": "#654321"})
    prod.post("/data/studios", {"name": f"Ent studio {n}", "color": "#abcdef"})
    prod.post("/data/project-templates", {"name": f"Ent template {n}"})
    if n == 1:
        ids.update({"entity-types": asset_type, "task-types": task_types["Scene"],
                    "task-status": status, "status-automations": automation})

    # the main project's settings, and the first template's
    prod.post(f"/data/projects/{project}/settings/batch", {
        "task_types": [{"task_type_id": value} for value in task_types.values()],
        "task_status_ids": [status], "asset_type_ids": [asset_type]}, expected=200)
    prod.post(f"/data/projects/{project}/settings/status-automations",
              {"status_automation_id": automation})
    template = f"/data/project-templates/{ids['project_template_id']}"
    for kind, key, value in (("task-types", "task_type_id", task_types["Scene"]),
                             ("task-statuses", "task_status_id", status),
                             ("asset-types", "asset_type_id", asset_type),
                             ("status-automations", "status_automation_id", automation)):
        prod.post(f"{template}/{kind}", {key: value})
    descriptor = prod.post(f"/data/projects/{project}/metadata-descriptors",
                           {"name": f"Ent column {n}", "entity_type": "Shot"})["id"]
    if n == 1:
        ids.update({"metadata_descriptor_id": descriptor, "metadata-descriptors": descriptor})

    # projects and teams
    if n > 1:
        _project(world, f"Ent project {n}")
    person = prod.post("/data/persons", {"first_name": "Ent", "last_name": f"Member {n}",
                                         "email": f"ent.member.{n}@example.com"})["id"]
    prod.post(f"/data/projects/{project}/team", {"person_id": person})

    # the breakdown: an episode the artist works in, a sequence, a scene, an edit, a concept
    episode = prod.post(f"/data/projects/{project}/episodes", {"name": f"Ent EP{n}"})["id"]
    episode_sequence = _sequence(prod, project, f"Ent SQ{n}A", episode)
    _sequence(prod, project, f"Ent SQ{n}B", ids["episode_id"])
    shot = prod.post(f"/data/projects/{project}/shots",
                     {"name": f"Ent SH{n}", "sequence_id": episode_sequence})["id"]
    scene = prod.post(f"/data/projects/{project}/scenes",
                      {"name": f"Ent SC{n}", "sequence_id": ids["sequence_id"]})["id"]
    edit = prod.post(f"/data/projects/{project}/edits",
                     {"name": f"Ent ED{n}", "episode_id": ids["episode_id"]})["id"]
    concept = prod.post(f"/data/projects/{project}/concepts", {"name": f"Ent CO{n}"})["id"]
    if n == 1:
        ids.update({"scene_id": scene, "edit_id": edit, "concept_id": concept})

    # assets: one of the round's type, one of the world's asset's type (Character)
    asset = _asset(prod, project, asset_type, f"Ent cast {n}")
    character = _asset(prod, project, ids["asset_type_id"], f"Ent character {n}")

    # tasks, the artist's: of the round's types on the round's and the first entities
    actions = f"/actions/projects/{project}/task-types"
    tasks = [*prod.post(f"{actions}/{task_types['Scene']}/create-tasks/Scene",
                        _unique([ids["scene_id"], scene])),
             *prod.post(f"{actions}/{task_types['Edit']}/edits/create-tasks",
                        _unique([ids["edit_id"], edit])),
             *prod.post(f"{actions}/{task_types['Concept']}/concepts/create-tasks",
                        _unique([ids["concept_id"], concept])),
             *prod.create_tasks("assets", prod.task_type[("Modeling", "Asset")],
                                [SimpleNamespace(id=asset), SimpleNamespace(id=character)]),
             *prod.create_tasks("shots", ids["task_type_id"],
                                [SimpleNamespace(id=shot)])]
    prod.put(f"/actions/persons/{artist}/assign", {"task_ids": [task["id"] for task in tasks]})

    # casting: the round's asset in the world's shot and asset, the world's asset in the
    # round's shot, a shared asset of the other project in the world's shot
    casting = f"/data/projects/{project}/entities/casting/assets"
    prod.put(f"{casting}/{asset}", {"entity_ids": [ids["shot_id"], ids["asset_id"]],
                                    "nb_occurences": 1})
    prod.put(f"{casting}/{ids['asset_id']}", {"entity_ids": [shot], "nb_occurences": 2})
    shared = _asset(prod, ids["other_project_id"], ids["asset_type_id"], f"Ent shared {n}",
                    is_shared=True)
    prod.put(f"{casting}/{shared}", {"entity_ids": [ids["shot_id"]], "nb_occurences": 1})
    if n == 1:
        ids["entity-links"] = prod.get(f"/data/projects/{project}/entity-links")[0]["id"]

    # the first scene: a camera instance, and the round's shot
    instance = prod.post(f"/data/scenes/{ids['scene_id']}/asset-instances",
                         {"asset_id": ids["camera_id"], "description": f"take {n}"})["id"]
    if n == 1:
        ids["asset-instances"] = instance
    prod.post(f"/data/scenes/{ids['scene_id']}/shots", {"shot_id": shot})



def _unique(values):
    return list(dict.fromkeys(values))


def _first_round(world):
    prod, ids = world.prod, world.ids
    ids.update({"projects": prod.project_id, "entities": ids["shot_id"],
                "asset_type_id": prod.kind["Character"]})
    ids["other_project_id"] = _project(world, "Ent project 1")
    ids["project_template_id"] = prod.post("/data/project-templates",
                                           {"name": "Ent first template"})["id"]
    ids["project-templates"] = ids["project_template_id"]
    ids["studios"] = prod.post("/data/studios", {"name": "Ent first studio",
                                                 "color": "#000000"})["id"]
    ids["project-status"] = prod.post("/data/project-status", {"name": "Ent first",
                                                               "color": "#000000"})["id"]
    camera = prod.post("/data/entity-types", {"name": "Camera"})["id"]
    ids["camera_id"] = _asset(prod, prod.project_id, camera, "Ent camera")


def _project(world, name):
    """A new open project with the artist in its team."""
    prod = world.prod
    project = prod.post("/data/projects", {"name": name})["id"]
    prod.post(f"/data/projects/{project}/team", {"person_id": world.artist.id})
    return project


def _sequence(prod, project, name, episode):
    return prod.post(f"/data/projects/{project}/sequences",
                     {"name": name, "episode_id": episode})["id"]


def _asset(prod, project, asset_type, name, **fields):
    return prod.post(f"/data/projects/{project}/asset-types/{asset_type}/assets/new",
                     {"name": name, "description": "", **fields})["id"]
