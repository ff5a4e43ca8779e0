"""Compare Dopesheet's answers with Zou 1.0.97's, key by key, for representative requests.

Builds the same small production through gazu on a running Zou and on a Dopesheet served
for the occasion (fresh SQLite, real gunicorn), sends the same requests to both and prints,
for each, the keys only one side has and the values whose JSON types differ (ids and dates
differ of course; a null on one side is not a type difference). Not run in CI.

    /tmp/venv/bin/python tools/zou_diff.py --zou http://127.0.0.1:5000 \\
        --zou-email admin@example.com --zou-password mysecretpassword
"""

import argparse
import pathlib
import re
import sys
import tempfile

import gazu

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.compat.productions import production  # noqa: E402
from tests.live_server import Servers  # noqa: E402

ADMIN_EMAIL = "admin@diff.example.com"
ADMIN_PASSWORD = "diff admin password"
UNKNOWN = "00000000-0000-4000-8000-000000000000"
ID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def build(client):
    """The compat suite's production, with casting, a comment and an asset instance."""
    built = production(client)
    gazu.casting.update_shot_casting(built["project"], built["shot"], [
        {"asset_id": built["asset"]["id"], "nb_occurences": 2}], client=client)
    todo = gazu.task.get_task_status_by_short_name("todo", client=client)
    built["comment"] = gazu.task.add_comment(built["shot_task"], todo, "First pass",
                                             client=client)
    return built


def requests_for(built):
    """(label, path) of the requests compared; ``built`` gives each side its own ids."""
    project, shot, asset = built["project"]["id"], built["shot"]["id"], built["asset"]["id"]
    task = built["shot_task"]["id"]
    return [
        ("authenticated", "auth/authenticated"),
        ("project", f"data/projects/{project}"),
        ("open projects", "data/projects/open"),
        ("project team", f"data/projects/{project}/team"),
        ("project task types", f"data/projects/{project}/task-types"),
        ("episode", f"data/episodes/{built['episode']['id']}"),
        ("sequence", f"data/sequences/{built['sequence']['id']}"),
        ("shot", f"data/shots/{shot}"),
        ("project shots", f"data/projects/{project}/shots"),
        ("project sequences", f"data/projects/{project}/sequences"),
        ("project episodes", f"data/projects/{project}/episodes"),
        ("shots with tasks", f"data/shots/with-tasks?project_id={project}"),
        ("asset", f"data/assets/{asset}"),
        ("asset full", f"data/assets/{asset}/full"),
        ("project assets", f"data/projects/{project}/assets"),
        ("assets with tasks", f"data/assets/with-tasks?project_id={project}"),
        ("asset types", "data/asset-types"),
        ("shot casting", f"data/projects/{project}/entities/{shot}/casting"),
        ("asset cast in", f"data/assets/{asset}/cast-in"),
        ("task", f"data/tasks/{task}"),
        ("task full", f"data/tasks/{task}/full"),
        ("task comments", f"data/tasks/{task}/comments"),
        ("shot tasks", f"data/shots/{shot}/tasks"),
        ("task types", "data/task-types"),
        ("task statuses", "data/task-status"),
        ("persons", "data/persons"),
        ("departments", "data/departments"),
        ("user context", "data/user/context"),
        ("unknown shot", f"data/shots/{UNKNOWN}"),
        ("shot previews", f"data/shots/{shot}/preview-files"),
        ("project quotas", f"data/projects/{project}/quotas/{built['animation']['id']}"),
    ]


def json_type(value):
    return {dict: "object", list: "array", str: "string", bool: "boolean",
            int: "number", float: "number"}.get(type(value), "null")


def is_id(key):
    """Objects keyed by ids (task_type_links...) are compared by their values' shapes."""
    return bool(ID.fullmatch(key))


def differences(zou, ours, where=""):
    """Lines describing how ``ours`` differs in shape from ``zou``."""
    if isinstance(zou, Failed) or isinstance(ours, Failed):
        return [] if zou == ours else [f"{where or '.'}: Zou {zou!r}, Dopesheet {ours!r}"]
    if json_type(zou) == "null" or json_type(ours) == "null":
        return []
    if json_type(zou) != json_type(ours):
        return [f"{where or '.'}: Zou {json_type(zou)}, Dopesheet {json_type(ours)}"]
    if isinstance(zou, list):
        return differences(zou[0], ours[0], f"{where}[0]") if zou and ours else []
    if not isinstance(zou, dict):
        return []
    if zou and ours and all(map(is_id, [*zou, *ours])):
        return differences(next(iter(zou.values())), next(iter(ours.values())), f"{where}.<id>")
    lines = [f"{where}.{key}: only in Zou" for key in sorted(zou.keys() - ours.keys())]
    lines += [f"{where}.{key}: only in Dopesheet" for key in sorted(ours.keys() - zou.keys())]
    for key in sorted(zou.keys() & ours.keys()):
        lines += differences(zou[key], ours[key], f"{where}.{key}")
    return lines


class Failed(str):
    """A request that failed, named by gazu's exception."""


def answer(client, path):
    try:
        return gazu.client.get(path, client=client)
    except Exception as error:  # noqa: BLE001 - a failing request is a finding, not a crash
        return Failed(type(error).__name__)


def compare(zou_client, dopesheet_client):
    zou_requests = requests_for(build(zou_client))
    our_requests = requests_for(build(dopesheet_client))
    for (label, zou_path), (_, our_path) in zip(zou_requests, our_requests):
        zou, ours = answer(zou_client, zou_path), answer(dopesheet_client, our_path)
        found = differences(zou, ours)
        print(f"## {label} (GET /{zou_path.split('?')[0]})")
        print("\n".join(f"- {line}" for line in found) if found else "- same shape")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--zou", default="http://127.0.0.1:5000",
                        help="Zou's API root (the peer serves it without /api)")
    parser.add_argument("--zou-email", default="admin@example.com")
    parser.add_argument("--zou-password", default="mysecretpassword")
    arguments = parser.parse_args()
    zou_client = gazu.client.create_client(arguments.zou)
    gazu.log_in(arguments.zou_email, arguments.zou_password, client=zou_client)
    with tempfile.TemporaryDirectory() as directory:
        servers = Servers(pathlib.Path(directory))
        served = servers.start(DOPESHEET_ADMIN_EMAIL=ADMIN_EMAIL,
                               DOPESHEET_ADMIN_PASSWORD=ADMIN_PASSWORD)
        try:
            dopesheet_client = gazu.client.create_client(f"{served.url}/api")
            gazu.log_in(ADMIN_EMAIL, ADMIN_PASSWORD, client=dopesheet_client)
            compare(zou_client, dopesheet_client)
        finally:
            servers.close()


if __name__ == "__main__":
    main()
