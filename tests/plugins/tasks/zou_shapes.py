"""Key orders of Zou 1.0.97's answers, recorded from a running Zou with the same requests."""

TASK_COLUMNS = [
    "name", "description", "priority", "difficulty", "duration", "estimation",
    "completion_rate", "retake_count", "sort_order", "start_date", "due_date",
    "real_start_date", "end_date", "done_date", "last_comment_date", "nb_assets_ready", "data",
    "nb_drawings", "shotgun_id", "last_preview_file_id", "project_id", "task_type_id",
    "task_status_id", "entity_id", "assigner_id"]
BASE = ["id", "created_at", "updated_at", "type"]
TASK = TASK_COLUMNS + BASE
TASK_WITH_ASSIGNEES = TASK_COLUMNS + ["assignees"] + BASE
CREATED_TASK = TASK + [
    "assignees", "task_status_name", "task_status_short_name", "task_status_color",
    "task_type_name", "task_type_color", "task_type_priority"]
FULL_TASK = TASK_WITH_ASSIGNEES + [
    "entity", "entity_type", "is_subscribed", "persons", "project", "task_status", "task_type",
    "assigner", "sequence", "episode"]
DETAILED_TASK = TASK + ["project_name", "task_type_name", "task_status_name",
                        "entity_type_name", "entity_name"]
ENRICHED = ["project_name", "project_has_avatar", "entity_name", "entity_description",
            "entity_data", "entity_preview_file_id", "entity_source_id", "entity_type_name",
            "entity_canceled", "sequence_name", "episode_id", "episode_name",
            "task_type_for_entity"]
TODO = TASK + ENRICHED + [
    "task_estimation", "task_duration", "task_start_date", "task_due_date", "task_type_name",
    "task_status_name", "task_type_color", "task_status_color", "task_status_short_name",
    "assignees", "last_comment"]
OPEN_TASK = TASK + ENRICHED + ["type_name", "status_name", "type_color", "status_color",
                               "status_short_name", "assignees"]
COMPACT_TASK = [
    "id", "duration", "due_date", "end_date", "done_date", "entity_id", "estimation",
    "is_subscribed", "last_comment_date", "last_preview_file_id", "nb_assets_ready",
    "priority", "real_start_date", "retake_count", "start_date", "difficulty", "nb_drawings",
    "task_status_id", "task_type_id", "assignees", "data"]
COMMENT_COLUMNS = [
    "shotgun_id", "object_id", "object_type", "text", "data", "replies", "checklist", "pinned",
    "for_client", "links", "task_status_id", "person_id", "editor_id", "preview_file_id"]
COMMENT = COMMENT_COLUMNS + BASE
POSTED_COMMENT = COMMENT_COLUMNS + ["previews"] + BASE + [
    "mentions", "department_mentions", "acknowledgements", "attachment_files", "task_status",
    "person"]
COMMENT_WITH_RELATIONS = COMMENT_COLUMNS + ["previews"] + BASE + [
    "mentions", "department_mentions", "acknowledgements", "attachment_files"]
CONVERSATION_COMMENT = COMMENT + ["person", "task_status", "acknowledgements", "previews",
                                  "mentions", "department_mentions", "attachment_files"]
PROJECT_COMMENT = COMMENT + ["previews", "mentions", "department_mentions",
                             "acknowledgements", "attachment_files"]
CONVERSATION_PERSON = ["first_name", "last_name", "full_name", "has_avatar", "role", "id"]
SHORT_PERSON = ["id", "first_name", "last_name", "full_name", "has_avatar", "role"]
CONVERSATION_STATUS = ["name", "short_name", "color", "id"]
REPLY = ["id", "date", "person_id", "text", "mentions", "department_mentions", "created_at",
         "person"]
STORED_REPLY = ["id", "date", "text", "mentions", "person_id", "created_at",
                "department_mentions"]
NOTIFICATION = ["read", "change", "type", "person_id", "author_id", "comment_id", "task_id",
                "playlist_id", "reply_id", "id", "created_at", "updated_at",
                "notification_type"]
INBOX_ITEM = [
    "id", "type", "notification_type", "author_id", "comment_id", "task_id", "task_type_id",
    "task_status_id", "mentions", "department_mentions", "reply_mentions",
    "reply_department_mentions", "preview_file_id", "project_id", "project_name",
    "comment_text", "reply_text", "created_at", "read", "change", "full_entity_name",
    "episode_id", "entity_preview_file_id", "subscription_id", "playlist_id", "playlist_name",
    "playlist_for_entity", "playlist_is_for_all"]
NEWS = ["change", "author_id", "comment_id", "task_id", "preview_file_id"] + BASE
FEED_ITEM = [
    "id", "type", "author_id", "comment_id", "task_id", "task_type_id", "task_status_id",
    "task_entity_id", "preview_file_id", "preview_file_extension", "preview_file_revision",
    "project_id", "project_name", "created_at", "change", "full_entity_name", "episode_id",
    "entity_preview_file_id", "person"]
FEED = ["data", "total", "nb_pages", "limit", "offset", "page", "stats"]
SUBSCRIPTION = ["person_id", "task_id", "entity_id", "task_type_id"] + BASE
EVENT = ["id", "created_at", "name", "user_id", "project_id", "data"]
API_EVENT = ["name", "user_id", "project_id", "data"] + BASE
CONTEXT = [
    "asset_types", "custom_actions", "status_automations", "departments", "studios",
    "notification_count", "persons", "project_status", "project_roles", "projects",
    "task_types", "task_status", "search_filters", "search_filter_groups",
    "preview_background_files", "plugins"]
FORBIDDEN = {"error": True, "message": (
    "You don't have the permission to access the requested resource. It is either "
    "read-protected or not readable by the server.")}
NOT_FOUND = {"error": True, "message": (
    "404 Not Found: The requested URL was not found on the server. If you entered the URL "
    "manually please check your spelling and try again.")}
