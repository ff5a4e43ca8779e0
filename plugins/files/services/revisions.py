"""Revision numbers handed out without races: the next revision of a key is read and
written while the key's owner row (the task of a working file or a preview, the entity of
an output file) is locked, so that concurrent requests for one key queue instead of
reading the same maximum. SQLite already runs writing requests one at a time (the core
takes its write lock up front); PostgreSQL takes a ``SELECT ... FOR UPDATE`` on the owner
row. The unique indexes of ``models`` stay the last guard."""

import peewee

from framework import db

from ..models import OutputFile, PreviewFile, WorkingFile


def lock(model, row_id):
    """Hold ``row_id``'s row of ``model`` until the transaction ends (PostgreSQL); a no-op
    where writers are serialised already."""
    if isinstance(db.obj, peewee.PostgresqlDatabase) and db.in_transaction():
        model.select(model.id).where(model.id == row_id).for_update().execute()


def next_working_revision(task_id, name):
    last = (WorkingFile.select(peewee.fn.MAX(WorkingFile.revision))
            .where(WorkingFile.task == task_id, WorkingFile.name == name).scalar())
    return (last or 0) + 1


def next_output_revision(entity_id, output_type_id, task_type_id, name,
                         asset_instance_id=None, temporal_entity_id=None):
    """1 + the last revision of Zou's output key: the entity's outputs (its instances'
    included), or the instance's in one shot or scene; the representation is no part of
    it."""
    where = [OutputFile.output_type == output_type_id, OutputFile.task_type == task_type_id,
             OutputFile.name == name, OutputFile.revision > 0]
    if asset_instance_id is None:
        where.append(OutputFile.entity == entity_id)
    else:
        where += [OutputFile.asset_instance == asset_instance_id,
                  OutputFile.temporal_entity == temporal_entity_id]
    last = OutputFile.select(peewee.fn.MAX(OutputFile.revision)).where(*where).scalar()
    return (last or 0) + 1


def next_preview_revision(task_id):
    last = (PreviewFile.select(peewee.fn.MAX(PreviewFile.revision))
            .where(PreviewFile.task == task_id).scalar())
    return (last or 0) + 1


def next_position(task_id, revision):
    return PreviewFile.select().where(PreviewFile.task == task_id,
                                      PreviewFile.revision == revision).count() + 1
