"""A project's assets and shots from a CSV file, row by row as Zou 1.0.97 imports them.

An unknown entity is created with the tasks of its project's workflow; a known one is left
as it is, unless ``update`` is asked. The columns named after a task type set its task's
status (by name or short name, through a comment), ``<task type> comment`` comments it and
``<task type> assignations`` (full names, e-mails or ids) assigns it. Columns named after a
metadata descriptor of the kind fill the entity's data.
"""

from framework import ApiError, emit, utcnow
from plugins.entities.models import (Entity, EntityType, MetadataDescriptor, ProjectAssetTypeLink,
                                     ProjectTaskTypeLink, TaskStatus, TaskType,
                                     TaskTypeAssetTypeLink)
from plugins.entities.services.creation import get_or_create
from plugins.entities.services.kinds import EPISODE, SEQUENCE, SHOT, TEMPORAL, kind_type_id
from plugins.persons.models import Person
from plugins.tasks.models import Task, TaskPersonLink
from plugins.tasks.services import commenting, task_writes
from plugins.tasks.services.loading import task_rows


class RowError(Exception):
    """What is wrong with one row, in Zou's words."""


def truthy(value):
    """Zou's ``strtobool``."""
    text = value.strip().lower()
    if text in ("y", "yes", "t", "true", "on", "1"):
        return True
    if text in ("n", "no", "f", "false", "off", "0"):
        return False
    raise RowError(f"A value is invalid: invalid truth value {value!r}")


class CsvImport:
    """What the asset and shot imports share: descriptors, people, statuses and tasks."""

    kind = None

    def __init__(self, project, author_id, update, dopesheet):
        self.project = project
        self.author_id = author_id
        self.update = update
        self.dopesheet = dopesheet
        self.descriptors = {row.name: row for row in MetadataDescriptor.select().where(
            MetadataDescriptor.project == project.id,
            MetadataDescriptor.entity_type == self.kind)}
        self.task_types = list(
            TaskType.select().join(ProjectTaskTypeLink, on=(
                ProjectTaskTypeLink.task_type == TaskType.id))
            .where(ProjectTaskTypeLink.project == project.id,
                   TaskType.for_entity == self.kind))
        self.statuses = {row.id: (row.name.lower(), row.short_name.lower())
                         for row in TaskStatus.select()}
        self.people = None
        self.is_tv_show = project.production_type == "tvshow"

    def descriptor_values(self, row, data):
        values = dict(data or {})
        for name, descriptor in self.descriptors.items():
            if name not in row:
                continue
            value = row[name]
            if value not in (None, ""):
                if descriptor.data_type == "boolean":
                    value = "true" if truthy(value) else "false"
                elif descriptor.data_type == "person":
                    value = self.person_id(value)
            values[descriptor.field_name] = value
        return values

    def person_id(self, value):
        """A person named by full name, e-mail or id."""
        if self.people is None:
            self.people = {}
            for person in Person.select():
                self.people[person.id] = person.id
                self.people[person.full_name.lower()] = person.id
                if person.email:
                    self.people[person.email.lower()] = person.id
        found = self.people.get(value.strip().lower())
        if found is None:
            raise RowError(f"Person not found for {value}")
        return found

    def task_updates(self, row):
        updates = []
        for task_type in self.task_types:
            status_name = row.get(task_type.name)
            status_id = None
            if status_name not in (None, ""):
                status_id = next((status_id for status_id, names in self.statuses.items()
                                  if status_name.lower() in names), None)
                if status_id is None:
                    raise RowError(f"Task status not found for {status_name}")
            text = row.get(f"{task_type.name} comment")
            cell = row.get(f"{task_type.name} assignations")
            assignees = [self.person_id(name) for name in (cell or "").split(",")
                         if name.strip()]
            if status_id is not None or text not in (None, "") or assignees:
                updates.append((task_type, status_id, text, assignees))
        return updates

    def workflow_types(self, entity):
        return self.task_types

    def tasks_of(self, entity):
        return {task.task_type_id: task for task in Task.select().where(Task.entity == entity.id)}

    def create_tasks(self, entity, task_types, tasks):
        for task_type in task_types:
            if task_type.id not in tasks:
                task_writes.create_for_entities(task_type, [entity], self.author_id)
        return self.tasks_of(entity)

    def apply(self, entity, updates, tasks):
        """Assignments, then a comment where the status changes or a text is given."""
        for task_type, status_id, text, assignees in updates:
            if task_type.id not in tasks:
                tasks = self.create_tasks(entity, [task_type], tasks)
            task = task_rows(Task.id == tasks[task_type.id].id).first()
            task.is_concept = False
            assigned = {row.person_id for row in TaskPersonLink.select(TaskPersonLink.person)
                        .where(TaskPersonLink.task == task.id)}
            for person_id in assignees:
                if person_id not in assigned:
                    task_writes.assign([task], Person.get_by_id(person_id), self.author_id)
            if text is not None or (status_id is not None and status_id != task.task_status_id):
                status = TaskStatus.get_by_id(status_id or task.task_status_id)
                try:
                    commenting.post(task, status, self.author_id,
                                    commenting.Draft(text=text or ""), self.dopesheet)
                except ApiError:
                    pass

    def announce(self, kind, suffix, entity):
        name = kind.lower()
        emit(f"{name}:{suffix}", {f"{name}_id": entity.id, "project_id": entity.project_id},
             project_id=entity.project_id)

    def finish(self):
        """Work left once every row is in."""


