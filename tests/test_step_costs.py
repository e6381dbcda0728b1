"""What a USSD step costs: at most two Redis round trips (one read, one write); two queries on
a session's first step, and none on a step that only moves between menus."""

import pytest
import redis as redis_library

from gateway.models import db

PHONE = "+6281234567890"


@pytest.fixture
def costs(monkeypatch):
    """Count Redis round trips (a command or a whole pipeline) and SQL queries."""
    counted = {"redis": 0, "sql": 0}
    command, pipeline = redis_library.Redis.execute_command, redis_library.client.Pipeline.execute

    def one_command(self, *args, **options):
        counted["redis"] += 1
        return command(self, *args, **options)

    def one_pipeline(self, *args, **options):
        counted["redis"] += 1
        return pipeline(self, *args, **options)

    monkeypatch.setattr(redis_library.Redis, "execute_command", one_command)
    monkeypatch.setattr(redis_library.client.Pipeline, "execute", one_pipeline)
    hook = lambda _event: counted.__setitem__("sql", counted["sql"] + 1)  # noqa: E731
    db.obj.query_hooks.append(hook)
    yield counted
    db.obj.query_hooks.remove(hook)


def step(client, costs, text):
    costs.update(redis=0, sql=0)
    answer = client.post("/ussd", data={"sessionId": "s-1", "phoneNumber": PHONE, "text": text})
    assert answer.status_code == 200 and answer.text.startswith("CON ")
    return dict(costs)


def test_a_step_takes_two_redis_round_trips_and_moving_between_menus_no_query(client, costs):
    first = step(client, costs, "")
    assert first["redis"] == 2  # the state, the unfinished registration and the hour's count
    assert first["sql"] == 2  # who is calling (language, staff), who is registered on the phone
    for text in ("5", "5*1", "5*1*0"):  # the info menu, one of its screens, back
        assert step(client, costs, text) == {"redis": 2, "sql": 0}, text


def test_a_repeated_request_takes_one_round_trip_and_no_query(client, costs):
    step(client, costs, "")
    step(client, costs, "5")
    assert step(client, costs, "5") == {"redis": 1, "sql": 0}


def test_a_compiled_query_answers_as_peewee_builds_it_for_each_value(app, village):
    from gateway.db import Compiled
    from gateway.models import Person

    siti, _ = (
        Person.create(phone=phone, name=name, role="caregiver", village=village)
        for phone, name in (("+6281200000001", "Siti"), ("+6281200000002", "Rina"))
    )
    by_phone = Compiled(lambda phone: Person.select().where(Person.phone == phone), Person)
    for phone in ("+6281200000002", "+6281200000001", "+6281299999999"):
        expected = [p.name for p in Person.select().where(Person.phone == phone)]
        assert [p.name for p in by_phone.rows(phone=phone)] == expected
    names = Compiled(lambda phone: Person.select(Person.id).where(Person.phone == phone))
    assert names.rows(phone="+6281200000001") == [(siti.id,)]
    # A value Peewee does not pass as a parameter has no place to go: refused, never guessed.
    inlined = Compiled(lambda phone: Person.select().where(Person.phone == "+62812"))
    with pytest.raises(ValueError, match="not parameters"):
        inlined.rows(phone="+6281200000001")
