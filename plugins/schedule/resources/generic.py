"""The generic model routes (``/data/<plural>``) of this plugin's models, through the core's
``ModelApi`` with Zou's rules for each (``zou/routes.md``, Generic CRUD)."""

from framework import BadRequest, ModelApi
from framework.filters import INVALID_FORMAT
from framework.schemas import model_schema

from ..models import (Budget, BudgetEntry, Chat, ChatMessage, DayOff, Milestone, Playlist,
                      SalaryScale, ScheduleItem, SearchFilter, SearchFilterGroup, TimeSpent)
from ..schemas import PlaylistBase
from ..services import (access, budgets, chats, dates, leave, playlists, previews,
                        time_logging)
from .common import checked_id, id_or_none


def _day_filter(compare):
    def expression(value):
        try:
            return compare(dates.parse_day(value))
        except dates.WrongDate:
            raise BadRequest(INVALID_FORMAT) from None
    return expression


class TimeSpentApi(ModelApi):
    """A list may ask for a range (``start_date`` and ``end_date``, both or neither); every
    write recomputes the task's duration."""

    model = TimeSpent
    plural = "time-spents"
    virtual_filters = {"start_date": _day_filter(lambda day: TimeSpent.date >= day),
                       "end_date": _day_filter(lambda day: TimeSpent.date <= day)}

    def list(self, params, principal):
        if bool(params.get("start_date")) != bool(params.get("end_date")):
            raise BadRequest(dates.RANGE_NEEDS_BOTH, data=None)
        return super().list(params, principal)

    def create(self, data, principal):
        time_spent = super().create(data, principal)
        time_logging.recompute_durations([time_spent.task_id], self.dopesheet)
        return time_spent

    def update(self, time_spent, data, principal):
        time_spent = super().update(time_spent, data, principal)
        time_logging.recompute_durations([time_spent.task_id], self.dopesheet)
        return time_spent

    def delete(self, time_spent, principal, force=False):
        super().delete(time_spent, principal, force)
        time_logging.recompute_durations([time_spent.task_id], self.dopesheet)


class DayOffApi(ModelApi):
    """No overlapping day offs per person; a day off wipes the time logged inside it; its
    description only for those who read that person's leave in full."""

    model = DayOff
    plural = "day-offs"

    def create(self, data, principal):
        leave.check_free(data.get("person_id") and str(data["person_id"]), data["date"],
                         data["end_date"])
        day_off = super().create(data, principal)
        leave.wipe_covered_time(day_off, self.dopesheet)
        return day_off

    def update(self, day_off, data, principal):
        person_id = data.get("person_id")
        leave.check_free(str(person_id) if person_id else day_off.person_id,
                         data.get("date", day_off.date), data.get("end_date", day_off.end_date),
                         except_id=day_off.id)
        day_off = super().update(day_off, data, principal)
        leave.wipe_covered_time(DayOff.get_by_id(day_off.id), self.dopesheet)
        return day_off

    def present(self, items, principal, many):
        if many:
            return items
        readers = access.leave_readers(principal)
        return [item if readers is None or readers.get(str(item["person_id"]))
                else leave.dates_only(item) for item in items]


class ScheduleItemApi(ModelApi):
    """One item per project, task type and object (Zou's 400); a ``man_days`` sent as text
    is ignored on update."""

    model = ScheduleItem
    plural = "schedule-items"

    def create(self, data, principal):
        def same(column, value):
            return column.is_null() if value is None else column == str(value)

        if ScheduleItem.select().where(
                same(ScheduleItem.project, data.get("project_id")),
                same(ScheduleItem.task_type, data.get("task_type_id")),
                same(ScheduleItem.object_id, data.get("object_id"))).exists():
            raise BadRequest("A similar schedule item already exists", data=None)
        return super().create(data, principal)

    def load_update(self, body):
        if isinstance(body.get("man_days"), str):
            body = {key: value for key, value in body.items() if key != "man_days"}
        return super().load_update(body)


class SalaryScaleApi(ModelApi):
    """Listing creates the missing scales and, as Zou, answers every scale whatever the
    query string (no filter, no page); none can be created by hand."""

    model = SalaryScale
    plural = "salary-scales"
    protected = ("department_id",)

    def list(self, params, principal):
        self.require(principal, "list")
        budgets.ensure_salary_scales()
        return super().list({}, principal)

    def load_create(self, body):
        raise BadRequest("Salary scales cannot be created", data=None)


PlaylistSchema = model_schema(Playlist, base=PlaylistBase)


class PlaylistApi(ModelApi):
    """Zou's playlist rules: ``for_entity`` checked, ``episode_id`` ``all``/``main`` and an
    invalid ``task_type_id`` mean none, the creator is the caller, entries keep only
    previews of their own entity; ``relations`` are the build jobs."""

    model = Playlist
    plural = "playlists"
    schema = PlaylistSchema

    def load_create(self, body):
        data = self._cleaned(super().load_create(body))
        if isinstance(data.get("shots"), list):
            data["shots"] = previews.owned(data["shots"], self.dopesheet)
        return data

    def load_update(self, body):
        data = self._cleaned(super().load_update(body))
        if "shots" in data:
            data["shots"] = previews.owned(playlists.cleaned_entries(data["shots"] or []),
                                           self.dopesheet)
        return data

    def _cleaned(self, data):
        playlists.check_for_entity(data)
        if data.get("episode_id") in playlists.PSEUDO_EPISODES:
            data["episode_id"] = None
        if data.get("episode_id") is not None:
            data["episode_id"] = checked_id(data["episode_id"], INVALID_FORMAT)
        if "task_type_id" in data and data["task_type_id"] is not None:
            data["task_type_id"] = id_or_none(data["task_type_id"])
        return data

    def create(self, data, principal):
        return super().create({**data, "created_by": principal.id}, principal)

    def delete(self, playlist, principal, force=False):
        playlists.remove_dependents(playlist)
        super().delete(playlist, principal, force)

    def serialize(self, playlist, relations, principal):
        item = super().serialize(playlist, relations, principal)
        return playlists.with_build_jobs([item])[0] if relations else item

    def list(self, params, principal):
        found = super().list(params, principal)
        if str(params.get("relations", "")).lower() != "true":
            return found
        if isinstance(found, dict):
            return {**found, "data": playlists.with_build_jobs(found["data"])}
        return playlists.with_build_jobs(found)


class ChatApi(ModelApi):
    """A chat's participants follow ``last_message``, as in Zou's answers."""

    model = Chat
    plural = "chats"

    def present(self, items, principal, many):
        return [chats.with_participants_placed(item, item["participants"])
                if "participants" in item else item for item in items]


APIS = (TimeSpentApi, ChatApi, DayOffApi, ScheduleItemApi, SalaryScaleApi, PlaylistApi,
        lambda dopesheet: ModelApi(dopesheet, Milestone, "milestones"),
        lambda dopesheet: ModelApi(dopesheet, Budget, "budgets", protected=("revision",)),
        lambda dopesheet: ModelApi(dopesheet, BudgetEntry, "budget-entries",
                                   protected=("budget_id",)),
        lambda dopesheet: ModelApi(dopesheet, SearchFilter, "search-filters"),
        lambda dopesheet: ModelApi(dopesheet, SearchFilterGroup, "search-filter-groups"),
        lambda dopesheet: ModelApi(dopesheet, ChatMessage, "chat-messages"))
