"""GET /data/persons and /data/persons/{id}: Zou's views of a person (the admin's full view,
the minimal and client views per role, the department ids with relations), and no answer of
any persons route carrying a password hash or a second factor's secret."""

import re

import pytest

from plugins.auth.models import Credential
from tests.plugins.persons.conftest import (DATETIME, NO_SUCH_ID, SECRET_KEYS, ZOU_PERSON_KEYS,
                                            new_person)

UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
MINIMAL_KEYS = ["id", "type", "first_name", "last_name", "full_name", "has_avatar", "active",
                "departments", "studio_id", "role", "desktop_login", "is_bot"]
CLIENT_KEYS = ["id", "type", "first_name", "last_name", "full_name", "has_avatar", "active",
               "role", "is_bot"]


def by_id(persons):
    return {person["id"]: person for person in persons}


# -- serialisation --------------------------------------------------------------------------

def test_admin_lists_persons_in_zous_full_view(api, artist):
    persons = by_id(api.get("/data/persons"))

    person = persons[artist.id]
    assert list(person) == ZOU_PERSON_KEYS
    assert person["type"] == "Person"
    assert person["full_name"] == "Ann Artist"
    assert person["email"] == "artist@example.com"
    assert UUID.match(person["id"])
    assert DATETIME.match(person["created_at"]) and DATETIME.match(person["updated_at"])
    assert person["contract_type"] == "open-ended"
    assert (person["role"], person["position"], person["seniority"]) == ("user", "artist", "mid")
    assert person["daily_salary"] == 0
    assert person["active"] is True and person["is_bot"] is False


def test_reading_one_person_adds_the_department_ids(api, artist):
    modeling = api.department("Modeling")
    api.put(f"/data/persons/{artist.id}", {"departments": [modeling["id"]]})

    person = api.get(f"/data/persons/{artist.id}")
    assert set(person) == set(ZOU_PERSON_KEYS) | {"departments"}
    assert person["departments"] == [modeling["id"]]

    without = api.get(f"/data/persons/{artist.id}?relations=false")
    assert list(without) == ZOU_PERSON_KEYS


def test_listing_with_relations_adds_the_department_ids(api, artist):
    modeling = api.department("Modeling")
    api.put(f"/data/persons/{artist.id}", {"departments": [modeling["id"]]})

    persons = by_id(api.get("/data/persons?relations=true"))
    assert persons[artist.id]["departments"] == [modeling["id"]]
    assert all(person["departments"] == [] for key, person in persons.items()
               if key != artist.id)


def test_dates_serialise_as_zou_does(api, artist):
    api.put(f"/data/persons/{artist.id}", {"last_presence": "2024-05-06",
                                           "expiration_date": "2031-01-02T00:00:00"})

    person = api.get(f"/data/persons/{artist.id}")
    assert person["last_presence"] == "2024-05-06"
    assert person["expiration_date"] == "2031-01-02"


def test_fields_keeps_the_asked_keys_plus_id_and_type(api, artist):
    persons = api.get("/data/persons?fields=first_name")
    assert {tuple(person) for person in persons} == {("first_name", "id", "type")}


def test_unknown_and_malformed_person_ids(api):
    assert api.get(f"/data/persons/{NO_SUCH_ID}", status=404)["error"] is True
    assert api.get("/data/persons/abc", status=400)["message"] == "Malformed ID."


# -- views per role -------------------------------------------------------------------------

def test_an_artist_gets_zous_minimal_view(api, studio, artist, artist_headers):
    modeling = api.department("Modeling")
    api.put(f"/data/persons/{artist.id}", {"departments": [modeling["id"]]})

    listed = api.get("/data/persons", headers=artist_headers)
    assert all(list(person) == MINIMAL_KEYS for person in listed)
    # Without relations Zou's minimal view still has the key, empty.
    assert by_id(listed)[artist.id]["departments"] == []
    assert by_id(api.get("/data/persons?relations=true", headers=artist_headers))[
        artist.id]["departments"] == [modeling["id"]]

    one = api.get(f"/data/persons/{artist.id}", headers=artist_headers)
    assert list(one) == MINIMAL_KEYS
    assert one["departments"] == [modeling["id"]]
    assert one["full_name"] == "Ann Artist"


@pytest.mark.parametrize("role", ["supervisor", "vendor"])
def test_supervisors_and_vendors_get_the_minimal_view_too(api, studio, artist, role):
    headers = studio.headers(studio.person(role))
    assert list(api.get(f"/data/persons/{artist.id}", headers=headers)) == MINIMAL_KEYS


def test_a_client_gets_zous_client_view_of_their_team(api, studio, artist):
    client = studio.person("client")
    project = api.post("/data/projects", {"name": "Review"})
    for member in (client, artist):
        api.post(f"/data/projects/{project['id']}/team", {"person_id": member.id})
    listed = api.get("/data/persons", headers=studio.headers(client))
    assert {person["id"] for person in listed} == {client.id, artist.id}
    assert all(list(person) == CLIENT_KEYS for person in listed)


def test_a_client_without_projects_sees_nobody_else(api, studio, artist):
    # Zou's user_service.get_client_team_person_ids: the entities plugin narrows persons
    headers = studio.headers(studio.person("client"))
    assert api.get("/data/persons", headers=headers) == []
    api.get(f"/data/persons/{artist.id}", status=403, headers=headers)


def test_a_manager_reads_one_person_in_full(api, studio, artist):
    headers = studio.headers(studio.person("manager"))
    person = api.get(f"/data/persons/{artist.id}", headers=headers)
    assert set(person) == set(ZOU_PERSON_KEYS) | {"departments"}
    assert person["email"] == "artist@example.com"


def test_a_manager_lists_persons_in_the_minimal_view(api, studio, artist):
    headers = studio.headers(studio.person("manager"))
    assert all(list(person) == MINIMAL_KEYS
               for person in api.get("/data/persons", headers=headers))


def test_signed_out_callers_are_refused(client):
    result = client.simulate_get("/data/persons")
    assert result.status_code == 401
    assert result.json["error"] is True


# -- secrets --------------------------------------------------------------------------------

def keys_in(value):
    """Every dict key anywhere in a JSON value."""
    if isinstance(value, dict):
        return set(value).union(*(keys_in(inner) for inner in value.values()))
    if isinstance(value, list):
        return set().union(*(keys_in(inner) for inner in value))
    return set()


def test_no_answer_carries_a_password_hash_or_a_second_factor_secret(api, studio, artist):
    client = studio.client
    created = client.simulate_post("/data/persons", headers=api.headers,
                                   json=new_person(password="a fine long password"))
    person_id = created.json["id"]
    login = client.simulate_post("/auth/login", json={"email": "paul@example.com",
                                                      "password": "a fine long password"})
    own = {"Authorization": f"Bearer {login.json['access_token']}"}
    results = [created, login] + [client.simulate_get(path, headers=api.headers) for path in (
        "/data/persons", "/data/persons?relations=true", "/data/persons?with_pass_hash=true",
        f"/data/persons/{person_id}")] + [
        client.simulate_put(f"/data/persons/{person_id}", json={"phone": "12"},
                            headers=api.headers),
        client.simulate_get(f"/data/persons/{person_id}", headers=own),
        client.simulate_get("/auth/authenticated", headers=own)]
    with studio.app.dopesheet.activated():
        hashes = [row.password_hash for row in Credential.select()]

    assert len(hashes) == 3
    for result in results:
        assert result.status_code in (200, 201), result.text
        assert SECRET_KEYS.isdisjoint(keys_in(result.json)), result.text
        assert not any(password_hash in result.text for password_hash in hashes)
