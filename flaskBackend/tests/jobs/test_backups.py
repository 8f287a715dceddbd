"""The restore drill: data, backup, restore into a fresh database, every table compared."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, Engine, MetaData, Table, create_engine, inspect, select, text
from sqlalchemy.orm import Session, sessionmaker

from app.kernel.backups import BackupError, backup, restore
from app.kernel.services.unit_of_work import SqlAlchemyUnitOfWork
from tests import factories
from tests.postgres import create_database, drop_database

ALEMBIC_INI = "alembic.ini"
pytestmark = pytest.mark.pg_client
MakeDatabase = Callable[[str], str]  # a name -> the URL of a new, empty database of that name


@pytest.fixture
def fresh_database(database_url: str) -> Iterator[MakeDatabase]:
    """Makes empty databases on the test cluster, and drops them afterwards. Each name gets a
    suffix of its own: tests in other pytest-xdist workers make databases at the same time."""
    made: list[str] = []

    def make(name: str) -> str:
        made.append(f"{name}_{uuid.uuid4().hex[:8]}")
        return create_database(database_url, made[-1])

    yield make
    for name in made:
        drop_database(database_url, name)


def migrated_with_data(url: str) -> Engine:
    engine = create_engine(url)
    with engine.begin() as connection:
        config = Config(ALEMBIC_INI)
        config.attributes["connection"] = connection
        config.attributes["configure_logger"] = False
        command.upgrade(config, "head")
    with Session(engine) as session:
        factories.bind(session)
        factories.UserFactory.create_batch(3)
        session.commit()
    uow = SqlAlchemyUnitOfWork(sessionmaker(bind=engine))
    with uow:
        uow.enqueue("tests.example", number=1)  # the queue's tables are in the dump too
        uow.commit()
    return engine


def table_named(connection: Connection, name: str) -> Table:
    return Table(name, MetaData(), autoload_with=connection)


def every_row(engine: Engine) -> dict[str, list[tuple[object, ...]]]:
    with engine.connect() as connection:
        return {
            table: sorted(
                (tuple(row) for row in connection.execute(select(table_named(connection, table)))),
                key=repr,
            )
            for table in sorted(inspect(connection).get_table_names())
        }


def test_a_backup_restored_into_a_fresh_database_has_every_row(
    fresh_database: MakeDatabase, tmp_path: Path
) -> None:
    source = migrated_with_data(fresh_database("drill_source"))
    target_url = fresh_database("drill_target")

    dump = backup(source.url.render_as_string(hide_password=False), str(tmp_path), keep=3)
    restore(target_url, str(dump))

    target = create_engine(target_url)
    expected = every_row(source)
    assert len(expected["users"]) == 3
    assert len(expected["procrastinate_jobs"]) == 1
    assert every_row(target) == expected
    source.dispose()
    target.dispose()


def test_restore_refuses_a_database_with_tables_unless_forced(
    fresh_database: MakeDatabase, tmp_path: Path
) -> None:
    source = migrated_with_data(fresh_database("drill_source"))
    url = source.url.render_as_string(hide_password=False)
    dump = backup(url, str(tmp_path), keep=3)
    with source.begin() as connection:
        connection.execute(text("DELETE FROM users"))

    with pytest.raises(BackupError, match="not empty"):
        restore(url, str(dump))
    restore(url, str(dump), force=True)

    assert len(every_row(source)["users"]) == 3
    source.dispose()


def test_backup_keeps_only_the_newest_dumps(fresh_database: MakeDatabase, tmp_path: Path) -> None:
    url = fresh_database("drill_source")

    written = [backup(url, str(tmp_path), keep=2) for _ in range(3)]

    assert sorted(tmp_path.glob("*.dump")) == written[1:]


def test_a_missing_dump_is_a_clear_error(fresh_database: MakeDatabase) -> None:
    with pytest.raises(BackupError, match="no such file"):
        restore(fresh_database("drill_target"), "/nonexistent.dump")
