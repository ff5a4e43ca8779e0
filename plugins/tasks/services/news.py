"""The news feed rows: one per comment on a task that is no concept, written with it."""

from framework import emit
from framework.writes import create

from ..models import News


def publish(task, comment, change):
    news = create(News, deferred=True, change=change, author=comment.person_id,
                  comment=comment.id, task=task.id, preview_file_id=comment.preview_file_id,
                  created_at=comment.created_at, updated_at=comment.created_at)
    emit("news:new", {"news_id": news.id, "task_status_id": comment.task_status_id,
                      "task_type_id": task.task_type_id}, project_id=task.project_id)
    return news


def withdraw(comment_ids, project_id):
    """Delete the news of comments, with a ``news:delete`` event each."""
    found = [row.id for row in News.select(News.id).where(News.comment.in_(comment_ids))]
    if found:
        News.delete().where(News.id.in_(found)).execute()
    for news_id in found:
        emit("news:delete", {"news_id": news_id}, project_id=project_id)
