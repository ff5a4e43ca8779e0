#!/usr/bin/env python3
"""Time every GET route of a seeded server, slowest first.

    python bench/routes.py --url http://127.0.0.1:8000 --email admin@example.com \\
        --password ... --top 30

The routes come from the server's own OpenAPI document (a studio plugin's routes are timed
too) and their ids from what bench/seed.py wrote under --prefix: its first project,
sequence, shot, asset, and its first artist with one of their tasks. The admin calls every
route --repeat times; the median is reported with the status and the size of the answer.
A route whose ids are not among those (a playlist's, a budget's...) is counted, not timed.
Routes answering files, the docs and logout are left out. The exit status is 1 when a route
answers a server error.
"""

import argparse
import datetime
import re
import statistics
import sys
import time

from client import Api, ApiError, add_server_arguments

LEFT_OUT = re.compile(r"^/(pictures|movies|export|docs|openapi\.json$|auth/)|/download|"
                      r"/file$|/file/|/build/mp4$|/extract-|/presence-logs/")


def discover(api, prefix):
    """Placeholder name -> id, from the dataset seed.py wrote under ``prefix``."""
    projects = [p for p in api.get("/data/projects") if p["name"].startswith(f"{prefix} Project")]
    if not projects:
        raise SystemExit(f"no project named '{prefix} Project ...': run bench/seed.py first")
    project = projects[0]["id"]
    starts = (f"{prefix.lower()}-artist-", f"{prefix.lower().replace(' ', '-')}-artist-")
    artist = min((p for p in api.get("/data/persons") if p["email"].startswith(starts)),
                 key=lambda person: person["email"])
    task = api.get(f"/data/persons/{artist['id']}/tasks")[0]
    shot = api.get(f"/data/projects/{project}/shots")[0]
    asset = api.get(f"/data/projects/{project}/assets")[0]
    comments = api.get(f"/data/tasks/{task['id']}/comments")
    today = datetime.date.today()
    year, week, _ = today.isocalendar()
    ids = {"project_id": project, "sequence_id": shot["parent_id"], "shot_id": shot["id"],
           "entity_id": shot["id"], "asset_id": asset["id"],
           "asset_type_id": asset["entity_type_id"], "person_id": artist["id"],
           "task_id": task["id"], "task_type_id": task["task_type_id"],
           "year": str(today.year), "month": str(today.month), "week": str(week),
           "day": str(today.day), "date": today.isoformat(),
           "month_date": today.strftime("%Y-%m")}
    if comments:
        ids["comment_id"] = comments[0]["id"]
    return ids


def timed(api, path, repeat):
    """``(median ms, status, bytes)`` of ``repeat`` calls."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        status, payload = api.raw("GET", path)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), status, len(payload)


def run(args):
    api = Api(args.url).login(args.email, args.password)
    ids = discover(api, args.prefix)
    paths = sorted(path for path, operations in api.get("/openapi.json")["paths"].items()
                   if "get" in operations and not LEFT_OUT.search(path)
                   and path not in ("/", "/status", "/config"))
    results, without_ids = [], 0
    for template in paths:
        if not set(re.findall(r"\{(\w+)", template)) <= set(ids):
            without_ids += 1
            continue
        results.append((*timed(api, template.format(**ids), args.repeat), template))
    results.sort(reverse=True)
    for milliseconds, status, size, template in results[:args.top]:
        print(f"{milliseconds:9.1f} ms  {status}  {size:>10} B  {template}")
    failed = [template for _, status, _, template in results if status >= 500]
    for template in failed:
        print(f"server error: {template}")
    slowest = f", slowest {results[0][3]} {results[0][0]:.1f} ms" if results else ""
    print(f"ROUTES {len(results)} timed, {without_ids} without seeded ids, "
          f"{len(failed)} server errors{slowest}")
    return 1 if failed else 0


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    add_server_arguments(parser)
    parser.add_argument("--prefix", default="Bench")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--top", type=int, default=30, help="routes printed, slowest first")
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be 1 or more")
    try:
        return run(args)
    except ApiError as error:
        raise SystemExit(str(error))


if __name__ == "__main__":
    sys.exit(main())
