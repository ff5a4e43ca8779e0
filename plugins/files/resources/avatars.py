"""Avatars of persons, projects and the organisation, at Zou's
``/pictures/thumbnails/<kind>/<id>[.png]``: an uploaded picture fitted into a 400x400 PNG,
``has_avatar`` set once it is stored, and the PNG served back while ``has_avatar`` holds."""

import io

import falcon

from framework import ApiError, Forbidden, NotFound, emit, operation, principal_of, utcnow

from plugins.entities.models import Project
from plugins.persons.models import Organisation, Person

from ..services import pictures, storing
from ..storage import storage_key
from .common import FilesResource, row_or_404

MODELS = {"persons": Person, "projects": Project, "organisations": Organisation}
GLOBAL_READERS = ("admin", "manager")
PROJECT_PNG_UPLOAD = ("Upload project thumbnails on the url without extension: "
                      "/pictures/thumbnails/projects/<project_id>.")


def avatar_key(kind, instance_id):
    return storage_key(f"avatars/{kind}", instance_id, "png")


class Avatars(FilesResource):
    """One kind of avatar: ``persons`` (the person or an admin uploads), ``projects`` (a
    manager of the project uploads; its members read) or ``organisations`` (admins
    upload)."""

    def __init__(self, dopesheet, kind):
        super().__init__(dopesheet)
        self.kind = kind
        self.model = MODELS[kind]

    def check_upload(self, req, row):
        principal = principal_of(req)
        if self.kind == "projects":
            self.access(req).project_manager(row.id)
        elif not principal.is_admin and not (self.kind == "persons" and principal.id == row.id):
            raise Forbidden()

    @operation("Upload an avatar (multipart `file`, a picture): stored as a 400x400 PNG",
               status=201)
    def on_post(self, req, resp, instance_id):
        row = row_or_404(self.model, instance_id)
        self.check_upload(req, row)
        _, stream = self.uploaded_file(req)
        with stream:
            picture = pictures.open_picture(stream)
        avatar = pictures.thumbnail(picture, pictures.AVATAR)
        storing.put(self.dopesheet, avatar_key(self.kind, row.id), io.BytesIO(avatar))
        self.model.update(has_avatar=True, updated_at=utcnow()).where(
            self.model.id == row.id).execute()
        name = self.kind[:-1]
        emit(f"{name}:set-thumbnail", {f"{name}_id": row.id})
        resp.media = {"thumbnail_path": f"pictures/thumbnails/{self.kind}/{row.id}.png"}
        resp.status = falcon.HTTP_201

    @operation("The avatar (PNG); 404 when there is none")
    def on_get(self, req, resp, instance_id):
        row = row_or_404(self.model, instance_id)
        if not row.has_avatar:
            raise NotFound()
        if self.kind == "projects" and principal_of(req).role not in GLOBAL_READERS:
            self.access(req).project_member(row.id)
        if not self.send(resp, avatar_key(self.kind, row.id), "image/png", row.updated_at):
            raise NotFound()

    on_get_png = on_get

    @operation("Upload an avatar (multipart `file`); projects answer 405 here, as Zou does",
               status=201)
    def on_post_png(self, req, resp, instance_id):
        if self.kind == "projects":
            raise ApiError(PROJECT_PNG_UPLOAD, status=falcon.HTTP_405)
        self.on_post(req, resp, instance_id)
