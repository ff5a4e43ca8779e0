"""Query-string filters and pagination for list routes, with Zou's rules and messages.

Each query key that is a column of the model filters by equality, the value cast to the
column's type; ``name`` is case-insensitive with ``%``/``_`` wildcards; a JSON array value
means IN; a many-to-many relation name means "contains this id". Unknown keys are ignored;
hidden columns are refused.
"""

import datetime
import math
import uuid

import orjson
import peewee

from .errors import BadRequest
from .schemas import parse_datetime
from .serialize import link_fields

RESERVED = frozenset(("page", "limit", "relations", "fields", "force"))
TRUE_WORDS = frozenset(("true", "1", "yes", "on"))
FALSE_WORDS = frozenset(("false", "0", "no", "off"))
MAX_PAGE = 1_000_000  # page * limit stays far within a 64-bit OFFSET
INVALID_FORMAT = "One of the provided values has an invalid format."


def parse_bool(value, default=False):
    if value is None:
        return default
    word = str(value).strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise BadRequest(f"Invalid boolean value: {value}")


def parse_uuid(value):
    try:
        return str(uuid.UUID(str(value)))
    except ValueError:
        raise BadRequest(f"Invalid UUID value: {value}") from None


def cast(field, value):
    """The query-string text ``value`` as a Python value for ``field``."""
    if isinstance(field, peewee.ForeignKeyField):
        field = field.rel_field
    if isinstance(field, peewee.UUIDField):
        return parse_uuid(value)
    if isinstance(field, peewee.BooleanField):
        return parse_bool(value)
    try:
        if isinstance(field, peewee.IntegerField):
            return int(value)
        if isinstance(field, (peewee.FloatField, peewee.DecimalField)):
            return float(value)
        if isinstance(field, peewee.DateTimeField):
            return parse_datetime(value)
        if isinstance(field, peewee.DateField):
            return datetime.date.fromisoformat(str(value)[:10])
    except (TypeError, ValueError):
        raise BadRequest(INVALID_FORMAT) from None
    return str(value)


def _values(key, raw):
    text = raw[-1] if isinstance(raw, list) else raw
    if isinstance(text, str) and text.startswith("["):
        try:
            values = orjson.loads(text)
        except orjson.JSONDecodeError:
            raise BadRequest(f"Malformed list filter for field {key}.") from None
        if not isinstance(values, list):
            raise BadRequest(f"Malformed list filter for field {key}.")
        return values, True
    return text, False


def filter_expressions(model, params, hidden=(), reserved=(), virtual=None):
    """Peewee expressions for the filters in ``params`` (a Falcon ``req.params`` dict).
    ``virtual`` maps keys that are no column (Zou's hybrid properties such as a person's
    ``full_name``) to a function from the query-string text to an expression."""
    virtual = virtual or {}
    columns = model._meta.columns
    relations = model._meta.manytomany
    expressions = []
    for key, raw in params.items():
        if key in RESERVED or key in reserved:
            continue
        if key in hidden:
            raise BadRequest(f"Filtering on {key} is not allowed.")
        if key in virtual:
            value, _ = _values(key, raw)
            expressions.append(virtual[key](value))
        elif key in columns:
            field = columns[key]
            if isinstance(field, peewee.JSONField):
                continue
            value, many = _values(key, raw)
            if many:
                expressions.append(field.in_([cast(field, item) for item in value]))
            elif key == "name":
                expressions.append(field ** str(value))
            else:
                expressions.append(field == cast(field, value))
        elif key in relations:
            source, target = link_fields(relations[key])
            value, many = _values(key, raw)
            try:
                wanted = [str(uuid.UUID(str(item))) for item in (value if many else [value])]
            except ValueError:
                raise BadRequest(INVALID_FORMAT) from None
            linked = (relations[key].through_model.select(source)
                      .where(target.in_(wanted)))
            expressions.append(model._meta.primary_key.in_(linked))
    return expressions


class Page:
    def __init__(self, number, limit):
        self.number = number
        self.limit = limit
        self.offset = (number - 1) * limit

    def envelope(self, items, total):
        return {"data": items, "total": total,
                "nb_pages": math.ceil(total / self.limit) if total else 0,
                "limit": self.limit, "offset": self.offset, "page": self.number}


def parse_page(params, default_limit, max_limit):
    """A ``Page`` when ``page`` asks for pagination (absent or 0: a plain list). ``page`` and
    ``limit`` are checked whenever given, as the OpenAPI document declares them."""
    number = _count(params.get("page"), "page must be an integer.",
                    "page must be a positive integer.")
    limit = _count(params.get("limit"), "limit must be a positive integer.",
                   "limit must be a positive integer.")
    if limit > max_limit:
        raise BadRequest(f"limit must be at most {max_limit}.")
    if number > MAX_PAGE:
        raise BadRequest(f"page must be at most {MAX_PAGE}.")
    if number == 0:
        return None
    return Page(number, limit or default_limit)


def _count(raw, not_integer, negative):
    """A query-string count: 0 when absent or empty."""
    if raw in (None, ""):
        return 0
    try:
        value = int(raw)
    except (TypeError, ValueError):
        raise BadRequest(not_integer) from None
    if value < 0:
        raise BadRequest(negative)
    return value


def parse_fields(params):
    raw = params.get("fields")
    if not raw:
        return None
    if isinstance(raw, list):
        raw = ",".join(raw)
    return {name.strip() for name in raw.split(",") if name.strip()} | {"id", "type"}
