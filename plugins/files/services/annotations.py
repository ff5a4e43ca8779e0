"""A preview's annotations (``[{time, drawing: {objects: [...]}}]``) changed by additions,
updates and deletions, as Kitsu's review room sends them: objects are matched by ``id``
within the annotation of the same ``time``; an annotation left without objects goes."""

import copy
import uuid


def _objects(annotation):
    drawing = annotation.get("drawing")
    if not isinstance(drawing, dict):
        drawing = annotation["drawing"] = {}
    return drawing.setdefault("objects", [])


def _with_id(drawing_object):
    if not drawing_object.get("id"):
        drawing_object["id"] = str(uuid.uuid4())
    return drawing_object


def _by_time(annotations):
    return {annotation.get("time"): annotation for annotation in annotations}


def add(annotations, additions):
    """New objects join the annotation of their time (unknown ids only), or a new one."""
    by_time = _by_time(annotations)
    for addition in additions:
        objects = [_with_id(item) for item in _objects(addition)]
        existing = by_time.get(addition.get("time"))
        if existing is None:
            annotations.append(addition)
            by_time[addition.get("time")] = addition
            continue
        known = {_with_id(item)["id"] for item in _objects(existing)}
        _objects(existing).extend(item for item in objects if item["id"] not in known)
    return annotations


def update(annotations, updates):
    """Objects replace the ones of the same id at their time; unknown ids are ignored."""
    by_time = _by_time(annotations)
    for change in updates:
        existing = by_time.get(change.get("time"))
        if existing is None:
            continue
        previous = {item.get("id") for item in _objects(existing)}
        changed = [item for item in _objects(change) if item.get("id") in previous]
        replaced = {item["id"] for item in changed}
        existing["drawing"]["objects"] = [item for item in _objects(existing)
                                          if item.get("id") not in replaced] + changed
    return annotations


def delete(annotations, deletions):
    """``{time, objects: [ids]}`` removes those objects."""
    by_time = _by_time(annotations)
    for deletion in deletions:
        existing = by_time.get(deletion.get("time"))
        if existing is not None:
            gone = set(deletion.get("objects") or [])
            existing["drawing"]["objects"] = [item for item in _objects(existing)
                                              if item.get("id") not in gone]
    return [annotation for annotation in annotations if _objects(annotation)]


def apply(current, additions, updates, deletions):
    annotations = copy.deepcopy(current or [])
    for annotation in annotations:
        for item in _objects(annotation):
            _with_id(item)
    return delete(update(add(annotations, copy.deepcopy(additions)), copy.deepcopy(updates)),
                  deletions)
