"""Fixtures of the schedule tests: the tasks tests' production (an open project with its
team, an episode, a sequence, shots and an asset), plus tasks assigned to an artist, ready
for time to be logged on them."""

import pytest

from tests.plugins.tasks.conftest import Production

MONDAY = "2025-03-10"
TUESDAY = "2025-03-11"


class Studio(Production):
    """The production with an animation task on a shot and a modeling task on the asset,
    both assigned to ``artist``."""

    def __init__(self, studio, admin_headers):
        super().__init__(studio, admin_headers)
        self.shot_task = self.shot_task()
        self.asset_task = self.asset_task()
        self.artist, self.artist_headers = self.member("user")
        self.assign(self.shot_task, self.artist)
        self.assign(self.asset_task, self.artist)

    def log(self, task, person, day, duration, headers=None, add=False, expected=201):
        path = f"/actions/tasks/{task['id']}/time-spents/{day}/persons/{person.id}"
        return self.post(path + ("/add" if add else ""), {"duration": duration}, expected,
                         headers)


@pytest.fixture
def prod(studio, admin_headers):
    return Studio(studio, admin_headers)
