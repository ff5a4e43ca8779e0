"""Asset instances: numbered copies of an asset placed in a scene or inside another asset,
which shots can hold (``asset_instance_link``). Reads are grouped ``{id: [instance]}`` as
in Zou."""

from framework.serialize import Serializer

from ..models import AssetInstance, AssetInstanceLink, Entity, EntityType

INSTANCE = Serializer(AssetInstance)


def grouped(query, key_column):
    """``{key: [instance dict]}`` for the instances of ``query`` keyed by ``key_column``
    (one query)."""
    found = {}
    rows = query.select(*INSTANCE.fields, key_column).order_by(
        key_column, AssetInstance.number, AssetInstance.created_at).tuples()
    for values in rows:
        found.setdefault(values[-1], []).append(INSTANCE.from_values(values[:-1]))
    return found


def of_scene(scene_id):
    return grouped(AssetInstance.select().where(AssetInstance.scene == scene_id),
                   AssetInstance.asset)


def cameras_of_scene(scene_id):
    """Instances of the scene's assets typed ``Camera``."""
    cameras = (Entity.select(Entity.id).join(EntityType, on=(Entity.entity_type == EntityType.id))
               .where(EntityType.name == "Camera"))
    return grouped(AssetInstance.select().where(AssetInstance.scene == scene_id,
                                                AssetInstance.asset.in_(cameras)),
                   AssetInstance.asset)


def of_shot(shot_id):
    linked = AssetInstanceLink.select(AssetInstanceLink.asset_instance).where(
        AssetInstanceLink.entity == shot_id)
    return grouped(AssetInstance.select().where(AssetInstance.id.in_(linked)),
                   AssetInstance.asset)


def asset_in_scenes(asset_id):
    return grouped(AssetInstance.select().where(AssetInstance.asset == asset_id,
                                                AssetInstance.scene.is_null(False)),
                   AssetInstance.scene)


def asset_in_shots(asset_id):
    query = (AssetInstance.select()
             .join(AssetInstanceLink, on=(AssetInstanceLink.asset_instance == AssetInstance.id))
             .where(AssetInstance.asset == asset_id))
    return grouped(query, AssetInstanceLink.entity)


def inside_asset(asset_id):
    return grouped(AssetInstance.select().where(AssetInstance.target_asset == asset_id),
                   AssetInstance.asset)


def create(asset, description, scene_id=None, target_asset_id=None):
    """A new instance of ``asset`` numbered after the last one in the same place, named
    ``<asset>_<number on 4 digits>``."""
    place = ((AssetInstance.scene == scene_id) if scene_id
             else (AssetInstance.target_asset == target_asset_id))
    last = (AssetInstance.select(AssetInstance.number)
            .where(AssetInstance.asset == asset.id, place)
            .order_by(AssetInstance.number.desc()).scalar()) or 0
    number = last + 1
    return AssetInstance.create(asset=asset.id, scene=scene_id, target_asset=target_asset_id,
                                number=number, name=f"{asset.name}_{number:04d}",
                                description=description)


def add_to_shot(shot_id, instance_id):
    (AssetInstanceLink.insert(entity=shot_id, asset_instance=instance_id)
     .on_conflict_ignore().execute())


def remove_from_shot(shot_id, instance_id):
    AssetInstanceLink.delete().where(AssetInstanceLink.entity == shot_id,
                                     AssetInstanceLink.asset_instance == instance_id).execute()
