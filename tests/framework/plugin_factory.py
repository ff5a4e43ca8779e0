"""Build throw-away plugin modules from source text, as a studio would write them."""

import sys
import textwrap
import types

HEADER = """
import peewee
from framework import BaseModel, ModelApi, Route, hookimpl, operation
"""


def plugin_module(name, source):
    """A module named ``name`` whose classes and hooks come from ``source``."""
    module = types.ModuleType(name)
    sys.modules[name] = module
    exec(compile(HEADER + textwrap.dedent(source), f"<plugin {name}>", "exec"),
         module.__dict__)
    return module
