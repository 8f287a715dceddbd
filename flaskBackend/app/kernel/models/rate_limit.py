"""Rate-limit counters shared by every worker and instance (app/rate_limit_storage.py)."""

import datetime as dt

from sqlalchemy import DateTime, Integer, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.kernel.models.base import Base


class RateLimitCounter(Base):
    """One fixed-window counter; a row whose window has passed counts as zero."""

    __tablename__ = "rate_limit_counters"
    # UNLOGGED: no WAL for counters that are worthless after a crash, so counting stays cheap.
    __table_args__ = {"prefixes": ["UNLOGGED"]}

    key: Mapped[str] = mapped_column(Text, primary_key=True)
    count: Mapped[int] = mapped_column(Integer)
    expires_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), index=True)
