"""Agency names are compared forgiving only the legal form PT/CV at their start or end (issue 9):
the keys stored under the looser rule (P3MI, PPTKIS, Tbk... dropped anywhere in the name) are
made again, and the agencies' snapshot stamp renewed so that every process rebuilds its index."""

import uuid

from gateway.verification.names import normalise


def up(migrator, db):
    param = db.param
    for agency_id, name in db.execute_sql("SELECT id, name FROM agency").fetchall():
        db.execute_sql(
            f"UPDATE agency SET name_key = {param} WHERE id = {param}", (normalise(name), agency_id)
        )
    db.execute_sql(
        f"UPDATE registry_snapshot SET stamp = {param} WHERE kind = 'agencies'",
        (uuid.uuid4().hex,),
    )


def down(migrator, db):
    pass  # the keys stay as this rule makes them: the looser rule is not wanted back
