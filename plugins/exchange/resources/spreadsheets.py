"""Zou's CSV routes of a project's assets and shots: ``GET
/export/csv/projects/{id}/assets.csv|shots.csv`` (team members but vendors; ``?episode_id``,
``?assigned_to``) and ``POST /import/csv/projects/{id}/assets|shots`` (a multipart ``file``;
project managers; ``?update=true`` updates the known entities).

An import stops at the first refused row and answers 400 with its line number and the
count of rows imported before it, which stay imported (each row is a savepoint)."""

import csv

import falcon
import peewee

from framework import BadRequest, PluginResource, Route, db, get_or_404, operation
from framework.crud import integrity_message
from framework.filters import parse_bool
from framework.requests import principal_of
from framework.serialize import Serializer
from plugins.entities.models import Entity, Project

from ..services import csv_export, csv_files
from ..services.csv_import import IMPORTS, RowError

ENTITY = Serializer(Entity)
NO_FILE = 'A CSV file is expected in the "file" field of a multipart body.'
EXPORTS = {"assets": csv_export.assets_csv, "shots": csv_export.shots_csv}


def uploaded_text(req):
    """The text of the multipart part named ``file``."""
    if not (req.content_type or "").lower().startswith("multipart/form-data"):
        raise BadRequest(NO_FILE)
    for part in req.get_media():
        if part.name == "file":
            try:
                return part.get_data().decode("utf-8-sig")
            except UnicodeDecodeError:
                raise BadRequest("The file is not UTF-8 text.") from None
    raise BadRequest(NO_FILE)


class CsvExport(PluginResource):
    def __init__(self, dopesheet, kind):
        super().__init__(dopesheet)
        self.kind = kind

    @operation("A project's entities as Zou's CSV export (?episode_id: an episode, main "
               "or all; ?assigned_to: those with a task assigned to the caller)",
               content_type="text/csv")
    def on_get(self, req, resp, project_id):
        project = get_or_404(Project, project_id)
        self.require(req, "read_no_vendor", Project, project)
        params = csv_export.checked_criteria(dict(req.params))
        assigned = (csv_export.assigned_to_caller(self.dopesheet, principal_of(req))
                    if "assigned_to" in params else None)
        table = EXPORTS[self.kind](project, params, assigned, self.dopesheet)
        resp.content_type = "text/csv"
        resp.set_header("Content-Disposition", "attachment; filename="
                        + csv_files.file_name(f"{project.name} {self.kind}"))
        resp.text = csv_files.write(table)


class CsvImport(PluginResource):
    def __init__(self, dopesheet, kind):
        super().__init__(dopesheet)
        self.kind = kind

    @operation("Create (or with ?update=true update) a project's entities from a CSV file "
               "exported by Kitsu (multipart file)", status=201)
    def on_post(self, req, resp, project_id):
        project = get_or_404(Project, project_id)
        principal = self.require(req, "manage", Project, project)
        text = uploaded_text(req)
        importer = IMPORTS[self.kind](project, principal.id,
                                      parse_bool(req.params.get("update"), False),
                                      self.dopesheet)
        try:
            rows = csv_files.read(text)
        except csv.Error as error:
            raise BadRequest(str(error)) from None
        imported = []
        try:
            for line_number, row in rows:
                message = import_row(importer, row, imported)
                if message is not None:
                    resp.status = falcon.HTTP_400
                    resp.media = {"error": True, "message": message,
                                  "line_number": line_number, "imported_rows": len(imported)}
                    return
        finally:
            importer.finish()
        resp.status = falcon.HTTP_201
        resp.media = [ENTITY.from_instance(entity) for entity in imported]


def import_row(importer, row, imported):
    """Import one row in a savepoint; Zou's message when it is refused."""
    try:
        with db.atomic():
            imported.append(importer.import_row(row))
        return None
    except RowError as error:
        return str(error)
    except KeyError as error:
        return f"A columns is missing: {error}"
    except (peewee.IntegrityError, peewee.DataError) as error:
        return integrity_message(error)


def routes(dopesheet):
    found = []
    for kind in ("assets", "shots"):
        found += [
            Route(f"/export/csv/projects/{{project_id}}/{kind}.csv", CsvExport(dopesheet, kind)),
            Route(f"/import/csv/projects/{{project_id}}/{kind}", CsvImport(dopesheet, kind)),
        ]
    return found
