"""The login log (``/data/events/login-logs/last``): every successful login, newest first,
read by admins only, with Zou's filters, cursor and messages."""

from tests.plugins.auth.helpers import login

PATH = "/data/events/login-logs/last"
LOG = ["id", "created_at", "ip_address", "person_id", "origin"]


def logs(client, headers, query="", expected=200):
    result = client.simulate_get(f"{PATH}{query}", headers=headers)
    assert result.status_code == expected, result.text
    return result.json


def test_logins_are_listed_newest_first_for_admins(client, studio, alice, admin_headers,
                                                   query_counter):
    assert login(client, alice.email).status_code == 200
    assert login(client, alice.email, "wrong password").status_code == 400
    assert login(client, alice.email).status_code == 200
    every = logs(client, admin_headers)
    assert [list(item) for item in every][:1] == [LOG]
    mine = logs(client, admin_headers, f"?person_ids={alice.id}")
    assert [item["person_id"] for item in mine] == [alice.id, alice.id]
    assert mine[0]["created_at"] >= mine[1]["created_at"]
    assert logs(client, admin_headers, "?limit=1") == every[:1]
    older = logs(client, admin_headers, f"?person_ids={alice.id}&cursor_login_log_id="
                                        f"{mine[0]['id']}")
    assert [item["id"] for item in older] == [mine[1]["id"]]
    assert logs(client, admin_headers, "?after=2999-01-01") == []
    assert logs(client, admin_headers, "?before=2000-01-01T00:00:00") == []
    logs(client, studio.headers(alice), expected=403)
    with query_counter() as few:
        logs(client, admin_headers)
    for _ in range(5):
        login(client, alice.email)
    with query_counter() as many:
        logs(client, admin_headers)
    assert (few.count, many.count) == (2, 2)


def test_bad_filters_are_refused_with_zous_messages(client, admin_headers):
    for query, message in (
            ("?before=bad", "Wrong date format for before argument.Expected format: "
                            "2020-01-05T13:23:10 or 2020-01-05"),
            ("?cursor_login_log_id=nope", "The cursor_login_log_id parameter is not a valid id"),
            ("?cursor_login_log_id=00000000-0000-0000-0000-000000000000",
             "No login log found with id: 00000000-0000-0000-0000-000000000000"),
            ("?person_ids=nope", "The person_ids parameter contains an invalid id"),
            ("?limit=x", "Wrong value for parameter limit.")):
        assert logs(client, admin_headers, query, 400) == {"error": True, "message": message,
                                                           "data": None}
