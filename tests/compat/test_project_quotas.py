"""gazu.project's shot quotas against a served Dopesheet: a shot of 48 frames animated by
an artist who logged their time on it, counted once it went to review (on the day of the
time logged; raw, on the day it went to review)."""

import gazu
import pytest

from tests.compat.productions import production

LOGGED_DAY = "2025-03-04"


def test_shot_quotas_of_a_task_type_and_of_a_person(admin, new_person):
    artist, artist_client = new_person()
    built = production(admin, artist)
    shot, task, animation = built["shot"], built["shot_task"], built["animation"]
    gazu.shot.update_shot({"id": shot["id"], "nb_frames": 48}, client=admin)
    gazu.task.start_task(task, client=artist_client)
    gazu.task.set_time_spent(task, artist, LOGGED_DAY, 240, client=artist_client)
    review = gazu.task.get_task_status_by_short_name("wfa", client=admin)
    gazu.task.add_comment(task, review, "done, please review", client=artist_client)
    by_person = gazu.project.get_project_quotas(built["project"], animation, client=admin)
    assert set(by_person) == {artist["id"], "total"}
    day = by_person[artist["id"]]["day"]
    assert (day["count"], day["frames"], day["seconds"]) == (
        {LOGGED_DAY: 1.0}, {LOGGED_DAY: 48}, {LOGGED_DAY: 1.92})
    assert by_person[artist["id"]]["week"]["count"] == {"2025-10": 1.0}
    assert by_person["total"]["month"]["frames"] == {"2025-03": 48}
    raw = gazu.client.get(f"data/projects/{built['project']['id']}/quotas/{animation['id']}"
                          "?count_mode=feedback", client=admin)
    assert [sum(raw[artist["id"]]["day"][measure].values())
            for measure in ("count", "frames")] == [1, 48]
    own = gazu.project.get_project_person_quotas(built["project"], artist,
                                                 client=artist_client)
    assert set(own) == {animation["id"], "total"}
    assert own[animation["id"]]["year"]["count"] == {"2025": 1.0}
    other, other_client = new_person()
    gazu.project.add_person_to_team(built["project"], other, client=admin)
    with pytest.raises(gazu.exception.NotAllowedException):
        gazu.project.get_project_person_quotas(built["project"], artist, client=other_client)
