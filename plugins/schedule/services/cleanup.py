"""What goes when tasks or entities are deleted (inside the deleting transaction): the time
logged on the tasks; the chats of the entities, the schedule items planned for them and the
playlists of deleted episodes."""

from ..models import Chat, ChatMessage, ChatParticipant, Playlist, ScheduleItem, TimeSpent
from . import playlists


def forget_tasks(task_ids):
    TimeSpent.delete().where(TimeSpent.task.in_(list(task_ids))).execute()


def forget_entities(entity_ids):
    entity_ids = list(entity_ids)
    chats = Chat.select(Chat.id).where(Chat.object_id.in_(entity_ids))
    ChatMessage.delete().where(ChatMessage.chat.in_(chats)).execute()
    ChatParticipant.delete().where(ChatParticipant.chat.in_(chats)).execute()
    Chat.delete().where(Chat.object_id.in_(entity_ids)).execute()
    ScheduleItem.delete().where(ScheduleItem.object_id.in_(entity_ids)).execute()
    for playlist in Playlist.select().where(Playlist.episode.in_(entity_ids)):
        playlists.remove_dependents(playlist)
        playlist.delete_instance()
