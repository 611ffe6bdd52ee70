"""Leads calibrate the scorer: their reviews of replies, the agreement figures, the export."""
