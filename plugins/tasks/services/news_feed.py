"""The news feed (``/data/projects/{id}/news`` and friends): one row per comment, newest
first, with the entity named and the author embedded, paginated as Zou (50 a page) with
``stats`` (status changes counted per status). A fixed number of queries per page."""

import math
from dataclasses import dataclass

import peewee

from plugins.entities.models import Entity, Project

from ..models import Comment, News, Task
from . import files
from .entity_names import full_names
from .presenters import short_persons

Sequence = Entity.alias("news_sequence")


@dataclass
class NewsFilters:
    project_ids: list = None
    task_status_id: str = None
    task_type_id: str = None
    author_id: str = None
    episode_id: str = None
    entity_id: str = None
    news_id: str = None
    only_preview: bool = False
    before: object = None
    after: object = None


def _joined(query):
    return (query.join(Task, on=(News.task == Task.id))
            .join(Project, on=(Task.project == Project.id))
            .switch(Task).join(Entity, on=(Task.entity == Entity.id))
            .switch(News).join(Comment, peewee.JOIN.LEFT_OUTER, on=(News.comment == Comment.id)))


def _filtered(query, filters):
    if filters.project_ids is not None:
        query = query.where(Project.id.in_(filters.project_ids))
    if filters.episode_id is not None:
        query = query.where(Entity.parent.in_(
            Sequence.select(Sequence.id).where(Sequence.parent == filters.episode_id)))
    for value, column in ((filters.task_status_id, Comment.task_status),
                          (filters.task_type_id, Task.task_type),
                          (filters.author_id, News.author), (filters.entity_id, Entity.id),
                          (filters.news_id, News.id)):
        if value is not None:
            query = query.where(column == value)
    if filters.only_preview:
        query = query.where(News.preview_file_id.is_null(False))
    if filters.after is not None:
        query = query.where(News.created_at > filters.after)
    if filters.before is not None:
        query = query.where(News.created_at < filters.before)
    return query


def feed(filters, dopesheet, page=1, limit=50):
    """Zou's ``{data, total, nb_pages, limit, offset, page}`` of news."""
    offset = (page - 1) * limit
    base = _filtered(_joined(News.select()), filters)
    total = base.select(peewee.fn.COUNT(News.id)).scalar()
    rows = list(base.select(News.id, News.author, News.comment, News.task, Task.task_type,
                            Comment.task_status, Task.entity, News.preview_file_id,
                            Project.id, Project.name, News.created_at, News.change,
                            Entity.preview_file_id)
                .order_by(News.created_at.desc(), News.id.desc())
                .limit(limit).offset(offset).tuples())
    names = full_names([row[6] for row in rows])
    authors = short_persons({row[1] for row in rows})
    previews = _previews([row[2] for row in rows if row[7] is not None], dopesheet)
    data = []
    for (news_id, author_id, comment_id, task_id, task_type_id, task_status_id, entity_id,
         preview_file_id, project_id, project_name, created_at, change,
         entity_preview_file_id) in rows:
        preview = previews.get(preview_file_id, {})
        full_name, episode_id, _ = names.get(entity_id, ("", None, None))
        item = {"id": news_id, "type": "News", "author_id": author_id, "comment_id": comment_id,
                "task_id": task_id, "task_type_id": task_type_id,
                "task_status_id": task_status_id, "task_entity_id": entity_id,
                "preview_file_id": preview_file_id,
                "preview_file_extension": preview.get("extension"),
                "preview_file_revision": preview.get("revision"), "project_id": project_id,
                "project_name": project_name,
                "created_at": created_at.isoformat(timespec="seconds"), "change": change,
                "full_entity_name": full_name, "episode_id": episode_id,
                "entity_preview_file_id": entity_preview_file_id,
                "person": authors.get(author_id)}
        if filters.only_preview:
            item["preview_files"] = [
                {key: found.get(key) for key in ("id", "name", "extension", "revision",
                                                  "position", "status")}
                for found in previews.values()
                if found.get("task_id") == task_id
                and found.get("revision") == preview.get("revision")]
        data.append(item)
    return {"data": data, "total": total,
            "nb_pages": int(math.ceil(total / float(limit))) if limit else 0, "limit": limit,
            "offset": offset, "page": page}


def _previews(comment_ids, dopesheet):
    """``{preview_file_id: preview dict}`` of the news' comments, from the files plugin."""
    found = {}
    for lists in files.file_lists(comment_ids, dopesheet).values():
        for preview in lists.get("previews", []):
            found[preview["id"]] = preview
    return found


def stats(filters):
    """``{task_status_id: count}`` of the news that changed a status."""
    query = _filtered(_joined(News.select(Comment.task_status, peewee.fn.COUNT(Entity.id))),
                      filters).where(News.change == True)  # noqa: E712
    return {status_id: count for status_id, count
            in query.group_by(Comment.task_status).tuples() if status_id is not None}
