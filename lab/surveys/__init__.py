"""The survey feed: the store, sync, push, CSV import, quarantine and the demo feed.

domain/ holds the plain-Python validation of one row (no Flask, no database); the
modules beside it move rows from the store into the app database.
"""
