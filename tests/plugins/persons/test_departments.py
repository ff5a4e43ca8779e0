"""/data/departments and /data/studios: studio-level settings anyone reads, admins write."""

import datetime

import pytest

from plugins.persons.models import Department
from tests.plugins.persons.conftest import DATETIME, FORBIDDEN, NO_SUCH_ID

COLORED_KEYS = ["name", "color", "archived", "id", "created_at", "updated_at", "type"]
KINDS = [("departments", "Department"), ("studios", "Studio")]


@pytest.mark.parametrize("plural, type_name", KINDS)
def test_zou_serialisation(api, plural, type_name):
    created = api.post(f"/data/{plural}", {"name": "Modeling", "color": "#78909C"})

    assert list(created) == COLORED_KEYS
    assert created["type"] == type_name
    assert (created["name"], created["color"], created["archived"]) == (
        "Modeling", "#78909C", False)
    assert DATETIME.match(created["created_at"]) and DATETIME.match(created["updated_at"])
    assert api.get(f"/data/{plural}") == [created]
    assert api.get(f"/data/{plural}/{created['id']}") == created


@pytest.mark.parametrize("plural, type_name", KINDS)
def test_an_unknown_key_is_refused_with_zous_message(api, plural, type_name):
    answer = api.post(f"/data/{plural}", {"name": "X", "color": "#000000", "bogus": 1},
                      status=400)
    assert answer["message"] == f"'bogus' is an invalid keyword argument for {type_name}"
    assert api.get(f"/data/{plural}") == []


@pytest.mark.parametrize("plural", ["departments", "studios"])
def test_names_are_unique(api, plural):
    api.post(f"/data/{plural}", {"name": "Modeling", "color": "#000000"})
    answer = api.post(f"/data/{plural}", {"name": "Modeling", "color": "#111111"}, status=400)
    assert answer["message"] == "A record with the same unique values already exists."
    assert len(api.get(f"/data/{plural}")) == 1


@pytest.mark.parametrize("body, field", [
    ({"color": "#000000"}, "name"),
    ({"name": "Modeling"}, "color"),
    ({"name": "Modeling", "color": "blue"}, "color"),
])
def test_name_and_color_are_required(api, body, field):
    answer = api.post("/data/departments", body, status=400)
    assert [error["field"] for error in answer["data"]["errors"]] == [field]


@pytest.mark.parametrize("color", ["", "#fff", "#A1b2C3"])
def test_a_color_may_be_empty_or_short_as_gazu_and_zou_allow(api, color):
    assert api.post("/data/departments", {"name": "Modeling", "color": color})["color"] == color


@pytest.mark.parametrize("plural", ["departments", "studios"])
def test_admin_updates_and_put_drops_protected_and_unknown_keys(api, plural):
    created = api.post(f"/data/{plural}", {"name": "Modeling", "color": "#000000"})

    updated = api.put(f"/data/{plural}/{created['id']}", {
        "name": "Modelling", "archived": True, "id": NO_SUCH_ID,
        "created_at": "2001-01-01T00:00:00", "type": "Other", "bogus": 1})

    assert list(updated) == COLORED_KEYS
    assert (updated["id"], updated["created_at"]) == (created["id"], created["created_at"])
    assert (updated["name"], updated["archived"]) == ("Modelling", True)
    assert api.get(f"/data/{plural}/{created['id']}") == updated


@pytest.mark.parametrize("role", ["user", "supervisor", "manager", "client", "vendor"])
def test_everyone_signed_in_reads_departments_and_studios(api, studio, role):
    department = api.department("Modeling")
    other_studio = api.post("/data/studios", {"name": "Montreal", "color": "#000000"})
    headers = studio.headers(studio.person(role))

    assert api.get("/data/departments", headers=headers) == [department]
    assert api.get(f"/data/departments/{department['id']}", headers=headers) == department
    assert api.get("/data/studios", headers=headers) == [other_studio]
    assert api.get(f"/data/studios/{other_studio['id']}", headers=headers) == other_studio


