"""A small HTTP client for the benchmark scripts: standard library only, one keep-alive
connection per thread, JSON in and out, a bearer token."""

import http.client
import json
import threading
import urllib.parse


class ApiError(Exception):
    pass


class Api:
    def __init__(self, url, token=None):
        parsed = urllib.parse.urlsplit(url)
        self.host, self.port = parsed.hostname, parsed.port or 80
        self.prefix = parsed.path.rstrip("/")
        self.token = token
        self._local = threading.local()

    def _connection(self):
        if getattr(self._local, "connection", None) is None:
            self._local.connection = http.client.HTTPConnection(self.host, self.port,
                                                                timeout=120)
        return self._local.connection

    def raw(self, method, path, body=None):
        """``(status, payload bytes)`` of one request, whatever its status."""
        headers = {"Content-Type": "application/json"} if body is not None else {}
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        data = json.dumps(body).encode() if body is not None else None
        for attempt in (1, 2):
            connection = self._connection()
            try:
                connection.request(method, self.prefix + path, body=data, headers=headers)
                response = connection.getresponse()
                return response.status, response.read()
            except (ConnectionError, http.client.HTTPException):
                connection.close()
                self._local.connection = None
                if attempt == 2:
                    raise

    def call(self, method, path, body=None):
        status, payload = self.raw(method, path, body)
        if status >= 400:
            raise ApiError(f"{method} {path}: {status} {payload[:300]!r}")
        return json.loads(payload) if payload else None

    def get(self, path):
        return self.call("GET", path)

    def post(self, path, body):
        return self.call("POST", path, body)

    def put(self, path, body):
        return self.call("PUT", path, body)

    def login(self, email, password):
        self.token = self.post("/auth/login", {"email": email, "password": password})[
            "access_token"]
        return self


def add_server_arguments(parser):
    """The options every bench script takes: the server and the admin who logs in."""
    parser.add_argument("--url", required=True, help="base URL (with /api if it is served so)")
    parser.add_argument("--email", required=True)
    parser.add_argument("--password", required=True)
