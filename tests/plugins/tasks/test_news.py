"""The news feed: per project (paginated with stats), one item, across open projects, per
entity; Zou's shape and role rules."""

from tests.plugins.tasks.zou_shapes import FEED, FEED_ITEM, FORBIDDEN, SHORT_PERSON


def test_a_projects_news_feed(prod, clock_control):
    task = prod.shot_task()
    other = prod.asset_task()
    first = prod.comment(task, "wip", "one")
    clock_control.advance(minutes=1)
    prod.comment(task, "wip", "same status")
    clock_control.advance(minutes=1)
    prod.comment(other, "wfa", "look")
    feed = prod.get(f"/data/projects/{prod.project_id}/news")
    assert list(feed) == FEED
    assert (feed["total"], feed["nb_pages"], feed["limit"], feed["offset"], feed["page"]) == (
        3, 1, 50, 0, 1)
    assert [list(item) for item in feed["data"]] == [FEED_ITEM] * 3
    latest, _, oldest = feed["data"]
    assert (latest["full_entity_name"], latest["episode_id"], latest["change"]) == (
        "Character / Hero", None, True)
    assert (oldest["comment_id"], oldest["full_entity_name"], oldest["episode_id"]) == (
        first["id"], "E01 / SQ01 / SH010", prod.episode.id)
    assert list(oldest["person"]) == SHORT_PERSON
    assert feed["stats"] == {prod.status["wip"]: 1, prod.status["wfa"]: 1}
    page = prod.get(f"/data/projects/{prod.project_id}/news?page=2&limit=2")
    assert (len(page["data"]), page["nb_pages"], page["offset"]) == (1, 2, 2)
    filtered = prod.get(f"/data/projects/{prod.project_id}/news?task_status_id="
                        f"{prod.status['wfa']}")
    assert filtered["total"] == 1
    one = prod.get(f"/data/projects/{prod.project_id}/news/{oldest['id']}")
    assert one == oldest
    assert prod.get(f"/data/projects/news?project_id={prod.project_id}")["total"] == 3
    assert prod.get(f"/data/entities/{prod.asset.id}/news")["total"] == 1


def test_news_rules_per_role(prod):
    prod.comment(prod.shot_task(), "wip", "x")
    _, client = prod.member("client")
    _, vendor = prod.member("vendor")
    assert prod.call("GET", f"/data/projects/{prod.project_id}/news", 403, client).json == (
        FORBIDDEN)
    news_id = prod.get(f"/data/projects/{prod.project_id}/news")["data"][0]["id"]
    prod.call("GET", f"/data/projects/{prod.project_id}/news/{news_id}", 403, vendor)
    prod.get(f"/data/projects/{prod.project_id}/news/{news_id}", client)
