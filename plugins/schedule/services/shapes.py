"""Turning loaded bodies and serialised rows into Zou's shapes: ids as text, and relation
keys where Zou's models declare them (the core puts relations last)."""

import uuid


def text_ids(values):
    """``values`` with every UUID as its canonical string."""
    return {key: str(value) if isinstance(value, uuid.UUID) else value
            for key, value in values.items()}


def placed_after(item, key, value, anchor):
    """``item`` with ``key: value`` right after ``anchor`` (at the end without it)."""
    placed = {}
    for name, current in item.items():
        if name != key:
            placed[name] = current
        if name == anchor:
            placed[key] = value
    placed.setdefault(key, value)
    return placed
