"""The agency registry in memory, one copy per process: the names a misspelt query is ranked
against and the shapes of licence numbers, so that a CEK scans no table. Renewed when an import
leaves a new stamp on the registry snapshot (one small query per check tells)."""

from __future__ import annotations

from dataclasses import dataclass

from gateway.models import Agency, JobOrder, RegistrySnapshot
from gateway.verification import names


@dataclass(frozen=True)
class RegistryIndex:
    """What a check needs of the whole registry."""

    stamps: tuple[tuple[str, str], ...]  # (kind, stamp) of the snapshots it was built from
    name_keys: dict[int, str]  # agency id -> names.normalise(name)
    word_names: dict[str, frozenset[int]]  # each word of a name key -> the agencies holding it
    licence_shapes: frozenset[str]  # names.shape() of every licence number
    codes_use_slashes: bool  # some job-order code has a "/": then a "/" alone proves nothing


_current: RegistryIndex | None = None


def current() -> RegistryIndex:
    """The index of the registry in force, rebuilt if an import changed it since."""
    global _current
    stamps = tuple(
        RegistrySnapshot.select(RegistrySnapshot.kind, RegistrySnapshot.stamp)
        .order_by(RegistrySnapshot.kind)
        .tuples()
    )
    if _current is None or _current.stamps != stamps:
        name_keys = dict(Agency.select(Agency.id, Agency.name_key).order_by(Agency.id).tuples())
        _current = RegistryIndex(
            stamps=stamps,
            name_keys=name_keys,
            word_names=_word_names(name_keys),
            licence_shapes=frozenset(
                names.shape(number) for (number,) in Agency.select(Agency.licence_no).tuples()
            ),
            codes_use_slashes=JobOrder.select().where(JobOrder.code.contains("/")).exists(),
        )
    return _current


def _word_names(name_keys: dict[int, str]) -> dict[str, frozenset[int]]:
    """Each word of the name keys -> the ids of the agencies whose name key holds it."""
    holding: dict[str, set[int]] = {}
    for agency_id, key in name_keys.items():
        for word in key.split():
            holding.setdefault(word, set()).add(agency_id)
    return {word: frozenset(ids) for word, ids in holding.items()}


def forget() -> None:
    """Drop the index: for rows changed without an import (tests, a hand edit in the shell)."""
    global _current
    _current = None
