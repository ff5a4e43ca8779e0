"""Comment routes beside the generic ones: posting on a task (JSON or multipart with
files), a task's conversation, one comment, replies, acknowledgements, deletion, and a
project's comments."""

import falcon

from framework import BadRequest, Forbidden, NotFound, operation, principal_of, validated
from framework.filters import parse_page

from plugins.entities.models import Project
from plugins.persons.models import Person

from ..models import Comment, Task
from ..schemas import CommentBody, MoveBody, ReplyBody
from ..services import comment_edits, comment_views, commenting, files, loading, presenters
from ..services.access import caller_in
from ..services.rules import caller_for
from .common import TasksResource, page_number, read_body


def draft_of(body, uploads, may_backdate):
    """The comment a body describes; author, date and client visibility are managers'."""
    return commenting.Draft(
        text=body["comment"] or "", checklist=body["checklist"] or [],
        links=body["links"] or [], uploads=uploads,
        for_client=body["for_client"] if may_backdate else False,
        created_at=body["created_at"] if may_backdate else None)


def author_of(body, caller, may_choose):
    """The person row of the comment's author: the caller's, or the person a manager names."""
    person_id = body.get("person_id") if may_choose else None
    if not person_id:
        return caller
    person = Person.get_or_none(Person.id == loading.path_id(person_id))
    if person is None:
        raise NotFound()
    return person


def author_row(principal, author_id):
    """The person row of a batch comment's author: the caller's (read once per request) or
    another person's (None when there is no such person)."""
    return principal.user if author_id == principal.id else Person.get_or_none(
        Person.id == author_id)


def posted_view(comment, stored, status_view, author_view):
    """Zou's answer to a new comment: its relations, attachments as objects, the full status
    and author (their dicts, which a batch builds once for all its items)."""
    links = {"mentions": {comment.id: comment.mention_ids},
             "department_mentions": {comment.id: comment.department_mention_ids},
             "acknowledgements": {}}
    item = presenters.comment_dict(comment, relations=True, files=stored, links=links)
    item["attachment_files"] = stored.get("attachment_files", [])
    item["task_status"] = status_view
    item["person"] = author_view
    return item


