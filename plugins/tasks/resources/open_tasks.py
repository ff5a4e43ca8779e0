"""Studio-wide task views: open tasks (filtered, paginated, with their stats), the stats per
project, and the tasks waiting for the caller's feedback."""

import peewee

from framework import BadRequest, Forbidden, operation, principal_of
from framework.schemas import parse_datetime

from plugins.entities.models import Entity, EntityType, Project, TaskStatus, TaskType
from plugins.persons.models import DepartmentLink, Person

from ..models import Task, TaskPersonLink
from ..services import access, task_views
from ..services.loading import checked_uuid
from ..services.task_views import Episode, Sequence
from .common import TasksResource, integer

NAME_ORDER = (Project.name, Episode.name.asc(nulls="LAST"), Sequence.name.asc(nulls="LAST"),
              EntityType.name, Entity.name, TaskType.name)


def checked_id(value):
    return checked_uuid(value, "Wrong UUID format.")


def checked_date(value):
    if value is None:
        return None
    try:
        return parse_datetime(value)
    except ValueError:
        raise BadRequest("Wrong date format for before argument.Expected format: "
                         "2020-01-05T13:23:10 or 2020-01-05", data=None) from None


def assignee_filter(person_id):
    """Zou's ``person_id`` filter: ``unassigned`` or a comma-separated list of ids."""
    if person_id == "unassigned":
        return Task.id.not_in(TaskPersonLink.select(TaskPersonLink.task))
    ids = [checked_id(value) for value in person_id.split(",")]
    return Task.id.in_(TaskPersonLink.select(TaskPersonLink.task)
                       .where(TaskPersonLink.person.in_(ids)))


def assigned_where(*where):
    return Task.id.in_(TaskPersonLink.select(TaskPersonLink.task)
                       .join(Person, on=(TaskPersonLink.person == Person.id)).where(*where))


class OpenTasks(TasksResource):
    def _scope(self, req, params):
        principal = principal_of(req)
        project_id = checked_id(params.get("project_id"))
        if project_id is not None:
            if not self.allowed(req, "read", Project, Project(id=project_id)):
                raise Forbidden()
            return [Task.project == project_id]
        if principal.is_admin:
            return [access.among(Task.project, access.open_project_ids())]
        return [access.among(Task.project, access.open_team_project_ids(principal.id))]

    def _filters(self, req):
        params = req.params
        where = self._scope(req, params)
        type_id = checked_id(params.get("task_type_id"))
        where.append(TaskType.id == type_id if type_id else TaskType.for_entity != "Concept")
        if params.get("task_status_id"):
            where.append(TaskStatus.id == checked_id(params["task_status_id"]))
        if params.get("person_id"):
            where.append(assignee_filter(params["person_id"]))
        if params.get("studio_id"):
            where.append(assigned_where(Person.studio == checked_id(params["studio_id"])))
        if params.get("department_id"):
            members = DepartmentLink.select(DepartmentLink.person).where(
                DepartmentLink.department == checked_id(params["department_id"]))
            where.append(assigned_where(Person.id.in_(members)))
        if params.get("start_date"):
            where.append(Task.start_date >= checked_date(params["start_date"]))
        if params.get("due_date"):
            where.append(Task.due_date <= checked_date(params["due_date"]))
        if params.get("priority") not in (None, ""):
            where.append(TaskType.priority == integer(req, "priority", None))
        return where

    @operation("Open tasks of open projects, filtered and paginated, with their stats")
    def on_get(self, req, resp):
        where = self._filters(req)
        page = integer(req, "page", None)
        limit = max(integer(req, "limit", 100), 1)
        query = task_views.enriched_query(*where)
        rows = query.order_by(*NAME_ORDER).limit(limit)
        if page is not None and page > 0:
            rows = rows.offset((page - 1) * limit)
        tasks = task_views.open_rows(rows)
        result = {"data": [], "stats": {"total_duration": 0, "total_estimation": 0,
                                        "total": 0, "status": []},
                  "limit": limit, "is_more": False, "page": page or 1}
        if tasks:
            total, duration, estimation = query.select(
                peewee.fn.COUNT(Task.id), peewee.fn.SUM(Task.duration),
                peewee.fn.SUM(Task.estimation)).tuples().get()
            per_status = query.select(TaskStatus.id, peewee.fn.COUNT(Task.id)).group_by(
                TaskStatus.id).tuples()
            result.update(data=tasks, is_more=(page or 1) * limit < total, stats={
                "total_duration": duration, "total_estimation": estimation, "total": total,
                "status": [{"task_status_id": status_id, "amount": amount}
                           for status_id, amount in per_status]})
        resp.media = result

    @operation("Open-task counts per project, task type and status")
    def on_get_stats(self, req, resp):
        principal = principal_of(req)
        scope = (access.open_project_ids() if principal.is_admin
                 else access.open_team_project_ids(principal.id))
        done = peewee.Case(None, [(TaskStatus.is_done == True, Task.id)])  # noqa: E712
        query = (Task.select(peewee.fn.COUNT(Task.id), peewee.fn.COUNT(done),
                             peewee.fn.SUM(Task.duration), peewee.fn.SUM(Task.estimation),
                             Task.project, Task.task_type, Task.task_status)
                 .join(TaskType, on=(Task.task_type == TaskType.id))
                 .switch(Task).join(TaskStatus, on=(Task.task_status == TaskStatus.id))
                 .switch(Task).join(Entity, on=(Task.entity == Entity.id))
                 .where(TaskType.for_entity != "Concept", Task.project.in_(scope))
                 .group_by(Task.project, Task.task_type, Task.task_status))
        stats = {}
        for amount, amount_done, duration, estimation, project_id, type_id, status_id in (
                query.tuples()):
            project = stats.setdefault(project_id, {"amount": 0, "amount_done": 0,
                                                    "total_duration": 0.0,
                                                    "total_estimation": 0.0,
                                                    "task_types": []})
            project["amount"] += amount
            project["amount_done"] += amount_done
            project["total_duration"] += duration or 0
            project["total_estimation"] += estimation or 0
            project["task_types"].append({
                "task_status_id": status_id, "task_type_id": type_id, "project_id": project_id,
                "amount": amount, "amount_done": amount_done, "total_duration": duration,
                "total_estimation": estimation})
        resp.media = stats


