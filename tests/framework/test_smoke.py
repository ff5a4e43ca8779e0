import logging


def test_index_answers_at_root_and_under_api(client):
    for path in ("/", "/api", "/api/"):
        result = client.simulate_get(path)
        assert result.status_code == 200
        assert result.json == {"api": "Dopesheet", "version": "0.1.0"}


def test_api_prefix_reaches_the_same_routes_and_the_log_shows_it(studio, admin_headers, caplog):
    with caplog.at_level(logging.INFO, logger="dopesheet.access"):
        under_api = studio.client.simulate_get("/api/data/persons", headers=admin_headers,
                                               query_string="relations=true")
    assert "GET /api/data/persons?relations=true 200" in caplog.records[-1].getMessage()
    assert under_api.json == studio.client.simulate_get(
        "/data/persons", headers=admin_headers, query_string="relations=true").json
    for path in ("/apidata/persons", "/api-data/persons", "/api/api/data/persons"):
        assert studio.client.simulate_get(path, headers=admin_headers).status_code == 404, path


def test_admin_lists_persons(studio, admin_headers):
    result = studio.client.simulate_get("/data/persons", headers=admin_headers)
    assert result.status_code == 200
    assert [person["role"] for person in result.json] == ["admin"]


def test_config_has_zous_keys_and_plugin_fragments(make_app):
    import falcon.testing

    app = make_app({"plugins": {"persons": {"default_locale": "fr_FR"}}})
    config = falcon.testing.TestClient(app).simulate_get("/config").json
    assert set(config) == {
        "is_self_hosted", "crisp_token", "dark_theme_by_default", "indexer_configured",
        "saml_enabled", "saml_idp_name", "oidc_enabled", "oidc_idp_name", "default_locale",
        "default_timezone", "enforce_2fa", "movie_highdef_bitrate", "movie_lowdef_bitrate",
        "preview_accounts_enabled"}
    assert (config["default_locale"], config["default_timezone"]) == ("fr_FR", "Europe/Paris")
