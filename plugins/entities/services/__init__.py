"""Domain logic of the entities plugin (no Falcon here)."""
