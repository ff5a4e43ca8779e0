"""Assigning tasks (one task to a person, several tasks to a person), clearing assignations
and setting priorities, with Zou's rule of skipping the tasks the caller may not touch."""

from framework import Forbidden, operation, principal_of, validated

from plugins.entities.models import Project
from plugins.persons.models import DepartmentLink

from ..models import Task
from ..schemas import AssignPersonBody, ClearAssignationBody, PriorityBody, TaskIdsBody
from ..services import loading, presenters, status_flow, task_writes
from .common import TasksResource, read_body


def person_departments(person_id):
    return [row.department_id for row in DepartmentLink.select(DepartmentLink.department)
            .where(DepartmentLink.person == person_id)]


class Assignment(TasksResource):
    def _reachable(self, req, task_ids, action, data):
        """The tasks of ``task_ids`` that exist and the caller may ``action`` (Zou skips the
        others)."""
        return [task for task in loading.get_tasks(task_ids)
                if self.allowed(req, action, Task, task, data)]

    @staticmethod
    def _assignment(person_id):
        """The person to assign (400 when unknown) and what the rules need of them."""
        person = task_writes.person_or_400(person_id)
        return {"person": person, "person_departments": person_departments(person.id)}

    @staticmethod
    def _takes_bots(task):
        return bool(Project.select(Project.is_bot_collaboration_enabled)
                    .where(Project.id == task.project_id).scalar())

    def _assign(self, req, tasks, assignment):
        """Assign the reachable tasks; bots only on projects that let them."""
        person = assignment["person"]
        if person.is_bot:
            tasks = [task for task in tasks if self._takes_bots(task)]
        task_writes.assign(tasks, person, principal_of(req).id)
        if tasks:
            task_writes.add_to_team(tasks[0].project_id, person.id)
        return presenters.task_dicts_of(tasks)

    @operation("Assign a task to a person", body=AssignPersonBody)
    def on_put_task(self, req, resp, task_id):
        body = validated(AssignPersonBody, read_body(req)[0])
        task = loading.get_task(task_id)
        assignment = self._assignment(body["person_id"])
        self.require(req, "assign", Task, task, assignment)
        assigned = self._assign(req, [task], assignment)
        if not assigned:
            raise Forbidden()
        resp.media = assigned[0]

    @operation("Assign tasks to a person; the tasks the caller may not assign are skipped",
               body=TaskIdsBody)
    def on_put_person(self, req, resp, person_id):
        body = validated(TaskIdsBody, read_body(req)[0])
        assignment = self._assignment(person_id)
        resp.media = self._assign(req, self._reachable(req, body["task_ids"], "assign",
                                                       assignment), assignment)

    @operation("Unassign tasks (one person, or everyone); answers the ids of the cleared "
               "tasks", body=ClearAssignationBody)
    def on_put_clear(self, req, resp):
        body = validated(ClearAssignationBody, read_body(req)[0])
        cleared = []
        for task in self._reachable(req, body["task_ids"], "unassign",
                                    {"person_id": body["person_id"]}):
            task_writes.clear_assignation(task, body["person_id"])
            cleared.append(task.id)
        resp.media = cleared

    @operation("Set the priority of tasks the caller supervises", body=PriorityBody)
    def on_put_priority(self, req, resp):
        body = validated(PriorityBody, read_body(req)[0])
        updated = []
        for task in self._reachable(req, body["task_ids"], "update",
                                    {"priority": body["priority"]}):
            status_flow.write_task(task, {"priority": body["priority"]})
            updated.append(presenters.task_dict(task, relations=False))
        resp.media = updated
