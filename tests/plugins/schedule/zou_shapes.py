"""Key orders of Zou 1.0.97's answers, recorded from a running Zou with the same requests."""

BASE = ["id", "created_at", "updated_at", "type"]
TIME_SPENT = ["duration", "date", "task_id", "person_id"] + BASE
RANGED_TIME_SPENT = TIME_SPENT + ["project_id", "task_type_id"]
TIME_PER_TASK = ["task_id", "task_type_id", "project_id", "project_name", "entity_name",
                 "entity_type_name", "sequence_name", "episode_name", "duration"]
DAY_OFF = ["date", "end_date", "description", "person_id"] + BASE
DAY_OFF_DATES = ["date", "end_date", "person_id"] + BASE
MILESTONE = ["date", "name", "project_id", "task_type_id"] + BASE
PRESENTED_MILESTONE = ["id", "date", "name", "project_id", "task_type_id"]
SCHEDULE_ITEM = ["start_date", "end_date", "man_days", "project_id", "task_type_id",
                 "object_id"] + BASE
PRESENTED_SCHEDULE_ITEM = ["id", "start_date", "end_date", "man_days", "project_id",
                           "task_type_id", "object_id"]
BUDGET = ["project_id", "revision", "name", "currency"] + BASE
PRESENTED_BUDGET = ["id", "project_id", "revision", "name", "currency"]
BUDGET_ENTRY = ["budget_id", "department_id", "person_id", "start_date", "months_duration",
                "daily_salary", "position", "seniority", "exceptions"] + BASE
PRESENTED_BUDGET_ENTRY = ["id", "budget_id", "department_id", "person_id", "start_date",
                          "months_duration", "daily_salary", "position", "seniority",
                          "exceptions"]
SALARY_SCALE = ["department_id", "position", "seniority", "salary"] + BASE
SEARCH_FILTER = ["list_type", "entity_type", "name", "search_query", "is_shared",
                 "department_id", "search_filter_group_id", "person_id", "project_id"] + BASE
SEARCH_FILTER_GROUP = ["list_type", "entity_type", "name", "color", "is_shared", "person_id",
                       "project_id", "department_id"] + BASE
DESKTOP_LOGIN_LOG = ["person_id", "date"] + BASE
CHAT = ["object_id", "object_type", "last_message"] + BASE
CHAT_WITH_PARTICIPANTS = ["object_id", "object_type", "last_message", "participants"] + BASE
ENTITY_CHAT = CHAT_WITH_PARTICIPANTS + ["messages"]
CHAT_MESSAGE = ["chat_id", "person_id", "text"] + BASE
LISTED_CHAT_MESSAGE = CHAT_MESSAGE + ["attachment_files"]
USER_CHAT = ["id", "object_id", "last_message", "entity_name", "project_id",
             "preview_file_id"]
PLAYLIST_COLUMNS = ["name", "shots", "project_id", "episode_id", "task_type_id", "for_client",
                    "for_entity", "is_for_all"]
PLAYLIST = PLAYLIST_COLUMNS + ["created_by"] + BASE
PLAYLIST_WITH_JOBS = PLAYLIST_COLUMNS + ["build_jobs", "created_by"] + BASE
LISTED_PLAYLIST = ["type", "id", "name", "project_id", "episode_id", "task_type_id",
                   "for_client", "for_entity", "is_for_all", "created_at", "updated_at",
                   "created_by"]
DETAILED_PLAYLIST = PLAYLIST + ["build_jobs"]
DETAILED_ENTRY = ["entity_id", "id", "preview_files"]
SHARE_LINK = ["token", "playlist_id", "created_by", "expiration_date", "is_active",
              "can_comment"] + BASE + ["has_password"]
TEMP_ENTRY = ["id", "name", "preview_file_task_id", "parent_name", "episode_id",
              "episode_name", "sequence_id", "sequence_name", "asset_type_id",
              "asset_type_name", "preview_files"]
TEMP_ENTRY_PLAYING = TEMP_ENTRY[:-1] + [
    "preview_file_id", "preview_file_extension", "preview_file_width", "preview_file_height",
    "preview_file_duration", "preview_file_revision", "preview_file_status",
    "preview_file_annotations", "preview_file_previews", "preview_files"]
FORBIDDEN = {"error": True, "message": (
    "You don't have the permission to access the requested resource. It is either "
    "read-protected or not readable by the server.")}
