"""Users, teams and users' open sessions."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, CheckConstraint, Column, ForeignKey, Integer, String, Table
from sqlalchemy.orm import Mapped, mapped_column, relationship

from lab.accounts.roles import Role
from lab.db import Base, UTCDateTime, utcnow

team_leads = Table(
    "team_leads",
    Base.metadata,
    Column("team_id", ForeignKey("teams.id", ondelete="CASCADE"), primary_key=True),
    Column("user_id", ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
)


class Team(Base):
    """A team of agents, led by one or more leads."""

    __tablename__ = "teams"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    # The lead may hide names on the team's practice leaderboard.
    leaderboard_anonymous: Mapped[bool] = mapped_column(Boolean, default=False)

    members: Mapped[list[User]] = relationship(
        back_populates="team", order_by="User.login", foreign_keys="User.team_id"
    )
    leads: Mapped[list[User]] = relationship(
        secondary=team_leads, back_populates="led_teams", order_by="User.login"
    )

    def __repr__(self) -> str:
        return f"<Team {self.name}>"


class User(Base):
    """A person who signs in: an agent, a team lead or an admin."""

    __tablename__ = "users"
    __table_args__ = (
        CheckConstraint("role IN ('agent', 'lead', 'manager', 'admin')", name="role"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    login: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    role: Mapped[str] = mapped_column(String(10))
    team_id: Mapped[int | None] = mapped_column(ForeignKey("teams.id", ondelete="SET NULL"))
    password_hash: Mapped[str] = mapped_column(String(255))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    locale: Mapped[str | None] = mapped_column(String(5))
    # Bumped on logout-everywhere, password change or deactivation: old sessions stop working.
    session_epoch: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    last_login_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # Where alerts and the weekly digest are mailed; optional (in-app alerts need none).
    email: Mapped[str | None] = mapped_column(String(254))

    team: Mapped[Team | None] = relationship(back_populates="members", foreign_keys=[team_id])
    led_teams: Mapped[list[Team]] = relationship(
        secondary=team_leads, back_populates="leads", order_by="Team.name"
    )

    @property
    def role_enum(self) -> Role:
        """The role as the enum."""
        return Role(self.role)

    # Flask-Login's protocol, kept here so the model needs no Flask import.
    @property
    def is_active(self) -> bool:
        return self.active

    @property
    def is_authenticated(self) -> bool:
        return True

    @property
    def is_anonymous(self) -> bool:
        return False

    # The server-side session this object was signed in or loaded with (not a column):
    # Flask-Login stores get_id() in the session and in the remember-me cookie.
    session_id = None

    def get_id(self) -> str:
        return str(self.session_id) if self.session_id else f"{self.id}.{self.session_epoch}"

    def __repr__(self) -> str:
        return f"<User {self.login} {self.role}>"


class UserSession(Base):
    """One signed-in browser: the cookie names it, so the server can end it.

    Only a hash of the token is kept: a copy of the database signs nobody in.
    """

    __tablename__ = "user_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    remember: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())
