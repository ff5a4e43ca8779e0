def test_index_answers_at_root_and_under_api(client):
    for path in ("/", "/api", "/api/"):
        result = client.simulate_get(path)
        assert result.status_code == 200
        assert result.json == {"api": "Dopesheet", "version": "0.1.0"}


def test_admin_lists_persons(studio, admin_headers):
    result = studio.client.simulate_get("/data/persons", headers=admin_headers)
    assert result.status_code == 200
    assert [person["role"] for person in result.json] == ["admin"]
