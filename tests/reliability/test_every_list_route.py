"""Every GET route answers with a fixed number of SQL queries however many rows it returns.

The routes come from the app's OpenAPI document, so a new route is walked without being
named here. The production is grown once (``GROWERS``: each grower module adds
one row to every list it answers for) and every route is called; it is grown twice more
and every route is called again. Each walk runs twice and the second one is counted: a
route may write on its first call (Zou creates schedule items and chats when first read).
Each route must issue the same number of statements both times, and a route answering a
list must return more rows the second time. A route no grower can fill or grow is named,
with the reason, in the ``SKIP`` or ``FIXED`` of a grower module (or in ``SKIP`` below);
who calls each route is ``World.callers``'s. The artist then walks every route too: what
the permission filters let an artist read must cost the same statements with more rows."""

import re

from tests.reliability.list_routes import grow_entities, grow_files, grow_persons, grow_tasks
from tests.reliability.list_routes.world import World

NOT_JSON = re.compile(r"^/(pictures|movies|export|docs|openapi\.json$)|/download$|/download/|"
                      r"/file$|/file/|/build/mp4$|/extract-(frame|tile)$|"
                      r"/presence-logs/")
SKIP = {
    "/": "the API's name and version",
    "/status": "a health check, no rows",
    "/config": "the settings, no rows",
    "/auth/logout": "logs the caller out",
    "/auth/email-otp": "sends a code, takes an email",
    "/auth/fido": "a login challenge, takes an email",
    "/auth/refresh-token": "takes a refresh token",
}
GROWERS = (grow_entities, grow_tasks, grow_files, grow_persons)
"""In this order each round: a grower may grow under the ids an earlier one names."""


def _excluded(attribute):
    merged = {}
    for grower in GROWERS:
        merged.update(getattr(grower, attribute))
    return merged


def _placeholders(template):
    """The ids ``template`` needs: ``{instance_id}`` is the id of a row of the collection
    named just before it (``/data/budgets/{instance_id}``: ``budgets``)."""
    names = re.findall(r"\{(\w+)", template)
    collection = re.search(r"/([\w-]+)/\{instance_id\}", template)
    return {collection.group(1) if name == "instance_id" else name for name in names}


def _path(template, ids):
    collection = re.search(r"/([\w-]+)/\{instance_id\}", template)
    return template.format(**ids, **({"instance_id": ids[collection.group(1)]}
                                     if collection else {}))


def _templates(app):
    paths = app.dopesheet.openapi()["paths"]
    skip = {**SKIP, **_excluded("SKIP")}
    return sorted(path for path, operations in paths.items()
                  if "get" in operations and path not in skip and not NOT_JSON.search(path))


def _rows(answer):
    if isinstance(answer, list):
        return len(answer)
    if isinstance(answer, dict) and isinstance(answer.get("data"), list):
        return len(answer["data"])
    return None


def _grow(world, rounds):
    for _ in range(rounds):
        world.round += 1
        for grower in GROWERS:
            grower.grow(world)


def _walk(world, templates, query_counter, caller=None):
    """``{template: (status, rows or None, statements)}``, each route called by ``caller``
    (headers), or by the one ``World.callers`` names."""
    seen = {}
    for template in templates:
        path = _path(template, world.ids)
        headers = caller or world.callers.get(template) or (
            world.artist_headers if template.startswith("/data/user/") else world.admin)
        with query_counter() as log:
            result = world.prod.client.simulate_get(path, headers=headers)
        is_json = result.headers.get("content-type", "").startswith("application/json")
        rows = _rows(result.json) if result.status_code == 200 and is_json else None
        seen[template] = (result.status_code if is_json else "not JSON", rows, log.statements)
    return seen


def test_every_get_route_issues_the_same_queries_with_more_rows(studio, admin_headers,
                                                                query_counter):
    world = World(studio, admin_headers)
    _grow(world, 1)
    templates = _templates(studio.app)
    unfilled = {template: sorted(_placeholders(template) - set(world.ids))
                for template in templates if not _placeholders(template) <= set(world.ids)}
    assert not unfilled, "no grower names an id for these placeholders:\n" + "\n".join(
        f"{template}: {', '.join(names)}" for template, names in unfilled.items())
    _walk(world, templates, query_counter)
    before = _walk(world, templates, query_counter)
    by_artist = _walk(world, templates, query_counter, world.artist_headers)
    _grow(world, 2)
    _walk(world, templates, query_counter)
    after = _walk(world, templates, query_counter)
    by_artist_after = _walk(world, templates, query_counter, world.artist_headers)
    fixed = _excluded("FIXED")
    failures = {}
    for template in templates:
        (status, rows, statements), (status_after, rows_after, statements_after) = (
            before[template], after[template])
        if status != 200 or status_after != 200:
            failures[template] = f"answered {status} then {status_after}"
        elif len(statements_after) != len(statements):
            failures[template] = (f"{len(statements)} then {len(statements_after)} queries: "
                                  + " | ".join(statements_after))
        elif rows is not None and rows_after <= rows and template not in fixed:
            failures[template] = f"the list did not grow ({rows} then {rows_after} rows)"
        (status, _, statements), (status_after, _, statements_after) = (
            by_artist[template], by_artist_after[template])
        if status == status_after == 200 and len(statements_after) != len(statements):
            failures[template] = (f"{len(statements)} then {len(statements_after)} queries "
                                  "for the artist: " + " | ".join(statements_after))
    assert not failures, "\n".join(f"{template}: {why}" for template, why in failures.items())
