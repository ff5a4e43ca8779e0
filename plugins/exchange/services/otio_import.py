"""The shots of an edit (an OpenTimelineIO file, or a CMX 3600 EDL), as Zou 1.0.97 imports
them: each clip of the video tracks names a shot, found by the project's naming convention
(``${project_name}_${sequence_name}-${shot_name}`` by default) or created from the parts
of its name, with its frame range in the edit and its length.

Reading timelines is OpenTimelineIO's job (with its CMX 3600 adapter for EDLs), as in Zou.
"""

import os
import re
import tempfile
from string import Template

import opentimelineio as otio

from framework import db, emit
from plugins.entities.models import Entity, ProjectTaskTypeLink, TaskType
from plugins.entities.services.creation import get_or_create
from plugins.entities.services.kinds import SEQUENCE, SHOT, kind_type_id, of_kind
from plugins.entities.services.presenters import entity_of
from plugins.tasks.services import task_writes

NAME_PARTS = ("project_name", "episode_name", "sequence_name", "shot_name")


class TimelineError(Exception):
    """A file that is no timeline OpenTimelineIO reads; the message is Zou's."""


def read_timeline(data, file_name, fps):
    """The timeline of the uploaded bytes, read by the adapter of the file's extension."""
    extension = re.sub(r"[^A-Za-z0-9.]", "", os.path.splitext(file_name or "")[1])
    suffix = extension.lstrip(".").lower()
    supported = otio.adapters.suffixes_with_defined_adapters(read=True)
    if suffix not in supported:
        raise TimelineError(f"Unsupported file type '.{suffix}'. Supported formats: "
                            f"{', '.join(sorted(supported))}.")
    options = {"rate": float(fps or 25), "ignore_timecode_mismatch": True} \
        if suffix == "edl" else {}
    with tempfile.TemporaryDirectory(prefix="dopesheet-otio-") as folder:
        path = os.path.join(folder, f"timeline{extension}")
        with open(path, "wb") as handle:
            handle.write(data)
        try:
            return otio.adapters.read_from_file(path, **options)
        except Exception as error:  # any adapter failure is the file's fault
            raise TimelineError(f"Failed to parse OTIO file: {error}") from None


def naming_pattern(convention):
    """The convention's ``$name``/``${name}`` parts as named groups of word characters."""
    pattern = convention
    for part in NAME_PARTS:
        for placeholder in (f"${{{part}}}", f"${part}"):
            pattern = pattern.replace(placeholder, rf"(?P<{part}>\w*)")
    return re.compile(pattern)


def clip_name(clip):
    name = os.path.splitext(clip.name)[0]
    if name:
        return name
    reference = clip.media_reference
    if getattr(reference, "name_prefix", None):
        return reference.name_prefix
    if getattr(reference, "name", None):
        return os.path.splitext(reference.name)[0]
    if getattr(reference, "target_url", None):
        return os.path.splitext(os.path.basename(reference.target_url))[0]
    return name


def frame_range(clip):
    """``(frame in, frame out, length)`` of a clip, each None when the edit lacks it."""
    found = []
    for read in (lambda: clip.range_in_parent(), lambda: clip.trimmed_range()):
        try:
            found = [read().start_time.to_frames(),
                     read().end_time_inclusive().to_frames()]
            break
        except Exception:  # no parent, or no range: the next reading, else none
            continue
    try:
        length = clip.source_range.duration.to_frames()
    except Exception:  # a clip without a source range has no length of its own
        length = None
    return (*(found or (None, None)), length)


class OtioImport:
    def __init__(self, project, episode, convention, match_case, author_id):
        self.project = project
        self.episode = episode
        self.match_case = match_case
        self.author_id = author_id
        self.pattern = naming_pattern(convention)
        shots = Entity.select(Entity.id, Entity.name, Entity.parent).where(
            of_kind(SHOT), Entity.project == project.id)
        sequences = Entity.select(Entity.id, Entity.name).where(
            of_kind(SEQUENCE), Entity.project == project.id)
        if episode is not None:
            sequences = sequences.where(Entity.parent == episode.id)
            shots = shots.where(Entity.parent.in_(sequences.select(Entity.id)))
        sequence_names = {row.id: row.name for row in sequences}
        template = Template(convention)
        self.shots = {}
        for shot in shots:
            names = {"project_name": project.name, "sequence_name":
                     sequence_names.get(shot.parent_id, ""), "shot_name": shot.name}
            if episode is not None:
                names["episode_name"] = episode.name
            self.shots[self.key(template.safe_substitute(names))] = shot.id
        self.result = {"updated_shots": [], "created_shots": []}
        self.created = []

    def key(self, name):
        return name if self.match_case else name.lower()

    def run(self, timeline):
        """Each clip in a savepoint: the shots of the clips before a refused one stay."""
        for track in timeline.video_tracks():
            for item in track:
                if isinstance(item, otio.schema.Clip):
                    with db.atomic():
                        self.import_clip(item)

    def import_clip(self, clip):
        name = clip_name(clip)
        shot_id = self.shots.get(self.key(name))
        frame_in, frame_out, length = frame_range(clip)
        if shot_id is not None:
            shot = Entity.get_by_id(shot_id)
            data = dict(shot.data or {})
        else:
            shot, data = None, {}
        data.update({key: value for key, value in (("frame_in", frame_in),
                                                    ("frame_out", frame_out))
                     if value is not None})
        values = {"data": data, **({"nb_frames": length} if length is not None else {})}
        if shot is not None:
            Entity.update(**values).where(Entity.id == shot.id).execute()
            shot = Entity.get_by_id(shot.id)
            emit("shot:update", {"shot_id": shot.id, "project_id": shot.project_id},
                 project_id=shot.project_id)
            self.result["updated_shots"].append(entity_of(shot, SHOT))
            return
        parts = self.parts(name)
        sequence = self.sequence(parts["sequence_name"])
        shot = Entity.create(name=parts["shot_name"], project=self.project.id,
                             entity_type=kind_type_id(SHOT), parent=sequence.id,
                             created_by=self.author_id, **values)
        emit("shot:new", {"shot_id": shot.id, "project_id": shot.project_id},
             project_id=shot.project_id)
        self.created.append(shot)
        self.shots[self.key(name)] = shot.id
        self.result["created_shots"].append(entity_of(shot, SHOT))

    def parts(self, name):
        """The names a clip's name holds, by the naming convention (Zou's ``KeyError``
        messages when it holds none)."""
        matched = self.pattern.match(name)
        if matched is None:
            raise KeyError("No matched value while extracting shot informations.")
        parts = matched.groupdict()
        for part, label in (("sequence_name", "sequence"), ("shot_name", "shot")):
            if part not in parts:
                raise KeyError(f"No {label} name found while extracting shot informations.")
        return parts

    def sequence(self, name):
        parent_id = self.episode.id if self.episode is not None else None
        sequence, created = get_or_create(self.project, SEQUENCE, name, parent_id,
                                          self.author_id, data={})
        if created:
            emit("sequence:new", {"sequence_id": sequence.id, "project_id": self.project.id},
                 project_id=self.project.id)
        return sequence

    def finish(self):
        """The new shots get the tasks of the project's shot workflow."""
        task_types = TaskType.select().join(ProjectTaskTypeLink, on=(
            ProjectTaskTypeLink.task_type == TaskType.id)).where(
            ProjectTaskTypeLink.project == self.project.id, TaskType.for_entity == SHOT)
        for task_type in task_types:
            task_writes.create_for_entities(task_type, self.created, self.author_id)
