"""Commenting a task (``zou/behaviour.md`` D.1): the comment, the task's status change, its
retakes and dates, notifications, news, events, role rules, files; replies,
acknowledgements and the conversation."""

import datetime

from plugins.entities.models import Project, ProjectTaskStatusLink, TaskStatus
from tests.conftest import Studio
from tests.plugins.tasks.conftest import Production
from tests.plugins.tasks.zou_shapes import (CONVERSATION_COMMENT, CONVERSATION_PERSON,
                                            CONVERSATION_STATUS, FORBIDDEN, POSTED_COMMENT,
                                            REPLY, STORED_REPLY)


def test_a_comment_answers_as_zou_and_moves_the_task(prod, clock_control):
    task = prod.shot_task()
    artist, headers = prod.member("user", first_name="Ann", last_name="Artist")
    prod.assign(task, artist)
    posted = prod.comment(task, "wip", "starting", headers=headers,
                          checklist=[{"checked": False, "text": "a"}], links=["http://x"])
    assert list(posted) == POSTED_COMMENT
    assert (posted["text"], posted["person_id"], posted["object_type"], posted["links"],
            posted["checklist"]) == ("starting", artist.id, "Task", ["http://x"],
                                     [{"text": "a", "checked": False}])
    assert posted["task_status"]["short_name"] == "wip"
    assert posted["person"]["full_name"] == "Ann Artist" and "departments" not in posted["person"]
    started = prod.get(f"/data/tasks/{task['id']}")
    assert started["task_status_id"] == prod.status["wip"]
    assert started["real_start_date"] == started["last_comment_date"] == posted["created_at"]

    clock_control.advance(minutes=5)
    prod.comment(task, "wfa", "please review", headers=headers)
    clock_control.advance(minutes=5)
    prod.comment(task, "retake", "again")
    clock_control.advance(minutes=5)
    prod.comment(task, "done", "good")
    done = prod.get(f"/data/tasks/{task['id']}")
    assert done["retake_count"] == 1
    assert done["real_start_date"] == started["real_start_date"]
    assert done["done_date"] == done["last_comment_date"]
    assert done["end_date"] is None


def test_a_status_change_emits_zou_events_in_order(prod):
    task = prod.shot_task()
    comment = prod.comment(task, "wfa", "review")
    names = [event["name"] for event in prod.events(project_id=prod.project_id)][::-1]
    assert names == ["task:new", "comment:new", "task:update", "task:status-changed",
                     "task:to-review", "news:new"]
    new = prod.events(name="comment:new")[0]["data"]
    assert new == {"task_id": task["id"], "person_id": comment["person_id"],
                   "comment_id": comment["id"], "for_client": False,
                   "project_id": prod.project_id, "task_status_id": prod.status["wfa"]}
    review = prod.events(name="task:to-review")[0]["data"]
    assert review["comment_id"] == comment["id"]
    prod.comment(task, "wfa", "still waiting")
    names = [event["name"] for event in prod.events(project_id=prod.project_id)][:3]
    assert names == ["news:new", "task:update", "comment:new"]


def test_retakes_stop_at_the_projects_limit(prod, clock_control):
    task = prod.shot_task()
    prod.put(f"/data/projects/{prod.project_id}", {"max_retakes": 1})
    prod.comment(task, "retake", "one")
    clock_control.advance(minutes=1)
    prod.comment(task, "wip", "fixing")
    clock_control.advance(minutes=1)
    assert prod.comment(task, "retake", "two", expected=400)["message"] == (
        "No more retakes allowed on this task")
    prod.put(f"/data/entities/{prod.shot.id}", {"data": {"max_retakes": 2}})
    prod.comment(task, "retake", "two")
    assert prod.get(f"/data/tasks/{task['id']}")["retake_count"] == 2


def test_a_back_dated_comment_recomputes_the_task(prod):
    task = prod.shot_task()
    prod.comment(task, "wfa", "now")
    earlier = (datetime.datetime.now(datetime.UTC) - datetime.timedelta(days=1)).strftime(
        "%Y-%m-%d %H:%M:%S")
    back = prod.comment(task, "wip", "yesterday", created_at=earlier)
    assert back["created_at"] == earlier.replace(" ", "T")
    recomputed = prod.get(f"/data/tasks/{task['id']}")
    assert recomputed["task_status_id"] == prod.status["wfa"]
    assert recomputed["real_start_date"] == back["created_at"]


