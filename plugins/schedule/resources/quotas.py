"""A project's shot quotas (``/data/projects/{id}/quotas/...``): per person for a task type,
or per task type for one person; ``?count_mode`` (weighted, weighteddone, feedback, done)
and ``?studio_id``. Clients never see them; a person sees their own, the project's managers
and supervisors everyone's."""

from framework import Forbidden, get_or_404, operation, principal_of
from plugins.entities.models import Project

from ..services import access, quotas
from .common import ScheduleResource, checked_id, person_or_404

TEAM_READERS = ("admin", "manager", "supervisor")


class ProjectQuotas(ScheduleResource):
    def _effective_role(self, req, project):
        principal = principal_of(req)
        role = access.team_roles(principal).get(project.id) or principal.role
        if principal.is_admin:
            role = "admin"
        if role == "client":
            raise Forbidden()
        return role

    def _quotas(self, req, project, **scope):
        user = principal_of(req).user
        timezone = (user.timezone if user is not None else None) or (
            self.dopesheet.plugin_settings("persons")["default_timezone"])
        studio_id = req.params.get("studio_id")
        return quotas.quotas(project, timezone, req.params.get("count_mode", "weighted"),
                             studio_id=studio_id and checked_id(studio_id), **scope)

    @operation("Shot quotas of a task type, one entry per person and a total")
    def on_get(self, req, resp, project_id, task_type_id):
        project = self.project(req, project_id)
        self._effective_role(req, project)
        resp.media = self._quotas(req, project, task_type_id=checked_id(task_type_id))

    @operation("Shot quotas of a person, one entry per task type and a total (the person, "
               "or the project's managers and supervisors)")
    def on_get_person(self, req, resp, project_id, person_id):
        project = get_or_404(Project, project_id)
        if self._effective_role(req, project) in TEAM_READERS:
            self.project(req, project_id)
        elif checked_id(person_id) != principal_of(req).id:
            raise Forbidden()
        person = person_or_404(person_id)
        resp.media = self._quotas(req, project, person_id=person.id)
