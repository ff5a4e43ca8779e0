"""A small production built through gazu for the compat tests of tasks, time, leave,
playlists and the user's lists: an open project with an episode, a sequence and a shot in
it, a character, and a task of each with the artist of the caller's choice assigned."""

import gazu

from tests.compat.conftest import unique


def production(admin, artist=None):
    project = gazu.project.new_project(unique("Daily"), "tvshow", client=admin)
    modeling = gazu.task.get_task_type_by_name("Modeling", for_entity="Asset", client=admin)
    animation = gazu.task.get_task_type_by_name("Animation", for_entity="Shot", client=admin)
    for priority, task_type in enumerate((modeling, animation), start=1):
        gazu.project.add_task_type(project, task_type, priority, client=admin)
    character = gazu.asset.get_asset_type_by_name("Character", client=admin)
    asset = gazu.asset.new_asset(project, character, "Hero", client=admin)
    episode = gazu.shot.new_episode(project, "E101", client=admin)
    sequence = gazu.shot.new_sequence(project, "SQ01", episode=episode, client=admin)
    shot = gazu.shot.new_shot(project, sequence, "SH010", client=admin)
    shot_task = gazu.task.new_task(shot, animation, client=admin)
    asset_task = gazu.task.new_task(asset, modeling, client=admin)
    if artist is not None:
        gazu.project.add_person_to_team(project, artist, client=admin)
        for task in (shot_task, asset_task):
            gazu.task.assign_task(task, artist, client=admin)
    return {"project": project, "modeling": modeling, "animation": animation,
            "character": character, "asset": asset, "episode": episode,
            "sequence": sequence, "shot": shot, "shot_task": shot_task,
            "asset_task": asset_task}
