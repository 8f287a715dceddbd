"""What the owned-resource contract leaves to one worked example, on the tests' notes: defaults
and trimming, partial changes, every If-Match form, the 409's wording and the list's envelope.
(These were tests of the tasks example; on notes they survive make remove-resource name=tasks.)"""

from __future__ import annotations

from flask.testing import FlaskClient

from tests.notes.factories import NoteFactory


def test_create_trims_the_title_and_fills_the_defaults(client: FlaskClient) -> None:
    response = client.post("/api/notes", json={"title": "  Write docs  "})

    assert response.status_code == 201
    body = response.get_json()
    assert response.headers["Location"] == f"/api/notes/{body['id']}"
    assert response.headers["ETag"] == '"1"'
    assert body["title"] == "Write docs"
    assert (body["status"], body["priority"], body["description"], body["due_date"]) == (
        "todo",
        3,
        None,
        None,
    )


def test_patch_changes_only_the_fields_sent_and_can_clear_one(client: FlaskClient) -> None:
    note = NoteFactory(title="Old", description="Remove me", priority=2)

    response = client.patch(f"/api/notes/{note.id}", json={"status": "done", "description": None})

    assert response.status_code == 200
    body = response.get_json()
    assert (body["title"], body["description"], body["priority"], body["status"]) == (
        "Old",
        None,
        2,
        "done",
    )
    assert response.headers["ETag"] == '"2"'


def test_if_match_star_matches_and_any_other_form_is_stale(client: FlaskClient) -> None:
    note = NoteFactory()
    url = f"/api/notes/{note.id}"

    assert client.patch(url, json={"priority": 2}, headers={"If-Match": "*"}).status_code == 200
    assert client.patch(url, json={"priority": 3}, headers={"If-Match": '"abc"'}).status_code == 412
    assert client.patch(url, json={"priority": 3}, headers={"If-Match": 'W/"2"'}).status_code == 412
    assert client.patch(url, json={"priority": 3}, headers={"If-Match": '""'}).status_code == 412
    assert client.delete(url, headers={"If-Match": '"9' + "9" * 30 + '"'}).status_code == 412


def test_a_taken_title_is_a_409_naming_the_value_sent(client: FlaskClient) -> None:
    NoteFactory(title="Taken")
    note = NoteFactory(title="Mine")

    created = client.post("/api/notes", json={"title": "Taken"})
    changed = client.patch(f"/api/notes/{note.id}", json={"title": "Taken"})

    assert (created.status_code, changed.status_code) == (409, 409)
    assert created.get_json()["title"] == "Conflict"
    # The value sent, not the stored one the rollback brings back.
    for response in (created, changed):
        assert response.get_json()["detail"] == "A note with the title 'Taken' already exists."
    assert client.get(f"/api/notes/{note.id}").get_json()["title"] == "Mine"


def test_keeping_its_own_unique_title_is_no_conflict(client: FlaskClient) -> None:
    note = NoteFactory(title="Mine")

    response = client.patch(f"/api/notes/{note.id}", json={"title": "Mine", "priority": 1})

    assert response.status_code == 200


def test_list_returns_the_page_envelope_newest_first(client: FlaskClient) -> None:
    first, second = NoteFactory(title="first"), NoteFactory(title="second")

    body = client.get("/api/notes").get_json()

    assert body["total"] == 2
    assert (body["page"], body["per_page"]) == (1, 20)
    assert [n["id"] for n in body["items"]] == [second.id, first.id]


def test_list_with_an_empty_search_lists_everything(client: FlaskClient) -> None:
    NoteFactory.create_batch(2)

    assert client.get("/api/notes?q=").get_json()["total"] == 2
