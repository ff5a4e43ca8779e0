"""The current user's routes (``/data/user/...``, ``/actions/user/...``) this plugin answers:
open projects, to-do and done tasks, tasks to check, task and sequence subscriptions,
notifications and the context Kitsu loads after login. Bots are refused, as Zou's
``require_person`` does."""

import falcon
from framework import ApiError, Forbidden, NotFound, operation, principal_of, validated

from plugins.entities.models import Entity, Project, ProjectPersonLink

from ..schemas import ReadBody, TaskIdsBody
from ..services import access, inbox, loading, presenters, subscriptions
from ..services.loading import path_id
from .common import TasksResource, flag, read_body
from .task_lists import person_todo

ZOU_NO_USER_LIMIT = 100000
"""Zou's ``USER_LIMIT`` default, what Kitsu reads as "no limit" (ours is 0)."""
CONTEXT_SOURCES = (
    # key, route answering it, value without that route
    ("asset_types", "/data/asset-types", []), ("custom_actions", "/data/custom-actions", []),
    ("status_automations", "/data/status-automations", []),
    ("departments", "/data/departments", []), ("studios", "/data/studios", []),
    ("notification_count", None, 0), ("persons", "/data/persons", []),
    ("project_status", "/data/project-status", []), ("project_roles", None, {}),
    ("projects", "/data/projects/open", []), ("task_types", "/data/task-types", []),
    ("task_status", "/data/task-status", []), ("search_filters", "/data/user/filters", {}),
    ("search_filter_groups", "/data/user/filter-groups", {}),
    ("preview_background_files", "/data/preview-background-files", []),
    ("plugins", "/data/plugins", []),
)
CONTEXT_PARAMS = {"persons": {"relations": "true"}}
"""Query parameters of the borrowed answers: Zou's context lists persons with their
departments."""


def borrowed_answer(dopesheet, template, req, params=None):
    """The answer another plugin's ``GET`` route gives to this request (with ``params`` added
    to its query string for the call), or None when no plugin serves it (or refuses the
    caller)."""
    for mounted in dopesheet.routes:
        if mounted.template == template:
            responder = mounted.route.responders().get("GET")
            scratch = falcon.Response()
            saved = dict(req.params)
            req.params.update(params or {})
            try:
                responder(req, scratch)
            except ApiError:
                return None
            finally:
                req.params.clear()
                req.params.update(saved)
            return scratch.media
    return None


class UserResource(TasksResource):
    def person(self, req):
        principal = principal_of(req)
        if principal.identity_type == "bot":
            raise Forbidden()
        return principal


class UserProjects(UserResource):
    @operation("Open projects of the caller (?name)")
    def on_get(self, req, resp):
        self.person(req)
        resp.media = borrowed_answer(self.dopesheet, "/data/projects/open", req) or []


class UserTasks(UserResource):
    @operation("The caller's open tasks in open projects (to-do list)")
    def on_get(self, req, resp):
        principal = self.person(req)
        resp.media = person_todo(principal.id, access.open_team_project_ids(principal.id),
                                 done=False)

    @operation("The caller's done tasks in open projects")
    def on_get_done(self, req, resp):
        principal = self.person(req)
        resp.media = person_todo(principal.id, access.open_team_project_ids(principal.id),
                                 done=True)


