"""A playlist's previews in one ZIP archive, as Zou builds it: for each entry, every
preview of its revision (pictures as PNG, other media as uploaded), named as the preview
downloads name them; a name met twice keeps the copy's place in the archive as prefix.
Previews without stored media (still processing, or imported alone) are left out."""

import tempfile
import zipfile

from slugify import slugify

from plugins.entities.models import Entity, Project
from plugins.files.models import PreviewFile
from plugins.files.services import media
from plugins.files.storage.base import CHUNK_SIZE, FileMissing

SPOOL_BYTES = 16 * 1024 * 1024


def previews_of(playlist):
    """The previews an archive holds, in the playlist's order."""
    wanted = [str(entry.get("preview_file_id")) for entry in playlist.shots or []
              if isinstance(entry, dict) and entry.get("preview_file_id")]
    chosen = {row.id: row for row in PreviewFile.select().where(PreviewFile.id.in_(wanted))}
    found = []
    for preview_id in wanted:
        preview = chosen.get(preview_id)
        if preview is not None:
            found += list(PreviewFile.select().where(
                PreviewFile.task == preview.task_id, PreviewFile.revision == preview.revision)
                .order_by(PreviewFile.position, PreviewFile.created_at))
    return found


def archive(playlist, storage):
    """A rewound temporary file holding the archive."""
    spooled = tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES)
    names = set()
    with zipfile.ZipFile(spooled, "w") as zipped:
        for index, preview in enumerate(previews_of(playlist)):
            try:
                stored = storage.open(media.picture_or_media_key(preview))
            except FileMissing:
                continue
            name = media.download_name(preview)
            if name in names:
                name = f"{index:04d}_{name}"
            names.add(name)
            with stored.stream as source, zipped.open(name, "w") as target:
                while chunk := source.read(CHUNK_SIZE):
                    target.write(chunk)
    spooled.seek(0)
    return spooled


def download_name(playlist):
    """``<project>[_<episode, main pack, all assets or all shots>]_<playlist>.zip``."""
    project = Project.get_by_id(playlist.project_id)
    context = slugify(project.name, separator="_")
    if project.production_type == "tvshow":
        if playlist.episode_id is not None:
            episode = Entity.get_or_none(Entity.id == playlist.episode_id)
            label = episode.name if episode else ""
        elif playlist.is_for_all:
            label = "all assets" if playlist.for_entity == "asset" else "all shots"
        else:
            label = "main pack"
        context += f"_{slugify(label, separator='_')}"
    return f"{context}_{slugify(playlist.name, separator='_')}.zip"
