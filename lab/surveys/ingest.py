"""One path for every row, whatever brought it (sync, push, import): validate, store, count.

The caller owns the transaction: the responses, the rollup increments and the quarantine
rows of one call commit together or not at all.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, tzinfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from lab.accounts.models import User
from lab.alerts.detect import Arrived, answers_arrived
from lab.db import keep_statistics, utcnow
from lab.fairness.customers import customer_hash
from lab.fairness.recount import apply_customer_rule
from lab.surveys.bulk import insert_new
from lab.surveys.domain import Rejected, Response, Valid, Windows, validate_row
from lab.surveys.quarantine import quarantine
from lab.surveys.report import SyncReport
from lab.surveys.settings import CustomerRule, SurveySettings
from lab.surveys.topics import topic_mask
from lab.tnps import rollup


@dataclass(frozen=True)
class IngestContext:
    """What validation and storage need: agents by login, the windows, the report zone."""

    agents: Mapping[str, int]
    windows: Windows
    tz: tzinfo
    customer: CustomerRule = CustomerRule()


def known_agents(session: Session) -> dict[str, int]:
    """Logins of every agent (active or not: old answers still count) to their user id."""
    rows = session.execute(select(User.login, User.id).where(User.role == "agent"))
    return {login: user_id for login, user_id in rows}


def load_context(session: Session, settings: SurveySettings) -> IngestContext:
    """The context for one sync, import or push."""
    return IngestContext(known_agents(session), settings.windows, settings.tz,
                         settings.customer)


def _params(item: Response, agent_id: int, source: str, now: datetime, secret: bytes
            ) -> dict[str, object]:
    return {
        "response_id": item.response_id,
        "store_id": item.id,
        "call_id": item.call_id,
        "agent_id": agent_id,
        "channel": item.channel.value,
        "call_ended_at": item.call_ended_at,
        "sent_at": item.sent_at,
        "answered_at": item.answered_at,
        "score": item.score,
        "comment": item.comment,
        "topics": topic_mask(item.comment),
        "late": item.late,
        "late_reason": item.late_reason.value if item.late_reason else None,
        "source": source,
        "received_at": now,
        "customer_hash": customer_hash(secret, item.customer_key),
    }


def store_valid(
    session: Session, items: Sequence[Response], source: str, ctx: IngestContext
) -> list[Response]:
    """Insert the responses not stored yet; return the ones this call inserted."""
    if not items:
        return []
    now = utcnow()
    # Sorted by response_id: two writers meeting on the unique index wait in one order.
    ordered = sorted(items, key=lambda item: item.response_id)
    secret = ctx.customer.secret
    params = [_params(item, ctx.agents[item.agent_login], source, now, secret)
              for item in ordered]
    inserted = insert_new(session, params)
    stored = [item for item in ordered if item.response_id in inserted]
    answers_arrived(session, [
        Arrived(item.response_id, ctx.agents[item.agent_login], item.score, item.comment,
                item.late, item.answered_at) for item in stored if item.score <= 6], now)
    counts = rollup.increments(
        (rollup.Counted(item.call_ended_at, ctx.agents[item.agent_login], item.channel.value,
                        item.score, topic_mask(item.comment))
         for item in stored if not item.late),
        ctx.tz,
    )
    # Every stored comment, late or not: the comment list's total is read from these.
    counts.comments = rollup.comment_counts(
        (item.call_ended_at.astimezone(ctx.tz).date(), ctx.agents[item.agent_login],
         item.channel.value, rollup.slot(item.score))
        for item in stored if item.comment is not None)
    # The one-voice rule takes back what a customer said twice, in the same apply.
    counts += apply_customer_rule(
        session, {customer_hash(secret, item.customer_key) for item in stored
                  if item.customer_key is not None and not item.late}, ctx.customer, ctx.tz)
    rollup.apply(session, counts)
    if stored:
        keep_statistics(session)
    return stored


# A row may name its question (SMS surveys ask up to six); only the 0-10 one is TNPS.
NPS_QUESTIONS = frozenset({"nps", "tnps"})


def precheck(raw: object) -> Rejected | None:
    """Refuse what is not a TNPS answer at all, before field validation."""
    if not isinstance(raw, Mapping):
        return Rejected("not_an_object",
                        f"a survey row must be an object, got {type(raw).__name__}")
    question = raw.get("question")
    if question is not None and str(question).strip().lower() not in NPS_QUESTIONS:
        return Rejected("not_nps_question",
                        f"question {str(question)[:60]!r} is not the 0-10 TNPS question",
                        "question")
    score = raw.get("score", ...)
    if score is None or (isinstance(score, str) and not score.strip()):
        # Dismissed or left empty: no answer, so in no bucket and not in n.
        return Rejected("dismissed", "no score: the survey was dismissed or left empty",
                        "score")
    return None


def validate(raw: object, ctx: IngestContext) -> Valid | Rejected:
    """The pre-checks, then the domain's field-by-field validation.

    Whatever a row holds, it gets a verdict: one row that trips an unforeseen error must
    not fail its batch (and, in a sync, stop the cursor for good) but wait in quarantine.
    """
    try:
        refused = precheck(raw)
        if refused is not None:
            return refused
        return validate_row(raw, ctx.agents, ctx.windows)  # type: ignore[arg-type]
    except (ValueError, TypeError, OverflowError, ArithmeticError, RecursionError,
            UnicodeError) as exc:
        return Rejected("unreadable_row", f"the row could not be read: {type(exc).__name__}")


Classified = list[tuple[object, Valid | Rejected]]


def classify(raws: Iterable[object], ctx: IngestContext) -> Classified:
    """Each row with its verdict: pure, so it may run ahead of the writing (and in a thread)."""
    return [(raw, validate(raw, ctx)) for raw in raws]


def store(session: Session, classified: Classified, source: str, ctx: IngestContext
          ) -> SyncReport:
    """Store classified rows: valid ones once each, the others into quarantine."""
    valid: dict[str, Response] = {}
    rejected: list[tuple[object, Rejected]] = []
    repeated = 0
    for raw, result in classified:
        if isinstance(result, Valid):
            if result.response.response_id in valid:
                repeated += 1  # the same answer twice in one batch: stored once
            else:
                valid[result.response.response_id] = result.response
        else:
            rejected.append((raw, result))
    stored = store_valid(session, list(valid.values()), source, ctx)
    held, replayed = quarantine(session, rejected, source)
    return SyncReport(
        seen=len(classified),
        taken=len(stored),
        duplicate=repeated + len(valid) - len(stored) + replayed,
        quarantined=held,
        late=sum(1 for item in stored if item.late),
    )


def ingest(session: Session, raws: Iterable[object], source: str, ctx: IngestContext
           ) -> SyncReport:
    """Validate and store rows (the caller commits)."""
    return store(session, classify(raws, ctx), source, ctx)
