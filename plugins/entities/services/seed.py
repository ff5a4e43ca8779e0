"""Zou's default rows (``zou init-data``): project statuses, entity and asset types, task
types linked to the default departments, task statuses. Idempotent: a row is created only
when its natural key is missing, so a studio's edits survive a second run."""

from plugins.persons.models import Department

from ..models import EntityType, ProjectStatus, TaskStatus, TaskType

PROJECT_STATUSES = ("Open", "Closed")
ASSET_TYPES = ("Character", "Prop", "Environment", "FX")
TEMPORAL_TYPES = ("Shot", "Sequence", "Episode", "Edit", "Scene", "Concept", "ConceptFolder")
TASK_TYPES = (
    # name, for_entity, department, color, priority
    ("Concept", "Concept", None, "#8D6E63", 1),
    ("Concept", "Asset", "Concept", "#8D6E63", 1),
    ("Modeling", "Asset", "Modeling", "#78909C", 2),
    ("Shading", "Asset", "Modeling", "#64B5F6", 3),
    ("Rigging", "Asset", "Animation", "#9CCC65", 4),
    ("Storyboard", "Shot", "Concept", "#43A047", 1),
    ("Layout", "Shot", "Layout", "#7CB342", 2),
    ("Animation", "Shot", "Animation", "#009688", 3),
    ("Lighting", "Shot", "Compositing", "#F9A825", 4),
    ("FX", "Shot", "FX", "#26C6DA", 5),
    ("Rendering", "Shot", "Compositing", "#F06292", 6),
    ("Compositing", "Shot", "Compositing", "#ff5252", 7),
    ("Edit", "Edit", "Compositing", "#9b298c", 8),
)
TASK_STATUSES = (
    # name, short_name, color, flags
    ("Todo", "todo", "#f5f5f5", {"is_default": True}),
    ("Work In Progress", "wip", "#3273dc", {"is_wip": True}),
    ("Waiting For Approval", "wfa", "#ab26ff", {"is_feedback_request": True}),
    ("Retake", "retake", "#ff3860", {"is_retake": True}),
    ("Done", "done", "#22d160", {"is_done": True}),
    ("Ready To Start", "ready", "#fbc02d", {}),
    ("Neutral", "neutral", "#CCCCCC", {"is_default": True, "for_concept": True}),
    ("Approved", "approved", "#66BB6A", {"for_concept": True}),
    ("Rejected", "rejected", "#E81123", {"for_concept": True}),
)


def seed_defaults():
    for name in PROJECT_STATUSES:
        ProjectStatus.insert(name=name, color="#000000").on_conflict_ignore().execute()
    for name in ASSET_TYPES + TEMPORAL_TYPES:
        EntityType.insert(name=name).on_conflict_ignore().execute()
    departments = {row.name: row.id for row in Department.select(Department.id, Department.name)}
    existing = {(row.name, row.for_entity)
                for row in TaskType.select(TaskType.name, TaskType.for_entity)}
    for name, for_entity, department, color, priority in TASK_TYPES:
        if (name, for_entity) not in existing:
            TaskType.create(name=name, short_name="", for_entity=for_entity, color=color,
                            priority=priority, department=departments.get(department))
    for name, short_name, color, flags in TASK_STATUSES:
        TaskStatus.insert(name=name, short_name=short_name, color=color,
                          **flags).on_conflict_ignore().execute()
