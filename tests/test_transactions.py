"""A unit of work sends its BEGIN with its first statement: one that runs nothing (a USSD step
that only moves between menus) borrows no connection; one that runs something is as atomic as
ever, even when it connected only then."""

import pytest

from gateway.models import Village, db
from gateway.transactions import unit_of_work


def villages() -> list[str]:
    return [v.code for v in Village.select().order_by(Village.code)]


def add(code: str) -> None:
    Village.create(code=code, name="Desa", district="Malang", province="Jawa Timur")


def test_a_unit_of_work_that_runs_nothing_borrows_no_connection(app):
    db.close()
    with unit_of_work():
        pass
    assert db.is_closed()


def test_a_unit_of_work_that_connects_at_its_first_statement_is_still_undone_whole(app):
    db.close()
    with pytest.raises(RuntimeError), unit_of_work():
        add("3507102001")
        add("3507102002")
        raise RuntimeError("a step failed half way")
    assert villages() == []


def test_a_savepoint_inside_a_late_begun_unit_of_work_undoes_only_its_part(app):
    db.close()
    with unit_of_work():
        with pytest.raises(RuntimeError), unit_of_work():  # a savepoint, begun first
            add("3507102001")
            raise RuntimeError("undo this part")
        add("3507102002")
    assert villages() == ["3507102002"]


def test_statements_after_a_unit_of_work_that_ran_nothing_are_not_left_in_a_transaction(app):
    with unit_of_work():
        pass
    add("3507102001")
    assert not db.in_transaction()
    db.close()  # refused if a transaction had been left open
    assert villages() == ["3507102001"]


def test_an_after_commit_callback_registered_before_the_first_statement_still_runs(app):
    db.close()  # as at the start of a web request
    ran = []
    with unit_of_work():
        db.after_commit(lambda: ran.append("sent"))
        add("3507102001")  # connects only here
    assert ran == ["sent"]


def test_a_statement_on_the_raw_cursor_is_undone_with_its_unit_of_work(app):
    db.connect(reuse_if_open=True)
    with pytest.raises(RuntimeError), unit_of_work():
        db.cursor().execute(
            "INSERT INTO village (code, name, district, province) "
            "VALUES ('3507102001', 'D', 'M', 'J')"
        )
        raise RuntimeError("undo")
    assert villages() == []


def test_asking_for_the_connection_inside_a_unit_of_work_keeps_the_transaction(app):
    db.close()
    with unit_of_work():
        db.connection()  # connects: peewee's connect() forgets the transactions entered
        add("3507102001")
    assert villages() == ["3507102001"]
