"""Store timestamps to instants, stored forms and local days, with the hour parsed once.

A store batch repeats an hour and an offset across many rows; parsing the hour once per
batch and adding each row's minutes and seconds costs a third of parsing every stamp.
The rules for what is not plain stay in ingest.validate: anything odd here gives None.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta, tzinfo

from lab.surveys.domain.fields import EARLIEST, LATEST

_parse = datetime.fromisoformat
Stamp = Callable[[datetime], object]


_HOURS: dict[tuple[int, int, int, int], str] = {}
_MINUTE_SECOND = tuple(f"{minute:02d}:{second:02d}" for minute in range(60) for second in range(60))


def sqlite_stamp(moment: datetime) -> str:
    """A UTC datetime as SQLAlchemy's SQLite DATETIME text ("2025-11-21 00:52:29.000000").

    datetime.isoformat costs over a microsecond; the date and hour change seldom between
    rows, so their text is kept per hour and only minutes, seconds and micros are added.
    """
    key = (moment.year, moment.month, moment.day, moment.hour)
    hour = _HOURS.get(key)
    if hour is None:
        if len(_HOURS) > 100_000:
            _HOURS.clear()  # a long-running follow must not grow it without end
        start = moment.replace(minute=0, second=0, microsecond=0, tzinfo=None)
        hour = _HOURS[key] = start.isoformat(" ", "microseconds")[:14]
    micro = moment.microsecond
    return (hour + _MINUTE_SECOND[moment.minute * 60 + moment.second]
            + (f".{micro:06d}" if micro else ".000000"))


def native_stamp(moment: datetime) -> datetime:
    """A UTC datetime as it is (the driver sends it, e.g. PostgreSQL's COPY)."""
    return moment


def moment_of(value: object) -> datetime | None:
    """The UTC instant of a plain aware timestamp, None for anything validate must judge."""
    if type(value) is str:
        try:
            moment = _parse(value.strip())
        except ValueError:
            return None
        # fromisoformat gives a fixed offset or none: no utcoffset() that could be None.
        if moment.tzinfo is None:
            return None
    elif type(value) is not datetime or value.tzinfo is None or value.utcoffset() is None:
        return None
    else:
        moment = value
    moment = moment.astimezone(UTC)  # OverflowError near year 1 or 9999: prepare catches it
    return moment if EARLIEST <= moment < LATEST else None  # validate gives the reason


# The usual store timestamp is "2025-11-21T03:52:29+03:00": 25 characters, an hour and an
# offset shared by many rows of a batch. Its hour is parsed once per batch (by the same
# fromisoformat), and each row adds its minutes and seconds: a third of the cost.
MINSEC = {f":{minute:02d}:{second:02d}": minute * 60 + second
           for minute in range(60) for second in range(60)}
SECONDS = tuple(timedelta(seconds=second) for second in range(3600))
MICRO = timedelta(microseconds=1)
_HOUR = timedelta(hours=1)
_LAST = timedelta(seconds=3599)
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
Hour = tuple[int, datetime, str | None, date | None]


def learn_hour(value: str, hours: dict[str, Hour | bool], tz: tzinfo) -> Hour | bool:
    """The facts of a plain timestamp's hour: microseconds since 1970 and the UTC datetime
    of its start, its SQLite stamp prefix ("2025-11-21 00:", None when the offset has
    minutes) and its local day in tz (None when the day or the offset changes within the
    hour); False when the hour is anything but plain and in range (validate judges)."""
    facts: Hour | bool = False
    if value[4] == "-" and value[7] == "-":
        try:
            start = _parse(value[:13] + ":00:00" + value[19:])
            offset = start.utcoffset()
            if offset is not None:
                start = start.astimezone(UTC)
                if start >= EARLIEST and start + _LAST < LATEST:
                    prefix = (start.isoformat(" ", "microseconds")[:14]
                              if offset % _HOUR == timedelta(0) else None)
                    first, last = start.astimezone(tz), (start + _LAST).astimezone(tz)
                    same = first.date() == last.date() and first.utcoffset() == last.utcoffset()
                    facts = ((start - _EPOCH) // MICRO, start, prefix,
                             first.date() if same else None)
        except (ValueError, OverflowError):
            facts = False
    hours[value[:13] + value[19:]] = facts
    return facts


def instant(value: object, hours: dict[str, Hour | bool], tz: tzinfo, stamp: Stamp
             ) -> tuple[int, object, date | datetime] | None:
    """A timestamp's microseconds since 1970, its stored form and its local day (or its
    UTC datetime, to find the day from); None for anything validate must judge."""
    if type(value) is str and len(value) == 25:
        facts = hours.get(value[:13] + value[19:])
        if facts is None:
            facts = learn_hour(value, hours, tz)
        second = MINSEC.get(value[13:19])
        if facts and second is not None:
            micros, start, prefix, day = facts  # type: ignore[misc]
            micros += second * 1_000_000
            if prefix is not None and stamp is sqlite_stamp:
                stored: object = prefix + value[14:19] + ".000000"
                if day is not None:
                    return micros, stored, day
                return micros, stored, start + SECONDS[second]
            moment = start + SECONDS[second]
            return micros, stamp(moment), moment if day is None else day
    moment = moment_of(value)  # type: ignore[assignment]
    if moment is None:
        return None
    return (moment - _EPOCH) // MICRO, stamp(moment), moment
