"""/data/persons: Zou's views of a person, creation, updates, deletion, filters."""

import re

import pytest

from plugins.auth.models import Credential
from plugins.persons.models import DepartmentLink

FORBIDDEN = ("You don't have the permission to access the requested resource. It is either "
             "read-protected or not readable by the server.")
DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$")
UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
NO_SUCH_ID = "00000000-0000-4000-8000-000000000000"

# Zou 1.0.97's ``serialize_safe`` of a person, key for key and in order, as its admin
# view of ``GET /data/persons`` answers it.
ZOU_PERSON_KEYS = [
    "first_name", "last_name", "email", "phone", "country", "contract_type", "active",
    "archived", "last_presence", "desktop_login", "totp_enabled", "email_otp_enabled",
    "fido_enabled", "preferred_two_factor_authentication", "shotgun_id", "timezone", "locale",
    "use_12_hour_clock", "display_date_format", "data", "role", "position", "seniority",
    "daily_salary", "has_avatar", "notifications_enabled", "notifications_slack_enabled",
    "notifications_slack_userid", "notifications_mattermost_enabled",
    "notifications_mattermost_userid", "notifications_discord_enabled",
    "notifications_discord_userid", "is_bot", "is_guest", "preview_project_id",
    "preview_opened_at", "preview_open_until", "expiration_date", "is_generated_from_ldap",
    "ldap_uid", "studio_id", "full_name", "id", "created_at", "updated_at", "type"]
MINIMAL_KEYS = ["id", "type", "first_name", "last_name", "full_name", "has_avatar", "active",
                "departments", "studio_id", "role", "desktop_login", "is_bot"]
CLIENT_KEYS = ["id", "type", "first_name", "last_name", "full_name", "has_avatar", "active",
               "role", "is_bot"]
SECRET_KEYS = {"password", "password_hash", "totp_secret", "email_otp_secret",
               "otp_recovery_codes", "fido_credentials", "jti", "login_failed_attemps",
               "last_login_failed"}


def new_person(**fields):
    return {"first_name": "Paul", "last_name": "Painter", "email": "paul@example.com", **fields}


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


# -- creation -------------------------------------------------------------------------------

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


def test_invalid_values_are_refused_on_update_too(api, artist):
    answer = api.put(f"/data/persons/{artist.id}", {"role": "king", "email": "nope"},
                     status=400)
    assert {error["field"] for error in answer["data"]["errors"]} == {"role", "email"}
    assert api.get(f"/data/persons/{artist.id}")["role"] == "user"


def test_emails_are_stored_in_lower_case(api):
    created = api.post("/data/persons", new_person(email="Paul.Painter@Example.COM"))
    assert created["email"] == "paul.painter@example.com"
    assert api.get(f"/data/persons/{created['id']}")["email"] == "paul.painter@example.com"


def test_an_email_in_use_whatever_its_case_is_refused_on_creation(api, artist):
    answer = api.post("/data/persons", new_person(email="ARTIST@Example.com"), status=400)
    assert answer["message"] == "Email already in use."
    assert len(api.get("/data/persons")) == 2


def test_an_email_in_use_is_refused_on_update(api, artist):
    other = api.post("/data/persons", new_person())

    answer = api.put(f"/data/persons/{other['id']}", {"email": "Artist@example.com"},
                     status=400)
    assert answer["message"] == "Email already in use."
    assert api.get(f"/data/persons/{other['id']}")["email"] == "paul@example.com"
    # Keeping one's own address (in any case) is no conflict.
    api.put(f"/data/persons/{other['id']}", {"email": "PAUL@example.com"})


def test_bots_may_share_an_email(api, artist):
    api.post("/data/persons", new_person(email="artist@example.com", is_bot=True))


# -- departments of a person ----------------------------------------------------------------

def test_departments_accept_ids_and_id_dicts_and_drop_unknown_ids(api):
    modeling = api.department("Modeling")
    animation = api.department("Animation")

    created = api.post("/data/persons", new_person(departments=[
        modeling["id"], {"id": animation["id"]}, NO_SUCH_ID]))

    assert sorted(created["departments"]) == sorted([modeling["id"], animation["id"]])
    assert sorted(api.get(f"/data/persons/{created['id']}")["departments"]) == sorted(
        [modeling["id"], animation["id"]])


def test_put_replaces_the_departments(api, artist):
    modeling = api.department("Modeling")
    animation = api.department("Animation")
    api.put(f"/data/persons/{artist.id}", {"departments": [modeling["id"]]})

    api.put(f"/data/persons/{artist.id}", {"departments": [{"id": animation["id"]}, NO_SUCH_ID]})
    assert api.get(f"/data/persons/{artist.id}")["departments"] == [animation["id"]]

    api.put(f"/data/persons/{artist.id}", {"departments": []})
    assert api.get(f"/data/persons/{artist.id}")["departments"] == []


# -- updates --------------------------------------------------------------------------------

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


# -- permissions on creation and deletion ---------------------------------------------------

@pytest.mark.parametrize("role", ["user", "manager"])
def test_non_admins_cannot_create_persons(api, studio, role):
    headers = studio.headers(studio.person(role))

    answer = api.post("/data/persons", new_person(), status=403, headers=headers)

    assert answer == {"error": True, "message": FORBIDDEN}
    assert api.get("/data/persons?email=paul@example.com") == []


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


# -- filters --------------------------------------------------------------------------------

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


def test_full_name_filters_like_zous_hybrid_property(api, artist):
    other = api.post("/data/persons", new_person())
    found = api.get(f"/data/persons?full_name={other['first_name']} {other['last_name']}")
    assert [person["id"] for person in found] == [other["id"]]
    assert api.get("/data/persons?full_name=Nobody At All") == []
