#!/usr/bin/env python3
"""Fill a Dopesheet (or any Zou-compatible) server with a production-like dataset through
its HTTP API, and time it: seeding throughput is one of the figures of bench/README.md.

    python bench/seed.py --url http://127.0.0.1:8000 --email admin@example.com \\
        --password ... --scale small

Scales: tiny (1 project, 10 assets, 20 shots, ~60 tasks, 100 comments), small (1 project,
100 assets, 200 shots, ~1,000 tasks, 2,000 comments, 20 artists) and large (5 projects,
2,000 assets, 5,000 shots, ~30,000 tasks, 50,000 comments, 100 artists). The same --seed
builds the same structure on any server. Comments go one per request
(`POST /actions/tasks/{id}/comment`, what an artist's client sends) or, with
--comment-batch N, N per `POST /actions/projects/{id}/tasks/comment-many` (what a pipeline
script posting many notes at once sends). Standard library only.
"""

import argparse
import random
import sys
import time
from concurrent.futures import ThreadPoolExecutor

from client import Api, add_server_arguments

SCALES = {
    "tiny": dict(projects=1, assets=10, sequences=2, shots=10, asset_types=2, shot_types=2,
                 comments=100, artists=5),
    "small": dict(projects=1, assets=100, sequences=10, shots=20, asset_types=4, shot_types=3,
                  comments=2000, artists=20),
    "large": dict(projects=5, assets=400, sequences=20, shots=50, asset_types=5, shot_types=4,
                  comments=50000, artists=100),
}
ASSET_TASK_TYPES = ["Concept", "Modeling", "Shading", "Rigging", "Texture"]
SHOT_TASK_TYPES = ["Storyboard", "Layout", "Animation", "Lighting", "Compositing"]
ASSET_TYPES = ["Character", "Prop", "Environment", "FX"]
COMMENT_STATUSES = ["wip", "wip", "wfa", "wfa", "retake", "done"]
WORDS = ("rim light timing frame contact shadow eyes intersection approved retake please "
         "check the silhouette polish blocking spline tangents scale texture").split()


