"""Every list route of the plugin issues the same number of SQL queries whatever the number
of rows (authentication and the caller's rights included): the counts are pinned with a few
rows and again after many more."""

import datetime
import uuid

import pytest

from plugins.entities.models import Entity, ProjectPersonLink
from plugins.persons.models import Person
from plugins.schedule.models import (Budget, BudgetEntry, Chat, ChatMessage, ChatParticipant,
                                     DayOff, DesktopLoginLog, Milestone, Playlist,
                                     PlaylistShareLink, ScheduleItem, SearchFilter,
                                     SearchFilterGroup, TimeSpent)
from plugins.tasks.models import Notification, Task, TaskPersonLink

FIRST_DAY = datetime.date(2025, 3, 3)


@pytest.fixture
def grow(prod, app):
    """``grow(count)``: ``count`` more of every row the listings read, for the artist's
    person, project, shot and tasks."""
    artist, project_id = prod.artist, prod.project_id
    with app.dopesheet.activated():
        chat = Chat.create(object_id=prod.shot.id)
        budget = Budget.create(project=project_id, name="Main")
    prod.playlists, prod.budget = [], budget
    added = [0]

    def more(count):
        with app.dopesheet.activated():
            for _ in range(count):
                index = added[0] = added[0] + 1
                day = FIRST_DAY + datetime.timedelta(days=index)
                sequence = Entity.create(name=f"GROWN{index}", project=project_id,
                                         entity_type=prod.sequence.entity_type_id,
                                         parent=prod.episode.id, data={})
                shot = Entity.create(name=f"GROWN{index}", project=project_id,
                                     entity_type=prod.shot.entity_type_id,
                                     parent=sequence.id, data={})
                task = Task.create(name="main", project=project_id, entity=shot.id,
                                   task_type=prod.shot_task["task_type_id"],
                                   task_status=prod.status["todo"],
                                   last_preview_file_id=str(uuid.uuid4()))
                TaskPersonLink.create(task=task.id, person=artist.id)
                for logged in (task.id, prod.shot_task["id"]):
                    TimeSpent.create(task=logged, person=artist.id, date=day, duration=30)
                DayOff.create(person=artist.id, date=day + datetime.timedelta(days=300),
                              end_date=day + datetime.timedelta(days=300))
                colleague = Person.create(first_name="Co", last_name=f"{index}",
                                          email=f"co{index}@example.com")
                ProjectPersonLink.create(project=project_id, person=colleague.id)
                DayOff.create(person=colleague.id, date=day, end_date=day)
                Milestone.create(project=project_id, name=f"M{index}", date=day)
                ScheduleItem.create(project=project_id, object_id=shot.id,
                                    task_type=prod.shot_task["task_type_id"])
                playlist = Playlist.create(project=project_id, name=f"P{index}",
                                           shots=[{"entity_id": shot.id}])
                prod.playlists.append(playlist.id)
                PlaylistShareLink.create(token=str(uuid.uuid4()), playlist=playlist.id,
                                         created_by=artist.id)
                Notification.create(person=artist.id, author=colleague.id,
                                    type="playlist-ready", playlist_id=playlist.id)
                group = SearchFilterGroup.create(list_type="asset", name=f"G{index}",
                                                 person=artist.id, project=project_id)
                SearchFilter.create(list_type="asset", name=f"F{index}", search_query="x",
                                    person=artist.id, project=project_id,
                                    search_filter_group=group.id)
                message_chat = Chat.create(object_id=shot.id)
                ChatParticipant.create(chat=message_chat.id, person=artist.id)
                ChatMessage.create(chat=chat.id, person=colleague.id, text=f"hello {index}")
                DesktopLoginLog.create(person=artist.id, date=datetime.datetime.combine(
                    day, datetime.time(9)))
                BudgetEntry.create(budget=budget.id, department=prod.department["Animation"],
                                   person=colleague.id, start_date=day, months_duration=2,
                                   daily_salary=100)

    return more


