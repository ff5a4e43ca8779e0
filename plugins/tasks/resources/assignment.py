"""Assigning tasks (one task to a person, several tasks to a person), clearing assignations
and setting priorities, with Zou's rule of skipping the tasks the caller may not touch."""

from marshmallow import fields, validate

from framework import BaseSchema, Forbidden, NotFound, operation, principal_of
from framework.crud import parse_instance_id

from plugins.entities.models import Project
from plugins.persons.models import DepartmentLink

from ..models import Task
from ..services import loading, presenters, status_flow, task_writes
from .common import TasksResource, read_body, validate as load

SKIPPED = (NotFound, Forbidden)


class AssignPersonBody(BaseSchema):
    person_id = fields.String(required=True, validate=validate.Length(min=1))


class TaskIdsBody(BaseSchema):
    task_ids = fields.List(fields.String(), required=True, validate=validate.Length(min=1))


class ClearAssignationBody(TaskIdsBody):
    person_id = fields.String(allow_none=True, load_default=None)


class PriorityBody(TaskIdsBody):
    priority = fields.Integer(required=True, validate=validate.Range(min=0))


def person_departments(person_id):
    return [row.department_id for row in DepartmentLink.select(DepartmentLink.department)
            .where(DepartmentLink.person == person_id)]


class Assignment(TasksResource):
    def _assignee(self, person_id, task):
        """The person to assign (400 when unknown); bots only on projects that let them."""
        person = task_writes.person_or_400(person_id)
        if person.is_bot and not (Project.select(Project.is_bot_collaboration_enabled)
                                  .where(Project.id == task.project_id).scalar()):
            raise Forbidden()
        return person

    def _assign(self, req, task, person):
        self.require(req, "assign", Task, task, {
            "person": person, "person_departments": person_departments(person.id)})
        task_writes.assign(task, person, principal_of(req).id)
        return presenters.task_dict(task)

    @operation("Assign a task to a person", body=AssignPersonBody)
    def on_put_task(self, req, resp, task_id):
        body = load(AssignPersonBody, read_body(req)[0])
        task = loading.get_task(task_id)
        person = self._assignee(body["person_id"], task)
        item = self._assign(req, task, person)
        task_writes.add_to_team(task.project_id, person.id)
        resp.media = item

    @operation("Assign tasks to a person; the tasks the caller may not assign are skipped",
               body=TaskIdsBody)
    def on_put_person(self, req, resp, person_id):
        body = load(TaskIdsBody, read_body(req)[0])
        assigned = []
        for task_id in body["task_ids"]:
            try:
                task = loading.get_task(task_id)
                person = self._assignee(person_id, task)
                assigned.append(self._assign(req, task, person))
            except SKIPPED:
                continue
        if assigned:
            task_writes.add_to_team(assigned[0]["project_id"], parse_instance_id(person_id))
        resp.media = assigned

    @operation("Unassign tasks (one person, or everyone); answers the ids of the cleared "
               "tasks", body=ClearAssignationBody)
    def on_put_clear(self, req, resp):
        body = load(ClearAssignationBody, read_body(req)[0])
        cleared = []
        for task_id in body["task_ids"]:
            try:
                task = loading.get_task(task_id)
                self.require(req, "unassign", Task, task, {"person_id": body["person_id"]})
            except SKIPPED:
                continue
            task_writes.clear_assignation(task, body["person_id"])
            cleared.append(task_id)
        resp.media = cleared

    @operation("Set the priority of tasks the caller supervises", body=PriorityBody)
    def on_put_priority(self, req, resp):
        body = load(PriorityBody, read_body(req)[0])
        updated = []
        for task_id in body["task_ids"]:
            try:
                task = loading.get_task(task_id)
                self.require(req, "update", Task, task, {"priority": body["priority"]})
            except SKIPPED:
                continue
            status_flow.write_task(task, {"priority": body["priority"]})
            updated.append(presenters.task_dict(task, relations=False))
        resp.media = updated
