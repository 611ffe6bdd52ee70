"""What the fairness page calls each sign and check, in the user's language."""

from flask_babel import lazy_gettext as _l

from lab.fairness import signals

KIND_LABELS = {signals.STEERING: _l("Channel steering"), signals.BEGGING: _l("Begging")}
KIND_HINTS = {
    signals.STEERING: _l("Pleased customers sent to the IVR survey by ending the call first, "
                         "unhappy ones left to hang up and get the SMS a day later."),
    signals.BEGGING: _l("Customers asked for a good score: many 10s without a word, and "
                        "comments saying so."),
}
CHECK_LABELS = {
    signals.IVR_SHARE_TEAM: _l("IVR share of answers, against the rest of the team"),
    signals.IVR_SHARE_PAST: _l("IVR share of answers, against the agent's 90 days before"),
    signals.GAP_TEAM: _l("TNPS gap IVR − SMS, against the rest of the team"),
    signals.GAP_PAST: _l("TNPS gap IVR − SMS, against the agent's 90 days before"),
    signals.PROMOTERS_TEAM: _l("Promoter share, against the rest of the team"),
    signals.SILENT_TENS_TEAM: _l("10s without a comment, against the rest of the team"),
    signals.SILENT_TENS_PAST: _l("10s without a comment, against the agent's 90 days before"),
    signals.ASKED: _l("Comments saying the agent asked for the score"),
    signals.TIER_JUMP: _l("Promoter share in the last 15 days against the 15 before, "
                          "counted only when a bonus tier was within 10 points"),
}
# Which checks compare shares (shown in %) rather than TNPS gaps (shown in points).
GAP_CHECKS = frozenset({signals.GAP_TEAM, signals.GAP_PAST})
