"""One person per (phone, role, name), one child per (caregiver, name, birth year), one consent
per (person, scope, text version), held by unique indexes: registrations finished in several
sessions at once used to make doubles. Doubles already stored keep their rows (their name key
gets a suffix, for an operator to merge); repeated consents are the same fact, kept once."""

from peewee import CharField


def _name_key(name: str) -> str:
    return " ".join(name.lower().split())  # as gateway.models.name_key, frozen here


def _fill(db, table: str, group: tuple[str, ...], with_year: bool) -> None:
    seen: set[tuple] = set()
    columns = ", ".join(group)
    for row_id, name, *rest in db.execute_sql(
        f"SELECT id, name, {columns} FROM {table} ORDER BY id"
    ).fetchall():
        key = _name_key(name) + (f"|{rest[-1]}" if with_year else "")
        identity = (key, *rest)
        if identity in seen:
            key = f"{key}#{row_id}"  # a double made before the index: kept, told apart
        seen.add(identity)
        mark = db.param  # ? on SQLite, %s on PostgreSQL
        db.execute_sql(f"UPDATE {table} SET name_key = {mark} WHERE id = {mark}", (key, row_id))


def up(migrator, db):
    migrator.migrate(
        migrator.add_column("person", "name_key", CharField(max_length=100, default="")),
        migrator.add_column("child", "name_key", CharField(max_length=100, default="")),
    )
    _fill(db, "person", ("phone", "role"), with_year=False)
    _fill(db, "child", ("caregiver_id", "birth_year"), with_year=True)  # key: name|year
    db.execute_sql(
        "DELETE FROM consent WHERE id NOT IN "
        "(SELECT MIN(id) FROM consent GROUP BY person_id, scope, text_version)"
    )
    migrator.migrate(
        migrator.add_index("person", ("phone", "role", "name_key"), unique=True),
        migrator.add_index("child", ("caregiver_id", "name_key"), unique=True),
        migrator.add_index("consent", ("person_id", "scope", "text_version"), unique=True),
    )


def down(migrator, db):
    migrator.migrate(
        migrator.drop_index("consent", "consent_person_id_scope_text_version"),
        migrator.drop_index("child", "child_caregiver_id_name_key"),
        migrator.drop_index("person", "person_phone_role_name_key"),
        migrator.drop_column("child", "name_key"),
        migrator.drop_column("person", "name_key"),
    )
