"""The survey store the IVR/SMS platform writes into: reading it by cursor, and writing it.

The app never reflects the store: its Table is built from the configured table name and
column mapping, so an external store needs no particular schema beyond those columns.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal

from sqlalchemy import (
    BigInteger,
    Column,
    Engine,
    Integer,
    MetaData,
    Numeric,
    Table,
    Text,
    bindparam,
    create_engine,
    func,
    insert,
    select,
)
from sqlalchemy import inspect as inspect_db
from sqlalchemy.engine import make_url
from sqlalchemy.types import NullType

from lab.db import is_sqlite, make_engine
from lab.surveys.settings import CUSTOMER_KEY, STORE_COLUMNS, SurveySettings

# A store that does not answer within this many seconds fails the sync, not the app.
CONNECT_TIMEOUT_S = 5


def read_table(name: str, columns: Mapping[str, str], customer: bool = False) -> Table:
    """A Table for reading: their column names, our keys, and no type conversion at all
    (customer_key too when the store has it)."""
    # NullType hands back what the driver gives: a 6.5 stays 6.5 for validation to refuse,
    # where a typed column could round it or turn 9 into Decimal('9.0000000000').
    keys = STORE_COLUMNS + ((CUSTOMER_KEY,) if customer else ())
    return Table(
        name, MetaData(), *(Column(columns[key], NullType(), key=key) for key in keys)
    )


def layout_table(name: str, columns: Mapping[str, str], customer: bool = True) -> Table:
    """A Table with the bundled layout's types, for creating and filling a store; the
    bundled layout has customer_key, and customer=False gives the layout without it."""
    cols = []
    for key in STORE_COLUMNS + ((CUSTOMER_KEY,) if customer else ()):
        if key == "id":
            # AUTOINCREMENT on SQLite: ids only ever grow, even after deletes (the cursor).
            id_type = BigInteger().with_variant(Integer(), "sqlite")
            cols.append(Column(columns[key], id_type, key=key, primary_key=True,
                               autoincrement=True))
        elif key == "response_id":
            cols.append(Column(columns[key], Text(), key=key, unique=True))
        elif key == "score":
            # Numeric, not Integer: a platform can and does write 6.5; validation refuses it.
            cols.append(Column(columns[key], Numeric(asdecimal=False), key=key))
        else:
            # Text timestamps: the platform writes ISO 8601 with its offset, as the brief says.
            cols.append(Column(columns[key], Text(), key=key))
    return Table(name, MetaData(), *cols, sqlite_autoincrement=True)


def normalise(value: object) -> object:
    """Turn a driver's Decimal into int (a whole number) or float (anything else)."""
    if isinstance(value, Decimal):
        exponent = value.as_tuple().exponent
        if isinstance(exponent, int) and exponent >= 0:
            return int(value)
        return float(value)
    return value


def _engine(url: str, busy_timeout_ms: int) -> Engine:
    if is_sqlite(url):
        return make_engine(url, busy_timeout_ms=busy_timeout_ms)
    if make_url(url).get_backend_name() == "postgresql":
        return create_engine(url, pool_pre_ping=True,
                             connect_args={"connect_timeout": CONNECT_TIMEOUT_S})
    return create_engine(url, pool_pre_ping=True)


