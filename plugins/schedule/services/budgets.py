"""Budgets of a project (numbered revisions) and their entries (a salary over some months
for a department, optionally a person), and the studio's salary scales (one per
department, position and seniority, created on first listing)."""

from framework import utcnow
from framework.serialize import Serializer
from plugins.persons.models import Department

from ..models import POSITIONS, SENIORITIES, Budget, BudgetEntry, SalaryScale
from .shapes import text_ids

BUDGET = Serializer(Budget)
ENTRY = Serializer(BudgetEntry)
BUDGET_KEYS = ("id", "project_id", "revision", "name", "currency")
ENTRY_KEYS = ("id", "budget_id", "department_id", "person_id", "start_date",
              "months_duration", "daily_salary", "position", "seniority", "exceptions")


def presented(serializer, query, keys):
    return [{key: item[key] for key in keys}
            for item in (serializer.from_values(values) for values in serializer.select(query))]


def budgets_of(project_id):
    query = Budget.select().where(Budget.project == project_id).order_by(Budget.revision)
    return presented(BUDGET, query, BUDGET_KEYS)


def create_budget(project_id, name, currency, dopesheet):
    last = (Budget.select(Budget.revision).where(Budget.project == project_id)
            .order_by(Budget.revision.desc()).first())
    budget = Budget.create(project=project_id, name=name, currency=currency,
                           revision=last.revision + 1 if last else 1)
    dopesheet.emit("budget:create", {"budget_id": budget.id}, project_id=project_id)
    return budget


def update_budget(budget, changes, dopesheet):
    for key, value in changes.items():
        if value is not None:
            setattr(budget, key, value)
    budget.save()
    dopesheet.emit("budget:update", {"budget_id": budget.id}, project_id=budget.project_id)
    return budget


def delete_budget(budget, dopesheet):
    BudgetEntry.delete().where(BudgetEntry.budget == budget.id).execute()
    budget.delete_instance()
    dopesheet.emit("budget:delete", {"budget_id": budget.id}, project_id=budget.project_id)


def entries_of(budget_id):
    query = BudgetEntry.select().where(BudgetEntry.budget == budget_id).order_by(
        BudgetEntry.start_date, BudgetEntry.created_at)
    return presented(ENTRY, query, ENTRY_KEYS)


def cleaned_exceptions(exceptions):
    """Months set to zero or nothing are dropped; no map is an empty one."""
    return {month: int(days) for month, days in (exceptions or {}).items()
            if days is not None and int(days) > 0}


def create_entry(budget, data, dopesheet):
    entry = BudgetEntry.create(budget=budget.id, exceptions={}, **{
        key[:-3] if key.endswith("_id") else key: value
        for key, value in text_ids(data).items()})
    _announce("budget-entry:create", budget, entry, dopesheet)
    return entry


def update_entry(budget, entry, data, dopesheet):
    """Only the keys sent with a value change (Zou nulls the others and fails)."""
    changes = {key: value for key, value in text_ids(data).items() if value is not None}
    if "exceptions" in data:
        changes["exceptions"] = cleaned_exceptions(data["exceptions"])
    for key, value in changes.items():
        setattr(entry, key, value)
    entry.updated_at = utcnow()
    entry.save()
    _announce("budget-entry:update", budget, entry, dopesheet)
    return entry


def delete_entry(budget, entry, dopesheet):
    entry.delete_instance()
    _announce("budget-entry:delete", budget, entry, dopesheet)


def _announce(name, budget, entry, dopesheet):
    dopesheet.emit(name, {"budget_id": budget.id, "budget_entry_id": entry.id},
                   project_id=budget.project_id)


def ensure_salary_scales():
    """One salary scale per department, position and seniority (the missing ones created
    in one insert)."""
    existing = {(row.department_id, row.position, row.seniority)
                for row in SalaryScale.select(SalaryScale.department, SalaryScale.position,
                                              SalaryScale.seniority)}
    missing = [{"department": department_id, "position": position, "seniority": seniority}
               for (department_id,) in Department.select(Department.id).tuples()
               for position in POSITIONS for seniority in SENIORITIES
               if (department_id, position, seniority) not in existing]
    if missing:
        SalaryScale.insert_many(missing).execute()
