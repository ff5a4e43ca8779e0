"""The path of a new working or output file: asked of the ``file_path`` hook (the
file-tree plugin builds it from the project's tree), else taken from the client."""

from dataclasses import dataclass


@dataclass(frozen=True)
class PathQuery:
    """What a path is built from. Rows are peewee rows (or None); ``revision`` is the one
    the file gets."""

    kind: str
    name: str
    revision: int
    mode: str = "working"
    sep: str = "/"
    task: object = None
    entity: object = None
    asset_instance: object = None
    temporal_entity: object = None
    output_type: object = None
    task_type: object = None
    software: object = None
    representation: str = ""
    extension: str = ""
    nb_elements: int = 1


@dataclass(frozen=True)
class Location:
    """``given``: the client's own path, kept as sent."""

    folder_path: str
    file_name: str
    given: str = None

    def path(self, sep, extension=""):
        if self.given is not None:
            return self.given
        if not self.folder_path:
            return f"{self.file_name}{extension}"
        return f"{self.folder_path}{sep}{self.file_name}{extension}"


def locate(query, client_path, dopesheet):
    """The hook's answer, else the client's ``path`` split at its last separator, else no
    folder and the file's name."""
    found = dopesheet.hooks.call("file_path", query=query, dopesheet=dopesheet)
    if found:
        return Location(found["folder_path"], found["file_name"])
    if client_path:
        folder, _, file_name = client_path.rpartition(query.sep or "/")
        return Location(folder, file_name, client_path)
    return Location("", query.name)
