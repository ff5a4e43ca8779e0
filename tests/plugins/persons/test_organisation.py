"""/data/organisations: the studio's settings row; chat tokens are for admins only."""

import pytest

from tests.plugins.persons.conftest import DATETIME, FORBIDDEN

CHAT_TOKENS = ["chat_token_slack", "chat_webhook_mattermost", "chat_token_discord"]
ZOU_ORGANISATION_KEYS = [
    "name", "hours_by_day", "has_avatar", "use_original_file_name", "timesheets_locked",
    "format_duration_in_hours", "hd_by_default", "chat_token_slack", "chat_webhook_mattermost",
    "chat_token_discord", "dark_theme_by_default", "id", "created_at", "updated_at", "type"]
MINIMAL_ORGANISATION_KEYS = [key for key in ZOU_ORGANISATION_KEYS if key not in CHAT_TOKENS]


@pytest.fixture
def organisation(api):
    (row,) = api.get("/data/organisations")
    return row


@pytest.fixture
def with_tokens(api, organisation):
    return api.put(f"/data/organisations/{organisation['id']}", {
        "chat_token_slack": "xoxb-slack", "chat_webhook_mattermost": "https://mm/hook",
        "chat_token_discord": "discord-token"})


def test_admin_reads_zous_organisation(api, organisation):
    assert list(organisation) == ZOU_ORGANISATION_KEYS
    assert organisation["type"] == "Organisation"
    assert organisation["name"] == "Kitsu"
    assert organisation["hours_by_day"] == 8.0 and isinstance(organisation["hours_by_day"], float)
    assert [organisation[key] for key in CHAT_TOKENS] == ["", "", ""]
    assert DATETIME.match(organisation["created_at"])
    assert DATETIME.match(organisation["updated_at"])
    assert api.get(f"/data/organisations/{organisation['id']}") == organisation


def test_admin_sees_and_sets_the_chat_tokens(api, with_tokens):
    assert with_tokens["chat_token_slack"] == "xoxb-slack"
    assert api.get("/data/organisations")[0]["chat_token_discord"] == "discord-token"


@pytest.mark.parametrize("role", ["user", "supervisor", "manager", "client", "vendor"])
def test_non_admins_read_the_organisation_without_chat_tokens(api, studio, with_tokens, role):
    headers = studio.headers(studio.person(role))

    listed = api.get("/data/organisations", headers=headers)
    one = api.get(f"/data/organisations/{with_tokens['id']}", headers=headers)

    assert [list(row) for row in listed] == [MINIMAL_ORGANISATION_KEYS]
    assert list(one) == MINIMAL_ORGANISATION_KEYS
    for answer in (listed, one):
        assert "xoxb-slack" not in str(answer) and "discord-token" not in str(answer)


@pytest.mark.parametrize("token", CHAT_TOKENS)
def test_non_admins_cannot_filter_on_chat_tokens(api, artist_headers, with_tokens, token):
    value = with_tokens[token]

    answer = api.get(f"/data/organisations?{token}={value}", status=400,
                     headers=artist_headers)

    assert answer["message"] == f"Filtering on {token} is not allowed."
    assert [row["id"] for row in api.get(f"/data/organisations?{token}={value}")] == [
        with_tokens["id"]]


def test_hours_by_day_must_be_a_number(api, organisation):
    answer = api.put(f"/data/organisations/{organisation['id']}", {"hours_by_day": "abc"},
                     status=400)
    assert [error["field"] for error in answer["data"]["errors"]] == ["hours_by_day"]
    updated = api.put(f"/data/organisations/{organisation['id']}", {"hours_by_day": 7.5})
    assert updated["hours_by_day"] == 7.5


@pytest.mark.parametrize("role", ["user", "manager"])
def test_only_admins_write_the_organisation(api, studio, organisation, role):
    headers = studio.headers(studio.person(role))

    answers = [
        api.post("/data/organisations", {"name": "Other"}, status=403, headers=headers),
        api.put(f"/data/organisations/{organisation['id']}", {"hours_by_day": 4}, status=403,
                headers=headers),
        api.delete(f"/data/organisations/{organisation['id']}", status=403,
                   headers=headers).json,
    ]

    assert answers == [{"error": True, "message": FORBIDDEN}] * 3
    assert api.get("/data/organisations") == [organisation]
