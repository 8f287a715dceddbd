"""DecimalString: a NUMERIC(P, S) value as a JSON string, and a message saying what is wrong."""

from decimal import Decimal

import pytest
from marshmallow import Schema, ValidationError

from app.kernel.schemas.fields import DecimalString


def load(value: object, precision: int = 10, scale: int = 2) -> object:
    class Price(Schema):
        price = DecimalString(precision=precision, scale=scale)

    return Price().load({"price": value})["price"]


@pytest.mark.parametrize(
    ("value", "precision", "scale", "loaded"),
    [
        ("12.5", 10, 2, Decimal("12.50")),
        ("-99999999.99", 10, 2, Decimal("-99999999.99")),
        ("0", 10, 2, Decimal("0.00")),
        ("42", 4, 0, Decimal("42")),
        ("-0.55", 2, 2, Decimal("-0.55")),
    ],
)
def test_a_value_that_fits_loads_exactly(
    value: str, precision: int, scale: int, loaded: Decimal
) -> None:
    assert load(value, precision, scale) == loaded


@pytest.mark.parametrize(
    ("value", "precision", "scale", "says"),
    [
        (12.5, 10, 2, 'Must be a string of digits, like "12.50".'),
        ("abc", 10, 2, "Not a valid number."),
        ("1e3", 10, 2, "Not a valid number."),
        ("1.234", 10, 2, "At most 2 digits after the decimal point."),
        ("0.15", 4, 1, "At most 1 digit after the decimal point."),
        ("123456789", 10, 2, "At most 8 digits before the decimal point."),
        ("12.5", 4, 0, "Must be a whole number."),
        ("1.5", 2, 2, "Must be between -1 and 1."),
    ],
)
def test_a_value_that_does_not_fit_says_which_part_is_wrong(
    value: object, precision: int, scale: int, says: str
) -> None:
    with pytest.raises(ValidationError) as refused:
        load(value, precision, scale)

    assert refused.value.messages == {"price": [says]}
