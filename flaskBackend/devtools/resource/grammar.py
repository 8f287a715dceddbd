"""What `make resource` was asked for, checked: a name and fields in the one-word-a-field grammar

    NAME:TYPE[?][=DEFAULT][:unique]

TYPE is str(N), text, text(N), int, int(MIN..MAX), decimal(P,S), decimal(P,S)(MIN..MAX), bool,
date, datetime, enum(a|b|c) or ref(RESOURCE); a decimal's range may leave out either end:
(0..), (..100). `?` makes the field optional (nullable), `=DEFAULT` gives it a default,
`:unique` makes it unique per owner (across the table, for a shared resource). Anything
wrong is a SpecError: one line, and the generator writes nothing.

SCOPE is owned (each row a user's; the default) or shared (everyone reads, admins write).
"""

from __future__ import annotations

import datetime as dt
import keyword
import re
import shlex
from collections.abc import Callable
from decimal import Decimal, InvalidOperation

from devtools.resource.spec import INT32, Field, Names, Spec, SpecError, Target

IDENTIFIER = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$")
FIELD = re.compile(
    r"^(?P<name>[^:]+):(?P<type>[a-z]+)(\((?P<args>[^)]*)\))?(\((?P<range>[^)]*)\))?"
    r"(?P<optional>\?)?"
    r"(=(?P<default>.*?))?(?P<unique>:unique)?$"
)
ENUM_LENGTH = 16  # app.kernel.models.base.string_enum's VARCHAR
# Names a resource may not take: the API's own paths, and tables that are not resources.
RESERVED_RESOURCES = {
    "api", "auth", "docs", "health", "openapi", "users", "admin", "profile", "login",
    "logout", "register", "account_deleted", "forgot_password", "reset_password",
    "refresh_tokens", "password_reset_tokens", "rate_limit_counters", "alembic_version",
}  # fmt: skip
# Names a field may not take: the columns every owned row has, a list's query arguments,
# and the attributes of the model class itself.
RESERVED_FIELDS = {
    "id", "owner", "owner_id", "created_at", "updated_at", "version", "page", "per_page",
    "sort", "q", "search", "cursor", "metadata", "registry", "sortable", "references",
    "query", "type",
}  # fmt: skip
SCOPES = ("owned", "shared")
TYPES = ("str", "text", "int", "decimal", "bool", "date", "datetime", "enum", "ref")
UNIQUE_TYPES = ("str", "int", "decimal", "date", "datetime")


def singular_of(plural: str) -> str:
    import inflect  # noqa: PLC0415  # here: importing it takes 1.5 s, and few callers need it

    words = plural.split("_")
    last = inflect.engine().singular_noun(words[-1])
    if not last or last == words[-1]:
        raise SpecError(
            f"name={plural}: give a plural, like books, or its singular too: singular=..."
        )
    return "_".join([*words[:-1], last])


def parse(name: str, fields: str, targets: dict[str, Target], existing: set[str], *,
          force: bool = False, singular: str | None = None,
          scope: str = "owned") -> Spec:  # fmt: skip
    """targets: the resources a ref may name; existing: every table the app has."""
    if not name:
        raise SpecError('usage: make resource name=books fields="title:str(200):unique ..."')
    if not IDENTIFIER.match(name) or keyword.iskeyword(name):
        raise SpecError(f"name={name}: use a plural snake_case name, like books or book_loans")
    if name in RESERVED_RESOURCES:
        raise SpecError(f"name={name}: reserved by the template; choose another name")
    if scope not in SCOPES:
        raise SpecError(f"scope={scope}: use owned (each row a user's) or shared (admins write)")
    if name in existing and not force:
        raise SpecError(
            f"name={name}: that resource already exists: make field resource={name} "
            'fields="..." adds fields to it and keeps your edits'
        )
    singular = singular or singular_of(name)
    if not IDENTIFIER.match(singular) or singular == name:
        raise SpecError(f"singular={singular}: give the singular of {name} in snake_case")
    words = fields.split()
    if not words:
        raise SpecError("fields=: give at least one field, like title:str(200)")
    parsed = [parse_field(word, targets, name) for word in words]
    seen: set[str] = set()
    for f in parsed:
        if scope == "shared" and f.target is not None and not f.target.shared:
            owned = f.target.names.plural
            raise SpecError(f"{f.name}: a shared resource cannot refer to the owned {owned}")
        if f.column in seen:
            raise SpecError(f"{f.name}: the field {f.column} is given twice")
        seen.add(f.column)
    names = Names(plural=name, singular=singular)
    source = f"name={name} fields={shlex.quote(' '.join(words))} singular={singular} scope={scope}"
    return Spec(names=names, fields=parsed, shared=scope == "shared", source=source)


