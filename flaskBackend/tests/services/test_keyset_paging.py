"""Keyset (cursor) paging of owned rows, over the real repositories: every sort order, ties,
NULLs last, inserts between slices, filters, ownership, and cursors that were never issued."""

from __future__ import annotations

import base64
import datetime as dt
import json

import pytest

from app.kernel.services.errors import InvalidInput
from app.kernel.services.pagination import Listing
from app.kernel.services.principal import Principal
from app.kernel.services.unit_of_work import SqlAlchemyUnitOfWork
from tests.factories import account_of
from tests.notes.factories import NoteFactory
from tests.notes.model import Note, NoteStatus
from tests.notes.service import NoteService

SORTS = [order for field in Note.sortable for order in (field, f"-{field}")]


@pytest.fixture
def service(uow: SqlAlchemyUnitOfWork) -> NoteService:
    return NoteService(uow)


def mixed_notes(me: Principal, count: int = 13) -> list[Note]:
    """Ties on status and priority, and due dates with NULLs among them."""
    return [
        NoteFactory(
            title=f"Note {n:02d}",
            owner=account_of(me),
            priority=1 + n % 3,
            status=list(NoteStatus)[n % 3],
            due_date=None if n % 4 == 0 else dt.date(2026, 1, 1 + n % 5),
        )
        for n in range(count)
    ]


def walk(service: NoteService, me: Principal, per_page: int, **query: object) -> list[list[int]]:
    """Every slice's ids, following next_cursor from the first slice to the last."""
    slices, cursor = [], ""
    while cursor is not None:
        found = service.list_by_cursor(me, Listing(per_page=per_page, cursor=cursor, **query))  # type: ignore[arg-type]
        slices.append([note.id for note in found.items])
        cursor = found.next_cursor
        assert len(slices) < 100, "the cursor never reached the end"
    return slices


def cursor_of(sort: str, value: object, row_id: int) -> str:
    payload = json.dumps([sort, value, row_id]).encode()
    return base64.urlsafe_b64encode(payload).rstrip(b"=").decode()


@pytest.mark.parametrize("sort", SORTS)
def test_slices_walk_every_row_once_in_the_order_of_numbered_pages(
    me: Principal, service: NoteService, sort: str
) -> None:
    mixed_notes(me)
    everything = [t.id for t in service.list(me, Listing(per_page=100, sort=sort)).items]

    slices = walk(service, me, per_page=4, sort=sort)

    assert [row for part in slices for row in part] == everything
    assert [len(part) for part in slices] == [4, 4, 4, 1]


@pytest.mark.parametrize("sort", ["due_date", "-due_date"])
def test_rows_without_a_value_come_last_in_both_directions(
    me: Principal, service: NoteService, sort: str
) -> None:
    notes = mixed_notes(me)
    undated = {t.id for t in notes if t.due_date is None}

    ids = [row for part in walk(service, me, per_page=2, sort=sort) for row in part]

    assert set(ids[-len(undated) :]) == undated
    assert len(ids) == len(set(ids)) == len(notes)


@pytest.mark.parametrize("sort", ["-created_at", "title", "-priority", "due_date"])
def test_rows_inserted_between_slices_neither_repeat_nor_skip_a_row(
    me: Principal, service: NoteService, sort: str
) -> None:
    before = {t.id for t in mixed_notes(me, 10)}
    first = service.list_by_cursor(me, Listing(per_page=4, sort=sort, cursor=""))
    # New rows on both sides of the cursor, with values equal to the last row's too.
    last = first.items[-1]
    NoteFactory(title="A new first", owner=account_of(me), priority=last.priority, due_date=None)
    NoteFactory(title="Zz new last", owner=account_of(me), priority=1, due_date=last.due_date)

    seen = [t.id for t in first.items]
    cursor = first.next_cursor
    while cursor is not None:
        found = service.list_by_cursor(me, Listing(per_page=4, sort=sort, cursor=cursor))
        seen += [t.id for t in found.items]
        cursor = found.next_cursor

    assert len(seen) == len(set(seen)), "a row came twice"
    assert before <= set(seen), "a row that was there all along was skipped"


