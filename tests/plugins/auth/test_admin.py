"""The admin role rule, passwords set through /data/persons, ``create-admin`` and the admin
bootstrap of ``init-data``."""

import io
import re

import pytest

from framework.cli import main
from framework.db import bind, db, release_connections
from plugins.persons.models import Person
from tests.conftest import FAST_HASHING, PASSWORD, Studio
from tests.plugins.auth.helpers import WRONG_CREDENTIALS, bearer


def login(client, email, password=PASSWORD):
    return client.simulate_post("/auth/login", json={"email": email, "password": password})


# -- the admin rule ------------------------------------------------------------------------

def test_admin_may_create_update_and_delete_persons(studio, admin_headers):
    artist = studio.person("user", email="artist@example.com")
    created = studio.client.simulate_post("/data/persons", headers=admin_headers,
                                          json={"first_name": "New", "email": "new@example.com"})
    assert created.status_code == 201
    updated = studio.client.simulate_put(f"/data/persons/{artist.id}", headers=admin_headers,
                                         json={"role": "manager"})
    assert updated.status_code == 200
    assert updated.json["role"] == "manager"
    deleted = studio.client.simulate_delete(f"/data/persons/{created.json['id']}",
                                            headers=admin_headers)
    assert deleted.status_code == 204


@pytest.mark.parametrize("role", ["user", "supervisor", "manager", "client", "vendor"])
def test_other_roles_get_no_admin_rights(studio, role):
    caller = studio.person(role, email=f"{role}@example.com")
    other = studio.person("user", email="other@example.com")
    headers = studio.headers(caller)
    assert studio.client.simulate_post("/data/persons", headers=headers, json={
        "first_name": "New", "email": "new@example.com"}).status_code == 403
    assert studio.client.simulate_put(f"/data/persons/{other.id}", headers=headers,
                                      json={"role": "admin"}).status_code == 403
    promoted = studio.client.simulate_put(f"/data/persons/{caller.id}", headers=headers,
                                          json={"role": "admin"})
    assert (promoted.status_code, promoted.json["role"]) == (200, role)  # ignored, as Zou
    assert studio.client.simulate_delete(f"/data/persons/{other.id}",
                                         headers=headers).status_code == 403


def test_a_plugin_veto_overrides_the_admin_rule(studio):
    admin = studio.person("admin", email="boss@example.com")
    result = studio.client.simulate_delete(f"/data/persons/{admin.id}",
                                           headers=studio.headers(admin))
    assert result.status_code == 403


def test_the_role_is_read_at_each_request_not_from_the_token(studio, admin_headers):
    deputy = studio.person("admin", email="deputy@example.com")
    deputy_headers = studio.headers(deputy)
    assert studio.client.simulate_put(f"/data/persons/{deputy.id}", headers=admin_headers,
                                      json={"role": "user"}).status_code == 200
    result = studio.client.simulate_post("/data/persons", headers=deputy_headers,
                                         json={"first_name": "New", "email": "new@example.com"})
    assert result.status_code == 403


# -- passwords given to POST /data/persons (the set_person_password hook) --------------------

def test_a_person_created_with_a_password_can_log_in(studio, admin_headers):
    created = studio.client.simulate_post("/data/persons", headers=admin_headers, json={
        "first_name": "New", "email": "new@example.com", "password": "a long passphrase"})
    assert created.status_code == 201
    assert "password" not in created.json
    result = login(studio.client, "new@example.com", "a long passphrase")
    assert result.status_code == 200
    assert result.json["user"]["id"] == created.json["id"]


def test_a_short_password_refuses_the_whole_creation(app, studio, admin_headers):
    short = "x" * (app.dopesheet.plugin_settings("auth")["min_password_length"] - 1)
    result = studio.client.simulate_post("/data/persons", headers=admin_headers, json={
        "first_name": "New", "email": "new@example.com", "password": short})
    assert result.status_code == 400
    assert result.json["message"] == "Password is too short."
    listed = studio.client.simulate_get("/data/persons", headers=admin_headers,
                                        params={"email": "new@example.com"})
    assert listed.json == []


def test_a_password_too_long_to_log_in_with_is_refused(make_app):
    app = make_app({"plugins": {"auth": {"max_password_length": 64}}})
    studio = Studio(app)
    headers = studio.headers(studio.person("admin", email="boss@example.com"))
    result = studio.client.simulate_post("/data/persons", headers=headers, json={
        "first_name": "New", "email": "new@example.com", "password": "x" * 65})
    assert result.status_code == 400
    assert result.json["message"] == "Password is too long."
    assert studio.client.simulate_get("/data/persons", headers=headers,
                                      params={"email": "new@example.com"}).json == []


