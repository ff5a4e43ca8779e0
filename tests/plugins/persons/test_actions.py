"""Person actions: department membership, avatar, department members (Zou's answers)."""

import pytest

from tests.plugins.persons.conftest import NO_SUCH_ID


@pytest.fixture
def department(api):
    return api.department("Animation")


def test_admin_adds_and_removes_a_department(api, artist, department):
    added = api.post(f"/actions/persons/{artist.id}/departments/add",
                     {"department_id": department["id"]})
    assert added["id"] == artist.id and added["departments"] == [department["id"]]
    again = api.post(f"/actions/persons/{artist.id}/departments/add",
                     {"department_id": department["id"]})
    assert again["departments"] == [department["id"]]
    members = api.get(f"/data/departments/{department['id']}/persons")
    assert [(member["id"], member["departments"]) for member in members] == [
        (artist.id, [department["id"]])]
    api.delete(f"/actions/persons/{artist.id}/departments/{department['id']}")
    api.delete(f"/actions/persons/{artist.id}/departments/{department['id']}")
    assert api.get(f"/data/departments/{department['id']}/persons") == []


def test_department_actions_validate_their_input(api, artist):
    unknown = api.post(f"/actions/persons/{artist.id}/departments/add",
                       {"department_id": NO_SUCH_ID}, status=400)
    assert unknown == {"error": True, "message": "Department ID matches no department",
                       "data": None}
    missing = api.post(f"/actions/persons/{artist.id}/departments/add", {}, status=400)
    assert missing["data"]["errors"] == [{"field": "department_id",
                                          "message": "Field required"}]
    api.post(f"/actions/persons/{NO_SUCH_ID}/departments/add", {"department_id": NO_SUCH_ID},
             status=404)
    api.get(f"/data/departments/{NO_SUCH_ID}/persons", status=404)


def test_only_admins_run_person_actions(api, artist, artist_headers, department):
    api.post(f"/actions/persons/{artist.id}/departments/add",
             {"department_id": department["id"]}, status=403, headers=artist_headers)
    api.delete(f"/actions/persons/{artist.id}/clear-avatar", status=403,
               headers=artist_headers)


def test_clear_avatar(api, artist):
    api.put(f"/data/persons/{artist.id}", {"has_avatar": True})
    api.delete(f"/actions/persons/{artist.id}/clear-avatar")
    assert api.get(f"/data/persons/{artist.id}")["has_avatar"] is False


def test_people_clear_their_own_avatar(api, artist, artist_headers):
    api.put(f"/data/persons/{artist.id}", {"has_avatar": True})
    api.delete("/actions/user/clear-avatar", headers=artist_headers)
    assert api.get(f"/data/persons/{artist.id}")["has_avatar"] is False