class SurveyStore:
    """One store: its engine and the table read by the id cursor."""

    def __init__(self, url: str, table: str, columns: Mapping[str, str],
                 busy_timeout_ms: int = 30_000) -> None:
        self.url = url
        self.engine = _engine(url, busy_timeout_ms)
        self.columns = dict(columns)
        self.table = read_table(table, columns)
        self.layout = layout_table(table, columns)
        self._customer: bool | None = None  # learnt from the store at the first read

    @property
    def has_customer_key(self) -> bool:
        """True when the store's table has the (mapped) customer_key column. Asked once
        per process: a store that gains the column is read with it after a restart."""
        if self._customer is None:
            try:
                names = {column["name"] for column in
                         inspect_db(self.engine).get_columns(self.table.name)}
            except Exception:  # no table yet (it is created first) or no right to look
                return False
            self._customer = self.columns[CUSTOMER_KEY] in names
            if self._customer:
                self.table = read_table(self.table.name, self.columns, customer=True)
        return self._customer

    def _compiled(self):
        """The cursor queries, compiled once to the driver's own SQL: fetch_after runs
        them on a plain DB-API cursor, whose C-built tuples cost a fraction of SQLAlchemy
        rows and dicts. Rows come in STORE_COLUMNS order, customer_key last when read."""
        found = getattr(self, "_queries", None)
        customer = self.has_customer_key
        if found is None or found[0] != customer:
            keys = STORE_COLUMNS + ((CUSTOMER_KEY,) if customer else ())
            chosen = select(*(self.table.c[key].label(key) for key in keys))
            after = (chosen.where(self.table.c.id > bindparam("after"))
                     .order_by(self.table.c.id).limit(bindparam("limit")))
            between = (chosen.where(self.table.c.id > bindparam("after"),
                                    self.table.c.id <= bindparam("upto"))
                       .order_by(self.table.c.id))
            dialect = self.engine.dialect
            found = self._queries = (customer, after.compile(dialect=dialect),
                                     between.compile(dialect=dialect))
        return found

    @classmethod
    def from_settings(cls, settings: SurveySettings) -> SurveyStore:
        """The store the settings point at."""
        return cls(settings.store_url, settings.table, settings.columns,
                   settings.busy_timeout_ms)

    @property
    def identity(self) -> str:
        """Which store and table, without the password: the cursor belongs to it."""
        return f"{make_url(self.url).render_as_string(hide_password=True)}#{self.table.name}"

    @property
    def embedded(self) -> bool:
        """True for a SQLite store: ours to create when it is missing."""
        return is_sqlite(self.url)

    def create(self) -> None:
        """Create the table (and its file) when missing."""
        self.layout.metadata.create_all(self.engine, checkfirst=True)
        if self._customer is False:
            self._customer = None  # it may have been made just now: look again

    def fetch_after(self, cursor: int, limit: int) -> list[tuple]:
        """Up to `limit` rows with id above the cursor, in id order: tuples in STORE_COLUMNS
        order, values as the driver gives them (a Decimal is left for `normalise`)."""
        return self._fetch(self._compiled()[1], {"after": cursor, "limit": limit})

    def fetch_between(self, after: int, upto: int) -> list[tuple]:
        """The rows with after < id <= upto, in id order, as fetch_after gives them."""
        return self._fetch(self._compiled()[2], {"after": after, "upto": upto})

    def _fetch(self, compiled, values: dict[str, int]) -> list[tuple]:
        params = compiled.construct_params(values)
        args = (tuple(params[name] for name in compiled.positiontup)  # type: ignore[union-attr]
                if compiled.positional else params)
        with self.engine.connect() as connection:
            driver = connection.connection.driver_connection
            found = driver.cursor()  # type: ignore[union-attr]
            try:
                found.execute(compiled.string, args)
                return list(found.fetchall())
            finally:
                found.close()

    def max_id(self) -> int:
        """The highest id in the store, 0 when empty: lag is measured against it."""
        with self.engine.connect() as connection:
            value = connection.execute(select(func.max(self.table.c.id))).scalar()
        return int(normalise(value) or 0)  # type: ignore[call-overload]

    def count_after(self, cursor: int) -> int:
        """How many rows wait past the cursor: the true lag (ids may have gaps)."""
        query = select(func.count()).select_from(self.table).where(self.table.c.id > cursor)
        with self.engine.connect() as connection:
            return int(connection.execute(query).scalar() or 0)

    def count(self) -> int:
        """How many rows the store holds."""
        with self.engine.connect() as connection:
            return int(connection.execute(select(func.count()).select_from(self.table)).scalar()
                       or 0)

    def append(self, rows: Sequence[Mapping[str, object]]) -> None:
        """Write rows as the platform would (our names; id given or left to the store)."""
        if not rows:
            return
        # One key set for the whole executemany; ids only when every row brings one.
        keys = STORE_COLUMNS if all("id" in row for row in rows) else STORE_COLUMNS[1:]
        if self.has_customer_key:
            keys = keys + (CUSTOMER_KEY,)
        with self.engine.begin() as connection:
            connection.execute(insert(self.layout), [{k: row.get(k) for k in keys} for row in rows])

    def dispose(self) -> None:
        """Close the store's connections."""
        self.engine.dispose()
