"""Several comments in one request: ``/actions/tasks/batch-comment`` (each item names its
task), ``/actions/tasks/{task_id}/batch-comment``, and a project's ``comment-many``.

The batch routes are atomic: every item is checked (shape, task, status, rights) before
anything is written, and an item failing while written rolls the whole request back; the
400 (or 403) names the item (``comments.<index>.<field>``).
"""

import re

import falcon
from framework import (ApiError, BadRequest, Forbidden, NotFound, operation, principal_of,
                       validated)

from plugins.entities.models import Project

from ..models import Task
from ..services import access, commenting, loading, presenters
from ..services.rules import caller_for
from ..schemas import ManyItem, OneTaskBatch, TaskBatch
from .comments import author_row, posted_view
from .common import TasksResource, form_json, is_multipart, read_body, read_list

FILE_FIELD = re.compile(r"^(attachment_file|preview_file)-(\d+)(?:-\d+)?$")


def item_error(index, field, message, status=BadRequest):
    return status("Validation error." if status is BadRequest else message, data={"errors": [
        {"field": f"comments.{index}.{field}", "message": message}]})


def uploads_by_item(uploads):
    found = {}
    for upload in uploads:
        match = FILE_FIELD.match(upload.field)
        if match:
            found.setdefault(int(match.group(2)), []).append(upload)
    return found


class StatusViews:
    """The dict of each status a batch's items take, built once (the items share it)."""

    def __init__(self):
        self.views = {}

    def of(self, status):
        view = self.views.get(status.id)
        if view is None:
            view = self.views[status.id] = presenters.status_dict(status)
        return view


class BatchComments(TasksResource):
    def _items(self, req, item_schema):
        values, uploads = read_body(req)
        if is_multipart(req):
            values = {"comments": form_json(values, "comments")}
        return validated(item_schema, values)["comments"], uploads_by_item(uploads)

    def _checked(self, req, items, fixed_task_id=None):
        """``[(task, status, item)]`` once every item passed, else the first failure."""
        task_ids = [fixed_task_id or str(item["task_id"]) for item in items]
        tasks = loading.tasks_to_comment(set(task_ids))
        statuses = loading.statuses_by_id(item["task_status_id"] for item in items)
        checked = []
        for index, (task_id, item) in enumerate(zip(task_ids, items)):
            task = tasks.get(task_id)
            if task is None:
                raise item_error(index, "task_id", "Task not found.")
            status = statuses.get(str(item["task_status_id"]))
            if status is None:
                raise item_error(index, "task_status_id", "Task status not found.")
            if not self.allowed(req, "act", Task, task) or not access.status_allowed(
                    caller_for(principal_of(req), task), status):
                raise item_error(index, "task_status_id",
                                 "You may not comment this task with this status.", Forbidden)
            checked.append((task, status, item))
        return checked

    def _post(self, req, resp, checked, uploads):
        principal = principal_of(req)
        author_ids = [self._author_id(principal, task, item) for task, _, item in checked]
        authors = {}
        for index, author_id in enumerate(author_ids):
            if author_id not in authors:
                author = author_row(principal, author_id)
                if author is None:
                    raise item_error(index, "person_id", "Person not found.")
                authors[author_id] = presenters.person_dict(author)
        status_views = StatusViews()
        posted = []
        for index, ((task, status, item), author_id) in enumerate(zip(checked, author_ids)):
            is_manager = caller_for(principal, task).is_manager
            draft = commenting.Draft(
                text=item["text"], checklist=item["checklist"] or [], links=item["links"] or [],
                created_at=item["created_at"] if is_manager else None,
                uploads=uploads.get(index, []))
            try:
                comment, stored = commenting.post(task, status, author_id, draft,
                                                  self.dopesheet)
            except ApiError as error:
                raise type(error)(error.message, data={"errors": [
                    {"field": f"comments.{index}", "message": error.message}]}) from None
            view = posted_view(comment, stored, status_views.of(status), authors[author_id])
            view["preview_files"] = stored.get("previews", [])
            posted.append(view)
        resp.media = posted
        resp.status = falcon.HTTP_201

    @staticmethod
    def _author_id(principal, task, item):
        """A manager may post in another person's name; anyone else posts as themselves."""
        if item["person_id"] and caller_for(principal, task).is_manager:
            return str(item["person_id"])
        return principal.id

    @operation("Comments on several tasks (each item has its task_id); all or nothing",
               status=201)
    def on_post(self, req, resp):
        items, uploads = self._items(req, TaskBatch)
        self._post(req, resp, self._checked(req, items), uploads)

    @operation("Several comments on one task; all or nothing", status=201)
    def on_post_task(self, req, resp, task_id):
        task = self.task(req, task_id, "act")
        items, uploads = self._items(req, OneTaskBatch)
        self._post(req, resp, self._checked(req, items, task.id), uploads)


class CommentMany(TasksResource):
    """Zou's ``comment-many``: a manager comments any task of the project; others only the
    tasks they supervise or are assigned to (the rest is skipped, as are incomplete
    items)."""

    @operation("Comment many tasks of a project (JSON array of {object_id, task_status_id, "
               "comment, links}; or multipart: that array as `comments`, and the files of "
               "item x as `attachment_file-x-y` and `preview_file-x-y`)", status=201)
    def on_post(self, req, resp, project_id):
        project = loading.get_project(project_id)
        files = {}
        if is_multipart(req):
            values, uploads = read_body(req)
            body, files = form_json(values, "comments"), uploads_by_item(uploads)
        else:
            body = read_list(req)
        items = validated(ManyItem, body, many=True)
        for index, item in enumerate(items):
            item["object_id"] = item["object_id"] or item["task_id"]
            item["uploads"] = files.get(index, [])
        principal = principal_of(req)
        is_manager = self.allowed(req, "manage", Project, project)
        items = [item for item in items
                 if item["object_id"] and item["task_status_id"] and item["comment"] is not None]
        tasks = loading.tasks_to_comment({str(item["object_id"]) for item in items})
        # what the items read comes first: a read sends the writes queued before it
        author = presenters.person_dict(principal.user) if tasks else None
        statuses = loading.statuses_by_id(item["task_status_id"] for item in items)
        status_views = StatusViews()
        posted = []
        for item in items:
            task = tasks.get(str(item["object_id"]))
            if task is None:
                continue
            caller = caller_for(principal, task)
            if not is_manager and not (caller.supervises(task.department_id)
                                       or access.is_assigned(principal.id, task)):
                continue
            status = statuses.get(str(item["task_status_id"]))
            if status is None:
                raise NotFound()
            if not access.status_allowed(caller, status):
                raise Forbidden()
            comment, stored = commenting.post(
                task, status, principal.id,
                commenting.Draft(text=item["comment"], links=item["links"],
                                 uploads=item["uploads"]), self.dopesheet)
            view = posted_view(comment, stored, status_views.of(status), author)
            view["preview_files"] = stored.get("previews", [])
            posted.append(view)
        resp.media = posted
        resp.status = falcon.HTTP_201