def test_filters_and_search_apply_to_every_slice(me: Principal, service: NoteService) -> None:
    notes = mixed_notes(me, 20)
    NoteFactory(title="Other 01", owner=account_of(me), status=NoteStatus.TODO)
    expected = [
        t.id
        for t in sorted(notes, key=lambda t: t.title)
        if t.status is NoteStatus.TODO and "note" in t.title.lower()
    ]

    slices = walk(
        service, me, per_page=3, sort="title", search="NOTE", filters={"status": NoteStatus.TODO}
    )

    assert [row for part in slices for row in part] == expected


def test_slices_show_only_my_rows_but_everything_to_an_admin(
    me: Principal, stranger: Principal, admin: Principal, service: NoteService
) -> None:
    mine = {t.id for t in mixed_notes(me, 3)}
    theirs = {t.id for t in mixed_notes(stranger, 3)}

    assert {row for part in walk(service, me, per_page=2) for row in part} == mine
    assert {row for part in walk(service, admin, per_page=2) for row in part} == mine | theirs


def test_a_cursor_past_the_end_gives_an_empty_last_slice(
    me: Principal, service: NoteService
) -> None:
    mixed_notes(me, 3)

    largest = 2**31 - 1
    found = service.list_by_cursor(me, Listing(sort="id", cursor=cursor_of("id", largest, largest)))

    assert (list(found.items), found.next_cursor) == ([], None)


@pytest.mark.parametrize(
    ("sort", "cursor"),
    [
        ("-created_at", "not base64 at all!"),
        ("-created_at", "bm90IGpzb24"),  # "not json"
        ("-created_at", base64.urlsafe_b64encode(b"\xff\xfe").decode()),
        ("-created_at", cursor_of("-created_at", "2026-01-01T00:00:00+00:00", 1)[:-3]),
        ("-created_at", base64.urlsafe_b64encode(b'{"a": 1}').decode()),
        ("-created_at", base64.urlsafe_b64encode(b"[1, 2]").decode()),
        ("-created_at", base64.urlsafe_b64encode(b"[" * 5000).decode()),
        ("-created_at", cursor_of("title", "x", 1)),  # made for another sort
        ("-created_at", cursor_of("\x00", "x", 1)),
        ("-created_at", cursor_of("-created_at", "2026-01-01T00:00:00", 1)),  # no time zone
        ("-created_at", cursor_of("-created_at", "yesterday", 1)),
        ("-created_at", cursor_of("-created_at", None, 1)),  # NULL in a NOT NULL column
        ("-created_at", cursor_of("-created_at", "2026-01-01T00:00:00+00:00", 0)),
        ("-created_at", cursor_of("-created_at", "2026-01-01T00:00:00+00:00", True)),
        ("-created_at", cursor_of("-created_at", "2026-01-01T00:00:00+00:00", 2**70)),
        ("-created_at", cursor_of("-created_at", "2026-01-01T00:00:00+00:00", "7")),
        ("priority", cursor_of("priority", "3", 1)),
        ("priority", cursor_of("priority", 2.5, 1)),
        ("priority", cursor_of("priority", True, 1)),
        ("priority", cursor_of("priority", 2**15, 1)),  # beyond a SMALLINT
        ("-created_at", cursor_of("-created_at", "2026-01-01T00:00:00+00:00", 2**31)),
        ("title", cursor_of("title", "a\x00b", 1)),
        ("title", cursor_of("title", "\ud800", 1)),
        ("title", cursor_of("title", ["a"], 1)),
        ("status", cursor_of("status", "someday", 1)),
        ("due_date", cursor_of("due_date", "2026-02-30", 1)),
        ("due_date", cursor_of("due_date", 20260101, 1)),
    ],
)
def test_a_cursor_the_api_did_not_make_is_invalid_input(
    me: Principal, service: NoteService, sort: str, cursor: str
) -> None:
    mixed_notes(me, 2)

    with pytest.raises(InvalidInput) as refused:
        service.list_by_cursor(me, Listing(sort=sort, cursor=cursor))
    assert refused.value.field == "cursor"
