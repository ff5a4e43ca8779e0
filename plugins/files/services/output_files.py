"""Output files: published revisions of an entity, or of an asset instance in a shot or a
scene (``zou/behaviour.md`` C.4), and their listings."""

from dataclasses import dataclass

import peewee

from framework import BadRequest, emit
from framework.crud import guard_integrity

from plugins.entities.models import Entity

from ..models import FileStatus, OutputFile, OutputType
from . import presenters, revisions
from .paths import PathQuery, locate

DEFAULT_FILE_STATUS = ("To review", "#FFFFFF")
ALREADY_EXISTS = "The given output file already exists."
FILTERS = ("output_type_id", "task_type_id", "representation", "file_status_id", "name")


@dataclass
class OutputTarget:
    """What an output file belongs to: an entity, or an asset instance (whose asset is
    ``entity``) in a shot or scene (``temporal_entity``)."""

    entity: object
    asset_instance: object = None
    temporal_entity: object = None

    @property
    def asset_instance_id(self):
        return self.asset_instance.id if self.asset_instance else None

    @property
    def temporal_entity_id(self):
        return self.temporal_entity.id if self.temporal_entity else None

    def next_revision(self, output_type_id, task_type_id, name):
        return revisions.next_output_revision(
            self.entity.id, output_type_id, task_type_id, name,
            asset_instance_id=self.asset_instance_id,
            temporal_entity_id=self.temporal_entity_id)


def default_file_status():
    """Zou's "To review" file status, created on first use."""
    name, color = DEFAULT_FILE_STATUS
    FileStatus.insert(name=name, color=color).on_conflict_ignore().execute()
    return FileStatus.get(FileStatus.name == name)


def create(target, output_type, task_type, body, person_id, working_file_id, dopesheet):
    """``.../output-files/new``: the revision is the next of the target's key unless
    given; the answer adds ``folder_path`` and ``file_name``."""
    revisions.lock(Entity, target.entity.id)
    revision = body["revision"] if body["revision"] > 0 else target.next_revision(
        output_type.id, task_type.id, body["name"])
    location = locate(PathQuery(
        "output", body["name"], revision, body["mode"], body["sep"], entity=target.entity,
        asset_instance=target.asset_instance, temporal_entity=target.temporal_entity,
        output_type=output_type, task_type=task_type,
        representation=body["representation"], extension=body["extension"],
        nb_elements=body["nb_elements"]), body.get("path"), dopesheet)
    file_status_id = body["file_status_id"] or default_file_status().id

    def insert():
        return OutputFile.create(
            name=body["name"], comment=body["comment"], extension=body["extension"],
            representation=body["representation"], revision=revision,
            entity=target.entity.id, asset_instance=target.asset_instance_id,
            temporal_entity=target.temporal_entity_id, person=person_id,
            source_file=working_file_id, output_type=output_type.id,
            file_status=file_status_id, task_type=task_type.id,
            nb_elements=body["nb_elements"],
            path=location.path(body["sep"], body["extension"]))

    try:
        output_file = guard_integrity(insert)
    except BadRequest:
        raise BadRequest(ALREADY_EXISTS) from None
    emit("output-file:new", {"output_file_id": output_file.id},
         project_id=target.entity.project_id)
    item = presenters.nest_source_files([presenters.OUTPUT_FILE.from_instance(output_file)])[0]
    return {**item, "folder_path": location.folder_path, "file_name": location.file_name}


def filtered(model, params):
    """Zou's optional filters of output file lists (exact values), on ``model`` or an
    alias of it."""
    columns = {"output_type_id": model.output_type, "task_type_id": model.task_type,
               "representation": model.representation, "file_status_id": model.file_status,
               "name": model.name}
    return [columns[key] == params[key] for key in FILTERS if params.get(key)]


def entity_scope(entity_id, with_instances=False):
    """The output files of an entity itself, or with those of its asset instances."""
    if with_instances:
        return lambda model: [model.entity == entity_id]
    return lambda model: [model.entity == entity_id, model.asset_instance.is_null()]


def instance_scope(asset_instance_id, temporal_entity_id=None):
    """The output files of an asset instance, in one shot or scene when given."""
    def scope(model):
        where = [model.asset_instance == asset_instance_id]
        if temporal_entity_id:
            where.append(model.temporal_entity == temporal_entity_id)
        return where
    return scope


def listed(scope, params, order=OutputFile.revision.desc()):
    query = OutputFile.select().where(*scope(OutputFile), OutputFile.revision >= 0,
                                      *filtered(OutputFile, params))
    return presenters.output_files(query.order_by(order))


def of_project(project_id, params):
    query = (OutputFile.select().join(Entity, on=(OutputFile.entity == Entity.id))
             .where(Entity.project == project_id, OutputFile.asset_instance.is_null(),
                    OutputFile.temporal_entity.is_null(), OutputFile.revision >= 0,
                    *filtered(OutputFile, params)))
    return presenters.output_files(query.order_by(OutputFile.created_at.desc()))


def of_output_type(scope, output_type_id, representation):
    query = OutputFile.select().where(*scope(OutputFile),
                                      OutputFile.output_type == output_type_id)
    if representation is not None:
        query = query.where(OutputFile.representation == representation)
    return presenters.output_files(query.order_by(OutputFile.revision.desc()))


def last_revisions(scope, params):
    """The last revision of each (task type, output type, name, representation) in
    ``scope`` (and file status too when filtered on it)."""
    names = ["task_type", "output_type", "name", "representation"]
    if params.get("file_status_id"):
        names.append("file_status")
    Last = OutputFile.alias()
    latest = (Last.select(*[getattr(Last, name) for name in names],
                          peewee.fn.MAX(Last.revision).alias("top"))
              .where(*scope(Last), *filtered(Last, params))
              .group_by(*[getattr(Last, name) for name in names]))
    on = OutputFile.revision == latest.c.top
    for name in names:
        on &= getattr(OutputFile, name) == getattr(latest.c, getattr(Last, name).column_name)
    query = (OutputFile.select().join(latest, on=on).where(*scope(OutputFile))
             .order_by(OutputFile.created_at))
    return presenters.output_files(query)


def types_of(scope):
    """The output types used by the output files in ``scope``, by name."""
    query = (OutputType.select().where(OutputType.id.in_(
        OutputFile.select(OutputFile.output_type).where(*scope(OutputFile))))
        .order_by(OutputType.name))
    return [presenters.OUTPUT_TYPE.from_values(values)
            for values in presenters.OUTPUT_TYPE.select(query)]
