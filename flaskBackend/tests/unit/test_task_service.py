"""TaskService's rules, over in-memory fakes: no database, no HTTP."""

from __future__ import annotations

import uuid
from collections.abc import Callable

import pytest

from app.models import Task, TaskStatus, User, UserRole
from app.services.auth import Principal
from app.services.errors import Conflict, NotFound, PreconditionFailed
from app.services.tasks import TaskService
from tests.unit.fakes import FakeUnitOfWork


@pytest.fixture
def uow() -> FakeUnitOfWork:
    return FakeUnitOfWork()


@pytest.fixture
def service(uow: FakeUnitOfWork) -> TaskService:
    return TaskService(uow)


def principal(uow: FakeUnitOfWork, role: UserRole = UserRole.USER) -> Principal:
    user = User(email=f"{uuid.uuid4()}@example.com", name="U", password_hash="x", role=role)
    uow.users.add(user)
    return Principal(user=user, session=uuid.uuid4())


@pytest.fixture
def me(uow: FakeUnitOfWork) -> Principal:
    return principal(uow)


AddTask = Callable[..., Task]


@pytest.fixture
def add(uow: FakeUnitOfWork, me: Principal) -> AddTask:
    """Store a task directly, owned by `me` unless another owner is given."""

    def add(title: str, owner: Principal | None = None, **fields: object) -> Task:
        task = Task(title=title, owner_id=(owner or me).user.id, **fields)
        uow.tasks.add(task)
        return task

    return add


def test_create_stores_the_task_and_commits(
    me: Principal, service: TaskService, uow: FakeUnitOfWork
) -> None:
    task = service.create(me, {"title": "Write tests", "priority": 5})

    assert uow.tasks.get(task.id) is task
    assert task.priority == 5
    assert uow.commits == 1


def test_create_with_a_taken_title_raises_conflict_and_commits_nothing(
    me: Principal, service: TaskService, uow: FakeUnitOfWork, add: AddTask
) -> None:
    add("Write tests")

    with pytest.raises(Conflict, match="Write tests"):
        service.create(me, {"title": "Write tests"})
    assert uow.commits == 0
    assert len(uow.tasks.rows) == 1


def test_get_unknown_task_raises_not_found(me: Principal, service: TaskService) -> None:
    with pytest.raises(NotFound, match="42"):
        service.get(me, 42)


def test_update_changes_only_the_given_fields(
    me: Principal, service: TaskService, uow: FakeUnitOfWork, add: AddTask
) -> None:
    task = add("Old", description="keep me", priority=2)

    service.update(me, task.id, {"title": "New", "status": TaskStatus.DONE})

    assert (task.title, task.status, task.description, task.priority) == (
        "New",
        TaskStatus.DONE,
        "keep me",
        2,
    )
    assert uow.commits == 1


def test_update_to_another_tasks_title_raises_conflict(
    me: Principal, service: TaskService, uow: FakeUnitOfWork, add: AddTask
) -> None:
    add("Taken")
    task = add("Mine")

    with pytest.raises(Conflict):
        service.update(me, task.id, {"title": "Taken"})
    assert task.title == "Mine"
    assert uow.commits == 0


def test_update_keeping_its_own_title_is_no_conflict(
    me: Principal, service: TaskService, uow: FakeUnitOfWork, add: AddTask
) -> None:
    task = add("Mine")

    service.update(me, task.id, {"title": "Mine", "priority": 1})

    assert task.priority == 1


def test_update_with_a_stale_version_raises_precondition_failed_and_changes_nothing(
    me: Principal, service: TaskService, uow: FakeUnitOfWork, add: AddTask
) -> None:
    task = add("Mine")
    task.version = 2  # someone else saved it meanwhile

    with pytest.raises(PreconditionFailed):
        service.update(me, task.id, {"title": "Theirs"}, if_version_in={1})
    assert task.title == "Mine"
    assert uow.commits == 0


def test_update_with_the_current_version_succeeds(
    me: Principal, service: TaskService, uow: FakeUnitOfWork, add: AddTask
) -> None:
    task = add("Mine")

    service.update(me, task.id, {"title": "Still mine"}, if_version_in={task.version})

    assert task.title == "Still mine"


def test_delete_removes_the_task(
    me: Principal, service: TaskService, uow: FakeUnitOfWork, add: AddTask
) -> None:
    task = add("Gone soon")

    service.delete(me, task.id)

    assert uow.tasks.get(task.id) is None
    assert uow.commits == 1


def test_delete_with_a_stale_version_keeps_the_task(
    me: Principal, service: TaskService, uow: FakeUnitOfWork, add: AddTask
) -> None:
    task = add("Keep")

    with pytest.raises(PreconditionFailed):
        service.delete(me, task.id, if_version_in={99})
    assert uow.tasks.get(task.id) is task


def test_delete_unknown_task_raises_not_found(me: Principal, service: TaskService) -> None:
    with pytest.raises(NotFound):
        service.delete(me, 7)


def test_list_filters_sorts_and_pages(
    me: Principal, service: TaskService, uow: FakeUnitOfWork, add: AddTask
) -> None:
    for priority in (3, 1, 5, 2):
        add(f"Report {priority}", priority=priority)
    add("Other", priority=4, status=TaskStatus.DONE)

    page = service.list(
        me, page=2, per_page=2, status=TaskStatus.TODO, search="report", sort="priority"
    )

    assert [t.priority for t in page.items] == [3, 5]
    assert (page.total, page.page, page.per_page) == (4, 2, 2)


def test_list_sorts_descending_with_a_minus_prefix(
    me: Principal, service: TaskService, uow: FakeUnitOfWork, add: AddTask
) -> None:
    for priority in (3, 1, 5):
        add(f"T{priority}", priority=priority)

    page = service.list(me, sort="-priority")

    assert [t.priority for t in page.items] == [5, 3, 1]


def test_every_read_rolls_back(me: Principal, service: TaskService, uow: FakeUnitOfWork) -> None:
    service.list(me)
    with pytest.raises(NotFound):
        service.get(me, 1)

    assert (uow.commits, uow.rollbacks) == (0, 2)


def test_another_users_task_is_not_found_and_unchanged(
    me: Principal, service: TaskService, uow: FakeUnitOfWork, add: AddTask
) -> None:
    theirs = add("Theirs", owner=principal(uow))

    with pytest.raises(NotFound):
        service.get(me, theirs.id)
    with pytest.raises(NotFound):
        service.update(me, theirs.id, {"title": "Mine now"})
    with pytest.raises(NotFound):
        service.delete(me, theirs.id)
    assert theirs.title == "Theirs"


def test_titles_are_unique_per_owner(
    me: Principal, service: TaskService, uow: FakeUnitOfWork, add: AddTask
) -> None:
    add("Buy milk", owner=principal(uow))

    assert service.create(me, {"title": "Buy milk"}).owner_id == me.user.id


def test_list_shows_only_my_tasks_but_everything_to_an_admin(
    me: Principal, service: TaskService, uow: FakeUnitOfWork, add: AddTask
) -> None:
    add("Mine")
    add("Theirs", owner=principal(uow))
    admin = principal(uow, UserRole.ADMIN)

    assert [t.title for t in service.list(me).items] == ["Mine"]
    assert service.list(admin).total == 2
