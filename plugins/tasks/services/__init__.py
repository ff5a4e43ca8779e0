"""The tasks plugin's domain logic (no Falcon)."""
