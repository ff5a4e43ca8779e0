"""``POST /import/kitsu/<model>``: a list of rows exported by another Kitsu, upserted with
their ids and dates. As in Zou, only admins import: the rows of anyone else are skipped
(200 with what was imported, nothing); each row is announced (``<model>:new`` or
``:update``) unless ``?silent=true``."""

from framework import BadRequest, PluginResource, Route, operation, principal_of, read_json
from framework.crud import guard_integrity
from framework.filters import parse_bool
from framework.serialize import Serializer
from plugins.entities.models import Entity
from plugins.entities.services.kinds import type_names
from plugins.tasks.models import Task

from ..services.kitsu import ROUTES, TableImport

NOT_A_LIST = "A list of entities is expected."
ENTITY_EVENT_KINDS = ("Asset", "Shot", "Sequence", "Episode", "Scene", "Edit", "Concept")


class KitsuImport(PluginResource):
    def __init__(self, dopesheet, model):
        super().__init__(dopesheet)
        self.rows = TableImport(model, dopesheet.models)
        self.serializer = Serializer(model)

    @operation("Upsert rows exported by another Kitsu instance, ids and dates kept "
               "(admins; ?silent=true announces nothing)")
    def on_post(self, req, resp):
        body = read_json(req)
        if not isinstance(body, list):
            raise BadRequest(NOT_A_LIST)
        if not principal_of(req).is_admin:
            resp.media = []
            return
        imported = guard_integrity(lambda: [self.rows.upsert(row) for row in body])
        if not parse_bool(req.params.get("silent"), False):
            self.announce(imported)
        resp.media = [self.serializer.from_instance(instance) for instance, _ in imported]

    def announce(self, imported):
        kinds = type_names() if self.rows.table == "entity" else {}
        for instance, created in imported:
            suffix = "new" if created else "update"
            if self.rows.table == "entity":
                kind = kinds.get(instance.entity_type_id)
                if kind in ENTITY_EVENT_KINDS:
                    self.emit(f"{kind.lower()}:{suffix}", {f"{kind.lower()}_id": instance.id},
                              project_id=instance.project_id)
                continue
            self.emit(f"{self.rows.table.replace('_', '-')}:{suffix}",
                      {f"{self.rows.table}_id": instance.id},
                      project_id=project_of(instance))


def project_of(instance):
    """The project a row belongs to, through its task or its casting when it has none."""
    data = instance.__data__
    if type(instance).__name__ == "Project":
        return instance.id
    if "project_id" in type(instance)._meta.columns:
        return data.get("project")
    if data.get("task"):
        return Task.select(Task.project).where(Task.id == data["task"]).scalar()
    if data.get("entity_in"):
        return Entity.select(Entity.project).where(Entity.id == data["entity_in"]).scalar()
    return None


def routes(dopesheet):
    """One route per table of an enabled plugin."""
    return [Route(f"/import/kitsu/{path}", KitsuImport(dopesheet, dopesheet.models[table]))
            for path, table in ROUTES.items() if table in dopesheet.models]
