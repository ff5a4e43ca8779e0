"""Casting routes: read an entity's casting and the grouped castings Zou offers, replace a
casting, cast one asset into several entities, and a project's entity links."""

from framework import BadRequest, NotFound, Route, json_body, operation, read_json
from framework.filters import parse_page
from framework.schemas import parse_datetime
from framework.serialize import Serializer

from .. import schemas
from ..models import Entity, EntityLink
from ..services import casting
from ..services.kinds import ASSET, EPISODE, SEQUENCE, entity_kind, get_entity, path_id
from .common import ProductionResource, guarded

LINK = Serializer(EntityLink)
BATCH_SHAPE = "Request body must be a JSON object mapping entity ids to casting arrays"


class Casting(ProductionResource):
    def _entity(self, req, project_id, entity_id, action):
        project = self.project(req, project_id, action)
        entity = get_entity(entity_id)
        if entity.project_id != project.id:
            raise NotFound()
        return project, entity

    def _write(self, entity, items):
        kind = entity_kind(entity)
        casting.set_casting(entity, kind, items)
        changed(self, entity, kind)

    @operation("What is cast in an entity")
    def on_get_entity(self, req, resp, project_id, entity_id):
        _, entity = self._entity(req, project_id, entity_id, "read_no_vendor")
        resp.media = casting.entity_casting(entity.id)

    @guarded
    @operation("Replace what is cast in an entity (a list of {asset_id, nb_occurences, "
               "label}); answers the list sent")
    def on_put_entity(self, req, resp, project_id, entity_id):
        _, entity = self._entity(req, project_id, entity_id, "manage")
        items = casting_list(req)
        self._write(entity, items)
        resp.media = items

    @guarded
    @operation("Replace the casting of several entities ({entity_id: [casting]})")
    def on_put_batch(self, req, resp, project_id):
        project = self.project(req, project_id, "manage")
        body = read_json(req)
        if not isinstance(body, dict) or not all(isinstance(items, list)
                                                 for items in body.values()):
            raise BadRequest(BATCH_SHAPE)
        for entity_id, items in body.items():
            entity = get_entity(entity_id)
            if entity.project_id != project.id:
                raise NotFound()
            self._write(entity, items)
        resp.media = body

    @guarded
    @operation("Cast one asset in several entities, leaving their other assets",
               body=schemas.CastAssetBody)
    def on_put_asset(self, req, resp, project_id, asset_id):
        project = self.project(req, project_id, "manage")
        asset = get_entity(asset_id, ASSET)
        body = json_body(req, schemas.CastAssetBody)
        ids = [path_id(value) for value in body["entity_ids"]]
        entities = list(Entity.select().where(Entity.id.in_(ids),
                                              Entity.project == project.id))
        casting.cast_asset(asset, [entity.id for entity in entities], body["nb_occurences"],
                           body["label"])
        for entity in entities:
            changed(self, entity, entity_kind(entity))
        resp.media = {entity.id: casting.entity_casting(entity.id) for entity in entities}

    @operation("Casting of every asset of one type")
    def on_get_asset_type(self, req, resp, project_id, asset_type_id):
        project = self.project(req, project_id, "read_no_vendor")
        resp.media = casting.asset_type_casting(project.id, path_id(asset_type_id))

    @operation("Casting of the shots of a sequence")
    def on_get_sequence(self, req, resp, project_id, sequence_id):
        project = self.project(req, project_id, "read_no_vendor")
        sequence = get_entity(sequence_id, SEQUENCE)
        resp.media = casting.shots_casting(project.id, sequence_id=sequence.id)

    @operation("Casting of every shot of a project")
    def on_get_shots(self, req, resp, project_id):
        resp.media = casting.shots_casting(self.project(req, project_id, "read_no_vendor").id)

    @operation("Casting of the shots of an episode's sequences")
    def on_get_episode_shots(self, req, resp, project_id, episode_id):
        project = self.project(req, project_id, "read_no_vendor")
        episode = get_entity(episode_id, EPISODE)
        resp.media = casting.shots_casting(project.id, episode_id=episode.id)

    @operation("Casting links of a project, by entity")
    def on_get_episodes(self, req, resp, project_id):
        resp.media = casting.project_casting(self.project(req, project_id, "read_no_vendor").id)


def casting_list(req):
    items = read_json(req)
    if not isinstance(items, list):
        raise BadRequest("The casting must be a JSON list of {asset_id, nb_occurences, label}.")
    return items


