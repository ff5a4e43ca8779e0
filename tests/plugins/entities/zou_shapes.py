"""Key lists of Zou 1.0.97's answers, recorded from the reference server (same requests,
same data): the entities tests compare Dopesheet's answers with them key for key."""

PROJECT_COLUMNS = [
    "name", "code", "description", "shotgun_id", "file_tree", "data", "has_avatar", "fps",
    "ratio", "resolution", "production_type", "production_style", "start_date", "end_date",
    "man_days", "nb_episodes", "episode_span", "max_retakes", "is_clients_isolated",
    "is_client_stats_visible", "is_client_task_list_visible", "is_client_task_panel_visible",
    "is_preview_download_allowed", "is_set_preview_automated", "homepage",
    "is_publish_default_for_artists", "is_bot_collaboration_enabled",
    "is_single_preview_per_revision", "is_frame_in_numbering", "revision_padding",
    "hd_bitrate_compression", "ld_bitrate_compression", "project_status_id",
    "default_preview_background_file_id", "from_schedule_version_id"]
PROJECT_RELATIONS = ["team", "asset_types", "task_statuses", "task_types", "status_automations",
                     "preview_background_files"]
BASE = ["id", "created_at", "updated_at", "type"]
PROJECT_CREATED = PROJECT_COLUMNS + PROJECT_RELATIONS + BASE
PROJECT_READ = PROJECT_CREATED + ["descriptors", "task_type_links", "task_types_priority",
                                  "task_statuses_link"]

ENTITY = ["id", "name", "code", "description", "shotgun_id", "canceled", "nb_frames",
          "nb_entities_out", "is_casting_standby", "is_shared", "status", "project_id",
          "entity_type_id", "parent_id", "source_id", "preview_file_id", "data", "ready_for",
          "created_by", "created_at", "updated_at", "type"]
ENTITY_WITH_RELATIONS = (ENTITY[:19] + ["entities_out", "entity_concept_links",
                                        "instance_casting", "created_at", "updated_at",
                                        "entities_in", "type"])
ASSET_DETAIL = ([key for key in ENTITY_WITH_RELATIONS if key not in ("nb_frames", "source_id")]
                + ["project_name", "asset_type_id", "asset_type_name", "episode_id",
                   "casting_episode_ids", "tasks"])
ASSET_WITH_TASKS = ["id", "name", "preview_file_id", "description", "asset_type_name",
                    "asset_type_id", "canceled", "ready_for", "episode_id",
                    "casting_episode_ids", "is_casting_standby", "is_shared", "data", "tasks"]
SHOT_WITH_TASKS = ["canceled", "data", "description", "entity_type_id", "episode_id",
                   "episode_name", "fps", "frame_in", "frame_out", "id", "name", "nb_frames",
                   "parent_id", "preview_file_id", "project_id", "project_name", "sequence_id",
                   "sequence_name", "source_id", "nb_entities_out", "is_casting_standby",
                   "tasks", "type"]
SHOT_DETAIL = SHOT_WITH_TASKS + ["code", "shotgun_id", "is_shared", "status", "ready_for",
                                 "created_by", "entities_out", "entity_concept_links",
                                 "instance_casting", "created_at", "updated_at", "entities_in"]
SIMPLE_WITH_TASKS = ["id", "name", "status", "episode_id", "description", "frame_in",
                     "frame_out", "fps", "preview_file_id", "canceled", "data", "tasks"]
EDIT_DETAIL = ["canceled", "data", "description", "entity_type_id", "episode_id",
               "episode_name", "id", "name", "parent_id", "preview_file_id", "project_id",
               "project_name", "source_id", "nb_entities_out", "tasks", "type"]
CONCEPT_WITH_TASKS = ["canceled", "data", "description", "entity_type_id", "fps", "frame_in",
                      "frame_out", "id", "name", "nb_frames", "parent_id", "preview_file_id",
                      "preview_file_status", "project_id", "project_name", "source_id",
                      "nb_entities_out", "is_casting_standby", "tasks", "entity_concept_links",
                      "type", "updated_at", "created_at", "created_by"]
CONCEPT_DETAIL = CONCEPT_WITH_TASKS + ["code", "shotgun_id", "is_shared", "status", "ready_for",
                                       "entities_out", "instance_casting", "entities_in"]

ENTITY_CASTING = ["asset_id", "asset_name", "asset_type_name", "ready_for", "episode_id",
                  "preview_file_id", "nb_occurences", "label", "is_shared", "project_id"]
SHOT_CASTING = ["asset_id", "name", "asset_name", "asset_type_name", "sequence_name",
                "preview_file_id", "nb_occurences", "label", "is_shared", "project_id"]
EPISODE_CASTING = [key for key in SHOT_CASTING if key != "sequence_name"]
ASSET_TYPE_CASTING = ["asset_id", "name", "asset_name", "asset_type_name", "preview_file_id",
                      "nb_occurences", "label"]
CAST_IN_SHOT = ["shot_id", "shot_name", "sequence_name", "episode_id", "episode_name",
                "preview_file_id", "nb_occurences"]
CAST_IN_ASSET = ["asset_id", "asset_name", "asset_type_name", "preview_file_id",
                 "nb_occurences"]
ENTITY_LINK = ["entity_in_id", "entity_out_id", "data", "nb_occurences", "label"] + BASE
ENTITY_LINK_COMPACT = ["id", "entity_in_id", "entity_out_id", "nb_occurences", "label", "data",
                       "created_at", "type"]

ASSET_INSTANCE = ["asset_id", "name", "number", "description", "active", "data", "scene_id",
                  "target_asset_id", "entity_id", "entity_type_id"] + BASE
ASSET_TYPE = ["name", "short_name", "description", "task_types", "archived"] + BASE
TASK_TYPE = ["name", "short_name", "description", "color", "priority", "for_entity",
             "allow_timelog", "archived", "shotgun_id", "department_id"] + BASE
TASK_STATUS = ["name", "archived", "short_name", "description", "color", "priority",
               "is_done", "is_artist_allowed", "is_client_allowed", "is_retake",
               "is_feedback_request", "is_default", "is_wip", "shotgun_id",
               "for_concept"] + BASE
DESCRIPTOR = ["project_id", "entity_type", "task_type_id", "name", "data_type", "field_name",
              "choices", "for_client", "position", "departments"] + BASE
PROJECT_DESCRIPTOR = ["id", "name", "field_name", "data_type", "choices", "for_client",
                      "entity_type", "task_type_id", "position", "departments"]
TEMPLATE_COLUMNS = [
    "name", "description", "fps", "ratio", "resolution", "production_type",
    "production_style", "max_retakes", "is_clients_isolated", "is_client_stats_visible",
    "is_client_task_list_visible", "is_client_task_panel_visible",
    "is_preview_download_allowed", "is_set_preview_automated", "is_publish_default_for_artists",
    "is_single_preview_per_revision", "is_frame_in_numbering", "revision_padding", "homepage",
    "hd_bitrate_compression", "ld_bitrate_compression", "file_tree", "data",
    "metadata_descriptors", "default_preview_background_file_id"]
TEMPLATE_READ = TEMPLATE_COLUMNS + ["task_types", "task_statuses", "asset_types",
                                    "status_automations", "preview_background_files"] + BASE
FORBIDDEN = ("You don't have the permission to access the requested resource. It is either "
             "read-protected or not readable by the server.")
