"""Bots' API tokens (zou/behaviour.md: made when a bot is created or its expiration date
set, no expiry unless it has one, the last one only)."""

import jwt

from tests.conftest import Studio
from tests.framework.plugin_factory import plugin_module
from tests.plugins.auth.helpers import bearer


def new_bot(studio, admin_headers, **fields):
    created = studio.client.simulate_post("/data/persons", headers=admin_headers, json={
        "first_name": "Render farm", "last_name": "", "email": "farm@example.com",
        "is_bot": True, **fields})
    assert created.status_code == 201, created.text
    return created.json


def test_a_bot_works_with_the_token_of_its_creation(app, studio, admin_headers):
    bot = new_bot(studio, admin_headers)
    claims = jwt.decode(bot["access_token"], app.dopesheet.secret_key, algorithms=["HS256"])
    assert (claims["identity_type"], claims["sub"], "exp" in claims) == ("bot", bot["id"],
                                                                        False)
    me = studio.client.simulate_get("/auth/authenticated", headers=bearer(bot["access_token"]))
    assert me.json["user"]["id"] == bot["id"]
    read = studio.client.simulate_get(f"/data/persons/{bot['id']}", headers=admin_headers)
    assert "access_token" not in read.json


def test_a_bot_is_refused_the_routes_of_people(studio, admin_headers):
    token = new_bot(studio, admin_headers)["access_token"]
    for path in ("/auth/logout", "/data/user/context"):
        assert studio.client.simulate_get(path, headers=bearer(token)).status_code == 403


def test_a_new_expiration_date_replaces_the_token(app, studio, admin_headers):
    bot = new_bot(studio, admin_headers, expiration_date="2099-12-31")
    claims = jwt.decode(bot["access_token"], app.dopesheet.secret_key, algorithms=["HS256"])
    assert claims["exp"] == 4102444799
    renewed = studio.client.simulate_put(f"/data/persons/{bot['id']}", headers=admin_headers,
                                         json={"expiration_date": "2098-01-01"})
    assert renewed.json["access_token"] != bot["access_token"]
    old = studio.client.simulate_get("/auth/authenticated", headers=bearer(bot["access_token"]))
    assert (old.status_code, old.json["message"]) == (401, "Token has been revoked")
    assert studio.client.simulate_get("/auth/authenticated", headers=bearer(
        renewed.json["access_token"])).status_code == 200


def test_a_deactivated_or_deleted_bot_is_refused(studio, admin_headers):
    bot = new_bot(studio, admin_headers)
    studio.client.simulate_put(f"/data/persons/{bot['id']}", headers=admin_headers,
                               json={"active": False})
    assert studio.client.simulate_get("/auth/authenticated", headers=bearer(
        bot["access_token"])).status_code == 401
    studio.client.simulate_delete(f"/data/persons/{bot['id']}", headers=admin_headers)
    assert studio.client.simulate_get("/auth/authenticated", headers=bearer(
        bot["access_token"])).status_code == 401


GATE = '''
class Gate:
    """A studio's middleware that authenticates before any route is chosen."""

    def __init__(self, dopesheet):
        self.dopesheet = dopesheet

    def process_request(self, req, resp):
        if req.path == "/gate":
            principal = self.dopesheet.hooks.authenticate(req, self.dopesheet)
            resp.media = {"id": str(principal.id)}
            resp.complete = True


@hookimpl
def register_middleware(dopesheet):
    return [Gate(dopesheet)]
'''


def test_a_plugin_may_authenticate_a_bot_before_routing(register_plugin):
    studio = Studio(register_plugin("gate", plugin_module("gate", GATE)))
    bot = new_bot(studio, studio.headers(studio.person("admin")))
    for path in ("/gate", "/api/gate"):
        result = studio.client.simulate_get(path, headers=bearer(bot["access_token"]))
        assert (result.status_code, result.json) == (200, {"id": bot["id"]}), path