class Subscriptions(UserResource):
    """Task and sequence subscriptions of the caller."""

    def _task(self, req, task_id):
        task = loading.get_task(task_id)
        if not self.allowed(req, "read", Project, Project(id=task.project_id)):
            raise Forbidden()
        return task

    @operation("Whether the caller follows a task")
    def on_get_task_subscribed(self, req, resp, task_id):
        principal = self.person(req)
        resp.media = subscriptions.follows_task(principal.id, path_id(task_id))

    @operation("Follow a task", status=201)
    def on_post_task_subscribe(self, req, resp, task_id):
        principal = self.person(req)
        task = self._task(req, task_id)
        resp.media = subscriptions.follow_task(principal.id, task.id)
        resp.status = falcon.HTTP_201

    @operation("Stop following a task", status=204)
    def on_delete_task_unsubscribe(self, req, resp, task_id):
        principal = self.person(req)
        subscriptions.unfollow_task(principal.id, path_id(task_id))
        resp.status = falcon.HTTP_204

    @operation("Follow several tasks", body=TaskIdsBody, status=201)
    def on_post_tasks(self, req, resp):
        principal = self.person(req)
        body = validated(TaskIdsBody, read_body(req)[0])
        tasks = [self._task(req, task_id) for task_id in body["task_ids"]]
        resp.media = [subscriptions.follow_task(principal.id, task.id) for task in tasks]
        resp.status = falcon.HTTP_201

    @operation("Stop following several tasks", body=TaskIdsBody)
    def on_post_untasks(self, req, resp):
        principal = self.person(req)
        body = validated(TaskIdsBody, read_body(req)[0])
        for task_id in body["task_ids"]:
            subscriptions.unfollow_task(principal.id, path_id(task_id))
        resp.media = body["task_ids"]

    @operation("Whether the caller follows a task type in a sequence")
    def on_get_sequence_subscribed(self, req, resp, sequence_id, task_type_id):
        principal = self.person(req)
        resp.media = subscriptions.follows_sequence(principal.id, path_id(sequence_id),
                                                    path_id(task_type_id))

    @operation("Follow every task of a type in a sequence", status=201)
    def on_post_sequence_subscribe(self, req, resp, sequence_id, task_type_id):
        principal = self.person(req)
        sequence = Entity.get_or_none(Entity.id == path_id(sequence_id))
        if sequence is None:
            raise NotFound()
        if not self.allowed(req, "read", Project, Project(id=sequence.project_id)):
            raise Forbidden()
        resp.media = subscriptions.follow_sequence(principal.id, sequence.id,
                                                   path_id(task_type_id))
        resp.status = falcon.HTTP_201

    @operation("Stop following a task type in a sequence", status=204)
    def on_delete_sequence_unsubscribe(self, req, resp, sequence_id, task_type_id):
        principal = self.person(req)
        subscriptions.unfollow_sequence(principal.id, path_id(sequence_id),
                                        path_id(task_type_id))
        resp.status = falcon.HTTP_204


def inbox_filters(req):
    params = req.params
    return {
        "after": params.get("after"), "before": params.get("before"),
        "task_type_id": inbox.check_id("task_type_id", params.get("task_type_id")),
        "task_status_id": inbox.check_id("task_status_id", params.get("task_status_id")),
        "type": params.get("type"),
        "read": flag(req, "read") if params.get("read") is not None else None,
        "watching": flag(req, "watching") if params.get("watching") is not None else None,
    }


class Notifications(UserResource):
    @operation("The caller's 100 newest notifications (after, before, read, watching, type, "
               "task_type_id, task_status_id)")
    def on_get(self, req, resp):
        principal = self.person(req)
        resp.media = inbox.inbox(principal, inbox.parse_dates(inbox_filters(req)),
                                 self.dopesheet)

    def _one(self, req, notification_id):
        principal = self.person(req)
        found = inbox.inbox(principal, {"id": inbox.check_id("notification_id", notification_id)},
                            self.dopesheet)
        if not found:
            raise NotFound()
        return found[0]

    @operation("One notification of the caller")
    def on_get_item(self, req, resp, notification_id):
        resp.media = self._one(req, notification_id)

    @operation("Mark one of the caller's notifications read or unread", body=ReadBody)
    def on_put_item(self, req, resp, notification_id):
        principal = self.person(req)
        body = validated(ReadBody, read_body(req)[0])
        notification = inbox.mark(path_id(notification_id), principal.id, body["read"])
        if notification is None:
            raise NotFound()
        resp.media = presenters.notification_dict(notification)

    @operation("Mark all the caller's notifications read")
    def on_post_all_read(self, req, resp):
        principal = self.person(req)
        inbox.mark_all_read(principal.id)
        resp.media = {"success": True}


class Context(UserResource):
    @operation("What Kitsu loads after login: projects, settings, people, notification count")
    def on_get(self, req, resp):
        principal = self.person(req)
        context = {}
        for key, template, empty in CONTEXT_SOURCES:
            if template is None:
                continue
            answer = borrowed_answer(self.dopesheet, template, req, CONTEXT_PARAMS.get(key))
            context[key] = answer if answer is not None else empty
        context["notification_count"] = inbox.unread_count(principal.id)
        context["project_roles"] = {
            link.project_id: link.role for link in ProjectPersonLink.select(
                ProjectPersonLink.project, ProjectPersonLink.role).where(
                ProjectPersonLink.person == principal.id, ProjectPersonLink.role.is_null(False))}
        resp.media = {key: context[key] for key, _, _ in CONTEXT_SOURCES}
        if principal.is_admin:
            limit = self.dopesheet.plugin_settings("persons")["user_limit"]
            resp.media["user_limit"] = limit or ZOU_NO_USER_LIMIT

