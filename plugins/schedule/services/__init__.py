"""Domain logic of the schedule plugin (no Falcon import)."""
