"""What `make resource` was asked for, once checked (devtools/resource/grammar.py reads the
words): the resource's names, its fields and its scope, which the templates render."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

# The integer column's range (app.kernel.models.base.largest_integer): checked at parse time,
# written into the schemas.
INT32 = (-(2**31), 2**31 - 1)
INT16 = (-(2**15), 2**15 - 1)


class SpecError(Exception):
    """Bad generator input; its message is the one line the user sees."""


@dataclass(frozen=True)
class Names:
    """The spellings of one resource's name."""

    plural: str  # books, book_loans: the table, the URL, the UI folder
    singular: str  # book, book_loan

    @property
    def model(self) -> str:
        return "".join(word.capitalize() for word in self.singular.split("_"))

    @property
    def models(self) -> str:
        return "".join(word.capitalize() for word in self.plural.split("_"))

    @property
    def text(self) -> str:
        return self.singular.replace("_", " ")

    @property
    def texts(self) -> str:
        return self.plural.replace("_", " ")

    @property
    def url(self) -> str:
        return self.plural.replace("_", "-")

    @property
    def camel_singular(self) -> str:
        return self.model[0].lower() + self.model[1:]


@dataclass(frozen=True)
class Target:
    """The resource a ref field points at, as the app defines it."""

    names: Names
    label: str | None  # a string column (one every row has, if any): what names its rows in the UI
    shared: bool = False  # a shared resource's (no owner), not an owned one's


@dataclass
class Field:
    name: str  # as written; a ref's column is name + "_id"
    type: str
    optional: bool = False
    unique: bool = False
    default: object = None
    has_default: bool = False
    length: int | None = None
    low: int | Decimal | None = None  # int(MIN..MAX); a decimal's may be open: (0..), (..100)
    high: int | Decimal | None = None
    precision: int | None = None
    scale: int | None = None
    choices: list[str] = field(default_factory=list)
    target: Target | None = None

    @property
    def column(self) -> str:
        return f"{self.name}_id" if self.type == "ref" else self.name

    @property
    def label(self) -> str:
        return self.name.replace("_", " ").capitalize()

    @property
    def required(self) -> bool:
        """Whether a create must send it."""
        return not (self.optional or self.has_default)

    @property
    def sortable(self) -> bool:
        return self.type in ("str", "int", "decimal", "date", "datetime", "enum")

    @property
    def filters(self) -> bool:
        return self.type in ("enum", "bool", "ref")

    @property
    def ranged(self) -> bool:
        return self.type in ("int", "decimal") and (self.low, self.high) != (None, None)


@dataclass
class Spec:
    names: Names
    fields: list[Field]
    shared: bool = False  # scope=shared: no owner, everyone reads, admins write
    source: str = ""  # what make resource was given, kept in the model for make field

    @property
    def search(self) -> Field | None:
        """The first text field: the list's `q` searches it."""
        return next((f for f in self.fields if f.type in ("str", "text")), None)

    @property
    def label(self) -> Field | None:
        """The field that names a row in the UI and links to it: the first str one that every
        row has (not optional, no empty default), or None: the id then."""
        return next(
            (f for f in self.fields if f.type == "str" and not f.optional and f.default != ""),
            None,
        )

    @property
    def unique(self) -> list[Field]:
        return [f for f in self.fields if f.unique]

    @property
    def targets(self) -> list[Target]:
        found: dict[str, Target] = {}
        for f in self.fields:
            if f.target is not None:
                found.setdefault(f.target.names.plural, f.target)
        return list(found.values())

    def has(self, *types: str) -> bool:
        return any(f.type in types for f in self.fields)
