"""Helpers shared by the templates."""
