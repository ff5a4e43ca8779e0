"""Playlists beyond their generic routes: a project's and an episode's listings, the
detailed playlist with its previews, adding entities, an entity's previews per task type,
temporary playlists, share links, telling clients a playlist is ready, and build jobs
(read and deleted; movies are not built, and the build routes answer why)."""

import falcon

from framework import BadRequest, Forbidden, NotFound, get_or_404, json_body, operation
from framework.filters import Page
from plugins.entities.models import Entity
from plugins.entities.services.access import effective_role
from plugins.entities.models import Project
from plugins.entities.services.kinds import CONCEPT, EDIT, SHOT, of_kind
from plugins.tasks.models import Task

from ..models import BuildJob, Playlist
from ..schemas import (NotifyClientsBody, PlaylistEntriesBody, PlaylistEntryBody,
                       ShareLinkBody, TempPlaylistBody)
from ..services import playlists, previews, sharing, temp_playlists
from .common import ScheduleResource, id_or_none

NO_MOVIE_BUILT = ("Playlist movies are not built: Dopesheet has no movie encoder (ffmpeg is "
                  "outside its dependencies); download the playlist's previews as a ZIP.")


def page_number(req):
    try:
        return int(req.params.get("page", -1) or -1)
    except ValueError:
        return -1


class ProjectPlaylists(ScheduleResource):
    def listing(self, req, project_id, query_for):
        project = self.project(req, project_id, "view_playlists")
        query = query_for(project)
        if effective_role(self.person(req), project.id) == "client":
            query = query.where(Playlist.for_client == True)  # noqa: E712
        if req.params.get("task_type_id"):
            query = query.where(Playlist.task_type == req.params["task_type_id"])
        return playlists.listing(query, page_number(req), req.params.get("sort_by"))

    @operation("Playlists of a project, 20 a page (?page, sort_by, task_type_id)")
    def on_get(self, req, resp, project_id):
        resp.media = self.listing(req, project_id, lambda project: Playlist.select().where(
            Playlist.project == project.id))

    @operation("Playlists of an episode, or of main or all (?for_entity, page, sort_by)")
    def on_get_episode(self, req, resp, project_id, episode_id):
        if episode_id not in playlists.PSEUDO_EPISODES:
            episode = get_or_404(Entity, episode_id)
            if not Entity.select().where(Entity.id == episode.id, of_kind("Episode")).exists():
                raise NotFound()
            episode_id = episode.id
        resp.media = self.listing(req, project_id, lambda project: playlists.of_episode(
            project.id, episode_id, req.params.get("for_entity")))

    @operation("Every playlist of a project with its build jobs (admins; ?page)")
    def on_get_all(self, req, resp, project_id):
        project = self.project(req, project_id, "administer")
        query = Playlist.select().where(Playlist.project == project.id)
        number = page_number(req)
        page = Page(number, self.dopesheet.settings["api"]["page_size"]) if number > 0 else None
        rows = query.limit(page.limit).offset(page.offset) if page else query
        items = playlists.with_build_jobs([playlists.SERIALIZER.from_values(values)
                                           for values in playlists.SERIALIZER.select(rows)])
        resp.media = page.envelope(items, query.count()) if page else items

    @operation("A playlist with every preview of its entities")
    def on_get_item(self, req, resp, project_id, playlist_id):
        project = self.project(req, project_id, "view_playlists")
        playlist = Playlist.get_or_none(Playlist.id == id_or_none(playlist_id),
                                        Playlist.project == project.id)
        if playlist is None:
            raise NotFound()
        self.require(req, "read", Playlist, playlist)
        resp.media = playlists.detailed(playlist, self.dopesheet)

    @operation("Build jobs of a project (admins)")
    def on_get_build_jobs(self, req, resp, project_id):
        project = self.project(req, project_id, "administer")
        query = (BuildJob.select().join(Playlist, on=(BuildJob.playlist == Playlist.id))
                 .where(Playlist.project == project.id).order_by(BuildJob.created_at))
        resp.media = [playlists.BUILD_JOB.from_values(values)
                      for values in playlists.BUILD_JOB.select(query)]


class PlaylistEntries(ScheduleResource):
    def writable(self, req, playlist_id):
        playlist = get_or_404(Playlist, playlist_id)
        self.require(req, "update", Playlist, playlist)
        return playlist

    def added(self, resp, playlist, couples):
        entries = previews.owned([{"entity_id": entity_id, "preview_file_id": preview_id}
                                  for entity_id, preview_id in couples], self.dopesheet)
        playlist = playlists.add_entries(
            playlist, [(entry["entity_id"], entry["preview_file_id"]) for entry in entries],
            self.dopesheet)
        resp.media = playlists.SERIALIZER.from_instance(playlist)

    @operation("Append an entity (and a preview of it) to a playlist", body=PlaylistEntryBody)
    def on_post_entity(self, req, resp, playlist_id):
        playlist = self.writable(req, playlist_id)
        values = json_body(req, PlaylistEntryBody)
        self.added(resp, playlist, [_couple(values)])

    @operation("Append entities (with previews of theirs) to a playlist",
               body=PlaylistEntriesBody)
    def on_post_entities(self, req, resp, playlist_id):
        playlist = self.writable(req, playlist_id)
        values = json_body(req, PlaylistEntriesBody)
        self.added(resp, playlist, [_couple(entry) for entry in values["entities"]])


def _couple(values):
    preview_id = values.get("preview_file_id")
    return str(values["entity_id"]), str(preview_id) if preview_id else None