class TasksToCheck(TasksResource):
    """Tasks at a feedback-request status: admins see every open project's, managers their
    projects', supervisors those of their departments; others none."""

    def _scope(self, req):
        principal = principal_of(req)
        if principal.is_admin:
            return [access.among(Task.project, access.open_project_ids())]
        if principal.role == "manager":
            return [access.among(Task.project, access.open_team_project_ids(principal.id))]
        if principal.role == "supervisor":
            scope = [access.among(Task.project, access.open_team_project_ids(principal.id))]
            departments = [row.department_id for row in DepartmentLink.select(
                DepartmentLink.department).where(DepartmentLink.person == principal.id)]
            if departments:
                scope.append(TaskType.department.in_(departments))
            return scope
        return None

    @operation("Tasks waiting for the caller's feedback (filters, ?page, ?limit, ?order_by)")
    def on_get(self, req, resp):
        params = req.params
        where = [TaskStatus.is_feedback_request == True]  # noqa: E712
        for key, column in (("project_id", Project.id), ("task_type_id", TaskType.id),
                            ("task_status_id", TaskStatus.id)):
            if params.get(key):
                where.append(column == checked_id(params[key]))
        if params.get("person_id"):
            where.append(assignee_filter(params["person_id"]))
        if params.get("episode_id"):
            episode_id = checked_id(params["episode_id"])
            where.append((Episode.id == episode_id) | (Entity.source == episode_id)
                         | (Entity.parent == episode_id))
        if params.get("due_date_since"):
            where.append(Task.due_date >= checked_date(params["due_date_since"]))
        if params.get("due_date_until"):
            where.append(Task.due_date <= checked_date(params["due_date_until"]))
        scope = self._scope(req)
        page = integer(req, "page", None)
        limit = max(integer(req, "limit", 100), 1)
        query = task_views.enriched_query(*where, *(scope or [Task.id.is_null()]))
        stats = None
        if page is not None:
            page = max(page, 1)
            total, duration, estimation = query.select(
                peewee.fn.COUNT(Task.id), peewee.fn.SUM(Task.duration),
                peewee.fn.SUM(Task.estimation)).tuples().get()
            stats = {"total": total, "total_duration": duration or 0,
                     "total_estimation": estimation or 0}
            query = query.order_by(*NAME_ORDER, Task.id).offset((page - 1) * limit).limit(limit)
        tasks = task_views.todo_rows(query)
        if page is None:
            resp.media = tasks
        else:
            resp.media = {"data": tasks, "stats": stats, "page": page, "limit": limit,
                          "is_more": page * limit < stats["total"]}

    @operation("Distinct filter values of the tasks waiting for the caller's feedback")
    def on_get_filter_values(self, req, resp):
        scope = self._scope(req)
        values = {"project_ids": set(), "task_type_ids": set(), "task_status_ids": set(),
                  "episode_ids": set(), "person_ids": set()}
        if scope is not None:
            query = task_views.enriched_query(TaskStatus.is_feedback_request == True,  # noqa: E712
                                              *scope)
            for project_id, type_id, status_id, episode_id, source_id, parent_id, kind in (
                    query.select(Task.project, Task.task_type, Task.task_status, Episode.id,
                                 Entity.source, Entity.parent, EntityType.name)
                    .distinct().tuples()):
                values["project_ids"].add(project_id)
                values["task_type_ids"].add(type_id)
                values["task_status_ids"].add(status_id)
                episode_id = parent_id if kind == "Sequence" and parent_id else (
                    episode_id or source_id)
                if episode_id:
                    values["episode_ids"].add(episode_id)
            values["person_ids"] = {row[0] for row in TaskPersonLink.select(
                TaskPersonLink.person).where(TaskPersonLink.task.in_(
                    query.select(Task.id))).distinct().tuples()}
        resp.media = {key: sorted(ids) for key, ids in values.items()}
