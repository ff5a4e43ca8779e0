"""Which gazu functions each compat test calls, and how the test ended.

The functions of ``gazu_surface.MODULES`` (and gazu's own log_in/log_out...) are wrapped for
the session; only the outermost call is recorded, since gazu functions call each other (a
test calling ``gazu.asset.new_asset`` covers it, not the ``client.post`` inside). The record
is written as JSON when DOPESHEET_COMPAT_RECORD names a file; tools/compat_table.py turns it
into docs/compat.md."""

import functools
import json
import pathlib
import threading
from importlib import import_module

import gazu

from tests.compat.gazu_surface import MODULES, public_functions


class Recorder:
    def __init__(self):
        self.calls = {}
        self.outcomes = {}
        self.current_test = None
        self._depth = threading.local()
        self._originals = []

    def install(self):
        modules = [gazu] + [import_module(f"gazu.{name}") for name in MODULES]
        for module in modules:
            for name, function in public_functions(module).items():
                label = name if module is gazu else f"{module.__name__[5:]}.{name}"
                self._originals.append((module, name, function))
                setattr(module, name, self._wrap(label, function))

    def uninstall(self):
        for module, name, function in self._originals:
            setattr(module, name, function)
        self._originals.clear()

    def _wrap(self, label, function):
        @functools.wraps(function)
        def recorded(*args, **kwargs):
            depth = getattr(self._depth, "value", 0)
            if depth == 0 and self.current_test is not None:
                self.calls.setdefault(self.current_test, set()).add(label)
            self._depth.value = depth + 1
            try:
                return function(*args, **kwargs)
            finally:
                self._depth.value = depth

        return recorded

    def outcome(self, nodeid, outcome):
        """Keep the worst outcome of a test's phases (setup, call, teardown)."""
        if self.outcomes.get(nodeid) in (None, "passed"):
            self.outcomes[nodeid] = outcome

    def write(self, path):
        record = {nodeid: {"outcome": self.outcomes.get(nodeid, "unknown"),
                           "functions": sorted(functions)}
                  for nodeid, functions in sorted(self.calls.items())}
        pathlib.Path(path).write_text(json.dumps(record, indent=1) + "\n")
