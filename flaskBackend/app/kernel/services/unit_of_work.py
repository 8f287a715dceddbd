"""The transaction boundary: commit explicitly, or everything is rolled back."""

from __future__ import annotations

from collections.abc import Callable
from types import TracebackType
from typing import Any, Self, TypeVar

from sqlalchemy.exc import DBAPIError, IntegrityError, InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from app.kernel.repositories.base import SqlRepository
from app.kernel.repositories.health import DatabaseProbe
from app.kernel.services.errors import Conflict, PreconditionFailed, Unavailable

UNIQUE_VIOLATION = "23505"
FOREIGN_KEY_VIOLATION = "23503"  # e.g. deleting a row another row still points at
DATABASE_UNAVAILABLE = "The database is not answering; try again shortly."
RepositoryT = TypeVar("RepositoryT", bound=SqlRepository[Any])


class UnitOfWork:
    """What a service sees: repositories and commit. Leaving without commit rolls back."""

    database: DatabaseProbe

    def __enter__(self) -> Self:
        return self

    def repository(self, kind: type[RepositoryT]) -> RepositoryT:
        """The repository of that class, over this unit's session: no list to register it in."""
        raise NotImplementedError

    def reading(self) -> Self:
        """Use as `with uow.reading():` for work that only reads; commit() is then refused."""
        return self

    def single_statement(self) -> Self:
        """Use as `with uow.single_statement():` for work that writes with one statement (an
        INSERT): it runs without BEGIN and COMMIT, each statement committed by itself, which is
        atomic for one statement and saves two round trips. Reads before it are fine."""
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.rollback()

    def commit(self) -> None:
        raise NotImplementedError

    def flush(self) -> None:
        """Send pending changes without committing, e.g. to learn a new row's id."""

    def rollback(self) -> None:
        raise NotImplementedError


class SqlAlchemyUnitOfWork(UnitOfWork):
    """With keep_reads (one unit per request: app.kernel.composition), work that only reads, and a
    one-statement write, share one autocommit session from the request's first step (the
    caller's lookup) to close(): one pooled connection and one session per request, not one per
    step. What a step loaded is forgotten when it ends, so the next step reads the database. A
    transaction gets a session of its own, and the kept one is closed first: a request never
    holds two connections. Without keep_reads (a service test's long-lived unit), every step
    has a session of its own."""

    def __init__(
        self,
        session_factory: sessionmaker[Session],
        read_session_factory: sessionmaker[Session] | None = None,
        *,
        keep_reads: bool = False,
    ) -> None:
        self._session_factory = session_factory
        self._read_session_factory = read_session_factory or session_factory
        self._keep_reads = keep_reads
        self._kept: Session | None = None
        self._bound: Session | None = None  # the session the repositories below work on
        self._read_only = False
        self._autocommit = False

    def reading(self) -> Self:
        self._read_only = self._autocommit = True
        return self

    def single_statement(self) -> Self:
        self._autocommit = True
        return self

    def __enter__(self) -> Self:
        if self._autocommit and self._keep_reads:
            self._kept = self._kept or self._read_session_factory()
            session = self._kept
        else:
            self.close()
            factory = self._read_session_factory if self._autocommit else self._session_factory
            session = factory()
        if session is not self._bound:  # the kept session's repositories serve every step
            self._bind(session)
        return self

    def _bind(self, session: Session) -> None:
        self._session = self._bound = session
        self._repositories: dict[type[Any], Any] = {}
        self.database = DatabaseProbe(session)

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self._read_only = self._autocommit = False
        session = self._session
        if session is self._kept and exc is None:
            # Autocommit: nothing to roll back. The connection stays for the request's next step.
            session.expunge_all()
            return
        if session is self._kept:
            self._kept = None
        if exc is not None and database_unavailable(exc):
            # The connection is dead: a rollback on it would only fail again, loudly.
            session.invalidate()
            raise Unavailable(DATABASE_UNAVAILABLE, reason=first_line(exc)) from exc
        # close() rolls back whatever was not committed, without expiring loaded objects,
        # so a controller can still serialise what a read returned.
        session.close()

    def close(self) -> None:
        """Give back the kept session's connection: at the end of the request, or before a
        transaction takes one of its own."""
        kept, self._kept = self._kept, None
        if kept is not None:
            kept.close()

    def repository(self, kind: type[RepositoryT]) -> RepositoryT:
        if kind not in self._repositories:
            self._repositories[kind] = kind(self._session)
        repository: RepositoryT = self._repositories[kind]
        return repository

    def commit(self) -> None:
        if self._read_only:
            raise RuntimeError("a unit of work opened with reading() cannot commit")
        self._translating_errors(self._session.commit)

    def flush(self) -> None:
        self._translating_errors(self._session.flush)

    def _translating_errors(self, write: Callable[[], None]) -> None:
        try:
            write()
        except IntegrityError as error:
            self._session.rollback()
            if getattr(error.orig, "sqlstate", None) == UNIQUE_VIOLATION:
                diagnostic = getattr(error.orig, "diag", None)
                constraint = getattr(diagnostic, "constraint_name", None)
                raise Conflict(
                    "The change conflicts with an existing record.", constraint=constraint
                ) from error
            if getattr(error.orig, "sqlstate", None) == FOREIGN_KEY_VIOLATION:
                raise Conflict("The record is still in use by another record.") from error
            raise
        except StaleDataError as error:
            self._session.rollback()
            raise PreconditionFailed(
                "The record was changed by someone else; reload it."
            ) from error

    def rollback(self) -> None:
        self._session.rollback()


def database_unavailable(error: BaseException) -> bool:
    """Refused, dropped or timed-out connections and pool exhaustion: a 503, never a 500."""
    if isinstance(error, OperationalError | InterfaceError | PoolTimeout):
        return True
    return isinstance(error, DBAPIError) and error.connection_invalidated


def first_line(error: BaseException) -> str:
    """The driver's own words, without SQL or parameters: enough for an operator's log line."""
    cause = getattr(error, "orig", None) or error
    return (str(cause).strip().splitlines() or [type(cause).__name__])[0]
