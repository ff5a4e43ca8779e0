"""Asset instance routes: of a scene, of a shot, of an asset; creating them in a scene or
an asset; adding and removing them in a shot. Enabling and disabling one is the generic
``PUT /data/asset-instances/{id}`` with ``active``."""

import falcon

from framework import NotFound, Route, json_body, operation

from .. import schemas
from ..models import AssetInstance, Entity
from ..services import instances, views
from ..services.kinds import ASSET, SCENE, SHOT, get_entity, path_id
from .common import ProductionResource, guarded


class SceneInstances(ProductionResource):
    @operation("Asset instances of a scene, by asset")
    def on_get(self, req, resp, scene_id):
        resp.media = instances.of_scene(self.entity(req, scene_id, SCENE).id)

    @guarded
    @operation("Create an asset instance in a scene", body=schemas.SceneInstanceBody,
               status=201)
    def on_post(self, req, resp, scene_id):
        scene = self.entity(req, scene_id, SCENE)
        body = json_body(req, schemas.SceneInstanceBody)
        asset = get_entity(str(body["asset_id"]), ASSET)
        created(self, resp, instances.create(asset, body["description"], scene_id=scene.id),
                scene.project_id)

    @operation("Camera instances of a scene, by asset")
    def on_get_cameras(self, req, resp, scene_id):
        resp.media = instances.cameras_of_scene(self.entity(req, scene_id, SCENE).id)


class ShotInstances(ProductionResource):
    @operation("Asset instances held by a shot, by asset")
    def on_get(self, req, resp, shot_id):
        resp.media = instances.of_shot(self.entity(req, shot_id, SHOT).id)

    @guarded
    @operation("Add an asset instance to a shot", body=schemas.ShotInstanceBody, status=201)
    def on_post(self, req, resp, shot_id):
        shot = self.entity(req, shot_id, SHOT)
        body = json_body(req, schemas.ShotInstanceBody)
        instance = AssetInstance.get_or_none(AssetInstance.id == str(body["asset_instance_id"]))
        if instance is None:
            raise NotFound()
        instances.add_to_shot(shot.id, instance.id)
        self.entity_event(SHOT, "update", shot)
        resp.status = falcon.HTTP_201
        resp.media = views.listing(Entity.select().where(Entity.id == shot.id), "Entity")[0]

    @guarded
    @operation("Remove an asset instance from a shot", status=204)
    def on_delete_item(self, req, resp, shot_id, asset_instance_id):
        shot = self.entity(req, shot_id, SHOT)
        instances.remove_from_shot(shot.id, path_id(asset_instance_id))
        self.entity_event(SHOT, "update", shot)
        resp.status = falcon.HTTP_204


class AssetInstances(ProductionResource):
    @operation("Instances of an asset in scenes, by scene")
    def on_get_scenes(self, req, resp, asset_id):
        resp.media = instances.asset_in_scenes(self.entity(req, asset_id, ASSET, "browse").id)

    @operation("Instances of an asset held by shots, by shot")
    def on_get_shots(self, req, resp, asset_id):
        resp.media = instances.asset_in_shots(self.entity(req, asset_id, ASSET, "browse").id)

    @operation("Asset instances inside an asset, by instantiated asset")
    def on_get_inside(self, req, resp, asset_id):
        resp.media = instances.inside_asset(self.entity(req, asset_id, ASSET, "browse").id)

    @guarded
    @operation("Create an instance of an asset inside this asset",
               body=schemas.AssetInstanceBody, status=201)
    def on_post_inside(self, req, resp, asset_id):
        target = self.entity(req, asset_id, ASSET, "browse")
        body = json_body(req, schemas.AssetInstanceBody)
        asset = get_entity(str(body["asset_to_instantiate_id"]), ASSET)
        created(self, resp, instances.create(asset, body["description"],
                                             target_asset_id=target.id), target.project_id)


def created(resource, resp, instance, project_id):
    resource.emit("asset-instance:new", {"asset_instance_id": instance.id,
                                         "project_id": project_id}, project_id)
    resp.status = falcon.HTTP_201
    resp.media = instances.INSTANCE.from_instance(instance)


def routes(dopesheet):
    scene, shot, asset = (SceneInstances(dopesheet), ShotInstances(dopesheet),
                          AssetInstances(dopesheet))
    return [
        Route("/data/scenes/{scene_id}/asset-instances", scene),
        Route("/data/scenes/{scene_id}/camera-instances", scene, suffix="cameras"),
        Route("/data/shots/{shot_id}/asset-instances", shot),
        Route("/data/shots/{shot_id}/asset-instances/{asset_instance_id}", shot,
              suffix="item"),
        Route("/data/assets/{asset_id}/scene-asset-instances", asset, suffix="scenes"),
        Route("/data/assets/{asset_id}/shot-asset-instances", asset, suffix="shots"),
        Route("/data/assets/{asset_id}/asset-asset-instances", asset, suffix="inside"),
    ]

