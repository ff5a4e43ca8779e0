"""The plugin's routes: the generic model APIs and Zou's time, leave, planning, budget,
saved search, desktop login, chat, playlist and quota routes."""

from framework import Route

from .chats import ChatMembership, EntityChat
from .generic import APIS
from .leave import PersonLeave, ProjectLeave, StudioLeave, UserLeave
from .planning import ProjectBudgets, ProjectPlan, TeamSchedule
from .quotas import ProjectQuotas
from .playlists import (BuildJobs, EntityPreviews, MovieBuild, PlaylistClients, PlaylistEntries,
                        ProjectPlaylists, ShareLinks, TempPlaylist)
from .task_time import TaskTimeSpents, UserTimeSpents
from .time_sheets import EntityTime, PersonTimeSheet, ProjectTime, StudioTables
from .user_lists import DesktopLogins, PresenceLogs, UserFilterGroups, UserFilters

PERSON = "/data/persons/{person_id}"
PROJECT = "/data/projects/{project_id}"


def routes(dopesheet):
    return ([route for api in APIS for route in api(dopesheet).routes()]
            + time_routes(dopesheet) + leave_routes(dopesheet) + plan_routes(dopesheet)
            + user_routes(dopesheet) + chat_routes(dopesheet) + playlist_routes(dopesheet))


def time_routes(dopesheet):
    task, sheet = TaskTimeSpents(dopesheet), PersonTimeSheet(dopesheet)
    tables, project = StudioTables(dopesheet), ProjectTime(dopesheet)
    logged = "/actions/tasks/{task_id}/time-spents"
    spent = f"{PERSON}/time-spents"
    return [
        Route(logged, task),
        Route(f"{logged}/{{date}}", task, suffix="day"),
        Route(f"{logged}/{{date}}/persons/{{person_id}}", task, suffix="person"),
        Route(f"{logged}/{{date}}/persons/{{person_id}}/add", task, suffix="add"),
        Route(spent, sheet),
        Route(f"{spent}/{{date}}", sheet, suffix="day"),
        Route(f"{spent}/year/{{year}}", sheet, suffix="year"),
        Route(f"{spent}/month/{{year}}/{{month}}", sheet, suffix="month"),
        Route(f"{spent}/month/all/{{year}}/{{month}}", sheet, suffix="month_all"),
        Route(f"{spent}/week/{{year}}/{{week}}", sheet, suffix="week"),
        Route(f"{spent}/day/{{year}}/{{month}}/{{day}}", sheet, suffix="day_total"),
        Route("/data/persons/time-spents/year-table", tables, suffix="years"),
        Route("/data/persons/time-spents/month-table/{year}", tables, suffix="months"),
        Route("/data/persons/time-spents/week-table/{year}", tables, suffix="weeks"),
        Route("/data/persons/time-spents/day-table/{year}/{month}", tables, suffix="days"),
        Route(f"{PROJECT}/time-spents", project),
        Route(f"{PROJECT}/task-types/{{task_type_id}}/time-spents", project,
              suffix="task_type"),
        Route(f"{PROJECT}/budgets/time-spents", project, suffix="months"),
        Route("/data/entities/{entity_id}/time-spents", EntityTime(dopesheet)),
    ]


def leave_routes(dopesheet):
    person, studio = PersonLeave(dopesheet), StudioLeave(dopesheet)
    return [
        Route(f"{PERSON}/day-offs", person),
        Route(f"{PERSON}/day-offs/{{date}}", person, suffix="day"),
        Route(f"{PERSON}/day-offs/week/{{year}}/{{week}}", person, suffix="week"),
        Route(f"{PERSON}/day-offs/month/{{year}}/{{month}}", person, suffix="month"),
        Route(f"{PERSON}/day-offs/year/{{year}}", person, suffix="year"),
        Route("/data/persons/day-offs/{year}", studio, suffix="year"),
        Route("/data/persons/day-offs/{year}/{month}", studio, suffix="month"),
        Route("/data/user/day-offs/{date}", UserLeave(dopesheet)),
        Route(f"{PROJECT}/day-offs", ProjectLeave(dopesheet)),
    ]


