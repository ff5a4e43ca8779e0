"""Project feeds: the news (per project, across open projects, per entity, one item), and
the admins' lists of a project's notifications and subscriptions."""

from framework import Forbidden, NotFound, operation, principal_of
from framework.filters import parse_page

from plugins.entities.models import Entity, Project

from ..models import Notification, Subscription, Task
from ..services import access, loading, news_feed, presenters, subscriptions
from ..services.loading import path_id
from .common import TasksResource, flag, integer, page_number
from .open_tasks import checked_date


def news_filters(req, project_ids):
    params = req.params
    return news_feed.NewsFilters(
        project_ids=project_ids, only_preview=flag(req, "only_preview"),
        task_type_id=params.get("task_type_id"), task_status_id=params.get("task_status_id"),
        episode_id=params.get("episode_id"), author_id=params.get("person_id"),
        after=checked_date(params.get("after")), before=checked_date(params.get("before")))


class NewsFeeds(TasksResource):
    def _feed(self, req, project_ids):
        filters = news_filters(req, project_ids)
        result = news_feed.feed(filters, self.dopesheet, page=integer(req, "page", 1),
                                limit=integer(req, "limit", 50))
        result["stats"] = news_feed.stats(filters)
        return result

    def _project(self, req, project_id, refused):
        project = loading.get_project(project_id)
        principal = self.require(req, "read", Project, project)
        if access.caller_in(principal, project.id).role == refused:
            raise Forbidden()
        return project

    @operation("News of a project, newest first (filters, ?page, ?limit), with stats")
    def on_get(self, req, resp, project_id):
        project = self._project(req, project_id, "client")
        resp.media = self._feed(req, [project.id])

    @operation("One news item of a project")
    def on_get_item(self, req, resp, project_id, news_id):
        project = self._project(req, project_id, "vendor")
        found = news_feed.feed(news_feed.NewsFilters(project_ids=[project.id],
                                                     news_id=path_id(news_id)), self.dopesheet)
        if not found["data"]:
            raise NotFound()
        resp.media = found["data"][0]

    @operation("News across the caller's open projects (?project_id)")
    def on_get_open(self, req, resp):
        principal = principal_of(req)
        scope = (access.open_project_ids() if principal.is_admin
                 else access.open_team_project_ids(principal.id))
        project_ids = [row.id for row in Project.select(Project.id).where(Project.id.in_(scope))]
        if req.params.get("project_id") in project_ids:
            project_ids = [req.params["project_id"]]
        resp.media = self._feed(req, project_ids)

    @operation("News of an entity")
    def on_get_entity(self, req, resp, entity_id):
        entity = Entity.get_or_none(Entity.id == path_id(entity_id))
        if entity is None:
            raise NotFound()
        self.require(req, "read", Entity, entity)
        resp.media = news_feed.feed(news_feed.NewsFilters(entity_id=entity.id),
                                    self.dopesheet, limit=2000)


class ProjectActivity(TasksResource):
    """Admins' lists of a project's notifications (paginated) and subscriptions."""

    @staticmethod
    def _project(req, project_id):
        if not principal_of(req).is_admin:
            raise Forbidden()
        return loading.get_project(project_id)

    @operation("Notifications of a project (admins, ?page)")
    def on_get_notifications(self, req, resp, project_id):
        project = self._project(req, project_id)
        query = (Notification.select().join(Task, on=(Notification.task == Task.id))
                 .where(Task.project == project.id).order_by(Notification.updated_at.desc()))
        number = page_number(req)
        if number < 1:
            resp.media = [presenters.notification_dict(row) for row in query]
            return
        settings = self.dopesheet.settings["api"]
        page = parse_page({"page": number}, settings["page_size"], settings["max_page_size"])
        rows = query.limit(page.limit).offset(page.offset)
        resp.media = page.envelope([presenters.notification_dict(row) for row in rows],
                                   query.order_by().count())

    @operation("Subscriptions of a project (admins)")
    def on_get_subscriptions(self, req, resp, project_id):
        project = self._project(req, project_id)
        query = (Subscription.select().join(Task, on=(Subscription.task == Task.id))
                 .where(Task.project == project.id))
        resp.media = [subscriptions.SUBSCRIPTION.from_instance(row) for row in query]
