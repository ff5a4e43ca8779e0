"""The file-tree plugin's hook implementations."""

from framework import hookimpl

from . import hookspecs
from .resources import routes
from .services import new_files, templates, variables
from .settings import SECTION, FileTreeSettings


@hookimpl
def add_hooks(pluginmanager):
    pluginmanager.add_hookspecs(hookspecs)


@hookimpl
def register_settings():
    return {SECTION: FileTreeSettings}


@hookimpl
def register_routes(dopesheet):
    return routes(dopesheet)


@hookimpl(trylast=True)
def file_tree_variables():
    """Zou's variables; a studio plugin's implementation redefines any of them."""
    return dict(variables.BUILTIN)


@hookimpl
def project_checking(data, project, dopesheet):
    """A new tree sent with a project is checked before it is stored; the tree a client
    sends back unchanged (gazu sends whole projects) is not."""
    tree = data.get("file_tree")
    if tree is not None and (project is None or tree != project.file_tree):
        templates.check(tree, variables.collected(dopesheet))


@hookimpl
def file_path(query, dopesheet):
    return new_files.location(query, variables.collected(dopesheet))
