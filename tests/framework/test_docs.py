"""The documentation stays true to the code."""

import re
from pathlib import Path

from framework import hookspecs

DOCS = Path(__file__).resolve().parents[2] / "docs"
EXAMPLE = Path(__file__).resolve().parents[1] / "fixture_plugins" / "notes.py"


def test_every_hook_has_a_heading_and_every_heading_a_hook():
    headings = set(re.findall(r"^## (\w+)$", (DOCS / "hooks.md").read_text(), re.M))
    specs = {name for name in dir(hookspecs)
             if hasattr(getattr(hookspecs, name), "dopesheet_spec")}
    assert headings == specs


def test_plugin_guide_shows_the_tested_example_verbatim():
    assert EXAMPLE.read_text() in (DOCS / "plugins.md").read_text()