def parse_field(word: str, targets: dict[str, Target], resource: str) -> Field:
    match = FIELD.match(word)
    if not match:
        raise SpecError(f"{word}: write a field as NAME:TYPE[?][=DEFAULT][:unique]")
    name, kind, args = match["name"], match["type"], match["args"]
    if not IDENTIFIER.match(name) or keyword.iskeyword(name):
        raise SpecError(f"{word}: the field name {name!r} is not a snake_case identifier")
    if name in RESERVED_FIELDS or (kind != "ref" and name.endswith("_id")):
        raise SpecError(f"{word}: {name} is reserved (every row has it, or it names a reference)")
    if kind not in TYPES:
        raise SpecError(f"{word}: unknown type {kind!r}; use one of {', '.join(TYPES)}")
    f = Field(name=name, type=kind, optional=bool(match["optional"]), unique=bool(match["unique"]))
    ARGUMENTS[kind](f, args, word, targets, resource)
    if match["range"] is not None:
        if kind != "decimal":
            raise SpecError(f"{word}: only a decimal takes a range after its (P,S)")
        _decimal_range(f, match["range"], word)
    if f.unique and kind not in UNIQUE_TYPES:
        raise SpecError(f"{word}: a {kind} field cannot be unique")
    if match["default"] is not None:
        if kind == "ref":
            raise SpecError(f"{word}: a ref cannot have a default")
        f.default, f.has_default = default_of(f, match["default"], word), True
    return f


def _no_arguments(f: Field, args: str | None, word: str, *_: object) -> None:
    if args is not None:
        raise SpecError(f"{word}: {f.type} takes no arguments")


def _length(f: Field, args: str | None, word: str, *_: object) -> None:
    if args is None and f.type == "text":
        return
    if args is None or not args.isdigit() or not 1 <= int(args) <= 10_485_760:
        raise SpecError(f"{word}: give the maximum length, like {f.type}(200)")
    f.length = int(args)


def _range(f: Field, args: str | None, word: str, *_: object) -> None:
    if args is None:
        return
    bounds = re.fullmatch(r"(-?\d+)\.\.(-?\d+)", args)
    if not bounds:
        raise SpecError(f"{word}: write the range as int(MIN..MAX), like int(1..5)")
    f.low, f.high = int(bounds[1]), int(bounds[2])
    if not INT32[0] <= f.low <= f.high <= INT32[1]:
        raise SpecError(f"{word}: the range must run upwards within {INT32[0]}..{INT32[1]}")


def _decimal(f: Field, args: str | None, word: str, *_: object) -> None:
    digits = re.fullmatch(r"(\d+),(\d+)", args or "")
    if not digits or not 1 <= int(digits[1]) <= 38 or int(digits[2]) > int(digits[1]):
        raise SpecError(f"{word}: write decimal(P,S): P digits in all (1-38), S after the point")
    f.precision, f.scale = int(digits[1]), int(digits[2])


