"""gazu's session functions (gazu, gazu.client) against a served Dopesheet."""

import gazu
import pytest
from PIL import Image

from tests.compat.conftest import ADMIN_EMAIL, ADMIN_PASSWORD, connect, unique


def test_log_in_returns_the_user_and_tokens(served):
    client = gazu.client.create_client(f"{served.url}/api")
    tokens = gazu.log_in(ADMIN_EMAIL, ADMIN_PASSWORD, client=client)
    assert tokens["login"] is True
    assert tokens["user"]["email"] == ADMIN_EMAIL and tokens["user"]["role"] == "admin"
    assert tokens["access_token"] and tokens["refresh_token"]
    assert gazu.client.get_current_user(client=client)["id"] == tokens["user"]["id"]


def test_wrong_password_raises_auth_failed(served):
    client = gazu.client.create_client(f"{served.url}/api")
    with pytest.raises(gazu.exception.AuthFailedException):
        gazu.log_in(ADMIN_EMAIL, "not the password", client=client)


def test_host_checks_and_version(admin, served):
    assert gazu.client.host_is_up(client=admin) is True
    assert gazu.client.host_is_valid(client=admin) is True
    assert gazu.client.get_api_version(client=admin) == "0.1.0"
    assert gazu.client.get_host(client=admin) == f"{served.url}/api"


def test_refresh_then_log_out_revokes_the_session(served):
    client = connect(served, ADMIN_EMAIL, ADMIN_PASSWORD)
    old_access = client.tokens["access_token"]
    gazu.refresh_access_token(client=client)
    tokens = dict(client.tokens)
    assert tokens["access_token"] != old_access
    assert gazu.client.get_current_user(client=client)["email"] == ADMIN_EMAIL
    gazu.log_out(client=client)
    client.tokens = tokens
    with pytest.raises(gazu.exception.NotAuthenticatedException):
        gazu.client.get("auth/authenticated", client=client)
    with pytest.raises(gazu.exception.NotAuthenticatedException):
        gazu.refresh_access_token(client=client)


def test_client_state_and_raw_files(served, admin):
    """What scripts set on a client (host, event host, tokens) and read back raw."""
    copy = gazu.client.create_client("http://unused.example.com/api")
    gazu.client.set_host(f"{served.url}/api", client=copy)
    assert gazu.client.get_host(client=copy) == f"{served.url}/api"
    gazu.client.set_event_host("http://events.example.com", client=copy)
    assert gazu.client.get_event_host(client=copy) == "http://events.example.com"
    gazu.client.set_tokens(admin.tokens, client=copy)
    assert gazu.client.get_current_user(client=copy)["email"] == ADMIN_EMAIL
    spec = gazu.client.get_file_data_from_url("openapi.json", client=copy)
    assert spec.startswith(b"{")
    assert gazu.client.get_message_from_data({"message": "Wrong id"}) == "Wrong id"


def test_checking_a_raw_response(admin):
    """Scripts sending requests through the client's session check them with gazu's
    helpers: a 400 carries Zou's message, a 404 raises gazu's RouteNotFoundException."""
    headers = gazu.client.make_auth_header(client=admin)
    refused = admin.session.post(gazu.client.get_full_url("data/projects", client=admin),
                                 json={}, headers=headers)
    assert refused.status_code == 400
    assert "name" in gazu.client.get_message_from_response(refused)
    missing = admin.session.get(gazu.client.get_full_url(
        "data/projects/00000000-0000-4000-8000-000000000000", client=admin), headers=headers)
    with pytest.raises(gazu.exception.RouteNotFoundException):
        gazu.client.check_status(missing, "data/projects/...", client=admin)


def test_raw_upload_and_download(admin, tmp_path):
    """gazu.client.upload and download, as scripts use them for routes gazu does not wrap:
    a preview background (a 4x2 flat Radiance HDR picture) sent, its thumbnail fetched."""
    picture = tmp_path / "grey.hdr"
    picture.write_bytes(b"#?RADIANCE\nFORMAT=32-bit_rle_rgbe\n\n-Y 2 +X 4\n"
                        + bytes([128, 128, 128, 129]) * 8)
    background = gazu.client.create("preview-background-files", {"name": unique("Grey")},
                                    client=admin)
    uploaded = gazu.client.upload(f"pictures/preview-background-files/{background['id']}",
                                  str(picture), client=admin)
    assert (uploaded["id"], uploaded["extension"]) == (background["id"], "hdr")
    thumbnail = tmp_path / "thumbnail.png"
    gazu.client.download(f"pictures/thumbnails/preview-background-files/{background['id']}.png",
                         str(thumbnail), client=admin)
    assert Image.open(thumbnail).format == "PNG"
