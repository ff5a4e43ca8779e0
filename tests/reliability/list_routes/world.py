"""What the growers share: the production, an artist of its team, the ids that fill the
route templates' placeholders, who calls which route, and the round being grown.

``ids`` maps a placeholder's name (``project_id``) to its value; a ``{instance_id}`` takes
the id under the name of the collection before it (``/data/budgets/{instance_id}``:
``ids["budgets"]``). ``callers`` maps a template to the headers of the person who calls it
(by default the artist for ``/data/user/`` routes, the admin for the others)."""

import datetime

from tests.plugins.tasks.conftest import Production

DAY = datetime.date(2026, 11, 25)
"""The day every dated row is written on (a Wednesday: its week, month and year too)."""


class World:
    def __init__(self, studio, admin_headers):
        self.prod = Production(studio, admin_headers)
        self.admin = admin_headers
        self.artist, self.artist_headers = self.prod.member("user")
        self.round = 0
        self.callers = {}
        prod = self.prod
        year, week, _ = DAY.isocalendar()
        self.ids = {
            "project_id": prod.project_id, "person_id": self.artist.id,
            "episode_id": prod.episode.id, "sequence_id": prod.sequence.id,
            "shot_id": prod.shot.id, "asset_id": prod.asset.id, "entity_id": prod.shot.id,
            "temporal_entity_id": prod.episode.id,
            "task_type_id": prod.task_type[("Animation", "Shot")],
            "year": str(DAY.year), "month": str(DAY.month), "week": str(week),
            "day": str(DAY.day), "date": DAY.isoformat(), "month_date": DAY.strftime("%Y-%m"),
        }
