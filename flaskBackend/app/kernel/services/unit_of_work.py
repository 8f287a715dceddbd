"""The transaction boundary: commit explicitly, or everything is rolled back."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import TracebackType
from typing import Any, Self, TypeVar

from sqlalchemy.exc import DBAPIError, IntegrityError, InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from app.kernel.repositories.base import SqlRepository
from app.kernel.repositories.health import DatabaseProbe
from app.kernel.repositories.jobs import JobQueue
from app.kernel.services.errors import Conflict, PreconditionFailed, Unavailable

UNIQUE_VIOLATION = "23505"
FOREIGN_KEY_VIOLATION = "23503"  # e.g. deleting a row another row still points at
DATABASE_UNAVAILABLE = "The database is not answering; try again shortly."
RepositoryT = TypeVar("RepositoryT", bound=SqlRepository[Any])


class UnitOfWork:
    """What a service sees: repositories and commit.

    `with uow:` is a transaction: it commits only when the service calls commit(), and rolls
    back whatever was not committed when the block ends. `with uow.reading():` is work that
    only reads; commit() is refused in it."""

    database: DatabaseProbe

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.rollback()

    @contextmanager
    def reading(self) -> Iterator[Self]:
        """Work that only reads (here, in a transaction like any other)."""
        with self:
            yield self

    def repository(self, kind: type[RepositoryT]) -> RepositoryT:
        """The repository of that class, over this unit's session: no list to register it in."""
        raise NotImplementedError

    def commit(self) -> None:
        raise NotImplementedError

    def enqueue(self, job: str, **args: Any) -> None:
        """Queue a background job in this transaction: it runs only if commit() follows, and
        once committed it is kept until a worker has run it (app/kernel/jobs.py)."""
        raise NotImplementedError

    def flush(self) -> None:
        """Send pending changes without committing, e.g. to learn a new row's id."""

    def rollback(self) -> None:
        raise NotImplementedError


class SqlAlchemyUnitOfWork(UnitOfWork):
    """One per request (app/kernel/composition.py), and one per test (tests/conftest.py): the
    same behaviour in both.

    Reads run on an autocommit session (read_session_factory): under READ COMMITTED each
    statement has its own snapshot anyway, so BEGIN and ROLLBACK would be two round trips that
    buy nothing. That session is kept from the first read (the caller's lookup) to close(), so
    a request's reads share one pooled connection; what a read loaded is forgotten when it ends,
    so the next step reads the database again. A transaction gives the kept session back first
    and takes one of its own: a request never holds two connections."""

    def __init__(
        self,
        session_factory: sessionmaker[Session],
        read_session_factory: sessionmaker[Session] | None = None,
    ) -> None:
        self._session_factory = session_factory
        self._read_session_factory = read_session_factory or session_factory
        self._reads: Session | None = None  # the kept autocommit session, until close()
        self._session: Session | None = None  # the session of the block being run
        self._read_only = False

    @contextmanager
    def reading(self) -> Iterator[Self]:
        if self._reads is None:
            self._reads = self._read_session_factory()
        self._use(self._reads)
        self._read_only = True
        try:
            yield self
        except BaseException as error:
            self._end(error)
            raise
        finally:
            self._read_only = False
        self._reads.expunge_all()

    def __enter__(self) -> Self:
        self.close()
        self._use(self._session_factory())
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self._end(exc)

    def _use(self, session: Session) -> None:
        if session is not self._session:  # a new session: its repositories are built anew
            self._session = session
            self._repositories: dict[type[Any], Any] = {}
            self.database = DatabaseProbe(session)

    def _end(self, error: BaseException | None) -> None:
        session = self._current()
        if session is self._reads:
            self._reads = None
        if error is not None and database_unavailable(error):
            # The connection is dead: a rollback on it would only fail again, loudly.
            session.invalidate()
            raise Unavailable(DATABASE_UNAVAILABLE, reason=first_line(error)) from error
        # close() rolls back whatever was not committed, without expiring loaded objects,
        # so a controller can still serialise what the block returned.
        session.close()

    def close(self) -> None:
        """Give back the kept reading session's connection: at the end of the request, or
        before a transaction takes one of its own."""
        reads, self._reads = self._reads, None
        if reads is not None:
            reads.close()

    def _current(self) -> Session:
        if self._session is None:
            raise RuntimeError("use the unit of work inside `with uow:` or `with uow.reading():`")
        return self._session

    def repository(self, kind: type[RepositoryT]) -> RepositoryT:
        session = self._current()
        if kind not in self._repositories:
            self._repositories[kind] = kind(session)
        repository: RepositoryT = self._repositories[kind]
        return repository

    def commit(self) -> None:
        if self._read_only:
            raise RuntimeError("a unit of work opened with reading() cannot commit")
        self._translating_errors(self._current().commit)

    def enqueue(self, job: str, **args: Any) -> None:
        if self._read_only:
            raise RuntimeError("a unit of work opened with reading() cannot enqueue")
        JobQueue(self._current()).enqueue(job, **args)

    def flush(self) -> None:
        self._translating_errors(self._current().flush)

    def _translating_errors(self, write: Callable[[], None]) -> None:
        session = self._current()
        try:
            write()
        except IntegrityError as error:
            session.rollback()
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
            session.rollback()
            raise PreconditionFailed(
                "The record was changed by someone else; reload it."
            ) from error

    def rollback(self) -> None:
        self._current().rollback()


def database_unavailable(error: BaseException) -> bool:
    """Refused, dropped or timed-out connections and pool exhaustion: a 503, never a 500."""
    if isinstance(error, OperationalError | InterfaceError | PoolTimeout):
        return True
    return isinstance(error, DBAPIError) and error.connection_invalidated


def first_line(error: BaseException) -> str:
    """The driver's own words, without SQL or parameters: enough for an operator's log line."""
    cause = getattr(error, "orig", None) or error
    return (str(cause).strip().splitlines() or [type(cause).__name__])[0]