def _decimal_range(f: Field, args: str, word: str) -> None:
    bounds = re.fullmatch(r"(-?\d+(?:\.\d+)?)?\.\.(-?\d+(?:\.\d+)?)?", args)
    if not bounds or (bounds[1] is None and bounds[2] is None):
        raise SpecError(f"{word}: write the range as (MIN..MAX), (MIN..) or (..MAX), like (0..)")
    largest = Decimal(10) ** ((f.precision or 0) - (f.scale or 0))
    for bound in (bounds[1], bounds[2]):
        if bound is not None and not fits(Decimal(bound), f.scale or 0, largest):
            kind = f"decimal({f.precision},{f.scale})"
            raise SpecError(f"{word}: the bound {bound} does not fit {kind}")
    f.low = Decimal(bounds[1]) if bounds[1] is not None else None
    f.high = Decimal(bounds[2]) if bounds[2] is not None else None
    if f.low is not None and f.high is not None and f.low > f.high:
        raise SpecError(f"{word}: the range must run upwards, like (0..100)")


def fits(number: Decimal, scale: int, largest: Decimal) -> bool:
    """Whether NUMERIC(P, S) holds the number exactly: S digits after the point, |n| < 10**(P-S)."""
    return number.is_finite() and number == round(number, scale) and abs(number) < largest


def _enum(f: Field, args: str | None, word: str, *_: object) -> None:
    choices = (args or "").split("|")
    if not args or any(not IDENTIFIER.match(c) or len(c) > ENUM_LENGTH for c in choices):
        raise SpecError(
            f"{word}: write enum(a|b|c) with snake_case values of 16 characters or less"
        )
    if len(set(choices)) != len(choices):
        raise SpecError(f"{word}: an enum value is given twice")
    f.choices = choices


def _ref(f: Field, args: str | None, word: str, targets: dict[str, Target], resource: str) -> None:
    if args == resource:
        raise SpecError(f"{word}: a resource cannot refer to itself")
    if args not in targets:
        known = ", ".join(sorted(targets)) or "none yet"
        raise SpecError(f"{word}: there is no resource {args!r} to refer to (there are: {known})")
    f.target = targets[args]


# Each type's reader of its (...) arguments: (field, args, word, targets, resource).
ARGUMENTS: dict[str, Callable[[Field, str | None, str, dict[str, Target], str], None]] = {
    "str": _length,
    "text": _length,
    "int": _range,
    "decimal": _decimal,
    "bool": _no_arguments,
    "date": _no_arguments,
    "datetime": _no_arguments,
    "enum": _enum,
    "ref": _ref,
}


def default_of(f: Field, raw: str, word: str) -> object:
    """The default as a Python value, or a SpecError saying why it does not fit the type."""
    wrong = SpecError(f"{word}: the default {raw!r} is not a valid {f.type}")
    try:
        if f.type in ("str", "text"):
            if f.length is not None and len(raw) > f.length:
                raise wrong
            return raw
        if f.type == "int":
            value = int(raw)
            low, high = (f.low, f.high) if f.low is not None else INT32
            if not low <= value <= (high if high is not None else INT32[1]):
                raise wrong
            return value
        if f.type == "decimal":
            number, precision, scale = Decimal(raw), f.precision or 0, f.scale or 0
            if not fits(number, scale, Decimal(10) ** (precision - scale)):
                raise wrong
            if (f.low is not None and number < f.low) or (f.high is not None and number > f.high):
                raise wrong
            return number
        if f.type == "bool":
            if raw not in ("true", "false"):
                raise wrong
            return raw == "true"
        if f.type == "date":
            return dt.date.fromisoformat(raw)
        if f.type == "datetime":
            moment = dt.datetime.fromisoformat(raw)
            if moment.tzinfo is None:
                raise SpecError(
                    f"{word}: give the default's offset, like 2026-01-01T09:00:00+00:00"
                )
            return moment
        if raw not in f.choices:
            raise wrong
        return raw
    except (ValueError, InvalidOperation):
        raise wrong from None
