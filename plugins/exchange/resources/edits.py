"""``POST /import/otio/projects/{id}`` and ``.../episodes/{id}``: the shots of an edit
(multipart ``file``, ``naming_convention``, ``match_case``), for project managers. A
clip whose name does not fit the convention stops the import with Zou's 400; the shots
saved before it stay, with their tasks."""

import falcon

from framework import BadRequest, NotFound, PluginResource, Route, get_or_404, operation
from framework.filters import parse_bool
from plugins.entities.models import Entity, Project
from plugins.entities.services.kinds import EPISODE, of_kind

from ..services.otio_import import OtioImport, TimelineError, read_timeline

NO_FILE = 'An edit file is expected in the "file" field of a multipart body.'
CONVENTIONS = {False: "${project_name}_${sequence_name}-${shot_name}",
               True: "${project_name}_${episode_name}-${sequence_name}-${shot_name}"}


def read_form(req):
    """``(fields, (file name, bytes))`` of the multipart body."""
    if not (req.content_type or "").lower().startswith("multipart/form-data"):
        raise BadRequest(NO_FILE)
    values, upload = {}, None
    for part in req.get_media():
        if part.name == "file" and part.filename is not None:
            upload = (part.filename, part.get_data())
        else:
            values[part.name] = part.get_data().decode("utf-8", "replace")
    if upload is None:
        raise BadRequest(NO_FILE)
    return values, upload


class EditImport(PluginResource):
    @operation("Create or update a project's shots from an edit (OTIO, EDL)", status=201)
    def on_post(self, req, resp, project_id):
        self.imported(req, resp, project_id, None)

    @operation("Create or update an episode's shots from an edit (OTIO, EDL)", status=201)
    def on_post_episode(self, req, resp, project_id, episode_id):
        self.imported(req, resp, project_id, episode_id)

    def imported(self, req, resp, project_id, episode_id):
        project = get_or_404(Project, project_id)
        principal = self.require(req, "manage", Project, project)
        episode = None
        if episode_id is not None:
            episode = get_or_404(Entity, episode_id)
            if episode.project_id != project.id or not Entity.select().where(
                    Entity.id == episode.id, of_kind(EPISODE)).exists():
                raise NotFound()
        values, (file_name, data) = read_form(req)
        values = {**req.params, **values}
        convention = values.get("naming_convention") or CONVENTIONS[episode is not None]
        match_case = parse_bool(values.get("match_case"), True)
        try:
            timeline = read_timeline(data, file_name, project.fps)
        except TimelineError as error:
            raise BadRequest(str(error)) from None
        edit = OtioImport(project, episode, convention, match_case, principal.id)
        try:
            edit.run(timeline)
        except KeyError as error:
            resp.status = falcon.HTTP_400
            resp.media = {"error": True, "message": f"KeyError: {error}"}
            return
        finally:
            edit.finish()
        resp.status = falcon.HTTP_201
        resp.media = edit.result


def routes(dopesheet):
    edits = EditImport(dopesheet)
    return [Route("/import/otio/projects/{project_id}", edits),
            Route("/import/otio/projects/{project_id}/episodes/{episode_id}", edits,
                  suffix="episode")]
