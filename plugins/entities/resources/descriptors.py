"""``/data/projects/{id}/metadata-descriptors``: a project's custom columns."""

import falcon

from framework import Forbidden, NotFound, json_body, operation, principal_of

from plugins.persons.models import Department

from .. import schemas
from ..models import DepartmentMetadataDescriptorLink, MetadataDescriptor, Project
from ..services import descriptors
from ..services.kinds import path_id
from .common import ProductionResource, guarded


class Descriptors(ProductionResource):
    def __init__(self, dopesheet, api):
        super().__init__(dopesheet)
        self.api = api

    def _descriptor(self, project, descriptor_id):
        descriptor = MetadataDescriptor.get_or_none(
            MetadataDescriptor.id == path_id(descriptor_id),
            MetadataDescriptor.project == project.id)
        if descriptor is None:
            raise NotFound()
        return descriptor

    def _answer(self, descriptor):
        return self.api.serialize(MetadataDescriptor.get_by_id(descriptor.id), True, None)

    def _changed(self, suffix, descriptor):
        self.emit(f"metadata-descriptor:{suffix}", {"metadata_descriptor_id": descriptor.id,
                                                    "project_id": descriptor.project_id},
                  descriptor.project_id)

    @operation("Metadata descriptors of a project")
    def on_get(self, req, resp, project_id):
        project = self.project(req, project_id)
        resp.media = self.api.list({"project_id": project.id, "relations": "true"},
                                   principal_of(req))

    @guarded
    @operation("Create a metadata descriptor", body=schemas.DescriptorBody, status=201)
    def on_post(self, req, resp, project_id):
        project = self.project(req, project_id)
        body = json_body(req, schemas.DescriptorBody)
        self.require(req, "supervise", Project, project, body)
        descriptors.check_data_type(body)
        descriptors.check_task_type(body)
        descriptors.check_free(project.id, body["entity_type"], body["name"])
        departments = body.pop("departments")
        descriptor = MetadataDescriptor.create(
            project=project.id, field_name=descriptors.field_name_of(body["name"]),
            task_type=body.pop("task_type_id"), **body)
        set_departments(descriptor, departments)
        self._changed("new", descriptor)
        resp.status = falcon.HTTP_201
        resp.media = self._answer(descriptor)

    @operation("Get a metadata descriptor")
    def on_get_item(self, req, resp, project_id, metadata_descriptor_id):
        project = self.project(req, project_id)
        descriptor = self._descriptor(project, metadata_descriptor_id)
        visible = self.api.list({"id": descriptor.id, "relations": "true"}, principal_of(req))
        if not visible:
            raise Forbidden()
        resp.media = visible[0]

    @guarded
    @operation("Update a metadata descriptor", body=schemas.DescriptorUpdateBody)
    def on_put_item(self, req, resp, project_id, metadata_descriptor_id):
        project = self.project(req, project_id)
        descriptor = self._descriptor(project, metadata_descriptor_id)
        body = json_body(req, schemas.DescriptorUpdateBody)
        self.require(req, "supervise", Project, project, body)
        descriptors.check_data_type(body)
        departments = body.pop("departments")
        if "name" in body and body["name"] != descriptor.name:
            descriptors.check_free(project.id, descriptor.entity_type, body["name"],
                                   except_id=descriptor.id)
            new_field = descriptors.field_name_of(body["name"])
            descriptors.rename_key(descriptor, descriptor.field_name, new_field)
            body["field_name"] = new_field
        for key, value in body.items():
            setattr(descriptor, key, value)
        descriptor.save()
        set_departments(descriptor, departments)
        self._changed("update", descriptor)
        resp.media = self._answer(descriptor)

    @guarded
    @operation("Delete a metadata descriptor", status=204)
    def on_delete_item(self, req, resp, project_id, metadata_descriptor_id):
        project = self.project(req, project_id)
        descriptor = self._descriptor(project, metadata_descriptor_id)
        self.require(req, "supervise", Project, project,
                     {"departments": department_ids(descriptor)})
        descriptors.drop_key(descriptor)
        descriptor.delete_instance(recursive=False)
        self._changed("delete", descriptor)
        resp.status = falcon.HTTP_204

    @guarded
    @operation("Reorder the descriptors of one entity type", body=schemas.DescriptorOrderBody)
    def on_post_reorder(self, req, resp, project_id):
        project = self.project(req, project_id, "manage")
        body = json_body(req, schemas.DescriptorOrderBody)
        for position, descriptor_id in enumerate(body["descriptor_ids"], start=1):
            (MetadataDescriptor.update(position=position)
             .where(MetadataDescriptor.id == path_id(descriptor_id),
                    MetadataDescriptor.project == project.id,
                    MetadataDescriptor.entity_type == body["entity_type"]).execute())
        resp.media = self.api.list({"project_id": project.id, "entity_type": body["entity_type"],
                                    "relations": "true"}, principal_of(req))


def department_ids(descriptor):
    Link = DepartmentMetadataDescriptorLink
    return [row.department_id for row in Link.select(Link.department)
            .where(Link.metadata_descriptor == descriptor.id)]


def set_departments(descriptor, department_ids):
    """The descriptor's departments become ``department_ids`` (unknown ids are dropped)."""
    Link = DepartmentMetadataDescriptorLink
    Link.delete().where(Link.metadata_descriptor == descriptor.id).execute()
    known = Department.select(Department.id).where(
        Department.id.in_([path_id(value) for value in department_ids]))
    rows = [{"metadata_descriptor": descriptor.id, "department": row.id} for row in known]
    if rows:
        Link.insert_many(rows).execute()
