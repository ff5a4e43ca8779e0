"""PUT /data/persons/{id}: refused values and addresses, the departments replaced, protected
keys dropped, an artist's own profile (what Zou drops, what Dopesheet refuses), and only
admins editing other people."""

import pytest

from tests.plugins.persons.conftest import FORBIDDEN, NO_SUCH_ID, ZOU_PERSON_KEYS, new_person


def test_invalid_values_are_refused_on_update_too(api, artist):
    answer = api.put(f"/data/persons/{artist.id}", {"role": "king", "email": "nope"},
                     status=400)
    assert {error["field"] for error in answer["data"]["errors"]} == {"role", "email"}
    assert api.get(f"/data/persons/{artist.id}")["role"] == "user"


def test_an_email_in_use_is_refused_on_update(api, artist):
    other = api.post("/data/persons", new_person())

    answer = api.put(f"/data/persons/{other['id']}", {"email": "Artist@example.com"},
                     status=400)
    assert answer["message"] == "Email already in use."
    assert api.get(f"/data/persons/{other['id']}")["email"] == "paul@example.com"
    # Keeping one's own address (in any case) is no conflict.
    api.put(f"/data/persons/{other['id']}", {"email": "PAUL@example.com"})


def test_put_replaces_the_departments(api, artist):
    modeling = api.department("Modeling")
    animation = api.department("Animation")
    api.put(f"/data/persons/{artist.id}", {"departments": [modeling["id"]]})

    api.put(f"/data/persons/{artist.id}", {"departments": [{"id": animation["id"]}, NO_SUCH_ID]})
    assert api.get(f"/data/persons/{artist.id}")["departments"] == [animation["id"]]

    api.put(f"/data/persons/{artist.id}", {"departments": []})
    assert api.get(f"/data/persons/{artist.id}")["departments"] == []


def test_put_drops_protected_and_unknown_keys(api, studio, artist):
    before = api.get(f"/data/persons/{artist.id}")

    updated = api.put(f"/data/persons/{artist.id}", {
        "id": NO_SUCH_ID, "created_at": "2001-01-01T00:00:00", "password": "a brand new one",
        "totp_enabled": True, "bogus": 1, "last_name": "Animator"})

    assert updated["id"] == artist.id
    assert updated["created_at"] == before["created_at"]
    assert updated["totp_enabled"] is False
    assert updated["last_name"] == "Animator"
    assert updated["full_name"] == "Ann Animator"
    assert "bogus" not in updated
    api.get(f"/data/persons/{NO_SUCH_ID}", status=404)
    # The password is not changed through the generic update.
    studio.login("artist@example.com")
    refused = studio.client.simulate_post("/auth/login", json={
        "email": "artist@example.com", "password": "a brand new one"})
    assert refused.status_code != 200


def test_put_answers_with_the_department_ids_like_zou(api, artist):
    modeling = api.department("Modeling")
    updated = api.put(f"/data/persons/{artist.id}", {"departments": [modeling["id"]]})
    assert list(updated) == ZOU_PERSON_KEYS + ["departments"]
    assert updated["departments"] == [modeling["id"]]


def test_an_artist_edits_their_own_profile(api, artist, artist_headers):
    api.put(f"/data/persons/{artist.id}", {"first_name": "Anna", "locale": "fr_FR"},
            headers=artist_headers)

    person = api.get(f"/data/persons/{artist.id}")
    assert (person["first_name"], person["locale"]) == ("Anna", "fr_FR")


def test_kitsus_profile_form_sends_role_and_active_back_unchanged(api, artist, artist_headers):
    # Kitsu's peopleApi.updatePerson sends the whole form, role and active included.
    api.put(f"/data/persons/{artist.id}", {
        "first_name": "Anna", "last_name": "Artist", "email": "artist@example.com",
        "phone": "+33 1 23 45 67 89", "timezone": "Europe/Paris", "locale": "en_US",
        "role": "user", "active": True, "notifications_enabled": True,
        "notifications_slack_enabled": False, "notifications_slack_userid": ""},
        headers=artist_headers)

    person = api.get(f"/data/persons/{artist.id}")
    assert (person["first_name"], person["phone"]) == ("Anna", "+33 1 23 45 67 89")


@pytest.mark.parametrize("change", [
    lambda department: {"role": "admin"},
    lambda department: {"active": False},
    lambda department: {"departments": [department["id"]]},
    lambda department: {"first_name": "Anna", "role": "manager"},
], ids=["role", "active", "departments", "name-and-role"])
def test_an_artists_own_role_activity_and_departments_are_left_as_they_are(
        api, artist, artist_headers, change):
    # Zou drops them from a non-admin's PUT and answers 200 with the rest applied
    modeling = api.department("Modeling")

    api.put(f"/data/persons/{artist.id}", change(modeling), headers=artist_headers)

    person = api.get(f"/data/persons/{artist.id}")
    assert (person["role"], person["active"], person["departments"]) == ("user", True, [])
    assert person["first_name"] == change(modeling).get("first_name", "Ann")


@pytest.mark.parametrize("change", [{"daily_salary": 900}, {"contract_type": "freelance"},
                                    {"first_name": "Anna", "seniority": "senior"}],
                         ids=["salary", "contract", "name-and-seniority"])
def test_an_artist_cannot_change_their_own_pay_or_contract(api, artist, artist_headers,
                                                          change):
    # Zou lets them; Dopesheet refuses (docs/compat-differences.md)
    answer = api.put(f"/data/persons/{artist.id}", change, status=403, headers=artist_headers)

    assert answer["message"] == FORBIDDEN
    person = api.get(f"/data/persons/{artist.id}")
    assert (person["first_name"], person["daily_salary"]) == ("Ann", 0)


@pytest.mark.parametrize("role", ["user", "manager"])
def test_only_admins_edit_other_people(api, studio, artist, role):
    headers = studio.headers(studio.person(role, email=f"other-{role}@example.com"))

    answer = api.put(f"/data/persons/{artist.id}", {"first_name": "Hacked"}, status=403,
                     headers=headers)

    assert answer["message"] == FORBIDDEN
    assert api.get(f"/data/persons/{artist.id}")["first_name"] == "Ann"
