"""The hook the file-tree plugin publishes (added through ``add_hooks``)."""

from framework.hookspecs import hookspec


@hookspec
def file_tree_variables(dopesheet):
    """Return ``{name: resolve}``: template variables (``<Name>`` or ``<Name.field>``) and
    how to read them. ``resolve(context, field)`` gets a
    ``plugins.file_tree.services.variables.PathContext`` (project, entity, task, task type,
    asset instance, software, output type, name, revision...) and the field asked for
    (``name``, ``short_name``, ``number`` or ``id``; any other is ``name``, as in Zou), and
    returns the value (slugified and styled by the tree, except an ``id``), or None to leave
    the variable as written. Raise ``framework.ApiError`` to refuse the path. The
    dictionaries of all implementations are merged; a studio plugin's win over the
    plugin's own (``trylast``), so a studio can redefine ``<Sequence>``. Collected once per
    application."""
