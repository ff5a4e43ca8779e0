"""The plugin's routes: the generic model APIs and Zou's typed and action routes."""

from framework import Route

from . import breakdown, entities, instances, kinds, links, parents, templates
from .assets import AssetSharing, Assets, AssetTypes, ProjectAssets, ShotAssetTypes
from .descriptors import Descriptors
from .generic import APIS, AssetTypeApi, MetadataDescriptorApi, ProjectApi
from .projects import (AssetTypeSettings, ProjectAssetTypes, ProjectLists, ProjectTaskTypes,
                       Settings, SettingsBatch, TaskStatusSettings, Team)

SETTINGS = (
    # path, kind, item field, resource class
    ("task-types", "task_types", "task_type_id", Settings),
    ("task-status", "task_statuses", "task_status_id", TaskStatusSettings),
    ("asset-types", "asset_types", "asset_type_id", AssetTypeSettings),
    ("status-automations", "status_automations", "status_automation_id", Settings),
)


def routes(dopesheet):
    apis = {api: api(dopesheet) for api in APIS}
    found = [route for api in apis.values() for route in api.routes()]
    return (found + project_routes(dopesheet, apis) + asset_routes(dopesheet)
            + kinds.routes(dopesheet) + parents.routes(dopesheet)
            + breakdown.routes(dopesheet) + instances.routes(dopesheet)
            + templates.routes(dopesheet) + entities.routes(dopesheet)
            + links.routes(dopesheet))


def project_routes(dopesheet, apis):
    base = "/data/projects/{project_id}"
    lists = ProjectLists(dopesheet, apis[ProjectApi])
    team = Team(dopesheet)
    descriptors = Descriptors(dopesheet, apis[MetadataDescriptorApi])
    found = [
        Route("/data/projects/open", lists, suffix="open"),
        Route("/data/projects/all", lists, suffix="all"),
        Route(f"{base}/team", team),
        Route(f"{base}/team/{{person_id}}", team, suffix="member"),
        Route(f"{base}/settings/batch", SettingsBatch(dopesheet)),
        Route(f"{base}/task-types", ProjectTaskTypes(dopesheet)),
        Route(f"{base}/asset-types", ProjectAssetTypes(dopesheet)),
        Route(f"{base}/metadata-descriptors", descriptors),
        Route(f"{base}/metadata-descriptors/reorder", descriptors, suffix="reorder"),
        Route(f"{base}/metadata-descriptors/{{metadata_descriptor_id}}", descriptors,
              suffix="item"),
    ]
    for path, kind, field, resource_class in SETTINGS:
        resource = resource_class(dopesheet, kind)
        found += [Route(f"{base}/settings/{path}", resource),
                  Route(f"{base}/settings/{path}/{{{field}}}", resource, suffix="item")]
    return found


def asset_routes(dopesheet):
    asset_types = AssetTypes(dopesheet, AssetTypeApi(dopesheet))
    assets, project_assets = Assets(dopesheet), ProjectAssets(dopesheet)
    sharing = AssetSharing(dopesheet)
    base = "/data/projects/{project_id}"
    return [
        Route("/data/asset-types", asset_types),
        Route("/data/asset-types/{asset_type_id}", asset_types, suffix="item"),
        Route("/data/assets", assets),
        Route("/data/assets/all", assets),
        Route("/data/assets/with-tasks", assets, suffix="with_tasks"),
        Route("/data/assets/{asset_id}", assets, suffix="item"),
        Route("/data/assets/{asset_id}/task-types", assets, suffix="task_types"),
        Route("/data/assets/{asset_id}/assets", assets, suffix="assets"),
        Route(f"{base}/assets", project_assets),
        Route(f"{base}/assets/shared-used", project_assets, suffix="shared_used"),
        Route(f"{base}/asset-types/{{asset_type_id}}/assets", project_assets,
              suffix="of_type"),
        Route(f"{base}/asset-types/{{asset_type_id}}/assets/new", project_assets,
              suffix="new"),
        Route("/data/shots/{shot_id}/asset-types", ShotAssetTypes(dopesheet)),
        Route("/actions/assets/share", sharing),
        Route("/actions/projects/{project_id}/assets/share", sharing, suffix="project"),
        Route("/actions/projects/{project_id}/asset-types/{asset_type_id}/assets/share",
              sharing, suffix="project"),
    ]