class TaskComments(TasksResource):
    @operation("Comment a task, possibly changing its status (JSON or multipart with files)",
               body=CommentBody, status=201)
    def on_post_new(self, req, resp, task_id):
        values, uploads = read_body(req)
        body = validated(CommentBody, values)
        principal = principal_of(req)
        task, status, caller = loading.task_to_comment(
            task_id, body["task_status_id"], principal.id,
            whole_entity=bool(commenting.hashtags(body["comment"])))
        self.require(req, "comment", Task, task, {"task_status": status})
        is_manager = caller_for(principal, task).is_manager
        author = author_of(body, caller, is_manager)
        comment, stored = commenting.post(task, status, author.id,
                                          draft_of(body, uploads, is_manager), self.dopesheet)
        resp.media = posted_view(comment, stored, presenters.status_dict(status),
                                 presenters.person_dict(author))
        resp.status = falcon.HTTP_201

    @operation("Comments of a task, newest first, with authors, statuses and link lists")
    def on_get(self, req, resp, task_id):
        task = self.task(req, task_id)
        caller = caller_for(principal_of(req), task)
        resp.media = comment_views.task_conversation(task, caller, self.dopesheet)

    def _comment(self, req, task_id, comment_id, action="read"):
        task = loading.get_task(task_id)
        comment = loading.get_comment(comment_id)
        comment.task_row = task if comment.task_id == task.id else loading.get_task(
            comment.task_id)
        self.require(req, action, Comment, comment)
        return comment

    @operation("One comment of a task")
    def on_get_item(self, req, resp, task_id, comment_id):
        comment = self._comment(req, task_id, comment_id)
        if comment.task_id != loading.path_id(task_id):
            raise NotFound()
        resp.media = presenters.comment_dict(comment)

    @operation("Delete a comment (its author or a manager); the task is recomputed",
               status=204)
    def on_delete_item(self, req, resp, task_id, comment_id):
        comment = self._comment(req, task_id, comment_id, "delete")
        comment_edits.delete(comment, self.dopesheet)
        resp.status = falcon.HTTP_204

    @operation("Reply to a comment (text, optional files); answers the reply", body=ReplyBody)
    def on_post_reply(self, req, resp, task_id, comment_id):
        task = loading.get_task(task_id)
        comment = loading.get_comment(comment_id)
        if comment.task_id != task.id:
            raise Forbidden()
        comment.task_row = task
        principal = self.require(req, "reply", Comment, comment)
        values, uploads = read_body(req)
        body = validated(ReplyBody, values)
        resp.media = comment_edits.reply(comment, task, principal.id, body["text"] or "",
                                         uploads, self.dopesheet)

    @operation("Delete a reply (its author or an admin)")
    def on_delete_reply_item(self, req, resp, task_id, comment_id, reply_id):
        comment = loading.get_comment(comment_id)
        reply = next((item for item in comment.replies or [] if item.get("id") == reply_id),
                     None)
        if reply is None:
            raise NotFound()
        principal = principal_of(req)
        if reply.get("person_id") != principal.id and not principal.is_admin:
            raise Forbidden()
        task = loading.get_task(comment.task_id)
        comment_edits.delete_reply(comment, task, reply_id, self.dopesheet)
        resp.media = presenters.comment_dict(comment)

    @operation("Attach files to a comment (multipart; its author or a manager)", status=201)
    def on_post_attachment(self, req, resp, task_id, comment_id):
        task = loading.get_task(task_id)
        comment = loading.get_comment(comment_id)
        principal = principal_of(req)
        if comment.task_id != task.id or (comment.person_id != principal.id and not caller_for(
                principal, task).is_manager):
            raise Forbidden()
        _, uploads = read_body(req)
        files.store(comment, uploads, self.dopesheet)
        resp.media = files.file_lists([comment.id], self.dopesheet).get(
            comment.id, {}).get("attachment_files", [])
        resp.status = falcon.HTTP_201

    @operation("Move a comment to another task of the same entity (managers)", body=MoveBody)
    def on_post_move(self, req, resp, task_id, comment_id):
        if principal_of(req).role not in ("admin", "manager"):
            raise Forbidden()
        body = validated(MoveBody, read_body(req)[0])
        source = self.task(req, task_id)
        target = self.task(req, body["target_task_id"])
        comment = loading.get_comment(comment_id)
        if comment.task_id != source.id:
            raise BadRequest("Comment does not belong to the given task.", data=None)
        resp.media = comment_edits.move(comment, source, target, self.dopesheet)

    @operation("Toggle the caller's acknowledgement of a comment")
    def on_post_ack(self, req, resp, task_id, comment_id):
        task = self.task(req, task_id)
        comment = loading.get_comment(comment_id)
        comment_edits.acknowledge(comment, task, principal_of(req).id)
        stored = files.file_lists([comment.id], self.dopesheet).get(comment.id)
        resp.media = presenters.comment_dict(comment, relations=True, files=stored)


class ProjectComments(TasksResource):
    @operation("Comments of a project by last update (?page, ?limit)")
    def on_get(self, req, resp, project_id):
        project = loading.get_project(project_id)
        principal = self.require(req, "read", Project, project)
        if caller_in(principal, project.id).role in ("vendor", "client"):
            raise Forbidden()
        number = page_number(req)
        if number < 1:
            resp.media = comment_views.project_comments(project.id, self.dopesheet)[0]
            return
        settings = self.dopesheet.settings["api"]
        page = parse_page({"page": number, "limit": req.params.get("limit", 0)},
                          settings["page_size"], settings["max_page_size"])
        comments, total = comment_views.project_comments(project.id, self.dopesheet, page)
        resp.media = page.envelope(comments, total)
