"""DELETE /data/persons/{id}: admins only, nobody themselves, and a deleted person's
department links, session and password gone with them."""

import pytest

from plugins.persons.models import DepartmentLink
from tests.plugins.persons.conftest import FORBIDDEN, NO_SUCH_ID


@pytest.mark.parametrize("role", ["user", "manager"])
def test_non_admins_cannot_delete_persons(api, studio, artist, role):
    headers = studio.headers(studio.person(role, email=f"other-{role}@example.com"))

    answer = api.delete(f"/data/persons/{artist.id}", status=403, headers=headers).json

    assert answer["message"] == FORBIDDEN
    api.get(f"/data/persons/{artist.id}")


def test_nobody_deletes_themselves_not_even_an_admin(api, studio, artist, artist_headers):
    admin_id = api.get("/data/persons?role=admin")[0]["id"]

    assert api.delete(f"/data/persons/{admin_id}", status=403).json["message"] == FORBIDDEN
    api.delete(f"/data/persons/{artist.id}", status=403, headers=artist_headers)
    assert {person["id"] for person in api.get("/data/persons")} == {admin_id, artist.id}


def test_admin_deletes_a_person_and_their_department_links(api, studio, artist,
                                                           artist_headers):
    modeling = api.department("Modeling")
    api.put(f"/data/persons/{artist.id}", {"departments": [modeling["id"]]})

    result = api.delete(f"/data/persons/{artist.id}")

    assert result.text == ""
    api.get(f"/data/persons/{artist.id}", status=404)
    assert api.get(f"/data/departments/{modeling['id']}")["name"] == "Modeling"
    with studio.app.dopesheet.activated():
        assert DepartmentLink.select().count() == 0
    # The deleted person's session and password are gone with them.
    assert studio.client.simulate_get("/data/persons",
                                      headers=artist_headers).status_code == 401
    assert studio.client.simulate_post("/auth/login", json={
        "email": "artist@example.com", "password": "correct horse battery"}).status_code != 200


def test_deleting_an_unknown_person_is_404(api):
    api.delete(f"/data/persons/{NO_SUCH_ID}", status=404)