def plan_routes(dopesheet):
    plan, money = ProjectPlan(dopesheet), ProjectBudgets(dopesheet)
    quotas = ProjectQuotas(dopesheet)
    items = f"{PROJECT}/schedule-items"
    budget = f"{PROJECT}/budgets/{{budget_id}}"
    return [
        Route(f"{PROJECT}/milestones", plan, suffix="milestones"),
        Route(items, plan, suffix="items"),
        Route(f"{items}/task-types", plan, suffix="task_types"),
        Route(f"{items}/{{task_type_id}}/asset-types", plan, suffix="asset_types"),
        Route(f"{items}/{{task_type_id}}/episodes", plan, suffix="episodes"),
        Route(f"{items}/{{task_type_id}}/sequences", plan, suffix="sequences"),
        Route(f"{items}/{{task_type_id}}/edits", plan, suffix="edits"),
        Route(f"{PROJECT}/budgets", money),
        Route(budget, money, suffix="item"),
        Route(f"{budget}/entries", money, suffix="entries"),
        Route(f"{budget}/entries/{{entry_id}}", money, suffix="entry"),
        Route("/data/persons/task-dates", TeamSchedule(dopesheet)),
        Route(f"{PROJECT}/quotas/{{task_type_id}}", quotas),
        Route(f"{PROJECT}/quotas/persons/{{person_id}}", quotas, suffix="person"),
    ]


def user_routes(dopesheet):
    searches, groups = UserFilters(dopesheet), UserFilterGroups(dopesheet)
    logins, time = DesktopLogins(dopesheet), UserTimeSpents(dopesheet)
    return [
        Route("/data/user/filters", searches),
        Route("/data/user/filters/{filter_id}", searches, suffix="item"),
        Route("/data/user/filter-groups", groups),
        Route("/data/user/filter-groups/{filter_group_id}", groups, suffix="item"),
        Route(f"{PERSON}/desktop-login-logs", logins),
        Route("/data/user/desktop-login-logs", logins, suffix="own"),
        Route("/data/persons/presence-logs/{month_date}", PresenceLogs(dopesheet)),
        Route("/data/user/time-spents", time),
        Route("/data/user/time-spents/{date}", time, suffix="day"),
        Route("/data/user/tasks/{task_id}/time-spents/{date}", time, suffix="task"),
    ]


def chat_routes(dopesheet):
    chat, membership = EntityChat(dopesheet), ChatMembership(dopesheet)
    base = "/data/entities/{entity_id}/chat"
    return [
        Route(base, chat),
        Route(f"{base}/messages", chat, suffix="messages"),
        Route(f"{base}/messages/{{chat_message_id}}", chat, suffix="message"),
        Route("/actions/user/chats/{entity_id}/join", membership),
        Route("/data/user/chats", membership, suffix="joined"),
    ]


def playlist_routes(dopesheet):
    listings, entries = ProjectPlaylists(dopesheet), PlaylistEntries(dopesheet)
    shares, entity_previews = ShareLinks(dopesheet), EntityPreviews(dopesheet)
    jobs = BuildJobs(dopesheet)
    return [
        Route(f"{PROJECT}/playlists", listings),
        Route(f"{PROJECT}/playlists/all", listings, suffix="all"),
        Route(f"{PROJECT}/playlists/{{playlist_id}}", listings, suffix="item"),
        Route(f"{PROJECT}/episodes/{{episode_id}}/playlists", listings, suffix="episode"),
        Route(f"{PROJECT}/build-jobs", listings, suffix="build_jobs"),
        Route("/actions/playlists/{playlist_id}/add-entity", entries, suffix="entity"),
        Route("/actions/playlists/{playlist_id}/add-entities", entries, suffix="entities"),
        Route("/data/playlists/entities/{entity_id}/preview-files", entity_previews),
        Route("/data/shots/{shot_id}/preview-files", entity_previews, suffix="shot"),
        Route("/data/edits/{edit_id}/preview-files", entity_previews, suffix="edit"),
        Route("/data/concepts/{concept_id}/preview-files", entity_previews, suffix="concept"),
        Route("/data/playlists/{playlist_id}/jobs/{build_job_id}", jobs),
        Route("/data/playlists/{playlist_id}/jobs/{build_job_id}/build/mp4", jobs,
              suffix="movie"),
        Route("/data/playlists/{playlist_id}/build/mp4", MovieBuild(dopesheet)),
        Route(f"{PROJECT}/playlists/temp", TempPlaylist(dopesheet)),
        Route("/data/playlists/{playlist_id}/notify-clients", PlaylistClients(dopesheet)),
        Route("/data/playlists/{playlist_id}/share", shares),
        Route("/data/playlists/{playlist_id}/share/{token}", shares, suffix="link"),
    ]
