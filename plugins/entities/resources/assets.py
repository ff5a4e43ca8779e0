"""Zou's asset routes: asset types, the filtered and per-project asset lists, one asset,
its creation and deletion, and what it is cast with."""

import falcon

from framework import json_body, operation, principal_of, utcnow

from .. import schemas
from ..models import Entity, EntityLink, EntityType
from ..services import creation, deletion, listing, views
from ..services.kinds import ASSET, of_kind, path_id
from ..services.tasks import task_types_of
from . import streaming
from .common import ProductionResource, flag, guarded
from .projects import ASSET_TYPE, TASK_TYPE


class AssetTypes(ProductionResource):
    """``/data/asset-types``: read-only, through ``AssetTypeApi``."""

    def __init__(self, dopesheet, api):
        super().__init__(dopesheet)
        self.api = api

    @operation("List asset types")
    def on_get(self, req, resp):
        resp.media = self.api.list({**req.params, "relations": "true"}, principal_of(req))

    @operation("Get an asset type")
    def on_get_item(self, req, resp, asset_type_id):
        principal = principal_of(req)
        resp.media = self.api.serialize(self.api.get_instance(asset_type_id, principal), True,
                                        principal)


class Assets(ProductionResource):
    @operation("List assets (column filters)")
    def on_get(self, req, resp):
        query = listing.filtered(self.dopesheet, principal_of(req), req.params, ASSET)
        resp.media = views.listing(query, ASSET)

    @operation("Assets with their tasks (column filters)")
    def on_get_with_tasks(self, req, resp):
        query = listing.filtered(self.dopesheet, principal_of(req), req.params, ASSET)
        streaming.answer(req, resp, views.asset_views(query, self.dopesheet), ASSET)

    @operation("Get an asset with its names, casting episodes and tasks")
    def on_get_item(self, req, resp, asset_id):
        asset = self.entity(req, asset_id, ASSET)
        resp.media = views.asset_views(Entity.select().where(Entity.id == asset.id),
                                       self.dopesheet, detail=True)[0]

    @guarded
    @operation("Delete an asset (canceled when it has tasks, unless ?force=true)", status=204)
    def on_delete_item(self, req, resp, asset_id):
        asset = self.entity(req, asset_id, ASSET, "delete")
        canceled = deletion.delete_entity(asset, ASSET, flag(req, "force"), self.dopesheet)
        self.removed(ASSET, asset, canceled)
        resp.status = falcon.HTTP_204

    @operation("Task types of an asset's tasks")
    def on_get_task_types(self, req, resp, asset_id):
        asset = self.entity(req, asset_id, ASSET)
        query = task_types_of([asset.id], self.dopesheet)
        resp.media = [TASK_TYPE.from_values(values) for values in TASK_TYPE.select(query)]

    @operation("Assets cast in an asset")
    def on_get_assets(self, req, resp, asset_id):
        asset = self.entity(req, asset_id, ASSET)
        resp.media = cast_assets(asset)


def cast_assets(entity):
    """The assets cast in ``entity`` as plain asset rows."""
    cast = EntityLink.select(EntityLink.entity_out).where(EntityLink.entity_in == entity.id)
    return views.listing(Entity.select().where(Entity.id.in_(cast))
                         .order_by(Entity.name), ASSET)


class ProjectAssets(ProductionResource):
    @operation("Assets of a project")
    def on_get(self, req, resp, project_id):
        project = self.project(req, project_id)
        query = listing.filtered(self.dopesheet, principal_of(req),
                                 {**req.params, "project_id": project.id}, ASSET)
        resp.media = views.listing(query, ASSET)

    @operation("Assets of one type in a project")
    def on_get_of_type(self, req, resp, project_id, asset_type_id):
        project = self.project(req, project_id)
        query = listing.filtered(self.dopesheet, principal_of(req), {
            **req.params, "project_id": project.id,
            "entity_type_id": path_id(asset_type_id)}, ASSET)
        resp.media = views.listing(query, ASSET)

    @guarded
    @operation("Create an asset", body=schemas.AssetBody, status=201)
    def on_post_new(self, req, resp, project_id, asset_type_id):
        project = self.project(req, project_id, "manage")
        body = json_body(req, schemas.AssetBody)
        asset = creation.create_asset(project, path_id(asset_type_id), body, principal_of(req).id)
        self.entity_event(ASSET, "new", asset)
        resp.status = falcon.HTTP_201
        resp.media = views.entity_view(asset.id, ASSET)

    @operation("Shared assets of other projects used in this one")
    def on_get_shared_used(self, req, resp, project_id):
        project = self.project(req, project_id)
        used = (EntityLink.select(EntityLink.entity_out)
                .join(Entity, on=(EntityLink.entity_in == Entity.id))
                .where(Entity.project == project.id))
        query = Entity.select().where(Entity.id.in_(used), Entity.is_shared == True,  # noqa: E712
                                      Entity.project != project.id)
        resp.media = views.listing(query.order_by(Entity.name), ASSET)


class AssetSharing(ProductionResource):
    """``is_shared`` of assets (shared assets are offered to other projects' casting);
    answers the assets changed."""

    @guarded
    @operation("Share or unshare the given assets", body=schemas.ShareBody)
    def on_post(self, req, resp):
        body = json_body(req, schemas.ShareBody)
        assets = list(Entity.select().where(Entity.id.in_([str(i) for i in body["asset_ids"]]),
                                            of_kind(ASSET)))
        for project_id in {asset.project_id for asset in assets}:
            self.project(req, project_id, "manage")
        resp.media = self._share([asset.id for asset in assets], body["is_shared"])

    @guarded
    @operation("Share or unshare a project's assets (all, or the given ones)",
               body=schemas.ShareBody)
    def on_post_project(self, req, resp, project_id, asset_type_id=None):
        project = self.project(req, project_id, "manage")
        body = json_body(req, schemas.ShareBody)
        query = Entity.select(Entity.id).where(Entity.project == project.id, of_kind(ASSET))
        if asset_type_id is not None:
            query = query.where(Entity.entity_type == path_id(asset_type_id))
        if body["asset_ids"]:
            query = query.where(Entity.id.in_([str(value) for value in body["asset_ids"]]))
        resp.media = self._share([row.id for row in query], body["is_shared"])

    def _share(self, asset_ids, is_shared):
        if asset_ids:
            (Entity.update(is_shared=is_shared, updated_at=utcnow())
             .where(Entity.id.in_(asset_ids)).execute())
        query = Entity.select().where(Entity.id.in_(asset_ids)).order_by(Entity.name)
        shared = views.listing(query, ASSET)
        for asset in shared:
            self.emit("asset:update", {"asset_id": asset["id"],
                                       "project_id": asset["project_id"]}, asset["project_id"])
        return shared


class ShotAssetTypes(ProductionResource):
    @operation("Asset types of the assets cast in a shot")
    def on_get(self, req, resp, shot_id):
        shot = self.entity(req, shot_id, "Shot", "browse")
        cast = (Entity.select(Entity.entity_type)
                .join(EntityLink, on=(EntityLink.entity_out == Entity.id))
                .where(EntityLink.entity_in == shot.id))
        query = EntityType.select().where(EntityType.id.in_(cast)).order_by(EntityType.name)
        resp.media = [ASSET_TYPE.from_values(values) for values in ASSET_TYPE.select(query)]
