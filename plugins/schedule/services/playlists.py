"""Playlists: their entries (``shots``), the listings of a project or an episode, the
detailed view with every preview of the listed entities, and their build jobs.

An entry is the couple (entity, preview): the same entity may come back under another
preview; an entry added without a preview gets the entity's latest one (of the playlist's
task type when it has one)."""

from framework import BadRequest, utcnow
from framework.serialize import Serializer
from plugins.tasks.models import Notification

from ..models import PLAYLIST_ENTITY_KINDS, BuildJob, Playlist
from . import previews
from .dates import moment_text
from .shapes import placed_after

SERIALIZER = Serializer(Playlist)
BUILD_JOB = Serializer(BuildJob)
PAGE_SIZE = 20
LIST_KEYS = ("id", "name", "project_id", "episode_id", "task_type_id", "for_client",
             "for_entity", "is_for_all", "created_at", "updated_at", "created_by")
PSEUDO_EPISODES = ("all", "main")
STATUS_LABELS = {"processing": "Processing", "ready": "Ready", "broken": "Broken"}
"""The detailed playlist shows a preview's status by its label (Zou writes ``str()`` of
its choice there, and the code everywhere else)."""


def check_for_entity(data):
    kind = data.get("for_entity")
    if kind is not None and kind not in PLAYLIST_ENTITY_KINDS:
        raise BadRequest(f"for_entity must be one of {', '.join(PLAYLIST_ENTITY_KINDS)}",
                         data=None)


def cleaned_entries(shots):
    """Entries sent back by a client: dicts naming an entity (``entity_id`` or ``id``),
    reduced to ``{entity_id, preview_file_id}``; anything else is dropped."""
    return [{"entity_id": shot.get("entity_id") or shot.get("id"),
             "preview_file_id": shot.get("preview_file_id")}
            for shot in shots if isinstance(shot, dict) and (shot.get("entity_id")
                                                             or shot.get("id"))]


def add_entries(playlist, couples, dopesheet):
    """Append ``[(entity_id, preview_file_id or None)]`` once each; returns the playlist."""
    task_type_id = playlist.task_type_id
    to_resolve = [entity_id for entity_id, preview_id in couples if preview_id is None]
    latest = previews.latest_of(to_resolve, dopesheet, task_type_id) if to_resolve else {}
    shots = list(playlist.shots or [])
    present = {(shot.get("entity_id"), shot.get("preview_file_id")) for shot in shots}
    added = []
    for entity_id, preview_id in couples:
        preview_id = preview_id or latest.get(entity_id)
        if (entity_id, preview_id) in present:
            continue
        shot = {"entity_id": entity_id}
        if preview_id is not None:
            shot["preview_file_id"] = preview_id
        shots.append(shot)
        present.add((entity_id, preview_id))
        added.append(shot)
    if added:
        Playlist.update(shots=shots, updated_at=utcnow()).where(
            Playlist.id == playlist.id).execute()
        playlist.shots = shots
    for shot in added:
        dopesheet.emit("playlist:add_entity", {
            "playlist_id": playlist.id, "entity_id": shot["entity_id"],
            "preview_file_id": shot.get("preview_file_id")}, project_id=playlist.project_id)
    return playlist


def build_job_ids(playlist_ids):
    """``{playlist_id: [build job ids]}`` in one query."""
    found = {}
    for job_id, playlist_id in (BuildJob.select(BuildJob.id, BuildJob.playlist)
                                .where(BuildJob.playlist.in_(list(playlist_ids)))
                                .order_by(BuildJob.created_at).tuples()):
        found.setdefault(playlist_id, []).append(job_id)
    return found


def with_build_jobs(items):
    """Zou's ``relations``: the build job ids, placed after ``is_for_all`` (the order of
    Zou's model)."""
    jobs = build_job_ids([item["id"] for item in items]) if items else {}
    return [placed_after(item, "build_jobs", jobs.get(item["id"], []), "is_for_all")
            for item in items]