class AssetsImport(CsvImport):
    kind = "Asset"

    def __init__(self, *args):
        super().__init__(*args)
        project_id = self.project.id
        self.episodes = ({row.name: row.id for row in Entity.select().where(
            Entity.project == project_id, Entity.entity_type == kind_type_id(EPISODE))}
            if self.is_tv_show else {})
        self.project_types = {row.name.lower(): row.id for row in EntityType.select().join(
            ProjectAssetTypeLink, on=(ProjectAssetTypeLink.asset_type == EntityType.id))
            .where(ProjectAssetTypeLink.project == project_id)}
        self.ready_for = {row.name: row.id for row in TaskType.select().join(
            ProjectTaskTypeLink, on=(ProjectTaskTypeLink.task_type == TaskType.id))
            .where(ProjectTaskTypeLink.project == project_id, TaskType.for_entity == SHOT)}

    def episode_of(self, row):
        name = (row.get("Episode") or "").strip() or None
        if not self.is_tv_show:
            if name is not None:
                raise RowError("An episode column is present for a production that isn't "
                               "a TV Show")
            return None
        if name not in (None, "MP") and name not in self.episodes:
            episode, created = get_or_create(self.project, EPISODE, name, None,
                                             self.author_id, data={})
            if created:
                self.announce(EPISODE, "new", episode)
            self.episodes[name] = episode.id
        return self.episodes.get(name)

    def asset_type_of(self, name):
        """A type of the project's list when it has one (one existing elsewhere is added to
        it), else any type, created when missing."""
        if self.project_types:
            found = self.project_types.get(name.lower())
            if found is None:
                asset_type = EntityType.get_or_none(EntityType.name == name)
                if asset_type is None or asset_type.name in TEMPORAL:
                    raise RowError(f"Asset type {name} is not configured for this project")
                ProjectAssetTypeLink.insert(project=self.project.id,
                                            asset_type=asset_type.id).execute()
                found = self.project_types[name.lower()] = asset_type.id
            return found
        asset_type, _ = EntityType.get_or_create(name=name)
        return asset_type.id

    def workflow_types(self, entity):
        """The project's asset task types, narrowed to the asset type's when it has some."""
        own = {row.task_type_id for row in TaskTypeAssetTypeLink.select().where(
            TaskTypeAssetTypeLink.asset_type == entity.entity_type_id)}
        return [row for row in self.task_types if not own or row.id in own]

    def import_row(self, row):
        name, type_name = row["Name"], row["Type"]
        if type_name is None or not type_name.strip():
            raise RowError("An asset type is required in the Type column")
        episode_id = self.episode_of(row)
        entity_type_id = self.asset_type_of(type_name)
        entity = Entity.get_or_none(Entity.name == name, Entity.project == self.project.id,
                                    Entity.entity_type == entity_type_id)
        values = {}
        if row.get("Description") is not None:
            values["description"] = row["Description"]
        data = {} if entity is None else entity.data
        if row.get("Resolution") is not None:
            data = {**(data or {}), "resolution": row["Resolution"]}
        values["data"] = self.descriptor_values(row, data)
        ready_for = row.get("Ready for")
        if ready_for is not None:
            if ready_for != "" and ready_for not in self.ready_for:
                raise RowError(f"Task type not found for {ready_for}")
            values["ready_for"] = self.ready_for.get(ready_for)
        updates = self.task_updates(row)
        if entity is None:
            entity = Entity.create(name=name, project=self.project.id,
                                   entity_type=entity_type_id, source=episode_id,
                                   created_by=self.author_id, **values)
            self.announce("Asset", "new", entity)
            tasks = self.create_tasks(entity, self.workflow_types(entity), {})
            self.apply(entity, updates, tasks)
        elif self.update:
            changes = {**values, "source": episode_id, "updated_at": utcnow()}
            Entity.update(**changes).where(Entity.id == entity.id).execute()
            entity = Entity.get_by_id(entity.id)
            self.announce("Asset", "update", entity)
            self.apply(entity, updates, self.create_tasks(
                entity, self.workflow_types(entity), self.tasks_of(entity)))
        else:
            self.create_tasks(entity, self.workflow_types(entity), self.tasks_of(entity))
        return entity