def test_only_managers_choose_author_date_and_client_visibility(prod):
    task = prod.shot_task()
    artist, headers = prod.member("user")
    other, _ = prod.member("user")
    prod.assign(task, artist)
    posted = prod.comment(task, "wip", "mine", headers=headers, person_id=other.id,
                          created_at="2020-01-01 10:00:00", for_client=True)
    assert posted["person_id"] == posted["person"]["id"] == artist.id
    assert posted["for_client"] is False and not posted["created_at"].startswith("2020")
    chosen = prod.comment(task, "wip", "for them", person_id=other.id, for_client=True)
    assert (chosen["person_id"], chosen["person"]["id"], chosen["for_client"]) == (
        other.id, other.id, True)


def test_who_may_comment_and_set_which_status(prod):
    task = prod.shot_task("Animation")
    assignee, assignee_headers = prod.member("user")
    prod.assign(task, assignee)
    _, stranger = prod.member("user")
    _, supervisor = prod.member("supervisor", departments=["Animation"])
    _, other_supervisor = prod.member("supervisor", departments=["Modeling"])
    _, client = prod.member("client")
    _, vendor = prod.member("vendor")
    assert prod.comment(task, "wip", "no", headers=stranger, expected=403) == FORBIDDEN
    prod.comment(task, "wip", "no", headers=other_supervisor, expected=403)
    prod.comment(task, "wip", "no", headers=vendor, expected=403)
    prod.comment(task, "wip", "yes", headers=supervisor)
    prod.comment(task, "wip", "yes", headers=client)
    with prod.app.dopesheet.activated():
        TaskStatus.update(is_artist_allowed=False).where(
            TaskStatus.short_name == "done").execute()
        ProjectTaskStatusLink.create(project=prod.project_id, task_status=prod.status["wfa"],
                                     is_client_allowed=False)
    prod.comment(task, "done", "finished", headers=assignee_headers, expected=403)
    prod.comment(task, "done", "finished", headers=supervisor)
    prod.comment(task, "wfa", "see", headers=client, expected=403)


def test_a_mentioned_member_comments_without_changing_the_status(prod):
    task = prod.shot_task()
    guest, headers = prod.member("user", first_name="Gus", last_name="Guest")
    prod.comment(task, "wip", "what do you think @Gus Guest")
    prod.comment(task, "wip", "I think so", headers=headers)
    prod.comment(task, "done", "and close it", headers=headers, expected=403)


def test_comment_notifications_reach_followers_and_mentioned_people(prod):
    task = prod.shot_task()
    assignee, assignee_headers = prod.member("user")
    follower, follower_headers = prod.member("user")
    sequence_follower, sequence_headers = prod.member("user")
    mentioned, mentioned_headers = prod.member("user", first_name="Mia", last_name="Modeler",
                                               departments=["Modeling"])
    _, bystander = prod.member("user")
    prod.assign(task, assignee)
    prod.post(f"/actions/user/tasks/{task['id']}/subscribe", headers=follower_headers)
    prod.post(f"/actions/user/sequences/{prod.sequence.id}/task-types/{task['task_type_id']}"
              "/subscribe", headers=sequence_headers)
    prod.comment(task, "wip", "ping @Mia Modeler and @Modeling", headers=assignee_headers)

    def kinds(headers):
        return [(item["notification_type"], item["change"])
                for item in prod.get("/data/user/notifications", headers)]

    assert kinds(assignee_headers) == [("assignation", False)]
    assert kinds(follower_headers) == [("comment", True)]
    assert kinds(sequence_headers) == [("comment", True)]
    assert kinds(mentioned_headers) == [("mention", False)]
    assert kinds(bystander) == []


