"""Write the paths Zou 1.0.97 builds, for the file-tree comparison tests.

Builds the production of ``tests/plugins/file_tree/production.py`` on a running Zou, sets
each tree on its project (Zou's own ``default`` and ``simple`` files, read from the installed
Zou package, and ``tests/plugins/file_tree/studio_tree.json``), sends every path request and
writes the answers to ``tests/plugins/file_tree/zou_paths.json``, with the answers of
guess-from-path for paths taken from them.

    /tmp/venv/bin/python tools/zou_file_tree_paths.py \\
        --zou http://127.0.0.1:5000 --zou-trees /path/to/site-packages/zou/app/file_trees
"""

import argparse
import json
import pathlib
import sys
import time

import requests

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.plugins.file_tree import production  # noqa: E402

OUTPUT = ROOT / "tests/plugins/file_tree/zou_paths.json"
STUDIO_TREE = ROOT / "tests/plugins/file_tree/studio_tree.json"


def zou_caller(base_url, email, password):
    session = requests.Session()
    answer = session.post(f"{base_url}/auth/login", json={"email": email, "password": password})
    answer.raise_for_status()
    session.headers["Authorization"] = f"Bearer {answer.json()['access_token']}"

    def send(method, path, body=None):
        return session.request(method, base_url + path, json=body)

    def call(method, path, body=None):
        answer = send(method, path, body)
        if answer.status_code >= 400:
            raise RuntimeError(f"{method} {path}: {answer.status_code} {answer.text}")
        return answer.json()

    return send, call


def referenced(value, ids):
    """``value`` with the ids of ``production.build`` written ``$key``."""
    keys = {}
    for key, row_id in ids.items():
        keys.setdefault(row_id, key)
    if isinstance(value, list):
        return [referenced(item, ids) for item in value]
    if isinstance(value, dict):
        return {key: referenced(item, ids) for key, item in value.items()}
    return f"${keys[value]}" if value in keys else value


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--zou", default="http://127.0.0.1:5000")
    parser.add_argument("--email", default="admin@example.com")
    parser.add_argument("--password", default="mysecretpassword")
    parser.add_argument("--zou-trees", required=True, type=pathlib.Path,
                        help="zou/app/file_trees of the Zou installation")
    args = parser.parse_args()
    send, call = zou_caller(args.zou, args.email, args.password)
    version = call("GET", "/")["version"]
    trees = {name: json.loads((args.zou_trees / f"{name}.json").read_text())
             for name in ("default", "simple")}
    trees["studio"] = json.loads(STUDIO_TREE.read_text())
    stamp = int(time.time())
    projects, cases = {}, {}
    for tree_name, tree in trees.items():
        project_name = f"FT {tree_name} {stamp}"
        ids = production.build(call, project_name)
        call("PUT", f"/data/projects/{ids['project']}", {"file_tree": tree})
        projects[tree_name] = project_name
        for key, path, body in production.requests_of(tree_name):
            answer = send("POST", production.resolve(path, ids),
                          production.resolve(body, ids))
            if answer.status_code >= 500:
                found = {"message": None}
            elif answer.status_code >= 400:
                found = answer.json()
                found = {"message": found.get("message", found.get("error"))}
            else:
                found = production.compared(answer.json())
            cases[key] = {"status": answer.status_code, "answer": found}
        for key, source, what, sep in production.GUESSES:
            if cases[f"{tree_name}/{source}"]["status"] >= 400:
                continue
            file_path = production.guessed_path(cases[f"{tree_name}/{source}"]["answer"],
                                                what, project_name)
            found = call("POST", "/data/entities/guess-from-path", {
                "project_id": ids["project"], "file_path": file_path, "sep": sep})
            cases[f"{tree_name}/guess/{key}"] = {
                "status": 200, "file_path": file_path, "answer": referenced(found, ids)}
    OUTPUT.write_text(json.dumps({
        "_comment": (f"Written by tools/zou_file_tree_paths.py from Zou {version} at "
                     f"{args.zou}: the production of production.py built once per tree, "
                     "the tree set with PUT /data/projects/{id} (Zou's default.json and "
                     "simple.json, and studio_tree.json), then each path request sent, then "
                     "guess-from-path with paths of those answers (ids written $key). "
                     "Answers keep their path keys (production.ANSWER_KEYS), errors their "
                     "message only."),
        "zou_version": version,
        "projects": projects,
        "cases": cases,
    }, indent=1, ensure_ascii=False) + "\n")
    print(f"{len(cases)} answers written to {OUTPUT}")


if __name__ == "__main__":
    main()
