"""The files plugin's domain logic: no Falcon here."""