def test_news_follow_comments_but_not_on_concepts(prod):
    concept = prod.entity("Sketch", prod.kind["Concept"])
    concept_task = prod.create_tasks("concepts", prod.task_type[("Concept", "Concept")],
                                     [concept])[0]
    prod.comment(concept_task, "approved", "nice")
    assert prod.get(f"/data/projects/{prod.project_id}/news")["total"] == 0
    prod.comment(prod.shot_task(), "wip", "go")
    assert prod.get(f"/data/projects/{prod.project_id}/news")["total"] == 1


def test_hashtags_copy_a_comment_on_the_entitys_other_tasks(prod):
    animation = prod.shot_task("Animation")
    layout = prod.shot_task("Layout")
    lighting = prod.shot_task("Lighting")
    prod.comment(animation, "wip", "fix the camera #layout")
    copied = prod.get(f"/data/tasks/{layout['id']}/comments")
    assert [comment["text"] for comment in copied] == [
        "fix the camera #layout\n\n____\nFrom Animation task"]
    assert copied[0]["task_status_id"] == prod.status["todo"]
    assert prod.get(f"/data/tasks/{lighting['id']}/comments") == []
    prod.comment(animation, "wip", "everyone #all")
    assert len(prod.get(f"/data/tasks/{lighting['id']}/comments")) == 1


def test_status_automations_comment_the_next_task(prod):
    animation = prod.shot_task("Animation")
    lighting = prod.shot_task("Lighting")
    automation = prod.post("/data/status-automations", {
        "entity_type": "shot", "in_task_type_id": animation["task_type_id"],
        "in_task_status_id": prod.status["done"], "out_field_type": "status",
        "out_task_type_id": lighting["task_type_id"], "out_task_status_id": prod.status["ready"]})
    with prod.app.dopesheet.activated():
        Project.get_by_id(prod.project_id).status_automations.add([automation["id"]])
    prod.comment(animation, "done", "finished")
    triggered = prod.get(f"/data/tasks/{lighting['id']}/comments")
    assert [comment["text"] for comment in triggered] == [
        "Change triggered by Animation set to Done"]
    assert prod.get(f"/data/tasks/{lighting['id']}")["task_status_id"] == prod.status["ready"]


def test_uploads_need_a_plugin_storing_files(make_app):
    studio = Studio(make_app({"plugins": {"disabled": ["files", "file_tree"]}}))
    prod = Production(studio, studio.headers(studio.person("admin")))
    task = prod.shot_task()
    body, content_type = multipart({"task_status_id": prod.status["wip"], "comment": "see",
                                    "checklist": "[]"}, [("file", "notes.txt", b"hello")])
    refused = prod.call("POST", f"/actions/tasks/{task['id']}/comment", 400, body=body,
                        headers={**prod.admin, "Content-Type": content_type}).json
    assert refused["message"] == ("Files cannot be uploaded: no enabled plugin stores "
                                  "comment attachments and previews.")
    assert prod.get(f"/data/tasks/{task['id']}/comments") == []
    body, content_type = multipart({"task_status_id": prod.status["wip"], "comment": "text",
                                    "links": '["http://x"]'}, [])
    posted = prod.call("POST", f"/actions/tasks/{task['id']}/comment", 201, body=body,
                       headers={**prod.admin, "Content-Type": content_type}).json
    assert posted["links"] == ["http://x"]


def multipart(fields, files):
    boundary = "dopesheetboundary"
    parts = [f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'
             .encode() for name, value in fields.items()]
    parts += [(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
               f'filename="{filename}"\r\nContent-Type: text/plain\r\n\r\n').encode() + data
              + b"\r\n" for name, filename, data in files]
    return b"".join(parts) + f"--{boundary}--\r\n".encode(), (
        f"multipart/form-data; boundary={boundary}")


