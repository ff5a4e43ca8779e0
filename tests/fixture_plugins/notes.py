"""A studio plugin in under 40 lines: a model, its generic routes and one route of its own."""

import peewee

from framework import BaseModel, ModelApi, Route, hookimpl, operation

REQUIRES = ("persons",)


class Note(BaseModel):
    title = peewee.CharField(max_length=120)
    body = peewee.TextField(default="")
    pinned = peewee.BooleanField(default=False)


class PinnedTitles:
    @operation("Titles of the pinned notes")
    def on_get(self, req, resp):
        resp.media = [note.title for note in Note.select().where(Note.pinned)]


@hookimpl
def register_models():
    return [Note]


@hookimpl
def register_routes(dopesheet):
    return ModelApi(dopesheet, Note, "notes").routes() + [
        Route("/data/notes-pinned", PinnedTitles())]


@hookimpl
def permission_allowed(principal, action, resource):
    """Anyone signed in may read and write notes."""
    if principal is not None and resource.model is Note:
        return True
    return None