# -- create-admin and init-data ---------------------------------------------------------------

@pytest.fixture
def cli(app, tmp_path, monkeypatch):
    """``cli(*argv)`` runs the ``dopesheet`` command on the test app's database."""
    config = tmp_path / "cli.toml"
    config.write_text("")
    monkeypatch.setenv("DOPESHEET_CONFIG", str(config))
    monkeypatch.setenv("DOPESHEET_DATABASE_URL", app.dopesheet.settings["database"]["url"])
    monkeypatch.setenv("DOPESHEET_SECRET_KEY", app.dopesheet.secret_key)
    for key, value in FAST_HASHING.items():
        monkeypatch.setenv(f"DOPESHEET_PLUGINS__AUTH__{key.upper()}", str(value))
    monkeypatch.setattr("sys.stdin", io.StringIO(""))

    def run(*argv):
        try:
            return main(list(argv))
        finally:
            if db.obj is not app.dopesheet.database:
                release_connections(db.obj)
                bind(app.dopesheet.database)

    return run


def admins(app):
    with app.dopesheet.activated():
        return [(person.email, person.active) for person in
                Person.select().where(Person.role == "admin")]


def test_create_admin_makes_an_admin_who_can_log_in(app, studio, cli, capsys):
    assert cli("create-admin", "boss@example.com", "--password", "a long passphrase") == 0
    assert "Admin boss@example.com created." in capsys.readouterr().out
    result = login(studio.client, "boss@example.com", "a long passphrase")
    assert result.status_code == 200
    assert result.json["user"]["role"] == "admin"
    assert result.json["user"]["full_name"] == "Super Admin"
    headers = bearer(result.json["access_token"])
    assert studio.client.simulate_post("/data/persons", headers=headers, json={
        "first_name": "New", "email": "new@example.com"}).status_code == 201


def test_create_admin_leaves_an_existing_account_alone(app, studio, cli, capsys):
    studio.person("user", email="boss@example.com")
    assert cli("create-admin", "BOSS@example.com", "--password", "another passphrase") == 0
    assert "already exists" in capsys.readouterr().out
    assert login(studio.client, "boss@example.com").json["user"]["role"] == "user"
    assert login(studio.client, "boss@example.com", "another passphrase").json == WRONG_CREDENTIALS


def test_create_admin_refuses_a_short_password(app, cli, capsys):
    assert cli("create-admin", "boss@example.com", "--password", "short") == 1
    assert "Password is too short." in capsys.readouterr().err
    assert admins(app) == []


def test_create_admin_without_a_password_prints_a_generated_one(app, studio, cli, capsys):
    assert cli("create-admin", "boss@example.com") == 0
    password = re.search(r"Generated password: (\S+)", capsys.readouterr().out).group(1)
    assert len(password) >= 16
    assert login(studio.client, "boss@example.com", password).status_code == 200


def test_init_data_bootstraps_the_configured_admin_once(app, studio, cli, capsys, monkeypatch):
    monkeypatch.setenv("DOPESHEET_ADMIN_EMAIL", "boss@example.com")
    monkeypatch.setenv("DOPESHEET_ADMIN_PASSWORD", "a long passphrase")
    assert cli("init-data") == 0
    assert cli("init-data") == 0
    output = capsys.readouterr().out
    assert output.count("Created admin boss@example.com") == 1
    assert "a long passphrase" not in output
    assert admins(app) == [("boss@example.com", True)]
    assert login(studio.client, "boss@example.com", "a long passphrase").status_code == 200


def test_init_data_prints_a_generated_admin_password(app, studio, cli, capsys, monkeypatch):
    monkeypatch.delenv("DOPESHEET_ADMIN_EMAIL", raising=False)
    monkeypatch.delenv("DOPESHEET_ADMIN_PASSWORD", raising=False)
    assert cli("init-data") == 0
    output = capsys.readouterr().out
    password = re.search(r"Created admin admin@example.com with password: (\S+)",
                         output).group(1)
    assert login(studio.client, "admin@example.com", password).json["user"]["role"] == "admin"


def test_init_data_adds_no_admin_when_one_is_active(app, studio, cli, monkeypatch):
    studio.person("admin", email="boss@example.com")
    monkeypatch.setenv("DOPESHEET_ADMIN_EMAIL", "second@example.com")
    assert cli("init-data") == 0
    assert admins(app) == [("boss@example.com", True)]