def test_the_conversation_as_each_role_reads_it(prod):
    task = prod.shot_task()
    artist, artist_headers = prod.member("user")
    prod.assign(task, artist)
    _, client = prod.member("client")
    studio_comment = prod.comment(task, "wip", "studio", headers=artist_headers)
    client_comment = prod.comment(task, "wip", "client says", headers=client)
    prod.comment(task, "wip", "for the client", for_client=True)

    everything = prod.get(f"/data/tasks/{task['id']}/comments")
    assert [comment["text"] for comment in everything] == [
        "for the client", "client says", "studio"]
    assert list(everything[2]) == CONVERSATION_COMMENT
    assert list(everything[2]["person"]) == CONVERSATION_PERSON
    assert list(everything[2]["task_status"]) == CONVERSATION_STATUS
    for shown in everything:
        alone = prod.get(f"/data/comments/{shown['id']}")
        assert {key: shown[key] for key in alone if key in shown} == {
            key: alone[key] for key in alone if key in shown}
    assert everything[2]["person"]["has_avatar"] is False
    assert everything[0]["for_client"] is True and everything[2]["for_client"] is False
    artist_view = prod.get(f"/data/tasks/{task['id']}/comments", artist_headers)
    assert [comment["id"] for comment in artist_view] == [
        everything[0]["id"], studio_comment["id"]]
    client_view = prod.get(f"/data/tasks/{task['id']}/comments", client)
    assert [comment["id"] for comment in client_view] == [
        everything[0]["id"], client_comment["id"]]


def test_replies_notify_the_thread(prod):
    task = prod.shot_task()
    author, author_headers = prod.member("user", first_name="Ann", last_name="Artist")
    prod.assign(task, author)
    supervisor, supervisor_headers = prod.member("supervisor")
    comment = prod.comment(task, "wip", "first", headers=author_headers)
    reply = prod.post(f"/data/tasks/{task['id']}/comments/{comment['id']}/reply",
                      {"text": "ok @Ann Artist"}, 200, supervisor_headers)
    assert list(reply) == REPLY
    assert (reply["person_id"], reply["mentions"], reply["person"]["id"]) == (
        supervisor.id, [author.id], supervisor.id)
    stored = prod.get(f"/data/comments/{comment['id']}")["replies"][0]
    assert list(stored) == STORED_REPLY + ["person"]
    kinds = sorted(item["notification_type"]
                   for item in prod.get("/data/user/notifications", author_headers))
    assert kinds == ["assignation", "reply", "reply-mention"]
    assert prod.events(name="comment:reply")[0]["data"]["reply_id"] == reply["id"]

    prod.call("DELETE", f"/data/tasks/{task['id']}/comments/{comment['id']}/reply/"
              f"{reply['id']}", 403, author_headers)
    cleaned = prod.call("DELETE", f"/data/tasks/{task['id']}/comments/{comment['id']}/reply/"
                        f"{reply['id']}", 200, supervisor_headers).json
    assert cleaned["replies"] == []
    assert [item["notification_type"] for item in prod.get(
        "/data/user/notifications", author_headers)] == ["assignation"]


def test_acknowledging_toggles(prod):
    task = prod.shot_task()
    reader, headers = prod.member("user")
    comment = prod.comment(task, "wip", "read me")
    path = f"/data/tasks/{task['id']}/comments/{comment['id']}/ack"
    assert prod.post(path, None, 200, headers)["acknowledgements"] == [reader.id]
    assert prod.post(path, None, 200, headers)["acknowledgements"] == []
    assert [event["name"] for event in prod.events(project_id=prod.project_id)][0] != (
        "comment:acknowledge")


def test_a_comment_of_a_task_and_its_deletion(prod):
    task = prod.shot_task()
    other = prod.asset_task()
    comment = prod.comment(task, "wip", "x")
    assert prod.get(f"/data/tasks/{task['id']}/comments/{comment['id']}")["id"] == (
        comment["id"])
    prod.call("GET", f"/data/tasks/{other['id']}/comments/{comment['id']}", 404)
    prod.delete(f"/data/tasks/{task['id']}/comments/{comment['id']}")
    assert prod.get(f"/data/tasks/{task['id']}")["task_status_id"] == prod.status["todo"]


