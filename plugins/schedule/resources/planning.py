"""A project's plan: milestones, schedule items (all, per task type, per asset type,
episode, sequence or edit of a task type) and budgets with their entries (project
managers only); the span of each person's tasks for the team schedule."""

import falcon

from framework import BadRequest, Forbidden, NotFound, json_body, operation
from plugins.entities.models import Project
from plugins.entities.services.access import effective_role
from plugins.tasks.services import access as task_access

from ..models import Budget, BudgetEntry
from ..schemas import BudgetBody, BudgetEntryBody, BudgetEntryUpdateBody, BudgetUpdateBody
from ..services import budgets, planning, task_dates
from .common import ScheduleResource, checked_id, id_or_none


class ProjectPlan(ScheduleResource):
    @operation("Milestones of a project (team members but clients)")
    def on_get_milestones(self, req, resp, project_id):
        project = self.project(req, project_id, "view_milestones")
        resp.media = planning.milestones(project.id)

    @operation("Schedule items of a project (team members but vendors and clients)")
    def on_get_items(self, req, resp, project_id):
        project = self.project(req, project_id, "view_schedule")
        resp.media = planning.items_of(project.id)

    @operation("Schedule items per task type of a project, the missing ones created")
    def on_get_task_types(self, req, resp, project_id):
        project = self.project(req, project_id, "plan")
        resp.media = planning.for_task_types(project.id, self.dopesheet)

    def level(self, req, project_id, task_type_id):
        project = self.project(req, project_id, "plan")
        episode_id = req.params.get("episode_id")
        return (project.id, checked_id(task_type_id),
                checked_id(episode_id) if episode_id else None, self.dopesheet)

    @operation("Schedule items per asset type for a task type (?episode_id)")
    def on_get_asset_types(self, req, resp, project_id, task_type_id):
        resp.media = planning.for_asset_types(*self.level(req, project_id, task_type_id))

    @operation("Schedule items per episode for a task type (?episode_id)")
    def on_get_episodes(self, req, resp, project_id, task_type_id):
        resp.media = planning.for_entities("Episode",
                                           *self.level(req, project_id, task_type_id))

    @operation("Schedule items per sequence for a task type (?episode_id)")
    def on_get_sequences(self, req, resp, project_id, task_type_id):
        resp.media = planning.for_entities("Sequence",
                                           *self.level(req, project_id, task_type_id))

    @operation("Schedule items per edit for a task type (?episode_id)")
    def on_get_edits(self, req, resp, project_id, task_type_id):
        resp.media = planning.for_entities("Edit", *self.level(req, project_id, task_type_id))


class ProjectBudgets(ScheduleResource):
    """``/data/projects/{project_id}/budgets...``: project managers only."""

    def managed(self, req, project_id, budget_id=None):
        project = self.project(req, checked_id(project_id), "manage")
        if budget_id is None:
            return project, None
        budget = Budget.get_or_none(Budget.id == checked_id(budget_id))
        if budget is None or budget.project_id != project.id:
            raise NotFound()
        return project, budget

    def entry(self, req, project_id, budget_id, entry_id):
        _, budget = self.managed(req, project_id, budget_id)
        entry = BudgetEntry.get_or_none(BudgetEntry.id == checked_id(entry_id),
                                        BudgetEntry.budget == budget.id)
        if entry is None:
            raise NotFound()
        return budget, entry

    @operation("Budgets of a project")
    def on_get(self, req, resp, project_id):
        project, _ = self.managed(req, project_id)
        resp.media = budgets.budgets_of(project.id)

    @operation("Create a budget (next revision)", body=BudgetBody)
    def on_post(self, req, resp, project_id):
        project, _ = self.managed(req, project_id)
        values = json_body(req, BudgetBody)
        budget = budgets.create_budget(project.id, values["name"], values["currency"],
                                       self.dopesheet)
        resp.media = budgets.BUDGET.from_instance(budget)

    @operation("A budget")
    def on_get_item(self, req, resp, project_id, budget_id):
        _, budget = self.managed(req, project_id, budget_id)
        resp.media = budgets.BUDGET.from_instance(budget)

    @operation("Rename a budget or change its currency", body=BudgetUpdateBody)
    def on_put_item(self, req, resp, project_id, budget_id):
        _, budget = self.managed(req, project_id, budget_id)
        values = json_body(req, BudgetUpdateBody)
        resp.media = budgets.BUDGET.from_instance(
            budgets.update_budget(budget, values, self.dopesheet))

    @operation("Delete a budget and its entries", status=204)
    def on_delete_item(self, req, resp, project_id, budget_id):
        _, budget = self.managed(req, project_id, budget_id)
        budgets.delete_budget(budget, self.dopesheet)
        resp.status = falcon.HTTP_204

    @operation("Entries of a budget")
    def on_get_entries(self, req, resp, project_id, budget_id):
        _, budget = self.managed(req, project_id, budget_id)
        resp.media = budgets.entries_of(budget.id)

    @operation("Create a budget entry", body=BudgetEntryBody)
    def on_post_entries(self, req, resp, project_id, budget_id):
        _, budget = self.managed(req, project_id, budget_id)
        values = json_body(req, BudgetEntryBody)
        values.pop("exceptions", None)
        resp.media = budgets.ENTRY.from_instance(
            budgets.create_entry(budget, values, self.dopesheet))

    @operation("A budget entry")
    def on_get_entry(self, req, resp, project_id, budget_id, entry_id):
        _, entry = self.entry(req, project_id, budget_id, entry_id)
        resp.media = budgets.ENTRY.from_instance(entry)

    @operation("Update a budget entry", body=BudgetEntryUpdateBody)
    def on_put_entry(self, req, resp, project_id, budget_id, entry_id):
        budget, entry = self.entry(req, project_id, budget_id, entry_id)
        values = json_body(req, BudgetEntryUpdateBody)
        resp.media = budgets.ENTRY.from_instance(
            budgets.update_entry(budget, entry, values, self.dopesheet))

    @operation("Delete a budget entry", status=204)
    def on_delete_entry(self, req, resp, project_id, budget_id, entry_id):
        budget, entry = self.entry(req, project_id, budget_id, entry_id)
        budgets.delete_entry(budget, entry, self.dopesheet)
        resp.status = falcon.HTTP_204


class TeamSchedule(ScheduleResource):
    @operation("First start and last due date of each person's tasks (?project_id; "
               "supervisors and up, other open projects as anonymous busy periods)")
    def on_get(self, req, resp):
        principal = self.person(req)
        project_id = (req.params.get("project_id") or "").strip() or None
        if project_id is not None and id_or_none(project_id) is None:
            raise BadRequest("Invalid project_id.", data=None)
        project_id = id_or_none(project_id) if project_id else None
        if principal.is_admin:
            resp.media = task_dates.spans([project_id] if project_id
                                          else task_access.open_project_ids())
            return
        if principal.role not in ("supervisor", "manager"):
            raise Forbidden()
        if project_id is not None:
            if effective_role(principal, project_id) is None:
                raise Forbidden()
            resp.media = task_dates.spans([project_id])
            return
        own = task_access.open_team_project_ids(principal.id)
        resp.media = task_dates.spans(own, task_access.open_project_ids().where(
            Project.id.not_in(own)))
