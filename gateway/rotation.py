"""`flask --app gateway rotate-key`: every encrypted value re-encrypted with the newest DATA_KEY
key, and every name key hashed with it, so that the older keys can then be dropped."""

from __future__ import annotations

from gateway import crypto
from gateway.fields import EncryptedTextField
from gateway.models import ALL_MODELS, Child, Person, child_key, db, keyed, person_key


def rotate_all() -> dict[str, int]:
    """Re-encrypt and re-hash in one transaction; return how many values per table."""
    counts: dict[str, int] = {}
    mark = db.obj.param
    with db.atomic():
        for model in ALL_MODELS:
            table = model._meta.table_name
            columns = [
                f.column_name
                for f in model._meta.sorted_fields
                if isinstance(f, EncryptedTextField)
            ]
            for column in columns:
                rows = db.execute_sql(
                    f'SELECT id, "{column}" FROM "{table}" WHERE "{column}" IS NOT NULL'
                ).fetchall()
                for row_id, token in rows:  # raw tokens: the fields would decrypt them
                    db.execute_sql(
                        f'UPDATE "{table}" SET "{column}" = {mark} WHERE id = {mark}',
                        (crypto.rotate(token), row_id),
                    )
                counts[table] = counts.get(table, 0) + len(rows)
        for person in Person.select():
            _rekey(person, keyed(person_key(person.name)[0], person.name_key))
        for child in Child.select():
            _rekey(child, keyed(child_key(child.name, child.birth_year)[0], child.name_key))
    return counts


def _rekey(row: Person | Child, key: str) -> None:
    type(row).update(name_key=key).where(type(row).id == row.id).execute()
