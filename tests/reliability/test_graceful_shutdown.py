"""One ``dopesheet serve`` life, from start to SIGTERM with a request in flight: gunicorn
stops taking new connections, the request in flight (here: its body still arriving)
finishes and is written, and every line the server logged carries a request id."""

import json
import os
import re
import signal
import socket
import time

import pytest

from tests.live_server import Servers, environment, run

ADMIN = {"DOPESHEET_ADMIN_EMAIL": "admin@shutdown.example.com",
         "DOPESHEET_ADMIN_PASSWORD": "shutdown admin password"}
IN_FLIGHT_ID = "in-flight-42"
# date, level, logger, [request id], message: the format of framework/logs.py
LOG_LINE = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} [A-Z]+ [\w.]+ \[([^\]]+)\] .+$")


@pytest.fixture(scope="module")
def life(tmp_path_factory):
    """``(raw answer to the request in flight, exit status, the server's whole output)``."""
    directory = tmp_path_factory.mktemp("shutdown")
    seeded = run("init-data", env=environment(directory, **ADMIN))
    assert seeded.returncode == 0, seeded.stderr
    servers = Servers(directory)
    served = servers.start(**ADMIN)
    try:
        yield interrupt_a_request(served)
    finally:
        servers.close()


def interrupt_a_request(served):
    status, tokens = served.call("POST", "/auth/login", {
        "email": ADMIN["DOPESHEET_ADMIN_EMAIL"], "password": ADMIN["DOPESHEET_ADMIN_PASSWORD"]})
    assert status == 200
    body = json.dumps({"name": "Finished after SIGTERM", "color": ""}).encode()
    head = (f"POST /data/departments HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            f"Authorization: Bearer {tokens['access_token']}\r\n"
            f"X-Request-ID: {IN_FLIGHT_ID}\r\n"
            f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n"
            "Connection: close\r\n\r\n").encode()
    with socket.create_connection(("127.0.0.1", served.port), timeout=30) as connection:
        connection.sendall(head + body[:10])
        time.sleep(1)  # a worker accepts the connection and waits for the rest of the body
        os.killpg(served.process.pid, signal.SIGTERM)
        connection.sendall(body[10:])
        answer = b""
        while chunk := connection.recv(65536):
            answer += chunk
    return answer, served.process.wait(timeout=60), served.output


def test_a_request_in_flight_finishes_after_sigterm(life):
    answer, exit_status, _ = life
    assert answer.startswith(b"HTTP/1.1 201"), answer[:300]
    assert exit_status == 0
    assert b"Finished after SIGTERM" in answer


def test_every_log_line_carries_a_request_id(life):
    """gunicorn's own lines included (``-`` outside a request); a request's lines carry the
    id the client sent, or the one it was given in ``X-Request-ID``."""
    lines = life[2].splitlines()
    assert [line for line in lines if not LOG_LINE.match(line)] == []
    ids = {LOG_LINE.match(line).group(1): line for line in lines if "dopesheet.access" in line}
    assert "POST /data/departments 201" in ids[IN_FLIGHT_ID]
    login = next(request_id for request_id, line in ids.items() if "/auth/login 200" in line)
    assert re.fullmatch(r"[0-9a-f]{16}", login)
    assert any("gunicorn.error [-] Shutting down" in line for line in lines)
