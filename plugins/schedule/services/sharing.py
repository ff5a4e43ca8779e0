"""Sharing a playlist: guest review links (created, listed while active, revoked by turning
them off) and the ``playlist-ready`` notification of the project's clients, with what the
inbox shows of the playlists it announces."""

import datetime
import uuid

import argon2
import peewee

from framework import BadRequest, NotFound, emit, utcnow
from framework.db import new_id
from framework.serialize import Serializer
from plugins.entities.models import Project, ProjectPersonLink
from plugins.persons.models import DepartmentLink, Person
from plugins.tasks.models import Notification

from ..models import Playlist, PlaylistShareLink

SERIALIZER = Serializer(PlaylistShareLink, hidden=("password",))


def shown(link):
    """Zou's share link: every column but the password, ``has_password`` last."""
    return {**SERIALIZER.from_instance(link), "has_password": bool(link.password)}


def expiry(value):
    """A day expires at its last second; a moment is kept as given (Zou's reading)."""
    if not value:
        return None
    try:
        return datetime.datetime.combine(datetime.date.fromisoformat(value),
                                         datetime.time.max).replace(microsecond=0)
    except ValueError:
        pass
    try:
        return datetime.datetime.fromisoformat(value)
    except ValueError:
        raise BadRequest(f"{value} is not a valid ISO 8601 date", data=None) from None


def create(playlist, person_id, values):
    password = values.get("password")
    return PlaylistShareLink.create(
        token=str(uuid.uuid4()), playlist=playlist.id, created_by=person_id,
        expiration_date=expiry(values.get("expiration_date")),
        can_comment=values["can_comment"],
        password=argon2.PasswordHasher().hash(password) if password else None)


def active_links(playlist):
    query = (PlaylistShareLink.select()
             .where(PlaylistShareLink.playlist == playlist.id,
                    PlaylistShareLink.is_active == True)  # noqa: E712
             .order_by(PlaylistShareLink.created_at))
    return [shown(link) for link in query]


def link_of(playlist, token):
    """The playlist's link behind ``token`` (active or not), 404 otherwise."""
    link = PlaylistShareLink.get_or_none(PlaylistShareLink.token == token)
    if link is None or link.playlist_id != playlist.id:
        raise NotFound()
    return link


def revoke(link):
    link.is_active, link.updated_at = False, utcnow()
    link.save()
    return shown(link)


def notify_clients(playlist, author_id, studio_id=None, department_id=None):
    """A ``playlist-ready`` notification for each client of the playlist's project (by
    their project role, else their studio role; bots and preview accounts left out),
    narrowed to a studio and a department when given."""
    role = peewee.fn.COALESCE(ProjectPersonLink.role, Person.role)
    query = (Person.select(Person.id)
             .join(ProjectPersonLink, on=(ProjectPersonLink.person == Person.id))
             .where(ProjectPersonLink.project == playlist.project_id, role == "client",
                    Person.is_bot != True, Person.preview_project_id.is_null()))  # noqa: E712
    if studio_id:
        query = query.where(Person.studio == studio_id)
    if department_id:
        query = query.where(Person.id.in_(DepartmentLink.select(DepartmentLink.person).where(
            DepartmentLink.department == department_id)))
    now = utcnow()
    recipients = [row[0] for row in query.tuples()]
    rows = [{"id": new_id(), "person": person_id, "author": author_id,
             "type": "playlist-ready", "playlist_id": playlist.id, "read": False,
             "change": False, "created_at": now, "updated_at": now}
            for person_id in dict.fromkeys(recipients)]
    if rows:
        Notification.insert_many(rows).execute()
    for row in rows:
        emit("notification:new", {"notification_id": row["id"], "person_id": row["person"]},
             project_id=playlist.project_id)


def announced(playlist_ids):
    """What a ``playlist-ready`` notification shows of its playlist (one query)."""
    query = (Playlist.select(Playlist.id, Playlist.name, Playlist.for_entity,
                             Playlist.is_for_all, Project.id, Project.name)
             .join(Project, on=(Playlist.project == Project.id))
             .where(Playlist.id.in_(playlist_ids)).tuples())
    return {playlist_id: {"name": name, "for_entity": for_entity or "shot",
                          "is_for_all": bool(is_for_all), "project_id": project_id,
                          "project_name": project_name}
            for playlist_id, name, for_entity, is_for_all, project_id, project_name in query}
