"""The tasks plugin's list routes issue the same number of SQL queries with one row as with
many: a route's template goes in ``LIST_ROUTES`` with who calls it, and is measured against
a production holding one shot task, then six."""

import pytest

ADMIN, ARTIST = "admin", "artist"
LIST_ROUTES = [
    ("/data/tasks?project_id={project}", ADMIN),
    ("/data/tasks/{task}/comments", ADMIN),
    ("/data/comments", ADMIN),
    ("/data/notifications", ADMIN),
    ("/data/news", ADMIN),
    ("/data/subscriptions", ADMIN),
    ("/data/events/last", ADMIN),
    ("/data/episodes/{episode}/shot-tasks", ADMIN),
    ("/data/sequences/{sequence}/shot-tasks", ADMIN),
    ("/data/entities/{shot}/news", ADMIN),
    ("/data/entities/{shot}/task-types/{task_type}/tasks", ADMIN),
    ("/data/projects/{project}/comments", ADMIN),
    ("/data/projects/{project}/news", ADMIN),
    ("/data/projects/{project}/notifications", ADMIN),
    ("/data/projects/{project}/subscriptions", ADMIN),
    ("/data/projects/news", ADMIN),
    ("/data/persons/{artist}/tasks", ADMIN),
    ("/data/user/tasks", ARTIST),
    ("/data/user/notifications", ARTIST),
    ("/data/user/projects/open", ARTIST),
    ("/data/user/projects/{project}/sequences", ARTIST),
    ("/data/user/sequences/{sequence}/shots", ARTIST),
    ("/data/user/shots/{shot}/tasks", ARTIST),
]


@pytest.fixture
def grown(prod):
    """``grow(count)`` adds ``count`` shots, each with an Animation task assigned to the
    artist and commented (a notification for the artist), and one more comment on the
    first task; the ids the templates name are in ``grow.ids``."""
    artist, artist_headers = prod.member("user")
    first = prod.shot_task()
    prod.assign(first, artist)
    animation = prod.task_type[("Animation", "Shot")]
    prod.post(f"/actions/user/tasks/{first['id']}/subscribe", headers=artist_headers,
              expected=None)

    def grow(count):
        for index in range(count):
            shot = prod.entity(f"SH{grow.shots:03d}", prod.kind["Shot"], parent=prod.sequence)
            grow.shots += 1
            task = prod.shot_task(shot=shot)
            prod.assign(task, artist)
            prod.comment(task, "wip", f"take {index}")
            prod.comment(first, "wip", f"again {index}")

    grow.shots = 100
    grow.ids = {"project": prod.project_id, "task": first["id"], "episode": prod.episode.id,
                "sequence": prod.sequence.id, "shot": prod.shot.id, "artist": artist.id,
                "task_type": animation}
    grow.headers = {ADMIN: prod.admin, ARTIST: artist_headers}
    return grow


def _queries(prod, query_counter, path, headers):
    with query_counter() as log:
        answer = prod.get(path, headers)
    assert answer, path
    return log.count


@pytest.mark.parametrize("template, caller", LIST_ROUTES)
def test_list_route_query_count_does_not_grow_with_rows(prod, query_counter, grown,
                                                         template, caller):
    path = template.format(**grown.ids)
    headers = grown.headers[caller]
    grown(1)
    one = _queries(prod, query_counter, path, headers)
    grown(5)
    assert _queries(prod, query_counter, path, headers) == one