class ShotsImport(CsvImport):
    kind = "Shot"

    def __init__(self, *args):
        super().__init__(*args)
        self.parents = {}
        self.created = []

    def parent_of(self, kind, name, parent_id):
        key = (kind, name, parent_id)
        if key not in self.parents:
            parent, created = get_or_create(self.project, kind, name, parent_id,
                                            self.author_id, data={})
            if created:
                self.announce(kind, "new", parent)
            self.parents[key] = parent.id
        return self.parents[key]

    def import_row(self, row):
        required = (["Episode"] if self.is_tv_show else []) + ["Sequence", "Name"]
        for column in required:
            if not (row[column] or "").strip():
                raise RowError(f"{column} cannot be empty")
        episode_id = (self.parent_of(EPISODE, row["Episode"], None)
                      if self.is_tv_show else None)
        sequence_id = self.parent_of(SEQUENCE, row["Sequence"], episode_id)
        entity = Entity.get_or_none(Entity.name == row["Name"], Entity.project == self.project.id,
                                    Entity.parent == sequence_id,
                                    Entity.entity_type == kind_type_id(SHOT))
        values = {}
        if row.get("Description") is not None:
            values["description"] = row["Description"]
        nb_frames = row.get("Nb Frames") or row.get("Frames")
        if nb_frames:
            values["nb_frames"] = integer(nb_frames, "nb_frames")
        data = dict(entity.data or {}) if entity is not None else {}
        for key, columns in (("frame_in", ("Frame In", "In")),
                             ("frame_out", ("Frame Out", "Out"))):
            value = row.get(columns[0]) or row.get(columns[1])
            if value:
                data[key] = integer(value, key)
        if "nb_frames" not in values and isinstance(data.get("frame_in"), int) \
                and isinstance(data.get("frame_out"), int) \
                and data["frame_out"] > data["frame_in"]:
            values["nb_frames"] = data["frame_out"] - data["frame_in"] + 1
        for key, column in (("fps", "FPS"), ("resolution", "Resolution")):
            if row.get(column) is not None:
                data[key] = row[column]
        values["data"] = self.descriptor_values(row, data)
        updates = self.task_updates(row)
        if entity is None:
            entity = Entity.create(name=row["Name"], project=self.project.id,
                                   entity_type=kind_type_id(SHOT), parent=sequence_id,
                                   created_by=self.author_id,
                                   **{"nb_frames": 0, **values})
            self.announce(SHOT, "new", entity)
            if updates:
                self.apply(entity, updates, self.create_tasks(entity, self.task_types, {}))
            else:
                self.created.append(entity)
        elif self.update:
            Entity.update(**values, updated_at=utcnow()).where(Entity.id == entity.id).execute()
            entity = Entity.get_by_id(entity.id)
            self.announce(SHOT, "update", entity)
            if updates:
                self.apply(entity, updates, self.tasks_of(entity))
        return entity

    def finish(self):
        """The shots created without task columns get the workflow's tasks at the end."""
        for task_type in self.task_types:
            task_writes.create_for_entities(task_type, self.created, self.author_id)


def integer(value, name):
    try:
        return int(value)
    except (TypeError, ValueError):
        raise RowError(f"{name} must be an integer, got '{value}'") from None


IMPORTS = {"assets": AssetsImport, "shots": ShotsImport}