def listing(query, page, sort_by):
    """A page of Zou's compact playlist dicts (20 a page, latest update first unless
    ``sort_by`` names a column; dates sort latest first)."""
    column = Playlist._meta.columns.get(sort_by or "")
    if column is None:
        order = Playlist.updated_at.desc()
    else:
        order = column.desc() if sort_by in ("created_at", "updated_at") else column
    page = max(page, 1)
    query = query.order_by(order, Playlist.id).limit(PAGE_SIZE).offset((page - 1) * PAGE_SIZE)
    found = []
    for values in SERIALIZER.select(query):
        item = SERIALIZER.from_values(values)
        compact = {"type": "Playlist", **{key: item[key] for key in LIST_KEYS}}
        compact["for_entity"] = compact["for_entity"] or "shot"
        shots = item["shots"]
        if isinstance(shots, list) and shots and isinstance(shots[0], dict) \
                and shots[0].get("preview_file_id"):
            compact["first_preview_file_id"] = shots[0]["preview_file_id"]
        found.append(compact)
    return found


def of_episode(project_id, episode_id, for_entity=None):
    """The playlists of an episode, or of Zou's pseudo-episodes: ``main`` (no episode, not
    for all) and ``all`` (no episode, for all)."""
    query = Playlist.select().where(Playlist.project == project_id)
    if for_entity:
        query = query.where(Playlist.for_entity == for_entity)
    if episode_id == "main":
        return query.where(Playlist.episode.is_null(), (Playlist.is_for_all.is_null())
                           | (Playlist.is_for_all == False))  # noqa: E712
    if episode_id == "all":
        return query.where(Playlist.episode.is_null(), Playlist.is_for_all == True)  # noqa: E712
    return query.where(Playlist.episode == episode_id)


def detailed(playlist, dopesheet):
    """Zou's playlist with its entries resolved: each entry gets its ``id``, every preview
    of its entity per task type, and what it plays (``preview_file_*``)."""
    item = SERIALIZER.from_instance(playlist)
    item["build_jobs"] = [{"id": job.id, "status": job.status,
                           "created_at": moment_text(job.created_at),
                           "message": job.message}
                          for job in BuildJob.select().where(BuildJob.playlist == playlist.id)
                          .order_by(BuildJob.created_at.desc())]
    shots = [dict(shot) for shot in item["shots"] or [] if isinstance(shot, dict)]
    for shot in shots:
        entity_id = shot.get("id") or shot.get("shot_id") or shot.get("entity_id")
        if entity_id:
            shot.setdefault("id", entity_id)
    found = previews.of_entities([shot.get("id") for shot in shots], dopesheet)
    by_id = {preview["id"]: preview for preview in found}
    per_entity = {}
    for preview in found:
        per_entity.setdefault(preview["entity_id"], []).append(preview)
    revisions = {}
    for shot in shots:
        own = [{**preview, "status": STATUS_LABELS.get(preview["status"], preview["status"])}
               for preview in per_entity.get(shot.get("id"), [])]
        shot["preview_files"] = (previews.per_task_type(own, previews.LIGHT_KEYS)
                                 if own else [])
        for grouped in (shot["preview_files"] or {}).values():
            revisions.update({first["id"]: first["previews"] for first in grouped})
    for shot in shots:
        played = by_id.get(shot.get("preview_file_id"))
        if played is None:
            shot.pop("preview_file_id", None)
            continue
        for key in ("extension", "revision", "width", "height", "duration"):
            shot[f"preview_file_{key}"] = played.get(key)
        shot["preview_file_status"] = STATUS_LABELS.get(played["status"], played["status"])
        shot["preview_file_duration"] = float(played.get("duration") or 0)
        shot["preview_file_task_id"] = played["task_id"]
        shot["preview_file_previews"] = revisions.get(played["id"], [])
    item["shots"] = shots
    return item


def remove_dependents(playlist):
    """What goes with a playlist: its build jobs and the notifications announcing it."""
    BuildJob.delete().where(BuildJob.playlist == playlist.id).execute()
    Notification.delete().where(Notification.playlist_id == playlist.id).execute()
