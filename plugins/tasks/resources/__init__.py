"""The plugin's routes: the generic model APIs and Zou's task, comment, user, news and event
routes."""

from framework import Route

from .assignment import Assignment
from .batch import BatchComments, CommentMany
from .comments import ProjectComments, TaskComments
from .creation import KINDS, CreateTasks, DeleteTasks, EntityTasks
from .events import Events
from .feeds import NewsFeeds, ProjectActivity
from .generic import APIS
from .open_tasks import OpenTasks, TasksToCheck
from .task_lists import (ENTITY_KINDS, EntityTaskLists, EntityTypeTasks, FullTask,
                         PersonTasks, ProjectTasks)
from .user import Context, Notifications, Subscriptions, UserProjects, UserTasks
from .user_entities import UserEntityTasks, UserProduction, UserSequence

PROJECT = "/actions/projects/{project_id}"
TASK_TYPE = PROJECT + "/task-types/{task_type_id}"


def routes(dopesheet):
    return ([route for api in APIS for route in api(dopesheet).routes()]
            + task_routes(dopesheet) + comment_routes(dopesheet) + user_routes(dopesheet)
            + feed_routes(dopesheet))


def task_routes(dopesheet):
    assignment, deletion = Assignment(dopesheet), DeleteTasks(dopesheet)
    persons, open_tasks = PersonTasks(dopesheet), OpenTasks(dopesheet)
    found = [Route(f"{TASK_TYPE}/{plural}/create-tasks", CreateTasks(dopesheet, kind))
             for plural, kind in KINDS.items()]
    found += [
        Route(f"{TASK_TYPE}/create-tasks/{{entity_type}}", CreateTasks(dopesheet),
              suffix="typed"),
        Route(f"{TASK_TYPE}/delete-tasks", deletion, suffix="of_type"),
        Route(f"{PROJECT}/delete-tasks", deletion),
        Route("/data/entities/{entity_id}/tasks", EntityTasks(dopesheet)),
        Route("/actions/tasks/{task_id}/assign", assignment, suffix="task"),
        Route("/actions/persons/{person_id}/assign", assignment, suffix="person"),
        Route("/actions/tasks/clear-assignation", assignment, suffix="clear"),
        Route("/actions/tasks/set-priority", assignment, suffix="priority"),
        Route("/data/tasks/{task_id}/full", FullTask(dopesheet)),
        Route("/data/tasks/open-tasks", open_tasks),
        Route("/data/tasks/open-tasks/stats", open_tasks, suffix="stats"),
        Route("/data/entities/{entity_id}/task-types/{task_type_id}/tasks",
              EntityTypeTasks(dopesheet)),
        Route("/data/projects/{project_id}/tasks", ProjectTasks(dopesheet)),
        Route("/data/persons/{person_id}/tasks", persons),
        Route("/data/persons/{person_id}/done-tasks", persons, suffix="done"),
        Route("/data/persons/{person_id}/related-tasks/{task_type_id}", persons,
              suffix="related"),
    ]
    for plural, (field, kind, honours_relations) in ENTITY_KINDS.items():
        lists = EntityTaskLists(dopesheet, kind, honours_relations)
        base = f"/data/{plural}/{{{field}}}"
        found.append(Route(f"{base}/tasks", lists))
        if kind == "Sequence":
            found.append(Route(f"{base}/shot-tasks", lists, suffix="shot_tasks"))
        if kind == "Episode":
            found += [Route(f"{base}/shot-tasks", lists, suffix="shot_tasks"),
                      Route(f"{base}/asset-tasks", lists, suffix="asset_tasks"),
                      Route(f"{base}/edit-tasks", lists, suffix="edit_tasks")]
    return found


def comment_routes(dopesheet):
    comments, batch = TaskComments(dopesheet), BatchComments(dopesheet)
    item = "/data/tasks/{task_id}/comments/{comment_id}"
    return [
        Route("/actions/tasks/{task_id}/comment", comments, suffix="new"),
        Route("/data/tasks/{task_id}/comments", comments),
        Route(item, comments, suffix="item"),
        Route(f"{item}/reply", comments, suffix="reply"),
        Route(f"{item}/reply/{{reply_id}}", comments, suffix="reply_item"),
        Route(f"{item}/ack", comments, suffix="ack"),
        Route("/actions/tasks/{task_id}/comments/{comment_id}/add-attachment", comments,
              suffix="attachment"),
        Route("/actions/tasks/{task_id}/comments/{comment_id}/move", comments,
              suffix="move"),
        Route("/data/projects/{project_id}/comments", ProjectComments(dopesheet)),
        Route("/actions/tasks/batch-comment", batch),
        Route("/actions/tasks/{task_id}/batch-comment", batch, suffix="task"),
        Route(f"{PROJECT}/tasks/comment-many", CommentMany(dopesheet)),
    ]


