"""Settings kept in the database and the audit log."""
