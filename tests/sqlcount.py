"""Counting the SQL statements a request runs: pages must not grow with the data."""

from __future__ import annotations

from contextlib import contextmanager

from sqlalchemy import event


@contextmanager
def counted(engine):
    """Yield a list that collects every statement the engine runs inside the block."""
    statements: list[str] = []

    def record(_conn, _cursor, statement, _params, _context, _many):
        statements.append(statement)

    event.listen(engine, "before_cursor_execute", record)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", record)


def page_statements(app, client, path: str) -> int:
    """Statements one GET of path runs once warm (first-request work is not the page's)."""
    client.get(path)
    with counted(app.extensions["lab.db"].engine) as statements:
        response = client.get(path)
    assert response.status_code == 200
    return len(statements)
