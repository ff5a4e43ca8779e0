"""GET /data/persons?...: Zou's filters (e-mail whatever its case, departments as contains,
JSON lists, full names), the malformed values refused, and the columns a caller's view hides
or that are secret refused as filters."""

import pytest

from tests.plugins.persons.conftest import new_person


def test_filter_by_role(api, studio, artist):
    studio.person("manager")
    assert [person["role"] for person in api.get("/data/persons?role=admin")] == ["admin"]
    assert [person["id"] for person in api.get("/data/persons?role=user")] == [artist.id]


def test_filter_by_email_whatever_its_case(api, artist, artist_headers):
    assert [p["id"] for p in api.get("/data/persons?email=ARTIST@example.com")] == [artist.id]
    # gazu's get_person_by_email works for everyone.
    assert [p["id"] for p in api.get("/data/persons?email=artist@example.com",
                                     headers=artist_headers)] == [artist.id]
    assert api.get("/data/persons?email=nobody@example.com") == []


def test_wildcards_only_apply_to_name_columns(api, artist):
    assert api.get("/data/persons?first_name=An%") == []
    assert [p["id"] for p in api.get("/data/persons?first_name=Ann")] == [artist.id]


def test_filter_by_department_means_contains(api, studio, artist):
    modeling = api.department("Modeling")
    animation = api.department("Animation")
    other = api.post("/data/persons", new_person(departments=[animation["id"]]))
    api.put(f"/data/persons/{artist.id}", {"departments": [modeling["id"], animation["id"]]})

    assert [p["id"] for p in api.get(f"/data/persons?departments={modeling['id']}")] == [
        artist.id]
    assert {p["id"] for p in api.get(f"/data/persons?departments={animation['id']}")} == {
        artist.id, other["id"]}


def test_a_json_list_filters_with_in(api, artist):
    other = api.post("/data/persons", new_person())
    found = api.get(f'/data/persons?id=["{artist.id}","{other["id"]}"]')
    assert {person["id"] for person in found} == {artist.id, other["id"]}


@pytest.mark.parametrize("query, message", [
    ("id=x", "Invalid UUID value: x"),
    ("studio_id=nope", "Invalid UUID value: nope"),
    ("active=maybe", "Invalid boolean value: maybe"),
    ("id=[x", "Malformed list filter for field id."),
    ("departments=x", "One of the provided values has an invalid format."),
])
def test_malformed_filter_values_are_400(api, query, message):
    answer = api.get(f"/data/persons?{query}", status=400)
    assert (answer["error"], answer["message"]) == (True, message)


def test_several_filters_are_anded(api, artist):
    assert api.get("/data/persons?role=user&active=false") == []
    assert [p["id"] for p in api.get("/data/persons?role=user&active=true")] == [artist.id]


@pytest.mark.parametrize("column", ["phone", "daily_salary", "contract_type", "seniority"])
def test_non_admins_cannot_filter_on_what_their_view_hides(api, studio, artist, column):
    for role in ("user", "client", "manager"):
        headers = studio.headers(studio.person(role, email=f"{role}-{column}@example.com"))
        answer = api.get(f"/data/persons?{column}=1", status=400, headers=headers)
        assert answer["message"] == f"Filtering on {column} is not allowed."
    api.get(f"/data/persons?{column}=1")


def test_nobody_filters_on_secrets(api, artist_headers):
    for column in ("password", "totp_secret", "jti"):
        for headers in (None, artist_headers):
            answer = api.get(f"/data/persons?{column}=x", status=400, headers=headers)
            assert answer["message"] == f"Filtering on {column} is not allowed."


def test_full_name_filters_like_zous_hybrid_property(api, artist):
    other = api.post("/data/persons", new_person())
    found = api.get(f"/data/persons?full_name={other['first_name']} {other['last_name']}")
    assert [person["id"] for person in found] == [other["id"]]
    assert api.get("/data/persons?full_name=Nobody At All") == []