ARTIST = "artist"
ADMIN = "admin"
PINNED = [
    ("/data/persons/{artist}/time-spents?start_date=2025-03-01&end_date=2026-12-31", ARTIST,
     4),
    ("/data/persons/{artist}/time-spents/year/2025", ARTIST, 4),
    ("/data/persons/{artist}/time-spents/month/all/2025/3", ARTIST, 4),
    ("/data/persons/time-spents/day-table/2025/3", ADMIN, 2),
    ("/data/persons/time-spents/year-table", ADMIN, 2),
    ("/data/projects/{project}/time-spents", ADMIN, 3),
    ("/data/projects/{project}/task-types/{animation}/time-spents", ADMIN, 3),
    ("/data/projects/{project}/budgets/time-spents", ADMIN, 3),
    ("/data/entities/{shot}/time-spents", ADMIN, 3),
    ("/actions/tasks/{task}/time-spents", ADMIN, 3),
    ("/data/user/time-spents?start_date=2025-03-01&end_date=2026-12-31", ARTIST, 2),
    ("/data/time-spents", ADMIN, 2),
    ("/data/persons/{artist}/day-offs", ARTIST, 5),
    ("/data/persons/day-offs/2025", ADMIN, 2),
    ("/data/projects/{project}/day-offs", ADMIN, 3),
    ("/data/day-offs", ADMIN, 2),
    ("/data/projects/{project}/milestones", ARTIST, 4),
    ("/data/projects/{project}/schedule-items", ARTIST, 4),
    ("/data/projects/{project}/schedule-items/task-types", ARTIST, 7),
    ("/data/projects/{project}/schedule-items/{animation}/sequences", ARTIST, 6),
    ("/data/projects/{project}/budgets", ADMIN, 3),
    ("/data/projects/{project}/budgets/{budget}/entries", ADMIN, 4),
    ("/data/user/filters", ARTIST, 3),
    ("/data/user/filter-groups", ARTIST, 3),
    ("/data/user/desktop-login-logs", ARTIST, 2),
    ("/data/persons/presence-logs/2025-03", ADMIN, 3),
    ("/data/user/chats", ARTIST, 3),
    ("/data/entities/{shot}/chat/messages", ADMIN, 4),
    ("/data/playlists", ARTIST, 2),
    ("/data/playlists?relations=true", ADMIN, 3),
    ("/data/projects/{project}/playlists", ARTIST, 5),
    ("/data/projects/{project}/playlists/all", ADMIN, 4),
    ("/data/projects/{project}/playlists/{playlist}", ADMIN, 5),
    ("/data/playlists/{playlist}/share", ADMIN, 4),
    ("/data/user/notifications", ARTIST, 6),
    ("/data/persons/task-dates", ADMIN, 2),
]


def _path(template, prod):
    return template.format(
        artist=prod.artist.id, project=prod.project_id, shot=prod.shot.id,
        task=prod.shot_task["id"], animation=prod.shot_task["task_type_id"],
        budget=prod.budget.id, playlist=prod.playlists[0] if prod.playlists else "")


def _count(prod, query_counter, path, who):
    """The queries of the second of two calls: the schedule-items routes create the missing
    items on their first call."""
    headers = prod.artist_headers if who == ARTIST else prod.admin
    prod.call("GET", path, 200, headers)
    with query_counter() as log:
        prod.call("GET", path, 200, headers)
    return log.count


@pytest.mark.parametrize("template, who, expected", PINNED)
def test_list_routes_are_a_fixed_number_of_queries(prod, grow, query_counter, template, who,
                                                   expected):
    grow(2)
    path = _path(template, prod)
    few = _count(prod, query_counter, path, who)
    grow(12)
    assert (few, _count(prod, query_counter, path, who)) == (expected, expected)


def test_temporary_playlists_are_a_fixed_number_of_queries(prod, grow, query_counter):
    def count():
        task_ids = list(Task.select(Task.id).where(Task.project == prod.project_id).tuples())
        body = {"task_ids": [row[0] for row in task_ids], "entity_ids": [prod.shot.id]}
        with query_counter() as log:
            prod.call("POST", f"/data/projects/{prod.project_id}/playlists/temp", 200,
                      json=body)
        return log.count

    grow(2)
    few = count()
    grow(12)
    assert (few, count()) == (7, 7)
