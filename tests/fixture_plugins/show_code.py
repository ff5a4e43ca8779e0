"""A studio plugin for the file-tree plugin's ``file_tree_variables`` hook: a ``<ShowCode>``
variable (the project's code, ``xx`` when it has none) and its own ``<Sequence>``, without
Zou's ``Seq`` renaming."""

from framework import hookimpl
from plugins.file_tree.services import variables

REQUIRES = ("file_tree",)


def show_code(context, field):
    return context.project.code or "xx"


def plain_sequence(context, field):
    found = variables.sequence_row(context)
    return "" if found is None else variables.field_of(found, field, "Sequence")


@hookimpl
def file_tree_variables():
    return {"ShowCode": show_code, "Sequence": plain_sequence}