class EntityPreviews(ScheduleResource):
    """Zou answers the same for any entity here and, through the typed routes, for a shot,
    an edit or a concept (404 for an entity of another kind)."""

    @operation("An entity's previews per task type, revisions gathered")
    def on_get(self, req, resp, entity_id):
        entity = self.entity(req, entity_id)
        resp.media = previews.entity_previews(entity.id, self.dopesheet)

    @operation("A shot's previews per task type, revisions gathered")
    def on_get_shot(self, req, resp, shot_id):
        resp.media = self.of_kind(req, shot_id, SHOT)

    @operation("An edit's previews per task type, revisions gathered")
    def on_get_edit(self, req, resp, edit_id):
        resp.media = self.of_kind(req, edit_id, EDIT)

    @operation("A concept's previews per task type, revisions gathered")
    def on_get_concept(self, req, resp, concept_id):
        resp.media = self.of_kind(req, concept_id, CONCEPT)

    def of_kind(self, req, entity_id, kind):
        entity = self.entity(req, entity_id)
        if not Entity.select().where(Entity.id == entity.id, of_kind(kind)).exists():
            raise NotFound()
        return previews.entity_previews(entity.id, self.dopesheet)


class BuildJobs(ScheduleResource):
    """A playlist's build job, for its project managers and, on client playlists, its
    clients."""

    def job(self, req, playlist_id, build_job_id):
        playlist = get_or_404(Playlist, playlist_id)
        self.require(req, "build", Playlist, playlist)
        job = get_or_404(BuildJob, build_job_id)
        if job.playlist_id != playlist.id:
            raise NotFound()
        return job

    @operation("A build job of a playlist")
    def on_get(self, req, resp, playlist_id, build_job_id):
        job = self.job(req, playlist_id, build_job_id)
        resp.media = playlists.BUILD_JOB.from_instance(job)

    @operation("Delete a build job of a playlist", status=204)
    def on_delete(self, req, resp, playlist_id, build_job_id):
        self.job(req, playlist_id, build_job_id).delete_instance()
        resp.status = falcon.HTTP_204

    @operation("The movie of a build job: Zou's 400 while it is not built, else 404 (no "
               "movie is built here)")
    def on_get_movie(self, req, resp, playlist_id, build_job_id):
        job = self.job(req, playlist_id, build_job_id)
        if job.status != "succeeded":
            raise BadRequest("Build is not finished")
        raise NotFound(NO_MOVIE_BUILT)


class MovieBuild(ScheduleResource):
    """Playlist movies are not built: concatenating previews needs a movie encoder, and
    ffmpeg is outside Dopesheet's dependencies (previews are stored as uploaded)."""

    @operation("Build a playlist's movie: refused, with the reason (no movie encoder)")
    def on_get(self, req, resp, playlist_id):
        playlist = get_or_404(Playlist, playlist_id)
        self.project(req, playlist.project_id, "manage")
        raise BadRequest(NO_MOVIE_BUILT)


class TempPlaylist(ScheduleResource):
    @operation("An unsaved playlist of tasks, or of entities through their reviewed tasks "
               "(?sort)", body=TempPlaylistBody)
    def on_post(self, req, resp, project_id):
        self.project(req, project_id)
        values = json_body(req, TempPlaylistBody)
        entity_ids = [str(entity_id) for entity_id in values["entity_ids"]]
        chosen = temp_playlists.task_of_entities(entity_ids) if entity_ids else {}
        task_ids = [str(task_id) for task_id in values["task_ids"]] + [
            chosen[entity_id] for entity_id in entity_ids if entity_id in chosen]
        tasks = {task.id: task for task in Task.select().where(Task.id.in_(task_ids))}
        for task_id in task_ids:
            if task_id not in tasks:
                raise NotFound()
            self.require(req, "read", Task, tasks[task_id])
        resp.media = temp_playlists.entries(task_ids, self.dopesheet,
                                            sort=req.get_param_as_bool("sort") or False)


class PlaylistClients(ScheduleResource):
    @operation("Tell the project's clients a playlist is ready (project managers)",
               body=NotifyClientsBody)
    def on_post(self, req, resp, playlist_id):
        playlist = get_or_404(Playlist, playlist_id)
        self.project(req, playlist.project_id, "manage")
        values = json_body(req, NotifyClientsBody)
        sharing.notify_clients(playlist, self.person(req).id,
                               *(str(values[key]) if values[key] else None
                                 for key in ("studio_id", "department_id")))
        resp.media = {"status": "success"}


class ShareLinks(ScheduleResource):
    """Guest review links of a playlist, for managers managing its project."""

    def shared(self, req, playlist_id):
        principal = self.person(req)
        if not principal.is_admin and principal.role != "manager":
            raise Forbidden()
        playlist = get_or_404(Playlist, playlist_id)
        self.require(req, "manage", Project, Project.get_by_id(playlist.project_id))
        return playlist

    @operation("The active share links of a playlist")
    def on_get(self, req, resp, playlist_id):
        resp.media = sharing.active_links(self.shared(req, playlist_id))

    @operation("Share a playlist (optional expiration date and password)", body=ShareLinkBody,
               status=201)
    def on_post(self, req, resp, playlist_id):
        playlist = self.shared(req, playlist_id)
        values = json_body(req, ShareLinkBody)
        resp.status = falcon.HTTP_201
        resp.media = sharing.shown(sharing.create(playlist, self.person(req).id, values))

    @operation("Revoke a share link (it stays, inactive)")
    def on_delete_link(self, req, resp, playlist_id, token):
        playlist = self.shared(req, playlist_id)
        resp.media = sharing.revoke(sharing.link_of(playlist, token))
