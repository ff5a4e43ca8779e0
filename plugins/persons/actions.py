"""Person actions outside the generic routes: department membership, avatar, members."""

import falcon
from marshmallow import fields

from framework import (BadRequest, BaseSchema, PluginResource, get_or_404, json_body, operation,
                       principal_of)
from framework.crud import parse_instance_id

from .models import Department, DepartmentLink, Person, person_dict

ADMIN_ACTION = "administer"
"""No plugin allows this verb on persons: only the admin rule of ``auth`` does."""


class DepartmentBody(BaseSchema):
    department_id = fields.UUID(required=True)


class PersonActions(PluginResource):
    """``/actions/persons/{person_id}/...``: admins only, as in Zou; and
    ``/actions/user/clear-avatar`` for the caller."""

    def _person(self, req, person_id):
        person = get_or_404(Person, person_id)
        self.require(req, ADMIN_ACTION, Person, person)
        return person

    def _changed(self, person):
        self.dopesheet.emit("person:update", {"person_id": person.id})

    @operation("Add a person to a department", body=DepartmentBody, status=201)
    def on_post_joining(self, req, resp, person_id):
        person = self._person(req, person_id)
        department_id = str(json_body(req, DepartmentBody)["department_id"])
        if not Department.select().where(Department.id == department_id).exists():
            raise BadRequest("Department ID matches no department", data=None)
        (DepartmentLink.insert(person=person.id, department=department_id)
         .on_conflict_ignore().execute())
        self._changed(person)
        resp.status = falcon.HTTP_201
        resp.media = person_dict(person)

    @operation("Remove a person from a department", status=204)
    def on_delete_leaving(self, req, resp, person_id, department_id):
        person = self._person(req, person_id)
        (DepartmentLink.delete().where(DepartmentLink.person == person.id,
                                       DepartmentLink.department
                                       == parse_instance_id(department_id)).execute())
        self._changed(person)
        resp.status = falcon.HTTP_204

    @operation("Forget a person's avatar", status=204)
    def on_delete_avatar(self, req, resp, person_id):
        self._forget_avatar(resp, self._person(req, person_id))

    @operation("Forget the caller's own avatar", status=204)
    def on_delete_own_avatar(self, req, resp):
        self._forget_avatar(resp, get_or_404(Person, principal_of(req).id))

    def _forget_avatar(self, resp, person):
        Person.update(has_avatar=False).where(Person.id == person.id).execute()
        self._changed(person)
        resp.status = falcon.HTTP_204


class DepartmentMembers:
    """The persons list filtered on the department, with their department ids."""

    def __init__(self, person_api):
        self.person_api = person_api

    @operation("Members of a department")
    def on_get(self, req, resp, department_id):
        department = get_or_404(Department, department_id)
        resp.media = self.person_api.list({"departments": department.id, "relations": "true"},
                                          principal_of(req))
