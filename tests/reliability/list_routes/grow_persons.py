"""People and what they keep: a new studio member each round (in a department, logging in),
a new department, the artist's saved searches and filter groups, desktop logins, and the
entity chats the artist joins and writes in.

Every row is written through the API as a studio would: an admin creates the person, their
department and the department link; the newcomer logs in (a login log); the artist records
a desktop login on ``DAY``, saves a search in their filter group (round 1's), creates a
group, joins one more entity chat and posts in the shot's chat (``entity_id``)."""

from tests.reliability.list_routes.world import DAY

SKIP = {}
FIXED = {
    "/data/organisations": "the studio's single organisation (Zou reads the first one; "
                           "a studio never creates a second)",
    "/data/events/names": "the kinds of event written, which every round repeats",
}

PASSWORD = "grown-password-1"


def _chatted_entities(prod):
    """One more entity whose chat the artist joins each round: the shot first (its chat is
    where the messages go), then others of the production (no new entity is needed)."""
    return (prod.shot, prod.shot2, prod.asset, prod.sequence, prod.episode)


def grow(world):
    prod, n, ids = world.prod, world.round, world.ids
    artist = world.artist_headers

    department = prod.post("/data/departments", {"name": f"Grown department {n}",
                                                 "color": "#336699"})
    if n == 1:
        ids["departments"] = ids["department_id"] = department["id"]
        ids["persons"] = world.artist.id
        ids["organisations"] = prod.get("/data/organisations")[0]["id"]

    email = f"grown-{n}@example.com"
    person = prod.post("/data/persons", {"first_name": "Grown", "last_name": f"Member {n}",
                                         "email": email, "role": "user",
                                         "password": PASSWORD})
    prod.post(f"/actions/persons/{person['id']}/departments/add",
              {"department_id": ids["department_id"]})
    prod.call("POST", "/auth/login", 200, headers={},
              json={"email": email, "password": PASSWORD})

    prod.post("/data/user/desktop-login-logs", {"date": f"{DAY.isoformat()}T09:0{n}:00"},
              headers=artist)

    group = prod.post("/data/user/filter-groups", {"name": f"Grown group {n}",
                                                   "color": "#999999",
                                                   "project_id": prod.project_id},
                      headers=artist)
    if n == 1:
        ids["filter_group_id"] = ids["search-filter-groups"] = group["id"]
    search = prod.post("/data/user/filters", {
        "name": f"Grown search {n}", "query": f"grown{n}", "project_id": prod.project_id,
        "search_filter_group_id": ids["filter_group_id"]}, headers=artist)
    if n == 1:
        ids["search-filters"] = search["id"]

    chatted = _chatted_entities(prod)[n - 1]
    chat = prod.post(f"/actions/user/chats/{chatted.id}/join", expected=200, headers=artist)
    if n == 1:
        ids["chats"] = chat["id"]
    message = prod.post(f"/data/entities/{ids['entity_id']}/chat/messages",
                        {"message": f"grown {n}"}, headers=artist)
    if n == 1:
        ids["chat_message_id"] = ids["chat-messages"] = message["id"]
