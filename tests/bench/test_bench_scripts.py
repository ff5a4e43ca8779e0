"""The scripts a studio runs to measure its own deployment (``bench/``), against Dopesheet
served by real gunicorn: ``seed.py`` must fill it through the current API, one comment per
request and in batches, ``load.py`` must drive the mix on what it seeded, and ``routes.py``
must time every GET route it finds ids for."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from framework.testing import database_kinds
from tests.live_server import serve_on

BENCH = Path(__file__).resolve().parents[2] / "bench"
ADMIN = ["--email", "admin@bench.example.com", "--password", "bench admin password"]
TINY = {"assets": 10, "shots": 20, "tasks": 10 * 2 + 20 * 2, "comments": 100}


@pytest.fixture(scope="module", params=database_kinds())
def served(request, tmp_path_factory, _postgres_schemas):
    directory = tmp_path_factory.mktemp(f"bench-{request.param}")
    env = {"DOPESHEET_ADMIN_EMAIL": ADMIN[1], "DOPESHEET_ADMIN_PASSWORD": ADMIN[3]}
    servers, server = serve_on(request.param, "bench-scripts", directory, _postgres_schemas, env)
    yield server
    servers.close()


def bench(script, server, *args):
    return subprocess.run([sys.executable, str(BENCH / script), "--url", server.url, *ADMIN,
                           *args], capture_output=True, text=True, timeout=300)


def seeded_counts(server, prefix):
    """Assets, shots, tasks and comments of the project ``seed.py`` named after ``prefix``."""
    token = server.call("POST", "/api/auth/login",
                        {"email": ADMIN[1], "password": ADMIN[3]})[1]["access_token"]

    def get(path):
        status, body = server.call("GET", f"/api{path}", token=token)
        assert status == 200, body
        return body

    project = next(p for p in get("/data/projects") if p["name"] == f"{prefix} Project 1")
    return {"assets": len(get(f"/data/assets?project_id={project['id']}")),
            "shots": len(get(f"/data/shots?project_id={project['id']}")),
            "tasks": len(get(f"/data/tasks?project_id={project['id']}")),
            "comments": len(get(f"/data/projects/{project['id']}/comments"))}


@pytest.mark.parametrize("prefix, options", [("Single", []), ("Batch", ["--comment-batch", "20"])])
def test_seed_fills_a_server_with_the_tiny_dataset(served, prefix, options):
    result = bench("seed.py", served, "--scale", "tiny", "--prefix", prefix, *options)
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(r"^SEED \d+ records in [\d.]+s = \d+ writes/s$", result.stdout, re.M)
    assert seeded_counts(served, prefix) == TINY


def test_seed_refuses_a_negative_batch(served):
    result = bench("seed.py", served, "--comment-batch", "-1")
    assert result.returncode == 2
    assert "--comment-batch must be 0 or more" in result.stderr


@pytest.mark.skipif(shutil.which("wrk") is None, reason="load.py drives wrk (apt-get install wrk)")
def test_load_runs_the_mix_on_a_seeded_server(served):
    seeding = bench("seed.py", served, "--scale", "tiny", "--prefix", "Load")
    assert seeding.returncode == 0, seeding.stderr
    result = bench("load.py", served, "--prefix", "Load", "--duration", "2", "--warmup", "0",
                   "--concurrency", "2", "--server-pids", str(served.process.pid))
    assert result.returncode == 0, result.stdout + result.stderr
    line = re.search(r"^LOAD \S+ c=2: ([\d.]+) req/s, p50 [\d.]+ ms, p95 [\d.]+ ms, "
                     r"p99 [\d.]+ ms, (\d+) errors, server CPU ([\d.]+) ms/request$",
                     result.stdout, re.M)
    assert line, result.stdout
    assert float(line[1]) > 0 and line[2] == "0" and float(line[3]) > 0


def test_routes_times_every_get_route_on_a_seeded_server(served):
    seeding = bench("seed.py", served, "--scale", "tiny", "--prefix", "Routes")
    assert seeding.returncode == 0, seeding.stderr
    result = bench("routes.py", served, "--prefix", "Routes", "--repeat", "1", "--top", "5")
    assert result.returncode == 0, result.stdout + result.stderr
    timed = re.findall(r"^ +[\d.]+ ms  (\d{3}) +\d+ B  (/\S+)$", result.stdout, re.M)
    assert len(timed) == 5 and all(status == "200" for status, _ in timed), result.stdout
    summary = re.search(r"^ROUTES (\d+) timed, (\d+) without seeded ids, 0 server errors, "
                        r"slowest (/\S+) [\d.]+ ms$", result.stdout, re.M)
    assert summary and int(summary[1]) > 200, result.stdout
    assert summary[3] == timed[0][1]


def test_routes_needs_a_seeded_project(served):
    result = bench("routes.py", served, "--prefix", "Never seeded")
    assert result.returncode == 1
    assert "run bench/seed.py first" in result.stderr
