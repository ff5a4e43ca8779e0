"""Helpers shared by the persons plugin tests."""

import re

import pytest

FORBIDDEN = ("You don't have the permission to access the requested resource. It is either "
             "read-protected or not readable by the server.")
DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$")
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
SECRET_KEYS = {"password", "password_hash", "totp_secret", "email_otp_secret",
               "otp_recovery_codes", "fido_credentials", "jti", "login_failed_attemps",
               "last_login_failed"}


def new_person(**fields):
    """The body of a ``POST /data/persons`` creating Paul Painter, with ``fields`` on top."""
    return {"first_name": "Paul", "last_name": "Painter", "email": "paul@example.com", **fields}


class Api:
    """The admin's calls, asserting the expected status so tests read as scenarios."""

    def __init__(self, studio, headers):
        self.studio = studio
        self.client = studio.client
        self.headers = headers

    def get(self, path, status=200, headers=None):
        result = self.client.simulate_get(path, headers=headers or self.headers)
        assert result.status_code == status, result.text
        return result.json

    def post(self, path, body, status=201, headers=None):
        result = self.client.simulate_post(path, json=body, headers=headers or self.headers)
        assert result.status_code == status, result.text
        return result.json

    def put(self, path, body, status=200, headers=None):
        result = self.client.simulate_put(path, json=body, headers=headers or self.headers)
        assert result.status_code == status, result.text
        return result.json

    def delete(self, path, status=204, headers=None):
        result = self.client.simulate_delete(path, headers=headers or self.headers)
        assert result.status_code == status, result.text
        return result

    def department(self, name, color="#78909C"):
        return self.post("/data/departments", {"name": name, "color": color})


@pytest.fixture
def api(studio, admin_headers):
    return Api(studio, admin_headers)


@pytest.fixture
def artist(studio):
    return studio.person("user", email="artist@example.com", first_name="Ann",
                         last_name="Artist")


@pytest.fixture
def artist_headers(studio, artist):
    return studio.headers(artist)
