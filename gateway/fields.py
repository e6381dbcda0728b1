"""Peewee fields whose values are stored encrypted (gateway.crypto) and read back in clear.
Encrypted columns cannot be compared or sorted in SQL: filter and sort such values in Python,
or look them up by a keyed hash (crypto.lookup_hash). A value given as crypto.Sealed is stored
as it is: the rows of one broadcast text share one token (equal tokens show equal texts, which
their batch key shows anyway)."""

from __future__ import annotations

from peewee import TextField

from gateway import crypto


class EncryptedTextField(TextField):
    """Text stored encrypted with DATA_KEY."""

    def db_value(self, value):
        if isinstance(value, crypto.Sealed):
            return value.token
        return None if value is None else crypto.encrypt(str(value))

    def python_value(self, value):
        return None if value is None else crypto.decrypt(value)


class EncryptedIntegerField(EncryptedTextField):
    """A whole number stored encrypted (a birth year, a check-in answer)."""

    def db_value(self, value):
        return super().db_value(None if value is None else int(value))

    def python_value(self, value):
        text = super().python_value(value)
        return None if text is None else int(text)
