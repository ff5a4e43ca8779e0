"""The gazu 1.3.1 functions the compatibility table accounts for: every public function
defined (not imported) in the modules a pipeline script calls."""

import inspect
from importlib import import_module

MODULES = ("project", "asset", "shot", "scene", "edit", "concept", "entity", "casting",
           "task", "person", "files", "user", "playlist", "context", "project_template",
           "studio", "sync", "client")


def public_functions(module):
    """``{name: function}`` for the public functions ``module`` defines itself."""
    return {name: value for name, value in vars(module).items()
            if inspect.isfunction(value) and not name.startswith("_")
            and value.__module__ == module.__name__}


def surface():
    """``[(module name, function name)]`` for every function of ``MODULES``, sorted."""
    return sorted((name, function) for name in MODULES
                  for function in public_functions(import_module(f"gazu.{name}")))
