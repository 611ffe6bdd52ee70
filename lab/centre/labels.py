"""How the centre's segments and digest groups read in the page's language."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from lab.centre.digest import ALARMING
from lab.dashboard.present import CHANNEL_LABELS, TOPIC_LABELS
from lab.tnps.segments import NO_TOPIC

DIMENSION_LABELS = {"channel": _l("Channel"), "topic": _l("Comment topic"), "team": _l("Team"),
                    "tenure": _l("Agent's tenure"), "daypart": _l("Time of day")}
_VALUES = {
    "tenure": {"0-3m": _l("under 3 months"), "3-12m": _l("3 to 12 months"),
               "12m+": _l("over a year")},
    "daypart": {"morning": _l("morning, 8–12"), "afternoon": _l("afternoon, 12–17"),
                "evening": _l("evening, 17–22"), "night": _l("night, 22–8")},
}


def value_label(dimension: str, value: str) -> str:
    """A segment value for people; a team keeps its name, an unknown topic its key."""
    if dimension == "channel":
        return str(CHANNEL_LABELS.get(value, value))
    if dimension == "topic":
        return topic_label(value)
    if dimension == "centre":
        return str(_l("The whole centre"))
    return str(_VALUES.get(dimension, {}).get(value, value))


def topic_label(topic: str) -> str:
    """A topic's name; topics added to the classifier later show their key until named."""
    if topic == NO_TOPIC:
        return str(_l("No topic"))
    return str(TOPIC_LABELS.get(topic, topic))


def group_label(key: str) -> str:
    """A digest group's heading."""
    if key == ALARMING:
        return str(_l("Alarming: call these customers back first"))
    return topic_label(key)
