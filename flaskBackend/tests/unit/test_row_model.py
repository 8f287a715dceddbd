"""What every resource's model tells the contract tests, listed alike in every process."""

from sqlalchemy import Column, Integer, MetaData, Table, UniqueConstraint

from app.kernel.models.row import Row


def test_unique_fields_come_in_the_order_of_their_constraints_names() -> None:
    # pytest-xdist refuses to run when two workers collect the contract cases in different
    # orders, and a table's constraints are a set: the order must not come from it.
    names = ["uq_e", "uq_c", "uq_a", "uq_d", "uq_b"]
    table = Table(
        "probe",
        MetaData(),
        Column("id", Integer, primary_key=True),
        *[Column(name[-1], Integer) for name in names],
        *[UniqueConstraint(name[-1], name=name) for name in names],
    )

    class Probe:  # only what unique_fields reads
        __table__ = table

    found = Row.unique_fields.__func__(Probe)  # type: ignore[attr-defined]

    assert list(found) == sorted(names)
    assert found["uq_a"] == ("a",)
