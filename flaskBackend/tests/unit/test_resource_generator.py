"""make resource: what it refuses (one line, nothing written) and what it renders.

Generating for real (migration, client, make test on the result) is proven by running it; these
tests pin the grammar and the rendering, which must never write half a resource.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from devtools.resource import __main__ as generator
from devtools.resource.grammar import parse
from devtools.resource.render import ROOT, files
from devtools.resource.spec import Names, SpecError, Target

TARGETS = {
    "tasks": Target(Names(plural="tasks", singular="task"), label="title"),
    "categories": Target(Names(plural="categories", singular="category"), "name", shared=True),
}
EVERY_TYPE = (
    "title:str(200):unique notes:text? summary:text(500)? copies:int pages:int(1..5000)=100 "
    "price:decimal(8,2)? lent:bool=false genre:enum(novel|poetry)=novel due_on:date? "
    "seen_at:datetime? task:ref(tasks)?"
)


@pytest.mark.parametrize(
    ("name", "fields", "says"),
    [
        ("Books", "title:str(20)", "plural snake_case"),
        ("book", "title:str(20)", "give a plural"),
        ("tasks", "title:str(20)", "already exists"),
        ("users", "title:str(20)", "reserved"),
        ("books", "", "at least one field"),
        ("books", "title", "NAME:TYPE"),
        ("books", "title:string(20)", "unknown type 'string'"),
        ("books", "title:str", "maximum length"),
        ("books", "n:int(5..1)", "must run upwards"),
        ("books", "n:int(1..x)", "int(MIN..MAX)"),
        ("books", "n:int(1..5)=9", "default '9'"),
        ("books", "p:decimal(3,5)", "decimal(P,S)"),
        ("books", "p:decimal(4,2)=123.4", "default '123.4'"),
        ("books", "p:decimal(10,2)(..)", "(MIN..MAX), (MIN..) or (..MAX)"),
        ("books", "p:decimal(10,2)(0..x)", "(MIN..MAX), (MIN..) or (..MAX)"),
        ("books", "p:decimal(10,2)(5..1)", "must run upwards"),
        ("books", "p:decimal(4,2)(0..100)", "bound 100 does not fit decimal(4,2)"),
        ("books", "p:decimal(10,2)(0.001..)", "bound 0.001 does not fit"),
        ("books", "p:decimal(10,2)(0..)=-1", "default '-1'"),
        ("books", "n:int(1..5)(0..)", "only a decimal takes a range"),
        ("books", "s:enum(Open|closed)", "enum(a|b|c)"),
        ("books", "s:enum(a|a)", "given twice"),
        ("books", "d:date=2026-13-01", "not a valid date"),
        ("books", "t:datetime=2026-01-01T09:00:00", "offset"),
        ("books", "b:bool=yes", "not a valid bool"),
        ("books", "t:text:unique", "cannot be unique"),
        ("books", "a:ref(authors)", "no resource 'authors'"),
        ("books", "a:ref(tasks)=1", "cannot have a default"),
        ("books", "b:ref(books)", "refer to itself"),
        ("books", "id:int", "reserved"),
        ("books", "owner_id:int", "reserved"),
        ("books", "a:int a:str(3)", "given twice"),
        ("books", "task_id:int task:ref(tasks)", "reserved"),
        ("tags everyone", "title:str(20)", "scope=everyone"),
        ("tags shared", "task:ref(tasks)", "cannot refer to the owned tasks"),
    ],
)
def test_bad_input_is_one_line_naming_the_problem(name: str, fields: str, says: str) -> None:
    name, _, scope = name.partition(" ")
    with pytest.raises(SpecError) as refused:
        parse(name, fields, TARGETS, {"tasks", "users"}, scope=scope or "owned")

    assert says in str(refused.value)
    assert "\n" not in str(refused.value)


def probes() -> list[Path]:
    """Every file named after the resource the next test asks for."""
    folders = (ROOT / "flaskBackend" / "app", ROOT / "flaskBackend" / "tests", ROOT / "ui" / "src")
    return sorted(path for folder in folders for path in folder.rglob("*generator_probe*"))


def test_the_command_writes_nothing_on_bad_input(capsys: pytest.CaptureFixture[str]) -> None:
    before = probes()
    fields = "title:str(200) year:int(1..x)"

    status = generator.main(["--name", "generator_probes", "--fields", fields])

    assert status == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1
    assert error.startswith("make resource: year:int(1..x): write the range")
    assert probes() == before


def test_every_type_renders_python_that_parses_and_typescript_for_each_screen() -> None:
    spec = parse("book_loans", EVERY_TYPE, TARGETS, set())

    rendered = files(spec)

    python = {path: text for path, text in rendered.items() if path.suffix == ".py"}
    for path, text in python.items():
        ast.parse(text, filename=str(path))  # a syntax error fails here, naming the file
    names = {path.as_posix() for path in rendered}
    backend = "flaskBackend/app/book_loans"
    assert {f"{backend}/model.py", f"{backend}/controller.py", f"{backend}/service.py"} <= names
    assert "flaskBackend/tests/book_loans/test_api.py" in names
    names = {path.name for path in rendered}
    assert {"BookLoanForm.tsx", "BookLoanListPage.tsx", "feature.tsx", "queries.ts"} <= names
    model = rendered[Path("flaskBackend/app/book_loans/model.py")]
    assert 'UniqueConstraint("owner_id", "title")' in model
    assert 'CheckConstraint("pages BETWEEN 1 AND 5000", name="pages_range")' in model
    assert 'ForeignKey("tasks.id"), index=True' in model
    assert "Numeric(8, 2)" in model
    assert "DateTime(timezone=True)" in model


def test_a_failing_step_takes_back_every_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spec = parse("book_loans", "title:str(20)", TARGETS, set())
    written: list[Path] = []
    monkeypatch.setattr(generator, "ROOT", tmp_path)
    monkeypatch.setattr(generator, "CLIENT", tmp_path / "schema.d.ts")
    (tmp_path / "schema.d.ts").write_text("the client as it was")

    def fail(step: str, command: list[str], cwd: Path) -> None:
        written.extend(p for p in tmp_path.rglob("*") if p.is_file())
        if step == "alembic autogenerate":
            raise SpecError("alembic autogenerate failed")

    monkeypatch.setattr(generator, "run", fail)

    with pytest.raises(SpecError):
        generator.generate(spec)

    assert len(written) > 10  # it did write, before the failing step
    assert [p.name for p in tmp_path.rglob("*") if p.is_file()] == ["schema.d.ts"]
    assert (tmp_path / "schema.d.ts").read_text() == "the client as it was"


def test_a_shared_resource_renders_on_the_shared_bases_without_an_owner() -> None:
    spec = parse(
        "tags", "name:str(40):unique parent:ref(categories)?", TARGETS, set(), scope="shared"
    )

    rendered = {path.as_posix(): text for path, text in files(spec).items()}

    backend, tests, ui = "flaskBackend/app/tags", "flaskBackend/tests/tags", "ui/src/tags"
    model = rendered[f"{backend}/model.py"]
    assert "class Tag(Shared):" in model
    assert 'UniqueConstraint("name")' in model  # unique across the table, not per owner
    assert "owner_id" not in model
    service = rendered[f"{backend}/service.py"]
    assert "class TagService(SharedService[Tag]):" in service
    assert "unique =" not in service  # the constraint decides, and names the field
    assert "(SharedRepository[Tag])" in rendered[f"{backend}/repository.py"]
    assert "class TagSchema(shared.RowSchema):" in rendered[f"{backend}/schemas.py"]
    factory = rendered[f"{tests}/factories.py"]
    assert "class TagFactory(BaseFactory):" in factory
    assert "referenced(CategoryFactory)" in factory
    assert "(SharedApiContract):" in rendered[f"{tests}/test_api.py"]
    assert "(SharedServiceContract):" in rendered[f"{tests}/test_service.py"]
    assert "(SharedRepositoryContract):" in rendered[f"{tests}/test_repository.py"]
    assert "{isAdmin && (" in rendered[f"{ui}/TagListPage.tsx"]  # "New tag" for admins only
    assert "<DetailScreen" in rendered[f"{ui}/EditTagPage.tsx"]  # read only for everyone else
    for path, text in rendered.items():
        if path.endswith(".py"):
            ast.parse(text, filename=path)


def test_an_owned_resource_may_refer_to_a_shared_one() -> None:
    spec = parse("books", "title:str(200) category:ref(categories)", TARGETS, set())

    rendered = {path.as_posix(): text for path, text in files(spec).items()}

    model = rendered["flaskBackend/app/books/model.py"]
    assert "class Book(Owned):" in model
    assert 'ForeignKey("categories.id"), index=True' in model
    assert "DetailScreen" not in rendered["ui/src/books/EditBookPage.tsx"]


def test_a_decimal_range_is_a_check_constraint_a_schema_rule_and_refused_values() -> None:
    fields = "price:decimal(10,2)(0..) cut:decimal(4,1)(..100)? share:decimal(3,2)(0..1)"
    spec = parse("books", f"title:str(20) {fields}", TARGETS, set())

    rendered = {path.as_posix(): text for path, text in files(spec).items()}

    model = rendered["flaskBackend/app/books/model.py"]
    assert 'CheckConstraint("price >= 0", name="price_range")' in model
    assert 'CheckConstraint("cut <= 100", name="cut_range")' in model
    assert 'CheckConstraint("share BETWEEN 0 AND 1", name="share_range")' in model
    schemas = rendered["flaskBackend/app/books/schemas.py"]
    assert 'validate.Range(Decimal("0"), None, error="Must be at least 0.")' in schemas
    assert 'validate.Range(None, Decimal("100"), error="Must be at most 100.")' in schemas
    assert 'error="Must be between 0 and 1."' in schemas
    tests = rendered["flaskBackend/tests/books/test_api.py"]
    assert '"price": [None, 1.5, "abc", "1e3", "111111111", "0.111", "-0.01"]' in tests
    assert '"100.1"' in tests
    assert '"-0.01", "1.01"' in tests
    form = rendered["ui/src/books/BookForm.tsx"]
    assert "decimalRule(10, 2, { min: '0', message: 'Must be at least 0.' })" in form


def test_the_link_column_is_a_text_every_row_has() -> None:
    spec = parse("books", "subtitle:str(20)? code:str(8)= title:str(20) year:int", TARGETS, set())

    assert spec.label is not None
    assert spec.label.name == "title"
    assert parse("books", "subtitle:str(20)? year:int", TARGETS, set()).label is None


def test_a_reference_is_named_by_its_target_and_filtered_by() -> None:
    spec = parse("books", "title:str(20) task:ref(tasks)?", TARGETS, set())

    rendered = {path.as_posix(): text for path, text in files(spec).items()}

    queries = rendered["ui/src/books/queries.ts"]
    assert "export function useReferencedTasks(" in queries  # one request, by id
    page = rendered["ui/src/books/BookListPage.tsx"]
    assert "'task_id'" in page.split("const FILTERS")[1].split("\n")[0]
    assert "nameIn(taskNames, book.task_id)" in page
    assert "referenceChoices(tasks.data?.items ?? [], taskNames, values.task_id)" in page
    assert "it('filters by task'" in rendered["ui/src/books/BookPages.test.tsx"]