class Seeder:
    def __init__(self, api, scale, workers, rng, comment_batch=0):
        self.api, self.scale, self.workers, self.rng = api, scale, workers, rng
        self.comment_batch = comment_batch
        self.report = []

    def phase(self, label, items, action, records=lambda item: 1):
        items = list(items)
        started = time.perf_counter()
        with ThreadPoolExecutor(self.workers) as pool:
            results = list(pool.map(action, items))
        seconds = time.perf_counter() - started
        count = sum(records(item) for item in items)
        self.report.append((label, count, len(items), seconds))
        print(f"  {label}: {count} records, {len(items)} requests, "
              f"{count / seconds if seconds else 0:.0f} records/s", flush=True)
        return results

    def reference_data(self):
        statuses = {s["short_name"].lower(): s for s in self.api.get("/data/task-status")}
        types = {t["name"]: t for t in self.api.get("/data/task-types")}
        kinds = {t["name"]: t for t in self.api.get("/data/asset-types")}
        for name in ASSET_TYPES:
            if name not in kinds:
                kinds[name] = self.api.post("/data/entity-types", {"name": name})
        scale = self.scale
        self.asset_types = [kinds[name] for name in ASSET_TYPES]
        self.asset_task_types = [types[name] for name in ASSET_TASK_TYPES
                                 if name in types][:scale["asset_types"]]
        self.shot_task_types = [types[name] for name in SHOT_TASK_TYPES
                                if name in types][:scale["shot_types"]]
        self.statuses = statuses

    def run(self, prefix):
        api, scale, rng = self.api, self.scale, self.rng
        self.reference_data()
        artists = self.phase("artists", range(scale["artists"]), lambda n: api.post(
            "/data/persons", {"first_name": "Artist", "last_name": f"{prefix} {n:03d}",
                              "email": f"{prefix.lower()}-artist-{n:03d}@bench.example.com",
                              "role": "user"}))
        projects = self.phase("projects", range(scale["projects"]), lambda n: api.post(
            "/data/projects", {"name": f"{prefix} Project {n + 1}",
                               "production_type": "featurefilm"}))
        links = []
        for project in projects:
            base = f"/data/projects/{project['id']}"
            links += [(f"{base}/settings/task-types", {"task_type_id": t["id"]})
                      for t in self.asset_task_types + self.shot_task_types]
            links += [(f"{base}/settings/task-status", {"task_status_id": s["id"]})
                      for s in self.statuses.values()]
            links += [(f"{base}/settings/asset-types", {"asset_type_id": t["id"]})
                      for t in self.asset_types]
            links += [(f"{base}/team", {"person_id": a["id"]}) for a in artists]
        self.phase("project settings and team", links, lambda link: api.post(*link))
        assets = self.phase("assets", [(p, n) for p in projects for n in range(scale["assets"])],
                            lambda job: api.post(
                                f"/data/projects/{job[0]['id']}/asset-types/"
                                f"{rng.choice(self.asset_types)['id']}/assets/new",
                                {"name": f"Asset {job[1]:04d}", "description": "bench"}))
        sequences = self.phase(
            "sequences", [(p, n) for p in projects for n in range(scale["sequences"])],
            lambda job: api.post(f"/data/projects/{job[0]['id']}/sequences",
                                 {"name": f"SQ{job[1] + 1:03d}"}))
        shots = self.phase(
            "shots", [(s, n) for s in sequences for n in range(scale["shots"])],
            lambda job: api.post(f"/data/projects/{job[0]['project_id']}/shots",
                                 {"name": f"SH{(job[1] + 1) * 10:04d}",
                                  "sequence_id": job[0]["id"], "nb_frames": 48}))
        task_jobs = []
        for project in projects:
            for kind, entities, types in (("assets", assets, self.asset_task_types),
                                          ("shots", shots, self.shot_task_types)):
                ids = [e["id"] for e in entities if e["project_id"] == project["id"]]
                for task_type in types:
                    for start in range(0, len(ids), 250):
                        task_jobs.append((f"/actions/projects/{project['id']}/task-types/"
                                          f"{task_type['id']}/{kind}/create-tasks",
                                          ids[start:start + 250]))
        created = self.phase("tasks", task_jobs, lambda job: api.post(*job),
                             records=lambda job: len(job[1]))
        tasks = [task for batch in created for task in batch]
        by_artist = {}
        for task in tasks:
            by_artist.setdefault(rng.choice(artists)["id"], []).append(task["id"])
        assignments = [(person, ids[i:i + 250]) for person, ids in by_artist.items()
                       for i in range(0, len(ids), 250)]
        self.phase("assignments", assignments, lambda job: api.put(
            f"/actions/persons/{job[0]}/assign", {"task_ids": job[1]}),
            records=lambda job: len(job[1]))
        comments = [(rng.choice(tasks), self.statuses[rng.choice(COMMENT_STATUSES)]["id"],
                     " ".join(rng.choice(WORDS) for _ in range(rng.randint(4, 16))))
                    for _ in range(scale["comments"])]
        if self.comment_batch:
            self.post_comment_batches(comments)
        else:
            self.phase("comments", comments, lambda job: api.post(
                f"/actions/tasks/{job[0]['id']}/comment",
                {"task_status_id": job[1], "comment": job[2]}))

    def post_comment_batches(self, comments):
        """The comments by project, ``comment_batch`` per request."""
        by_project, size = {}, self.comment_batch
        for comment in comments:
            by_project.setdefault(comment[0]["project_id"], []).append(comment)
        batches = [(project, items[start:start + size]) for project, items in by_project.items()
                   for start in range(0, len(items), size)]
        self.phase("comments", batches, lambda job: self.api.post(
            f"/actions/projects/{job[0]}/tasks/comment-many",
            [{"object_id": task["id"], "task_status_id": status, "comment": text}
             for task, status, text in job[1]]), records=lambda job: len(job[1]))

    def summary(self):
        records = sum(row[1] for row in self.report)
        seconds = sum(row[3] for row in self.report)
        return records, seconds


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    add_server_arguments(parser)
    parser.add_argument("--scale", choices=SCALES, default="small")
    parser.add_argument("--workers", type=int, default=4, help="parallel connections")
    parser.add_argument("--comment-batch", type=int, default=0,
                        help="comments per comment-many request (default 0: one per request)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--prefix", default="Bench", help="names of the seeded projects")
    args = parser.parse_args(argv)
    if args.comment_batch < 0:
        parser.error("--comment-batch must be 0 or more")
    api = Api(args.url).login(args.email, args.password)
    seeder = Seeder(api, SCALES[args.scale], args.workers, random.Random(args.seed),
                    args.comment_batch)
    print(f"seeding {args.url} at scale {args.scale}", flush=True)
    seeder.run(args.prefix)
    records, seconds = seeder.summary()
    print(f"SEED {records} records in {seconds:.1f}s = {records / seconds:.0f} writes/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
