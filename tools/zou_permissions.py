"""Run the permissions matrix of the reliability tests against a served API (a running Zou
1.0.97, or a Dopesheet) and print every answer that is not the one the table expects.

The table (tests/reliability/test_permissions_matrix.py) builds its production through the
API with the admin given here, then sends each operation as each of the six roles. Against
Zou 1.0.97 the only lines printed should be the difference the table marks (POST
/data/tasks, which Zou leaves open to anyone). Not run in CI.

    /tmp/venv/bin/python tools/zou_permissions.py --url http://127.0.0.1:5000 \\
        --email admin@example.com --password mysecretpassword
"""

import argparse
import json
import pathlib
import sys
import urllib.error
import urllib.request

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.reliability.test_permissions_matrix import (  # noqa: E402
    OTHER_PROJECT, ROLES, TABLE, World, mismatches)


def http_call(base_url):
    """``call(method, path, token, body) -> (status, text, json)`` over real HTTP."""
    def call(method, path, token, body):
        headers = {"Content-Type": "application/json"} if body is not None else {}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        request = urllib.request.Request(base_url + path, method=method, headers=headers,
                                         data=None if body is None else json.dumps(body).encode())
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                status, text = response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            with error:
                status, text = error.code, error.read().decode()
        try:
            return status, text, json.loads(text) if text else None
        except ValueError:
            return status, text, None

    return call


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", required=True)
    parser.add_argument("--email", required=True)
    parser.add_argument("--password", required=True)
    args = parser.parse_args()
    call = http_call(args.url.rstrip("/"))
    status, text, tokens = call("POST", "/auth/login", None,
                                {"email": args.email, "password": args.password})
    if status != 200:
        sys.exit(f"login failed: {status} {text}")
    world = World(call, tokens["access_token"])
    differences = 0
    for role in ROLES:
        for name, answer in {**mismatches(world, role, TABLE),
                             **mismatches(world, role, OTHER_PROJECT)}.items():
            differences += 1
            print(f"{role:<10} {name}: {answer}")
    answers = len(ROLES) * (len(TABLE) + len(OTHER_PROJECT))
    print(f"{answers - differences} of {answers} answers as the table expects")


if __name__ == "__main__":
    main()
