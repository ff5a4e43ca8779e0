"""Saved searches of the current user (``/data/user/filters``) and their groups: their own
and the shared ones, nested by list type and project (``"all"`` without project), on open
projects only; department-bound ones are shown to managers and to that department's
members. Sharing is a project manager's privilege (silently refused otherwise), and a
filter shares its group's ``is_shared``."""

from framework import BadRequest, NotFound
from framework.serialize import Serializer
from plugins.entities.models import Project, ProjectStatus
from plugins.entities.services.access import effective_role
from plugins.persons.models import Department

from ..models import SearchFilter, SearchFilterGroup
from . import access
from .shapes import text_ids

SAME_SHARING = ("A search filter should have the same value for is_shared than its search "
                "filter group.")
SERIALIZERS = {SearchFilter: Serializer(SearchFilter),
               SearchFilterGroup: Serializer(SearchFilterGroup)}


def can_share(principal, project_id):
    return project_id is not None and effective_role(principal, str(project_id)) in (
        "admin", "manager")


def nested(model, principal, newest_first=False):
    """``{list_type: {project_id or "all": [rows]}}`` of what the caller sees (a group's
    list type shows even when its department hides it, as Zou's)."""
    serializer = SERIALIZERS[model]
    open_projects = (Project.select(Project.id)
                     .join(ProjectStatus, on=(Project.project_status == ProjectStatus.id))
                     .where(ProjectStatus.name == "Open"))
    query = model.select().where(
        (model.person == principal.id) | (model.is_shared == True),  # noqa: E712
        model.project.is_null() | model.project.in_(open_projects))
    query = query.order_by(model.created_at.desc() if newest_first else model.created_at,
                           model.id)
    sees_all = principal.role in ("admin", "manager")
    own_departments = None if sees_all else set(access.department_ids(principal.id))
    found = {}
    for values in serializer.select(query):
        item = serializer.from_values(values)
        if model is SearchFilterGroup:
            found.setdefault(item["list_type"], {})
        department_id = item["department_id"]
        if department_id is not None and not sees_all and department_id not in own_departments:
            continue
        (found.setdefault(item["list_type"], {})
         .setdefault(item["project_id"] or "all", []).append(item))
    return found


def own(model, row_id, principal):
    """The caller's row (any row for admins); 404 otherwise."""
    query = model.select().where(model.id == row_id)
    if not principal.is_admin:
        query = query.where(model.person == principal.id)
    row = query.first()
    if row is None:
        raise NotFound()
    return row


def check_department(department_id):
    if department_id is not None and not Department.select().where(
            Department.id == str(department_id)).exists():
        raise BadRequest(f"No department found with id: {department_id}", data=None)


def check_group_sharing(group_id, is_shared):
    if group_id is None:
        return
    group = SearchFilterGroup.get_or_none(SearchFilterGroup.id == str(group_id))
    if group is None:
        raise NotFound()
    if bool(is_shared) != bool(group.is_shared):
        raise BadRequest(SAME_SHARING, data=None)


def sharing_allowed(principal, row, data):
    """Zou turns a sharing change the caller may not make into ``False``, in place."""
    wanted = data.get("is_shared")
    if wanted is not None and wanted != row.is_shared and not can_share(
            principal, data.get("project_id")):
        data["is_shared"] = False
    return data


def update(row, data):
    data = text_ids(data)
    model = type(row)
    changes = {model._meta.columns[key]: value for key, value in data.items()}
    if changes:
        model.update(changes).where(model.id == row.id).execute()
    return model.get_by_id(row.id)


def remove_group(group):
    """A group takes its filters with it, whoever owns them."""
    SearchFilter.delete().where(SearchFilter.search_filter_group == group.id).execute()
    group.delete_instance()


def share_group_filters(group):
    """The filters of a group follow its sharing."""
    SearchFilter.update(is_shared=group.is_shared).where(
        SearchFilter.search_filter_group == group.id).execute()


def serialized(row):
    return SERIALIZERS[type(row)].from_instance(row)
