"""Zou's tables for time, leave, planning, budgets, saved searches, entity chats, desktop
logins and playlists, with Zou's table and column names.

Every foreign key and every column the routes filter on is indexed. Preview files belong to
a later plugin: playlists keep them as ids inside their ``shots`` JSON, as Zou does.
"""

import peewee

from framework import BaseModel, JSONField, LinkModel, UUIDField, fk
from plugins.entities.models import Entity, Project, TaskType
from plugins.persons.models import Department, Person
from plugins.tasks.models import Task

POSITIONS = ("supervisor", "lead", "artist")
SENIORITIES = ("senior", "mid", "junior")
PLAYLIST_ENTITY_KINDS = ("shot", "asset", "sequence", "edit", "episode")
BUILD_JOB_STATUSES = ("running", "failed", "succeeded")
BUILD_JOB_TYPES = ("archive", "movie")


class TimeSpent(BaseModel):
    duration = peewee.FloatField(constraints=[peewee.Check("duration > 0")])
    date = peewee.DateField(index=True)
    task = fk(Task, "task_id", null=True)
    person = fk(Person, "person_id", null=True)

    class Meta:
        indexes = ((("person", "task", "date"), True),)


class DayOff(BaseModel):
    date = peewee.DateField(index=True)
    end_date = peewee.DateField(index=True)
    description = peewee.TextField(null=True)
    person = fk(Person, "person_id", null=True)

    class Meta:
        indexes = ((("person", "date"), True),)
        constraints = [peewee.Check("date <= end_date")]


class Milestone(BaseModel):
    date = peewee.DateField(null=True)
    name = peewee.CharField(max_length=40)
    project = fk(Project, "project_id", null=True)
    task_type = fk(TaskType, "task_type_id", null=True)


class ScheduleItem(BaseModel):
    """A bar of the production schedule: a task type of a project, for one asset type,
    sequence, episode or edit (``object_id``) or for the whole project (no object)."""

    start_date = peewee.DateField(null=True)
    end_date = peewee.DateField(null=True)
    man_days = peewee.IntegerField(null=True)
    project = fk(Project, "project_id", null=True)
    task_type = fk(TaskType, "task_type_id", null=True)
    object_id = UUIDField(null=True, index=True)

    class Meta:
        indexes = ((("project", "task_type", "object_id"), True),)


class Budget(BaseModel):
    project = fk(Project, "project_id", null=True)
    revision = peewee.IntegerField(default=1)
    name = peewee.CharField(max_length=255)
    currency = peewee.CharField(max_length=3, null=True)


class BudgetEntry(BaseModel):
    budget = fk(Budget, "budget_id")
    department = fk(Department, "department_id")
    person = fk(Person, "person_id", null=True)
    start_date = peewee.DateField()
    months_duration = peewee.IntegerField()
    daily_salary = peewee.FloatField()
    position = peewee.CharField(max_length=20, null=True, default="artist")
    seniority = peewee.CharField(max_length=20, null=True, default="mid")
    exceptions = JSONField(null=True)


class SalaryScale(BaseModel):
    department = fk(Department, "department_id", on_delete="CASCADE")
    position = peewee.CharField(max_length=20, null=True, default="artist")
    seniority = peewee.CharField(max_length=20, null=True, default="mid")
    salary = peewee.IntegerField(default=0)


class SearchFilterGroup(BaseModel):
    list_type = peewee.CharField(max_length=80, index=True)
    entity_type = peewee.CharField(max_length=80, null=True)
    name = peewee.CharField(max_length=200, default="")
    color = peewee.CharField(max_length=8, default="")
    is_shared = peewee.BooleanField(default=False, index=True)
    person = fk(Person, "person_id", null=True)
    project = fk(Project, "project_id", null=True)
    department = fk(Department, "department_id", null=True)


class SearchFilter(BaseModel):
    list_type = peewee.CharField(max_length=80, index=True)
    entity_type = peewee.CharField(max_length=80, null=True)
    name = peewee.CharField(max_length=200, default="")
    search_query = peewee.CharField(max_length=500, default="")
    is_shared = peewee.BooleanField(default=False, index=True)
    department = fk(Department, "department_id", null=True)
    search_filter_group = fk(SearchFilterGroup, "search_filter_group_id", null=True)
    person = fk(Person, "person_id", null=True)
    project = fk(Project, "project_id", null=True)


ParticipantsThrough = peewee.DeferredThroughModel()


class Chat(BaseModel):
    """The conversation of one entity (``object_id``)."""

    object_id = UUIDField(index=True)
    object_type = peewee.CharField(max_length=80, default="entity", index=True)
    last_message = peewee.DateTimeField(null=True)
    participants = peewee.ManyToManyField(Person, backref="+", through_model=ParticipantsThrough)


class ChatParticipant(LinkModel):
    chat = fk(Chat, "chat_id", on_delete="CASCADE")
    person = fk(Person, "person_id")

    class Meta:
        table_name = "chat_participant"
        primary_key = peewee.CompositeKey("chat", "person")


ParticipantsThrough.set_model(ChatParticipant)


class ChatMessage(BaseModel):
    chat = fk(Chat, "chat_id")
    person = fk(Person, "person_id")
    text = peewee.TextField(null=True)


class DesktopLoginLog(BaseModel):
    person = fk(Person, "person_id")
    date = peewee.DateTimeField(index=True)


class Playlist(BaseModel):
    """``shots`` is the ordered list of ``{entity_id, preview_file_id}`` entries (Zou's
    legacy name, for assets too)."""

    name = peewee.CharField(max_length=80)
    shots = JSONField(null=True)
    project = fk(Project, "project_id", null=True)
    episode = fk(Entity, "episode_id", null=True)
    task_type = fk(TaskType, "task_type_id", null=True)
    for_client = peewee.BooleanField(null=True, default=False, index=True)
    for_entity = peewee.CharField(max_length=10, null=True, default="shot", index=True)
    is_for_all = peewee.BooleanField(null=True, default=False)
    created_by = fk(Person, "created_by", null=True)

    class Meta:
        indexes = ((("name", "project", "episode"), True),)


class BuildJob(BaseModel):
    status = peewee.CharField(max_length=20, default="running")
    job_type = peewee.CharField(max_length=20, default="movie")
    ended_at = peewee.DateTimeField(null=True)
    message = peewee.TextField(null=True)
    playlist = fk(Playlist, "playlist_id")


class PlaylistShareLink(BaseModel):
    """A guest review link of a playlist: revoking it only turns ``is_active`` off;
    ``password`` holds a hash and is never serialised."""

    token = peewee.CharField(max_length=64, unique=True)
    playlist = fk(Playlist, "playlist_id")
    created_by = fk(Person, "created_by")
    expiration_date = peewee.DateTimeField(null=True)
    is_active = peewee.BooleanField(default=True)
    can_comment = peewee.BooleanField(default=True)
    password = peewee.CharField(max_length=255, null=True)


MODELS = (TimeSpent, DayOff, Milestone, ScheduleItem, Budget, BudgetEntry, SalaryScale,
          SearchFilterGroup, SearchFilter, Chat, ChatParticipant, ChatMessage, DesktopLoginLog,
          Playlist, BuildJob, PlaylistShareLink)
