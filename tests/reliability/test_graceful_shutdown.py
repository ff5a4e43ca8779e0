"""SIGTERM to ``dopesheet serve`` while a request is in flight: gunicorn stops taking new
connections, and the request in flight (here: its body still arriving) finishes and is
written."""

import json
import os
import signal
import socket
import time

import pytest

from tests.live_server import Servers, environment, run

ADMIN = {"DOPESHEET_ADMIN_EMAIL": "admin@shutdown.example.com",
         "DOPESHEET_ADMIN_PASSWORD": "shutdown admin password"}


@pytest.fixture
def served(tmp_path):
    seeded = run("init-data", env=environment(tmp_path, **ADMIN))
    assert seeded.returncode == 0, seeded.stderr
    servers = Servers(tmp_path)
    yield servers.start(**ADMIN)
    servers.close()


def test_a_request_in_flight_finishes_after_sigterm(served):
    status, tokens = served.call("POST", "/auth/login", {
        "email": ADMIN["DOPESHEET_ADMIN_EMAIL"], "password": ADMIN["DOPESHEET_ADMIN_PASSWORD"]})
    assert status == 200
    body = json.dumps({"name": "Finished after SIGTERM", "color": ""}).encode()
    head = (f"POST /data/departments HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            f"Authorization: Bearer {tokens['access_token']}\r\n"
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
    assert answer.startswith(b"HTTP/1.1 201"), answer[:300]
    assert served.process.wait(timeout=60) == 0
    assert b"Finished after SIGTERM" in answer
