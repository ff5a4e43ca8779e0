"""Dopesheet's builtin plugins, one package each (see DESIGN.md §1)."""