@pytest.mark.parametrize("role", ["user", "manager"])
@pytest.mark.parametrize("plural", ["departments", "studios"])
def test_only_admins_write_departments_and_studios(api, studio, role, plural):
    existing = api.post(f"/data/{plural}", {"name": "Modeling", "color": "#000000"})
    headers = studio.headers(studio.person(role))

    answers = [
        api.post(f"/data/{plural}", {"name": "FX", "color": "#000000"}, status=403,
                 headers=headers),
        api.put(f"/data/{plural}/{existing['id']}", {"name": "Renamed"}, status=403,
                headers=headers),
        api.delete(f"/data/{plural}/{existing['id']}", status=403, headers=headers).json,
    ]

    assert answers == [{"error": True, "message": FORBIDDEN}] * 3
    assert api.get(f"/data/{plural}") == [existing]


def test_admin_deletes_a_department(api):
    department = api.department("Modeling")
    assert api.delete(f"/data/departments/{department['id']}").text == ""
    api.get(f"/data/departments/{department['id']}", status=404)


def test_a_department_with_members_is_not_deleted(api, artist):
    department = api.department("Modeling")
    api.put(f"/data/persons/{artist.id}", {"departments": [department["id"]]})

    answer = api.delete(f"/data/departments/{department['id']}", status=400).json

    assert answer["message"] == "The change conflicts with records referencing this one."
    assert api.get(f"/data/persons/{artist.id}")["departments"] == [department["id"]]
    api.put(f"/data/persons/{artist.id}", {"departments": []})
    api.delete(f"/data/departments/{department['id']}")


def test_a_person_belongs_to_a_studio(api, artist):
    montreal = api.post("/data/studios", {"name": "Montreal", "color": "#000000"})
    api.put(f"/data/persons/{artist.id}", {"studio_id": montreal["id"]})

    assert api.get(f"/data/persons/{artist.id}")["studio_id"] == montreal["id"]
    assert [p["id"] for p in api.get(f"/data/persons?studio_id={montreal['id']}")] == [
        artist.id]
    answer = api.delete(f"/data/studios/{montreal['id']}", status=400).json
    assert answer["message"] == "The change conflicts with records referencing this one."


def test_name_filters_are_case_insensitive_with_wildcards(api):
    modeling = api.department("Modeling")
    api.department("Animation")

    for query in ("name=mod%", "name=MODELING", "name=M_deling", "name=%25eling"):
        assert api.get(f"/data/departments?{query}") == [modeling], query
    assert api.get("/data/departments?name=model") == []
    assert api.get("/data/departments?archived=false&name=anim%")[0]["name"] == "Animation"


def test_pagination_envelope(api):
    created = {api.department(name)["id"] for name in ("Modeling", "Animation", "FX")}

    first = api.get("/data/departments?page=1&limit=2")
    second = api.get("/data/departments?page=2&limit=2")
    beyond = api.get("/data/departments?page=3&limit=2")

    assert {key: value for key, value in first.items() if key != "data"} == {
        "total": 3, "nb_pages": 2, "limit": 2, "offset": 0, "page": 1}
    assert (second["offset"], second["page"], len(second["data"])) == (2, 2, 1)
    assert {item["id"] for item in first["data"] + second["data"]} == created
    assert (beyond["data"], beyond["total"], beyond["nb_pages"]) == ([], 3, 2)


def test_pages_list_the_last_updated_first(api, studio):
    names = ("Modeling", "Animation", "FX")
    ids = {name: api.department(name)["id"] for name in names}
    with studio.app.dopesheet.activated():
        for day, name in enumerate(names, start=1):
            Department.update(updated_at=datetime.datetime(2024, 1, day)).where(
                Department.id == ids[name]).execute()

    pages = [api.get(f"/data/departments?page={page}&limit=1")["data"] for page in (1, 2, 3)]
    assert [page[0]["name"] for page in pages] == ["FX", "Animation", "Modeling"]


@pytest.mark.parametrize("query, message", [
    ("page=x", "page must be an integer."),
    ("page=1&limit=-1", "limit must be a positive integer."),
])
def test_bad_pagination_parameters(api, query, message):
    assert api.get(f"/data/departments?{query}", status=400)["message"] == message


def test_page_zero_is_a_plain_list(api):
    department = api.department("Modeling")
    assert api.get("/data/departments?page=0") == [department]
