#!/usr/bin/env python3
"""Run the front-end request mix against a seeded server with wrk and report req/s,
latency percentiles, errors and (with --server-pids) server CPU per request.

    python bench/load.py --url http://127.0.0.1:8000 --email admin@example.com \\
        --password ... --duration 30 --concurrency 8 --server-pids 1234,5678

The mix (weights in % of requests) is what Kitsu and pipeline scripts do most: reads of a
task and its comments, the user, a project, persons, lists per project, and 10% writes
(a comment with a status change, a task update). Needs `wrk` (apt-get install wrk).
"""

import argparse
import os
import random
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from client import Api, add_server_arguments

MIX = [
    (12, "GET", "/auth/authenticated", ""),
    (8, "GET", "/data/projects/{project}", ""),
    (8, "GET", "/data/persons", ""),
    (4, "GET", "/data/tasks?project_id={project}", ""),
    (4, "GET", "/data/assets?project_id={project}", ""),
    (4, "GET", "/data/shots?project_id={project}", ""),
    (25, "GET", "/data/tasks/{task}", ""),
    (25, "GET", "/data/tasks/{task}/comments", ""),
    (5, "POST", "/actions/tasks/{written_task}/comment",
     '{"task_status_id": "{status}", "comment": "bench note"}'),
    (5, "PUT", "/data/tasks/{written_task}", '{"priority": 2}'),
]
HERE = Path(__file__).resolve().parent


def discover(api, prefix, rng):
    """Ids to draw from: the seeded projects, 90% of their tasks for reads, the other 10%
    for writes (so reads do not grow heavier as comments are added)."""
    projects = [p["id"] for p in api.get("/data/projects")
                if p["name"].startswith(f"{prefix} Project")]
    if not projects:
        raise SystemExit(f"no project named '{prefix} Project ...': run bench/seed.py first")
    tasks = [t["id"] for p in projects for t in api.get(f"/data/tasks?project_id={p}")]
    rng.shuffle(tasks)
    cut = max(1, len(tasks) // 10)
    statuses = [s["id"] for s in api.get("/data/task-status")
                if s["short_name"].lower() in ("wip", "wfa", "retake", "done")]
    return {"project": projects, "task": tasks[cut:], "written_task": tasks[:cut],
            "status": statuses}


def process_tree_cpu(pids):
    """User+system CPU seconds of the processes and all their descendants."""
    ticks = os.sysconf("SC_CLK_TCK")
    children = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            parts = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(parts[1]), []).append(int(stat.parent.name))
    total, todo = 0, list(pids)
    while todo:
        pid = todo.pop()
        try:
            parts = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(parts[11]) + int(parts[12])) / ticks
        todo += children.get(pid, [])
    return total


def run(args):
    rng = random.Random(args.seed)
    api = Api(args.url).login(args.email, args.password)
    pools = discover(api, args.prefix, rng)
    with tempfile.NamedTemporaryFile("w", suffix=".mix", delete=False) as mix:
        mix.write(f"token\t{api.token}\n")
        for name, values in pools.items():
            mix.writelines(f"pool\t{name}\t{value}\n" for value in values)
        mix.writelines(f"request\t{w}\t{m}\t{p}\t{b}\n" for w, m, p, b in MIX)
    env = dict(os.environ, MIX_FILE=mix.name)
    wrk = ["wrk", f"-t{args.concurrency}", f"-c{args.concurrency}", "--timeout", "60s",
           "-s", str(HERE / "mix.lua"), args.url]
    if args.warmup:
        subprocess.run(wrk[:1] + [f"-d{args.warmup}s"] + wrk[1:], env=env,
                       capture_output=True, check=True)
    cpu_before = process_tree_cpu(args.server_pids)
    result = subprocess.run(wrk[:1] + [f"-d{args.duration}s"] + wrk[1:], env=env,
                            capture_output=True, text=True, check=True)
    cpu = process_tree_cpu(args.server_pids) - cpu_before
    os.unlink(mix.name)
    figures = dict(re.findall(r"(\w+)=([\d.]+)", result.stdout.split("MIX", 1)[1]))
    requests, seconds = int(figures["requests"]), float(figures["seconds"])
    line = (f"LOAD {args.url} c={args.concurrency}: {requests / seconds:.1f} req/s, "
            f"p50 {figures['p50']} ms, p95 {figures['p95']} ms, p99 {figures['p99']} ms, "
            f"{int(figures['errors']) + int(figures['non2xx'])} errors")
    if args.server_pids:
        line += f", server CPU {cpu / requests * 1000:.2f} ms/request"
    print(line)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    add_server_arguments(parser)
    parser.add_argument("--duration", type=int, default=30)
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--prefix", default="Bench")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--server-pids", type=lambda text: [int(p) for p in text.split(",")],
                        default=[], help="pids whose process trees are the server (gunicorn "
                                         "master, database): CPU time per request")
    run(parser.parse_args(argv))
    return 0


if __name__ == "__main__":
    sys.exit(main())
