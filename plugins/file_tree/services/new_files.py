"""The paths of new working and output files, for the files plugin's ``file_path`` hook,
built as Zou's ``working-files/new`` and ``output-files/new`` build them: a working file's
folder always uses ``/`` (the client's separator only joins the file name), an output
file's mode is always ``output`` and its folder and name get the new revision."""

from plugins.entities.models import Entity

from . import building, rows


def location(query, variables):
    """``{"folder_path", "file_name"}``, or None when the project has no tree, or an asset
    instance's output names no shot or scene (the files plugin then keeps the client's
    path)."""
    entity = query.temporal_entity or query.entity
    if entity is None and query.task is not None:
        entity = Entity.get_by_id(query.task.entity_id)
    if entity is None or rows.project_of(entity).file_tree is None:
        return None
    if query.asset_instance is not None and query.temporal_entity is None:
        return None
    if query.kind == "working":
        built = building.working(query.task, variables, query.mode, query.software,
                                 query.name, query.revision, "/")
    elif query.asset_instance is not None:
        built = building.instance(query.asset_instance, query.temporal_entity, variables,
                                  query.output_type, query.task_type, "output", query.name,
                                  query.representation, query.revision, query.sep)
    else:
        built = building.output(query.entity, variables, query.output_type, query.task_type,
                                "output", query.name, query.representation, query.revision,
                                query.sep, nb_elements=query.nb_elements)
    return {"folder_path": built.folder_path, "file_name": built.file_name}
