"""Entity chats: ``/data/entities/{entity_id}/chat...`` for whoever sees the entity (team
members; vendors on entities assigned to them), joining and leaving
(``/actions/user/chats/{entity_id}/join``) and the caller's chats (``/data/user/chats``)."""

import falcon

from framework import Forbidden, get_or_404, json_body, operation

from ..models import ChatMessage
from ..schemas import ChatMessageBody
from ..services import chats
from .common import ScheduleResource


class EntityChat(ScheduleResource):
    def chat(self, req, entity_id):
        return chats.chat_of(self.entity(req, entity_id).id)

    def message(self, req, entity_id, message_id):
        chat = self.chat(req, entity_id)
        message = get_or_404(ChatMessage, message_id)
        if message.chat_id != chat.id:
            raise Forbidden()
        return message

    @operation("The chat of an entity (created on first read)")
    def on_get(self, req, resp, entity_id):
        chat = self.chat(req, entity_id)
        # Zou looks the messages up by the entity id instead of the chat's: always none.
        resp.media = {**chats.chat_dict(chat, with_participants=True), "messages": []}

    @operation("Messages of an entity chat")
    def on_get_messages(self, req, resp, entity_id):
        resp.media = chats.messages(self.chat(req, entity_id).id)

    @operation("Post in an entity chat (participants only)", body=ChatMessageBody, status=201)
    def on_post_messages(self, req, resp, entity_id):
        chat = self.chat(req, entity_id)
        text = json_body(req, ChatMessageBody)["message"]
        message = chats.post(chat, self.person(req).id, text, self.dopesheet)
        resp.status = falcon.HTTP_201
        resp.media = chats.MESSAGE.from_instance(message)

    @operation("A message of an entity chat")
    def on_get_message(self, req, resp, entity_id, chat_message_id):
        resp.media = chats.message_dict(self.message(req, entity_id, chat_message_id))

    @operation("Delete a message (its author or an admin)", status=204)
    def on_delete_message(self, req, resp, entity_id, chat_message_id):
        message = self.message(req, entity_id, chat_message_id)
        principal = self.person(req)
        if message.person_id != principal.id and not principal.is_admin:
            raise Forbidden()
        chats.delete_message(message, self.dopesheet)
        resp.status = falcon.HTTP_204


class ChatMembership(ScheduleResource):
    @operation("Join the chat of an entity")
    def on_post(self, req, resp, entity_id):
        principal = self.person(req)
        chat = chats.chat_of(self.entity(req, entity_id).id)
        chats.join(chat, principal.id, self.dopesheet)
        resp.media = chats.chat_dict(chat, with_participants=False)

    @operation("Leave the chat of an entity", status=204)
    def on_delete(self, req, resp, entity_id):
        principal = self.person(req)
        chat = chats.chat_of(self.entity(req, entity_id).id)
        chats.leave(chat, principal.id, self.dopesheet)
        resp.status = falcon.HTTP_204

    @operation("The chats the caller joined (open projects)")
    def on_get_joined(self, req, resp):
        resp.media = chats.joined_by(self.person(req).id)

