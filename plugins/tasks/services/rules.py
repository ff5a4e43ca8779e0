"""Zou's role rules for this plugin's models, as answers to the core's permission hooks.

Admins are allowed everything by the ``auth`` plugin; these rules say what the other roles
may do. Verbs beyond ``list/read/create/update/delete``: on ``Project`` ``contribute`` (a
team member who is no vendor nor client); on ``Task`` ``comment`` (post a
comment, ``data["task_status"]`` the status it sets), ``assign`` (``data["person"]`` and
``data["person_departments"]``), ``unassign`` (``data["person_id"]``) and ``act`` (Zou's
task-action); on ``Comment`` ``reply``. Rows come from ``services.loading``: a task carries
its type's department and its entity's creator, a comment its task (``comment.task_row``).
The caller's role in a project is read once per request.
"""

from plugins.entities.models import Project, ProjectPersonLink, TaskStatus
from plugins.persons.models import Person

from ..models import Comment, Task
from . import access


def caller_for(principal, row):
    """The caller's ``Caller`` in the row's project, computed once per request and project
    (kept in ``principal.memo``): a route over many tasks reads the role once."""
    callers = principal.memo.setdefault("tasks.callers", {})
    if row.project_id not in callers:
        callers[row.project_id] = access.caller_in(principal, row.project_id)
    return callers[row.project_id]


def vote(principal, action, resource):
    if principal is None or principal.is_admin:
        return None
    if resource.model is Task:
        return _task(principal, action, resource)
    if resource.model is Comment:
        return _comment(principal, action, resource)
    if resource.model is Project and action == "contribute" and resource.instance is not None:
        role = access.caller_in(principal, resource.instance.id).role
        return role is not None and role not in ("vendor", "client")
    return None


def _task(principal, action, resource):
    data = resource.data or {}
    if action == "list":
        return True
    if action == "create":
        project_id = data.get("project_id")
        return access.caller_in(principal, str(project_id)).is_manager if project_id else None
    row = resource.instance
    if row is None:
        return None
    caller = caller_for(principal, row)
    if action == "read":
        return access.can_read(caller, row)
    if action == "update":
        return access.can_supervise(caller, row, data)
    if action == "delete":
        return caller.is_manager
    if action == "act":
        return access.can_act(caller, row)
    if action == "comment":
        return _may_comment(caller, row, data["task_status"])
    if action == "assign":
        return access.can_assign(caller, row, data["person"].id, data["person_departments"])
    if action == "unassign":
        return access.can_unassign(caller, row, data.get("person_id"))
    return None


def _may_comment(caller, row, status):
    """task-action, or "mentioned" keeping the status; then status-allowed."""
    if not (access.can_act(caller, row) or (
            status.id == row.task_status_id and access.is_mentioned(caller, row.id))):
        return False
    return access.status_allowed(caller, status)


def project_role(person_id, project_id):
    """A person's role in a project: their team link's, else their global role."""
    link = (ProjectPersonLink.select(ProjectPersonLink.role)
            .where(ProjectPersonLink.project == project_id,
                   ProjectPersonLink.person == person_id).first())
    if link is not None and link.role:
        return link.role
    person = Person.get_or_none(Person.id == person_id)
    return person.role if person else None


def can_read_comment(caller, comment, row):
    """comment-read: supervisors and managers read everything; clients read clients' and
    ``for_client`` comments (their own only when the project isolates clients); others
    read everything but clients' comments."""
    if caller.role == "admin":
        return True
    if not access.can_read(caller, row):
        return False
    if caller.role in ("manager", "supervisor"):
        return True
    author_role = project_role(comment.person_id, row.project_id)
    if caller.role == "client":
        isolated = (Project.select(Project.is_clients_isolated)
                    .where(Project.id == row.project_id).scalar())
        if isolated and comment.person_id != caller.id and not comment.for_client:
            return False
        return author_role == "client" or bool(comment.for_client)
    return author_role != "client"


def _comment(principal, action, resource):
    comment = resource.instance
    if comment is None:
        return None
    row = comment.task_row
    caller = caller_for(principal, row)
    if action == "read":
        return can_read_comment(caller, comment, row)
    if action == "delete":
        return caller.is_manager or comment.person_id == caller.id
    if action == "update":
        return _may_edit(caller, comment, row, resource.data or {})
    if action == "reply":
        return _may_reply(caller, comment, row)
    return None


def _may_edit(caller, comment, row, data):
    """Zou's comment edit rules: managers edit everything; others their own comments, plus
    ``pinned`` (supervisors of the department) and ``checklist`` (assignees, supervisors of
    the department); nobody but managers moves a comment, changes its author or its client
    visibility; a status change needs task-action and an allowed status."""
    if not caller.is_member:
        return False
    if caller.is_manager:
        return True
    if not can_read_comment(caller, comment, row):
        return False
    changed = {key for key, value in data.items()
               if _stored(comment, key) != _comparable(value)}
    is_author = comment.person_id == caller.id
    if "for_client" in changed or "person_id" in changed or "object_id" in changed:
        return False
    if "pinned" in changed and not caller.supervises(row.department_id):
        return False
    if "checklist" in changed and not is_author and not (
            caller.supervises(row.department_id) or access.is_assignee(caller.id, row.id)):
        return False
    if not is_author and set(data) - {"pinned", "checklist"}:
        return False
    if data.get("task_status_id") is None:
        return True
    status = TaskStatus.get_or_none(TaskStatus.id == str(data["task_status_id"]))
    if status is None:
        return False
    if status.id != comment.task_status_id and not access.can_act(caller, row):
        return False
    return access.status_allowed(caller, status)


def _stored(comment, key):
    field = Comment._meta.columns.get(key)
    return comment.__data__.get(field.name) if field is not None else None


def _comparable(value):
    return str(value) if hasattr(value, "hex") else value


def _may_reply(caller, comment, row):
    """Authors reply to their comments; others need task-action or a mention; only managers
    and clients reply in a client's thread."""
    if comment.person_id != caller.id and not (
            access.can_act(caller, row) or access.is_mentioned(caller, row.id)):
        return False
    if caller.role not in ("admin", "manager", "client"):
        in_client_thread = bool(comment.for_client) or (
            project_role(comment.person_id, row.project_id) == "client")
        if in_client_thread:
            return False
    return True


def list_filter(principal, model):
    """SQL narrowing of a non-admin's task lists: vendors their assigned tasks, others the
    tasks of the open projects they are in."""
    if principal is None or principal.is_admin or model is not Task:
        return None
    if principal.role == "vendor":
        return access.assigned(principal.id)
    return access.among(Task.project, access.open_team_project_ids(principal.id))
