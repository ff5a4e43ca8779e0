"""A fixture plugin for the generic model API tests: every column kind, a hidden column,
a to-many relation, a foreign key, a route that fails, a route that locks rows, and an
event recorder."""

import peewee

from framework import (BaseModel, JSONField, ModelApi, Route, UUIDField, db, emit, hookimpl,
                       operation)
from framework.writes import update_row

RECEIVED = []
BATCHES = []
RECORDED = []
MEETING = []
"""A test puts a ``threading.Barrier`` here to make ``LockingShelves`` requests meet."""


class Shelf(BaseModel):
    name = peewee.CharField(max_length=40, unique=True)


class Tag(BaseModel):
    name = peewee.CharField(max_length=40)


ItemTagThrough = peewee.DeferredThroughModel()


class Item(BaseModel):
    name = peewee.CharField(max_length=40)
    price = peewee.FloatField(null=True)
    count = peewee.IntegerField(default=0)
    available = peewee.BooleanField(default=True)
    released_at = peewee.DateTimeField(null=True)
    day = peewee.DateField(null=True)
    data = JSONField(null=True)
    secret = peewee.CharField(max_length=40, null=True)
    project_id = UUIDField(null=True)
    shelf = peewee.ForeignKeyField(Shelf, null=True, column_name="shelf_id")
    tags = peewee.ManyToManyField(Tag, backref="+", through_model=ItemTagThrough)


class ItemTag(peewee.Model):
    item = peewee.ForeignKeyField(Item, column_name="item_id")
    tag = peewee.ForeignKeyField(Tag, column_name="tag_id")

    class Meta:
        database = db
        primary_key = peewee.CompositeKey("item", "tag")


ItemTagThrough.set_model(ItemTag)


class ItemApi(ModelApi):
    model = Item
    plural = "items"
    hidden = ("secret",)


class TwoTags:
    @operation("Creates two tags in one transaction")
    def on_post(self, req, resp):
        for name in ("first", "second"):
            tag = Tag.create(name=name)
            emit("tag:new", {"tag_id": tag.id})
        resp.media = {}


class Failing:
    @operation("Always fails")
    def on_get(self, req, resp):
        raise RuntimeError("boom")

    @operation("Writes a row and emits its event, then fails")
    def on_post(self, req, resp):
        shelf = Shelf.create(name="written before the failure")
        emit("shelf:new", {"shelf_id": shelf.id})
        raise RuntimeError("boom after write")


class LockingShelves:
    @operation("Locks the first shelf, meets the other requests (MEETING), locks the second "
               "(with ?deferred=true, by an update sent with the COMMIT)")
    def on_post(self, req, resp, first_id, second_id):
        list(Shelf.select().where(Shelf.id == first_id).for_update())
        for meeting in MEETING:
            meeting.wait(timeout=10)
        if req.get_param_as_bool("deferred"):
            update_row(Shelf, second_id, {"name": f"locked by {first_id[:8]}"}, deferred=True)
        else:
            list(Shelf.select().where(Shelf.id == second_id).for_update())
        resp.media = {}


@hookimpl
def register_models():
    return [Shelf, Tag, Item, ItemTag]


@hookimpl
def register_routes(dopesheet):
    return (ItemApi(dopesheet).routes() + ModelApi(dopesheet, Shelf, "shelves").routes()
            + ModelApi(dopesheet, Tag, "tags").routes()
            + [Route("/data/failing", Failing()), Route("/data/two-tags", TwoTags()),
               Route("/data/locking/{first_id}/{second_id}", LockingShelves())])


@hookimpl
def record_events(events):
    RECORDED.append(([event.name for event in events], db.in_transaction(), list(RECEIVED)))


@hookimpl
def handle_events(events):
    BATCHES.append([event.name for event in events])


@hookimpl
def handle_event(event):
    RECEIVED.append(event)
