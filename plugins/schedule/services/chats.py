"""Entity chats: one per entity, created on first read; people join to post; messages in
posting order. Chat events (joined, left, new and deleted message) are Zou's."""

from framework import BadRequest, utcnow
from framework.serialize import Serializer
from plugins.entities.models import Entity, Project, ProjectStatus
from plugins.tasks.services.entity_names import full_names

from ..models import Chat, ChatMessage, ChatParticipant
from .dates import moment_text
from .shapes import placed_after

CHAT = Serializer(Chat)
MESSAGE = Serializer(ChatMessage)
NOT_PARTICIPANT = "You are not a participant of this chat"


def chat_of(entity_id):
    chat = Chat.select().where(Chat.object_id == entity_id).first()
    return chat or Chat.create(object_id=entity_id)


def participant_ids(chat_id):
    return [row.person_id for row in ChatParticipant.select(ChatParticipant.person)
            .where(ChatParticipant.chat == chat_id)]


def chat_dict(chat, with_participants):
    item = CHAT.from_instance(chat)
    return with_participants_placed(item, participant_ids(chat.id)) if with_participants \
        else item


def with_participants_placed(item, participants):
    """Zou's order: the participants follow ``last_message``."""
    return placed_after(item, "participants", participants, "last_message")


def join(chat, person_id, dopesheet):
    ChatParticipant.insert(chat=chat.id, person=person_id).on_conflict_ignore().execute()
    dopesheet.emit("chat:joined", {"chat_id": chat.id, "person_id": person_id})


def leave(chat, person_id, dopesheet):
    ChatParticipant.delete().where(ChatParticipant.chat == chat.id,
                                   ChatParticipant.person == person_id).execute()
    dopesheet.emit("chat:left", {"chat_id": chat.id, "person_id": person_id})


def message_dict(message):
    """A message with its attachments (none: files are not stored by this plugin)."""
    return {**MESSAGE.from_instance(message), "attachment_files": []}


def messages(chat_id):
    query = ChatMessage.select().where(ChatMessage.chat == chat_id).order_by(
        ChatMessage.created_at, ChatMessage.id)
    return [{**MESSAGE.from_values(values), "attachment_files": []}
            for values in MESSAGE.select(query)]


def post(chat, person_id, text, dopesheet):
    if person_id not in participant_ids(chat.id):
        raise BadRequest(NOT_PARTICIPANT, data=None)
    message = ChatMessage.create(chat=chat.id, person=person_id, text=text)
    Chat.update(last_message=message.created_at, updated_at=utcnow()).where(
        Chat.id == chat.id).execute()
    dopesheet.emit("chat:new-message", {"chat_id": chat.id, "chat_message_id": message.id,
                                        "last_message": moment_text(message.created_at)})
    return message


def delete_message(message, dopesheet):
    message.delete_instance()
    dopesheet.emit("chat:deleted-message", {"chat_id": message.chat_id,
                                            "chat_message_id": message.id})


def joined_by(person_id):
    """The chats a person joined, of entities of open projects, as Zou's user chats."""
    query = (Chat.select(Chat.id, Chat.object_id, Chat.last_message, Entity.project,
                         Entity.preview_file_id)
             .join(Entity, on=(Chat.object_id == Entity.id))
             .join(Project, on=(Entity.project == Project.id))
             .join(ProjectStatus, on=(Project.project_status == ProjectStatus.id))
             .where(ProjectStatus.name == "Open", Chat.id.in_(
                 ChatParticipant.select(ChatParticipant.chat)
                 .where(ChatParticipant.person == person_id)))
             .order_by(Chat.created_at, Chat.id))
    found = list(query.tuples())
    names = full_names([row[1] for row in found])
    return [{"id": chat_id, "object_id": object_id,
             "last_message": moment_text(last_message),
             "entity_name": names.get(object_id, ("", None, None))[0],
             "project_id": project_id, "preview_file_id": preview_file_id}
            for chat_id, object_id, last_message, project_id, preview_file_id in found]
