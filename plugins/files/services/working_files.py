"""Working files: the revisions of a task's work files (``zou/behaviour.md`` C.4), their
listings and their stored content."""

import peewee

from framework import BadRequest, NotFound, emit, utcnow
from framework.crud import guard_integrity

from plugins.tasks.models import Task, TaskPersonLink

from ..models import Software, WorkingFile
from ..storage import storage_key
from . import presenters, revisions, storing
from .paths import PathQuery, locate

DEFAULT_SOFTWARE = ("Blender", "blender", ".blend")
ALREADY_EXISTS = "The given working file already exists."


def software_named(name, short_name, file_extension):
    """Zou's default softwares, created on first use."""
    found = Software.get_or_none(Software.name == name)
    if found is None:
        Software.insert(name=name, short_name=short_name,
                        file_extension=file_extension).on_conflict_ignore().execute()
        found = Software.get(Software.name == name)
    return found


def get_software(software_id):
    software = Software.get_or_none(Software.id == software_id) if software_id else None
    if software_id and software is None:
        raise NotFound()
    return software or software_named(*DEFAULT_SOFTWARE)


def create(task, body, author_id, caller_id, dopesheet):
    """``POST /data/tasks/{id}/working-files/new``: the caller is assigned to the task (as
    Zou does), the revision is the next one of the name unless given. ``author_id`` is an
    existing person's."""
    software = get_software(body["software_id"])
    TaskPersonLink.insert(task=task.id, person=caller_id).on_conflict_ignore().execute()
    revisions.lock(Task, task.id)
    revision = body["revision"] or revisions.next_working_revision(task.id, body["name"])
    location = locate(PathQuery("working", body["name"], revision, body["mode"], body["sep"],
                                task=task, software=software), body.get("path"), dopesheet)

    def insert():
        return WorkingFile.create(
            name=body["name"], comment=body["comment"], revision=revision,
            description=body["description"] or None, path=location.path(body["sep"]),
            task=task.id, entity=task.entity_id, person=author_id, software=software.id)

    try:
        working_file = guard_integrity(insert)
    except BadRequest:
        raise BadRequest(ALREADY_EXISTS) from None
    emit("working-file:new", {"working_file_id": working_file.id}, project_id=task.project_id)
    return presenters.WORKING_FILE.from_instance(working_file)


def present(working_file_id, relations=True):
    return presenters.working_files(WorkingFile.select().where(
        WorkingFile.id == working_file_id), relations)[0]


def update(working_file, changes):
    """Zou's working file actions answer without relations."""
    changes = {**changes, "updated_at": utcnow()}
    WorkingFile.update(changes).where(WorkingFile.id == working_file.id).execute()
    return present(working_file.id, relations=False)


def of_task(task_id):
    return presenters.working_files(WorkingFile.select().where(
        WorkingFile.task == task_id, WorkingFile.revision >= 0).order_by(
        WorkingFile.revision.desc()))


def of_entity(entity_id, task_id=None, name=None, relations=False):
    query = WorkingFile.select().where(WorkingFile.entity == entity_id,
                                       WorkingFile.revision >= 0)
    if task_id:
        query = query.where(WorkingFile.task == task_id)
    if name:
        query = query.where(WorkingFile.name == name)
    return presenters.working_files(query.order_by(WorkingFile.revision.desc()), relations)


def last_of_task(task_id):
    """``{name: the last revision of that name}``."""
    Last = WorkingFile.alias()
    latest = (Last.select(Last.name, peewee.fn.MAX(Last.revision).alias("revision"))
              .where(Last.task == task_id).group_by(Last.name))
    query = (WorkingFile.select().join(latest, on=(
        (WorkingFile.name == latest.c.name) & (WorkingFile.revision == latest.c.revision)))
        .where(WorkingFile.task == task_id).order_by(WorkingFile.name))
    return {item["name"]: item for item in presenters.working_files(query)}


def content_key(working_file_id):
    return storage_key("working", working_file_id)


def store_content(dopesheet, working_file, stream):
    storing.put(dopesheet, content_key(working_file.id), stream)
