"""POST /data/persons: Zou's defaults (or the configured ones), the password sent along,
refused keys and values, e-mail addresses, departments given as ids, and who may create."""

import pytest

from tests.plugins.persons.conftest import (FORBIDDEN, NO_SUCH_ID, SECRET_KEYS, ZOU_PERSON_KEYS,
                                            new_person)


def test_admin_creates_a_person_with_zous_defaults(api):
    created = api.post("/data/persons", new_person())

    assert set(created) == set(ZOU_PERSON_KEYS) | {"departments"}
    assert created["departments"] == []
    assert created["timezone"] == "Europe/Paris"
    assert created["locale"] == "en_US"
    assert created["role"] == "user"
    assert created["full_name"] == "Paul Painter"
    assert api.get(f"/data/persons/{created['id']}")["email"] == "paul@example.com"


def test_explicit_timezone_and_locale_are_kept(api):
    created = api.post("/data/persons", new_person(timezone="Asia/Tokyo", locale="ja_JP"))
    assert (created["timezone"], created["locale"]) == ("Asia/Tokyo", "ja_JP")


class TestConfiguredDefaults:
    @pytest.fixture
    def app(self, make_app):
        return make_app({"plugins": {"persons": {"default_timezone": "America/New_York",
                                                 "default_locale": "fr_FR"}}})

    def test_defaults_come_from_the_settings(self, api):
        created = api.post("/data/persons", new_person())
        assert (created["timezone"], created["locale"]) == ("America/New_York", "fr_FR")


def test_the_password_sent_on_creation_logs_the_person_in(api, studio):
    created = api.post("/data/persons", new_person(password="a fine long password"))

    assert SECRET_KEYS.isdisjoint(created)
    login = studio.client.simulate_post("/auth/login", json={
        "email": "paul@example.com", "password": "a fine long password"})
    assert login.status_code == 200
    assert login.json["user"]["id"] == created["id"]


def test_a_too_short_password_creates_nobody(api, studio):
    answer = api.post("/data/persons", new_person(password="short"), status=400)

    assert answer["message"] == "Password is too short."
    assert api.get("/data/persons?email=paul@example.com") == []
    login = studio.client.simulate_post("/auth/login", json={
        "email": "paul@example.com", "password": "short"})
    assert login.status_code != 200


def test_an_unknown_key_is_refused_with_zous_message(api):
    answer = api.post("/data/persons", new_person(bogus=1), status=400)
    assert answer["message"] == "'bogus' is an invalid keyword argument for Person"
    assert api.get("/data/persons?email=paul@example.com") == []


def test_server_generated_fields_are_ignored_on_creation(api):
    created = api.post("/data/persons", new_person(id=NO_SUCH_ID,
                                                   created_at="2001-01-01T00:00:00"))
    assert created["id"] != NO_SUCH_ID
    assert created["created_at"] != "2001-01-01T00:00:00"


@pytest.mark.parametrize("field, value", [
    ("email", "not-an-address"),
    ("role", "king"),
    ("contract_type", "forever"),
    ("timezone", "Mars/Olympus_Mons"),
])
def test_invalid_values_are_refused_per_field(api, field, value):
    answer = api.post("/data/persons", new_person(**{field: value}), status=400)

    assert answer["error"] is True
    assert [error["field"] for error in answer["data"]["errors"]] == [field]
    assert len(api.get("/data/persons")) == 1


def test_emails_are_stored_in_lower_case(api):
    created = api.post("/data/persons", new_person(email="Paul.Painter@Example.COM"))
    assert created["email"] == "paul.painter@example.com"
    assert api.get(f"/data/persons/{created['id']}")["email"] == "paul.painter@example.com"


def test_an_email_in_use_whatever_its_case_is_refused_on_creation(api, artist):
    answer = api.post("/data/persons", new_person(email="ARTIST@Example.com"), status=400)
    assert answer["message"] == "Email already in use."
    assert len(api.get("/data/persons")) == 2


def test_bots_may_share_an_email(api, artist):
    api.post("/data/persons", new_person(email="artist@example.com", is_bot=True))


def test_departments_accept_ids_and_id_dicts_and_drop_unknown_ids(api):
    modeling = api.department("Modeling")
    animation = api.department("Animation")

    created = api.post("/data/persons", new_person(departments=[
        modeling["id"], {"id": animation["id"]}, NO_SUCH_ID]))

    assert sorted(created["departments"]) == sorted([modeling["id"], animation["id"]])
    assert sorted(api.get(f"/data/persons/{created['id']}")["departments"]) == sorted(
        [modeling["id"], animation["id"]])


@pytest.mark.parametrize("role", ["user", "manager"])
def test_non_admins_cannot_create_persons(api, studio, role):
    headers = studio.headers(studio.person(role))

    answer = api.post("/data/persons", new_person(), status=403, headers=headers)

    assert answer == {"error": True, "message": FORBIDDEN}
    assert api.get("/data/persons?email=paul@example.com") == []
