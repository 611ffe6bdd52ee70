"""Users, roles and teams."""
