"""A RowSchema dumps through row_dump's plan exactly what marshmallow's own dump gives, for every
kind of column a resource may have, with values and without."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from enum import StrEnum
from typing import Any

import pytest
from marshmallow import Schema, fields, post_dump
from sqlalchemy import Boolean, Date, DateTime, Integer, Numeric, SmallInteger, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from app.kernel.models.base import string_enum
from app.kernel.schemas.model import RowSchema


class Colour(StrEnum):
    RED = "red"
    DARK_BLUE = "dark blue"


class Base(DeclarativeBase):  # its own metadata: nothing here reaches the migrations
    pass


class Sample(Base):
    __tablename__ = "row_dump_samples"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(20))
    notes: Mapped[str | None] = mapped_column(Text)
    count: Mapped[int | None] = mapped_column(SmallInteger)
    done: Mapped[bool | None] = mapped_column(Boolean)
    due: Mapped[dt.date | None] = mapped_column(Date)
    at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    price: Mapped[Decimal | None] = mapped_column(Numeric(8, 2))
    colour: Mapped[Colour | None] = mapped_column(string_enum(Colour, "colour"))

    @property
    def label(self) -> str:
        return f"{self.name}!"


class SampleSchema(RowSchema):
    class Meta(RowSchema.Meta):
        model = Sample
        exclude = ()

    shown = fields.String(attribute="label")  # not a column: the field reads it itself
    kind = fields.Method("kind_of")

    def kind_of(self, row: Any) -> str:
        return "sample"


class HookedSchema(SampleSchema):
    @post_dump
    def shout(self, data: dict[str, Any], **kwargs: Any) -> dict[str, Any]:
        return {**data, "name": data["name"].upper()}


FULL = Sample(
    id=7,
    name='Ünïcode "quoted" \\ <b>',
    notes="two\nlines",
    count=-32768,
    done=False,
    due=dt.date(2026, 2, 28),
    at=dt.datetime(2026, 3, 1, 10, 0, 0, 123456, tzinfo=dt.timezone(dt.timedelta(hours=-5))),
    price=Decimal("1234.50"),
    colour=Colour.DARK_BLUE,
)
EMPTY = Sample(id=8, name="", notes=None, count=None, done=None, due=None, at=None, price=None)


@pytest.mark.parametrize("row", [FULL, EMPTY], ids=["values", "nulls"])
def test_the_plan_dumps_what_marshmallow_dumps(row: Sample) -> None:
    schema = SampleSchema()

    assert schema.plan is not None
    assert schema.dump(row) == Schema.dump(schema, row)
    assert schema.dump([row, row], many=True) == Schema.dump(schema, [row, row], many=True)


def test_the_plan_keeps_each_value_s_json_form() -> None:
    dumped = SampleSchema().dump(FULL)

    assert dumped["at"] == "2026-03-01T10:00:00.123456-05:00"
    assert dumped["due"] == "2026-02-28"
    assert dumped["price"] == "1234.50"
    assert dumped["colour"] == "dark blue"
    assert (dumped["shown"], dumped["kind"]) == (f"{FULL.name}!", "sample")


def test_a_schema_with_dump_hooks_is_dumped_by_marshmallow() -> None:
    schema = HookedSchema()

    assert schema.plan is None
    assert schema.dump(FULL)["name"] == FULL.name.upper()