def changed(resource, entity, kind):
    name = kind.lower()
    count = Entity.select(Entity.nb_entities_out).where(Entity.id == entity.id).scalar()
    resource.emit(f"{name}:casting-update", {f"{name}_id": entity.id, "nb_entities_out": count},
                  entity.project_id)


class AssetCasting(ProductionResource):
    @operation("What is cast in an asset")
    def on_get(self, req, resp, asset_id):
        asset = self.entity(req, asset_id, ASSET)
        self.project(req, asset.project_id, "read_no_vendor")
        resp.media = casting.entity_casting(asset.id)

    @guarded
    @operation("Replace what is cast in an asset")
    def on_put(self, req, resp, asset_id):
        asset = get_entity(asset_id, ASSET)
        self.project(req, asset.project_id, "manage")
        items = casting_list(req)
        casting.set_casting(asset, ASSET, items)
        changed(self, asset, ASSET)
        resp.media = items

    @operation("The shots and assets an asset is cast in")
    def on_get_cast_in(self, req, resp, asset_id):
        resp.media = casting.cast_in(self.entity(req, asset_id, ASSET).id)


class EntityLinks(ProductionResource):
    """``/data/projects/{id}/entity-links``: plain, paginated (``page``/``limit``) or
    after a cursor (``cursor_created_at``, microsecond dates)."""

    @operation("Casting links of a project")
    def on_get(self, req, resp, project_id):
        project = self.project(req, project_id, "manage")
        query = (EntityLink.select().join(Entity, on=(EntityLink.entity_in == Entity.id))
                 .where(Entity.project == project.id))
        page = parse_page(req.params, 100, self.dopesheet.settings["api"]["max_page_size"])
        if page is not None:
            rows = (query.order_by(EntityLink.created_at, EntityLink.id)
                    .limit(page.limit).offset(page.offset))
            resp.media = page.envelope([LINK.from_values(values)
                                        for values in LINK.select(rows)], query.count())
            return
        if req.params.get("cursor_created_at"):
            query = query.where(EntityLink.created_at > parse_cursor(req))
        query = query.order_by(EntityLink.created_at, EntityLink.id)
        if req.params.get("limit"):
            query = query.limit(max(int(req.params["limit"]), 0))
        resp.media = [{"id": link.id, "entity_in_id": link.entity_in_id,
                       "entity_out_id": link.entity_out_id, "nb_occurences": link.nb_occurences,
                       "label": link.label, "data": link.data,
                       "created_at": link.created_at.isoformat(timespec="microseconds"),
                       "type": "EntityLink"} for link in query]

    @guarded
    @operation("Delete one casting link; answers it")
    def on_delete_item(self, req, resp, project_id, entity_link_id):
        project = self.project(req, project_id, "manage")
        link = (EntityLink.select().join(Entity, on=(EntityLink.entity_in == Entity.id))
                .where(EntityLink.id == path_id(entity_link_id), Entity.project == project.id)
                .first())
        if link is None:
            raise NotFound()
        link.delete_instance()
        casting.count_links({link.entity_in_id})
        resp.media = LINK.from_instance(link)


def parse_cursor(req):
    try:
        return parse_datetime(req.params["cursor_created_at"])
    except ValueError:
        raise BadRequest("cursor_created_at must be an ISO 8601 date.") from None


def routes(dopesheet):
    cast, asset, links = Casting(dopesheet), AssetCasting(dopesheet), EntityLinks(dopesheet)
    base = "/data/projects/{project_id}"
    return [
        Route(f"{base}/entities/{{entity_id}}/casting", cast, suffix="entity"),
        Route(f"{base}/entities/casting", cast, suffix="batch"),
        Route(f"{base}/entities/casting/assets/{{asset_id}}", cast, suffix="asset"),
        Route(f"{base}/asset-types/{{asset_type_id}}/casting", cast, suffix="asset_type"),
        Route(f"{base}/sequences/{{sequence_id}}/casting", cast, suffix="sequence"),
        Route(f"{base}/sequences/all/casting", cast, suffix="shots"),
        Route(f"{base}/episodes/{{episode_id}}/sequences/all/casting", cast,
              suffix="episode_shots"),
        Route(f"{base}/episodes/casting", cast, suffix="episodes"),
        Route(f"{base}/entity-links", links),
        Route(f"{base}/entity-links/{{entity_link_id}}", links, suffix="item"),
        Route("/data/assets/{asset_id}/casting", asset),
        Route("/data/assets/{asset_id}/cast-in", asset, suffix="cast_in"),
    ]

