"""Lists under a parent entity (``/data/sequences/{id}/shots``, ``/data/episodes/{id}/
sequences``...), what is cast in a shot or an asset, and the shots of a scene."""

import falcon

from framework import Route, json_body, operation, principal_of, utcnow

from .. import schemas
from ..models import Entity
from ..services import listing, views
from ..services.kinds import EDIT, EPISODE, SCENE, SEQUENCE, SHOT, get_entity, path_id
from .assets import cast_assets
from .common import ProductionResource, guarded
from .kinds import single

CHILDREN = (
    # parent kind, parent plural, children plural, child kind, filter key, extra names,
    # the check on the parent: "read" (Zou's "entity": vendors only on what is assigned to
    # them) or "browse" (any team member)
    (SEQUENCE, "sequences", "shots", SHOT, "sequence_id", True, "browse"),
    (SEQUENCE, "sequences", "scenes", SCENE, "sequence_id", False, "read"),
    (EPISODE, "episodes", "sequences", SEQUENCE, "episode_id", False, "browse"),
    (EPISODE, "episodes", "shots", SHOT, "episode_id", False, "read"),
    (EPISODE, "episodes", "edits", EDIT, "episode_id", False, "read"),
)


class Children(ProductionResource):
    def __init__(self, dopesheet, parent_kind, child_kind, key, names, action):
        super().__init__(dopesheet)
        self.parent_kind, self.child_kind = parent_kind, child_kind
        self.key, self.names, self.action = key, names, action

    @operation("Entities under a parent (column filters)")
    def on_get(self, req, resp, **ids):
        parent = self.entity(req, single(ids), self.parent_kind, self.action)
        query = listing.filtered(self.dopesheet, principal_of(req),
                                 {**req.params, self.key: parent.id}, self.child_kind)
        resp.media = views.listing(query, self.child_kind, project_name=self.names,
                                   sequence_name=self.names)


class CastAssets(ProductionResource):
    @operation("Assets cast in a shot")
    def on_get(self, req, resp, shot_id):
        resp.media = cast_assets(self.entity(req, shot_id, SHOT))


class SceneShots(ProductionResource):
    """A scene's shots are the shots whose ``source_id`` is the scene (Zou's link)."""

    @operation("Shots of a scene")
    def on_get(self, req, resp, scene_id):
        scene = self.entity(req, scene_id, SCENE)
        resp.media = views.listing(Entity.select().where(Entity.source == scene.id)
                                   .order_by(Entity.name), SHOT, project_name=True,
                                   sequence_name=True)

    @guarded
    @operation("Link a shot to a scene", body=schemas.SceneShotBody, status=201)
    def on_post(self, req, resp, scene_id):
        scene = self.entity(req, scene_id, SCENE)
        shot = get_entity(str(json_body(req, schemas.SceneShotBody)["shot_id"]), SHOT)
        self._link(shot, scene.id)
        self.emit("shot:add-to-scene", {"scene_id": scene.id, "shot_id": shot.id},
                  scene.project_id)
        resp.status = falcon.HTTP_201
        resp.media = views.listing(Entity.select().where(Entity.id == shot.id), "Entity")[0]

    @guarded
    @operation("Unlink a shot from a scene", status=204)
    def on_delete_shot(self, req, resp, scene_id, shot_id):
        scene = self.entity(req, scene_id, SCENE)
        shot = get_entity(path_id(shot_id), SHOT)
        if shot.source_id == scene.id:
            self._link(shot, None)
        self.emit("shot:remove-from-scene", {"scene_id": scene.id, "shot_id": shot.id},
                  scene.project_id)
        resp.status = falcon.HTTP_204

    @staticmethod
    def _link(shot, scene_id):
        Entity.update(source=scene_id, updated_at=utcnow()).where(Entity.id == shot.id).execute()


def routes(dopesheet):
    found = [Route(f"/data/{parents}/{{{parent_kind.lower()}_id}}/{children}",
                   Children(dopesheet, parent_kind, child_kind, key, names, action))
             for parent_kind, parents, children, child_kind, key, names, action in CHILDREN]
    scene_shots = SceneShots(dopesheet)
    return found + [
        Route("/data/shots/{shot_id}/assets", CastAssets(dopesheet)),
        Route("/data/scenes/{scene_id}/shots", scene_shots),
        Route("/data/scenes/{scene_id}/shots/{shot_id}", scene_shots, suffix="shot"),
    ]