def user_routes(dopesheet):
    tasks, follow = UserTasks(dopesheet), Subscriptions(dopesheet)
    notifications, to_check = Notifications(dopesheet), TasksToCheck(dopesheet)
    sequence = "sequences/{sequence_id}/task-types/{task_type_id}"
    return [
        Route("/data/user/projects/open", UserProjects(dopesheet)),
        Route("/data/user/tasks", tasks),
        Route("/data/user/done-tasks", tasks, suffix="done"),
        Route("/data/user/tasks-to-check", to_check),
        Route("/data/user/tasks-to-check/filter-values", to_check, suffix="filter_values"),
        Route("/data/user/tasks/{task_id}/subscribed", follow, suffix="task_subscribed"),
        Route("/actions/user/tasks/{task_id}/subscribe", follow, suffix="task_subscribe"),
        Route("/actions/user/tasks/{task_id}/unsubscribe", follow,
              suffix="task_unsubscribe"),
        Route("/actions/user/tasks/subscribe", follow, suffix="tasks"),
        Route("/actions/user/tasks/unsubscribe", follow, suffix="untasks"),
        Route(f"/data/user/{sequence}/subscribed", follow, suffix="sequence_subscribed"),
        Route("/data/user/entities/{sequence_id}/task-types/{task_type_id}/subscribed",
              follow, suffix="sequence_subscribed"),
        Route(f"/actions/user/{sequence}/subscribe", follow, suffix="sequence_subscribe"),
        Route(f"/actions/user/{sequence}/unsubscribe", follow,
              suffix="sequence_unsubscribe"),
        Route("/data/user/notifications", notifications),
        Route("/data/user/notifications/{notification_id}", notifications, suffix="item"),
        Route("/actions/user/notifications/mark-all-as-read", notifications,
              suffix="all_read"),
        Route("/data/user/context", Context(dopesheet)),
    ] + user_production_routes(dopesheet)


def user_production_routes(dopesheet):
    production, sequences = UserProduction(dopesheet), UserSequence(dopesheet)
    project = "/data/user/projects/{project_id}"
    found = [
        Route(f"{project}/asset-types", production, suffix="asset_types"),
        Route(f"{project}/asset-types/{{asset_type_id}}/assets", production, suffix="assets"),
        Route(f"{project}/sequences", production, suffix="sequences"),
        Route(f"{project}/episodes", production, suffix="episodes"),
        Route("/data/user/sequences/{sequence_id}/shots", sequences, suffix="shots"),
        Route("/data/user/sequences/{sequence_id}/scenes", sequences, suffix="scenes"),
    ]
    for plural, field, kind in (("assets", "asset_id", "Asset"), ("shots", "shot_id", "Shot"),
                                ("scenes", "scene_id", "Scene"),
                                ("sequences", "sequence_id", "Sequence")):
        tasks = UserEntityTasks(dopesheet, kind)
        found += [Route(f"/data/user/{plural}/{{{field}}}/tasks", tasks),
                  Route(f"/data/user/{plural}/{{{field}}}/task-types", tasks,
                        suffix="task_types")]
    return found


def feed_routes(dopesheet):
    news, activity, events = NewsFeeds(dopesheet), ProjectActivity(dopesheet), Events(dopesheet)
    return [
        Route("/data/projects/{project_id}/news", news),
        Route("/data/projects/{project_id}/news/{news_id}", news, suffix="item"),
        Route("/data/projects/news", news, suffix="open"),
        Route("/data/entities/{entity_id}/news", news, suffix="entity"),
        Route("/data/projects/{project_id}/notifications", activity, suffix="notifications"),
        Route("/data/projects/{project_id}/subscriptions", activity, suffix="subscriptions"),
        Route("/data/events/last", events, suffix="last"),
        Route("/data/events/names", events, suffix="names"),
    ]
