"""Exports of the whole store for other tools: JSON (documented by schema/export.schema.json)."""
