"""Entity chats: read by whoever sees the entity, joined to post, messages deleted by their
author or an admin; the caller's chats; the generic routes for admins."""

from tests.plugins.schedule.zou_shapes import (CHAT, CHAT_MESSAGE, CHAT_WITH_PARTICIPANTS,
                                               ENTITY_CHAT, LISTED_CHAT_MESSAGE, USER_CHAT)


def test_chatting_on_an_entity(prod):
    shot, headers, artist = prod.shot, prod.artist_headers, prod.artist
    chat = f"/data/entities/{shot.id}/chat"
    opened = prod.get(chat, headers)
    assert list(opened) == ENTITY_CHAT
    assert (opened["participants"], opened["messages"], opened["object_type"]) == (
        [], [], "entity")
    assert prod.post(f"{chat}/messages", {"message": "hello"}, 400, headers)["message"] == (
        "You are not a participant of this chat")
    joined = prod.post(f"/actions/user/chats/{shot.id}/join", None, 200, headers)
    assert list(joined) == CHAT and joined["id"] == opened["id"]
    prod.post(f"/actions/user/chats/{shot.id}/join", None, 200, headers)
    message = prod.post(f"{chat}/messages", {"message": "hello"}, headers=headers)
    assert list(message) == CHAT_MESSAGE and message["text"] == "hello"
    assert prod.post(f"{chat}/messages", {}, 400, headers)["data"] == {
        "errors": [{"field": "message", "message": "Field required"}]}
    again = prod.get(chat, headers)
    assert (again["participants"], again["messages"]) == ([artist.id], [])
    assert again["last_message"] == message["created_at"]
    listed = prod.get(f"{chat}/messages", headers)
    assert [list(item) for item in listed] == [LISTED_CHAT_MESSAGE]
    _, other = prod.member("user")
    one = f"{chat}/messages/{message['id']}"
    assert prod.get(one, other)["attachment_files"] == []
    prod.get(f"/data/entities/{prod.asset.id}/chat/messages/{message['id']}", other, 403)
    prod.delete(one, 403, other)
    mine = prod.get("/data/user/chats", headers)
    assert [list(item) for item in mine] == [USER_CHAT]
    assert mine[0]["entity_name"] == "E01 / SQ01 / SH010"
    prod.delete(f"/actions/user/chats/{shot.id}/join", headers=headers)
    assert prod.get("/data/user/chats", headers) == []
    prod.delete(one, headers=headers)
    assert prod.get(f"{chat}/messages", headers) == []
    names = [event["name"] for event in prod.events(limit=10)]
    assert {"chat:joined", "chat:new-message", "chat:left", "chat:deleted-message"} <= set(
        names)


def test_who_sees_a_chat(prod):
    _, vendor = prod.member("vendor")
    outsider = prod.studio.headers(prod.studio.person("user"))
    prod.get(f"/data/entities/{prod.shot.id}/chat", outsider, 403)
    prod.get(f"/data/entities/{prod.shot.id}/chat", vendor, 403)
    prod.get("/data/entities/bad/chat", prod.artist_headers, 404)


def test_generic_chat_routes(prod):
    prod.get(f"/data/entities/{prod.asset.id}/chat")
    chats = prod.get("/data/chats")
    assert [list(item) for item in chats] == [CHAT]
    created = prod.post("/data/chats", {"object_id": prod.sequence.id})
    assert list(created) == CHAT_WITH_PARTICIPANTS
    prod.delete(f"/data/chats/{chats[0]['id']}")
    assert prod.get("/data/chat-messages") == []
    prod.get("/data/chats", prod.artist_headers, 403)
