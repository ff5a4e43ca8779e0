"""Priorities of a project's task types and task statuses (Zou's ``task-type-links`` and
``task-status-links`` helper routes and their reorder actions)."""

import falcon

from framework import BadRequest, Route, operation, read_json
from framework.serialize import Serializer

from ..models import ProjectTaskStatusLink, ProjectTaskTypeLink, TaskStatus, TaskType
from ..services.kinds import path_id
from .common import ProductionResource, guarded

LINKS = {
    # path: (link model, target model, target key, writable link columns)
    "task-type-links": (ProjectTaskTypeLink, TaskType, "task_type_id", (
        "priority", "hd_bitrate_compression", "ld_bitrate_compression", "is_client_visible")),
    "task-status-links": (ProjectTaskStatusLink, TaskStatus, "task_status_id", (
        "priority", "roles_for_board", "is_client_allowed")),
}


class Links(ProductionResource):
    def __init__(self, dopesheet, path):
        super().__init__(dopesheet)
        self.link, self.target, self.key, self.columns = LINKS[path]
        self.serializer = Serializer(self.link)

    def _field(self):
        return getattr(self.link, self.key[:-3])

    @guarded
    @operation("Create or update a project's link to a task type or status", status=201)
    def on_post(self, req, resp):
        body = read_json(req) or {}
        for key in ("project_id", self.key):
            if not body.get(key):
                raise BadRequest(f"Missing required parameter: {key}", data=None)
        project = self.project(req, body["project_id"], "manage")
        target_id = path_id(body[self.key])
        if not self.target.select().where(self.target.id == target_id).exists():
            raise BadRequest(f"{self.target.__name__} with id {target_id} not found", data=None)
        values = {column: body[column] for column in self.columns if column in body}
        link = self.link.get_or_none(self.link.project == project.id, self._field() == target_id)
        if link is None:
            link = self.link.create(project=project.id, **{self.key[:-3]: target_id}, **values)
        elif values:
            for column, value in values.items():
                setattr(link, column, value)
            link.save()
        resp.status = falcon.HTTP_201
        resp.media = self.serializer.from_instance(link)

    @guarded
    @operation("Set the priorities of a project's links from an ordered list of ids")
    def on_post_reorder(self, req, resp, project_id):
        project = self.project(req, project_id, "manage")
        body = read_json(req) or {}
        ids = body.get(f"{self.key}s")
        if not isinstance(ids, list):
            raise BadRequest(f"{self.key}s must be a list of ids.", data=None)
        for position, target_id in enumerate(ids, start=1):
            (self.link.update(priority=position)
             .where(self.link.project == project.id, self._field() == path_id(target_id))
             .execute())
        links = (self.link.select().where(self.link.project == project.id)
                 .order_by(self.link.priority.asc(nulls="LAST"), self.link.created_at))
        resp.media = [self.serializer.from_values(values)
                      for values in self.serializer.select(links)]


def routes(dopesheet):
    found = []
    for path in LINKS:
        resource = Links(dopesheet, path)
        found += [Route(f"/data/{path}", resource),
                  Route(f"/actions/projects/{{project_id}}/{path}/reorder", resource,
                        suffix="reorder")]
    return found