def test_commenting_an_unknown_task_or_status_is_404_and_writes_nothing(prod):
    task = prod.shot_task()
    unknown = "0" * 8 + "-0000-4000-8000-" + "0" * 12
    for task_id, status_id in ((unknown, prod.status["wip"]), (task["id"], unknown),
                               ("nope", prod.status["wip"]), (task["id"], "nope")):
        prod.call("POST", f"/actions/tasks/{task_id}/comment", 404,
                  json={"task_status_id": status_id, "comment": "lost"})
    assert prod.get(f"/data/tasks/{task['id']}/comments") == []
    assert prod.get(f"/data/tasks/{task['id']}")["task_status_id"] == prod.status["todo"]


def test_a_posted_comment_embeds_its_status_and_author_as_their_routes_answer_them(prod):
    posted = prod.comment(prod.shot_task(), "wfa", "look")
    assert posted["task_status"] == prod.get(f"/data/task-status/{prod.status['wfa']}")
    author = prod.get(f"/data/persons/{posted['person_id']}")
    assert {"id", "email", "first_name", "created_at", "role"} <= set(posted["person"])
    assert posted["person"] == {key: value for key, value in author.items()
                                if key in posted["person"]}


def test_commenting_is_a_handful_of_queries(prod, query_counter):
    task = prod.shot_task()
    artist, headers = prod.member("user")
    _, follower_headers = prod.member("user")
    prod.assign(task, artist)
    prod.post(f"/actions/user/tasks/{task['id']}/subscribe", headers=follower_headers)
    with query_counter() as posting:
        prod.comment(task, "wip", "first", headers=headers)
    assert posting.count == 8, (
        "the caller, the task with the status asked for, the caller's person row and the "
        "task's audience and assignees, the caller's role; then the comment, the task "
        "update, the follower's notification, the news and the event log")
    assert not any('FROM "status_automation"' in sql for sql in posting.statements), (
        "a project without status automations is not searched for one")
    with query_counter() as by_admin:
        prod.comment(task, "wfa", "second")
    assert by_admin.count == 7, "no role to check: the artist and the follower are notified"
    assert [item["notification_type"] for item in prod.get(
        "/data/user/notifications", follower_headers)] == ["comment", "comment"]
    for number in range(5):
        prod.comment(task, "wip", f"more {number}")
    with query_counter() as reading:
        prod.get(f"/data/tasks/{task['id']}/comments", headers)
    assert reading.count == 5, ("the caller, the task, the caller's role, the comments with "
                                "their links, the files plugin's attachments and previews")


def test_attachments_need_a_plugin_storing_files(make_app):
    studio = Studio(make_app({"plugins": {"disabled": ["files", "file_tree"]}}))
    prod = Production(studio, studio.headers(studio.person("admin")))
    task = prod.shot_task()
    comment = prod.comment(task, "wip", "x")
    body, content_type = multipart({}, [("file", "notes.txt", b"hello")])
    path = f"/actions/tasks/{task['id']}/comments/{comment['id']}/add-attachment"
    prod.call("POST", path, 400, body=body, headers={**prod.admin,
                                                      "Content-Type": content_type})
    _, other = prod.member("user")
    prod.call("POST", path, 403, body=body, headers={**other, "Content-Type": content_type})


def test_moving_a_comment_to_another_task_of_the_entity(prod):
    animation = prod.shot_task("Animation")
    layout = prod.shot_task("Layout")
    elsewhere = prod.asset_task()
    comment = prod.comment(animation, "wip", "wrong task")
    path = f"/actions/tasks/{animation['id']}/comments/{comment['id']}/move"
    _, supervisor = prod.member("supervisor")
    prod.post(path, {"target_task_id": layout["id"]}, 403, supervisor)
    assert prod.post(path, {"target_task_id": elsewhere["id"]}, 400)["message"] == (
        "A comment can only be moved between tasks of the same entity.")
    moved = prod.post(path, {"target_task_id": layout["id"]}, 200)
    assert moved["object_id"] == layout["id"]
    assert prod.get(f"/data/tasks/{animation['id']}")["task_status_id"] == prod.status["todo"]
    assert prod.get(f"/data/tasks/{layout['id']}")["task_status_id"] == prod.status["wip"]
    assert [item["task_id"] for item in prod.get(
        f"/data/projects/{prod.project_id}/news")["data"]] == [layout["id"]]
