"""Peewee models. The schema itself is built by the scripts in migrations/, never from here."""

from __future__ import annotations

from datetime import datetime

from peewee import (
    BooleanField,
    CharField,
    DatabaseProxy,
    DateField,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
)

from gateway import clock, crypto
from gateway.fields import EncryptedIntegerField, EncryptedTextField
from gateway.statuses import AlertState, CheckinStatus, MessageKind, OutboxStatus, ReportKind

# Bound to a real database by gateway.db.init_db() from DATABASE_URL.
db = DatabaseProxy()


def _now() -> datetime:
    """clock.now() when a row is made: a default bound to clock.now itself would keep the
    function of import time, and the tests' clock would not hold for it."""
    return clock.now()


class BaseModel(Model):
    class Meta:
        database = db
        legacy_table_names = False


class Contact(BaseModel):
    """A phone number we have heard from, with the choices it made."""

    phone = CharField(max_length=20, unique=True)
    language = CharField(max_length=5, null=True)  # null: the default language
    opted_out = BooleanField(default=False)  # STOP: no broadcasts until MULAI
    erase_asked_at = DateTimeField(null=True)  # HAPUS: HAPUS YA erases within 10 minutes
    failed_deliveries = IntegerField(default=0)  # dead-number failures in a row
    paused_at = DateTimeField(null=True)  # set: only urgent SMS go to this number
    created_at = DateTimeField(default=_now)
    updated_at = DateTimeField(default=_now)


class OutboxMessage(BaseModel):
    """One outbound SMS to one number: the truth about what was sent."""

    to = CharField(max_length=20, index=True)
    text = EncryptedTextField()  # names, cases, verdicts: in clear only on the way out
    kind = CharField(max_length=10, default=MessageKind.REPLY.value)
    status = CharField(max_length=10, default=OutboxStatus.QUEUED.value, index=True)
    attempts = IntegerField(default=0)
    ambiguous_attempts = IntegerField(default=0)
    provider_id = CharField(max_length=100, null=True, index=True)
    delivery_status = CharField(max_length=30, null=True)
    last_error = TextField(null=True)
    alert_id = IntegerField(null=True, index=True)  # the alert this SMS carries, if any
    broadcast_id = IntegerField(null=True, index=True)  # the desk's broadcast it belongs to
    batch_key = CharField(max_length=64, null=True)  # same text, one provider call (outbox.py)
    # The row whose RQ job sends this one too (a batch of one text); None: its own job.
    sent_with = IntegerField(null=True, index=True)
    not_before = DateTimeField(null=True)  # quiet hours, a retry's wait: not sent before (UTC)
    created_at = DateTimeField(default=_now)
    updated_at = DateTimeField(default=_now)
    sent_at = DateTimeField(null=True)

    class Meta:
        indexes = ((("batch_key", "status", "id"), False),)


class EarlyDeliveryReport(BaseModel):
    """A delivery report whose message is not known by that id yet (the send job has not
    stored it); applied when it is, forgotten after a day."""

    provider_id = CharField(max_length=100, unique=True)
    status = CharField(max_length=30)
    failure_reason = CharField(max_length=200, null=True)
    received_at = DateTimeField(default=_now, index=True)


class InboundSms(BaseModel):
    """An SMS callback as received; the provider id makes a replayed callback a no-op."""

    provider_id = CharField(max_length=100, unique=True)
    sender = CharField(max_length=20, index=True)
    to = CharField(max_length=20, null=True)
    text = EncryptedTextField()  # reports, check-in answers, PINs of INFO
    link_id = CharField(max_length=100, null=True)
    keyword = CharField(max_length=20, null=True)
    received_at = DateTimeField(default=_now)


class UssdSessionEvent(BaseModel):
    """The end-of-session notification of one USSD session (one row per session)."""

    session_id = CharField(max_length=100, unique=True)
    phone = CharField(max_length=20, index=True)
    status = CharField(max_length=20)
    input = EncryptedTextField(null=True)  # names typed; PINs and years masked before this
    last_app_response = EncryptedTextField(null=True)
    duration_ms = IntegerField(null=True)
    error_message = TextField(null=True)
    provider_date = CharField(max_length=40, null=True)
    received_at = DateTimeField(default=_now)


class UssdCheckpoint(BaseModel):
    """The state after a USSD step that wrote to the database. A session whose Redis state was
    lost goes on from here, rather than doing that step (a report, a log row) a second time;
    the unique key stops two copies of one request doing it at once."""

    session_id = CharField(max_length=100)
    answer_index = IntegerField()  # 0 for the first answer of the session
    text_key = CharField(max_length=64)  # keyed hash of the input up to that answer
    state = EncryptedTextField()  # JSON, as kept in Redis
    reply = EncryptedTextField()  # JSON: the screen that step showed
    created_at = DateTimeField(default=_now, index=True)

    class Meta:
        indexes = ((("session_id", "answer_index"), True),)


class Village(BaseModel):
    """A Desmigratif village, by its 10-digit Kemendagri code."""

    code = CharField(max_length=10, unique=True)
    name = CharField(max_length=100)
    district = CharField(max_length=100)
    province = CharField(max_length=100)
    language = CharField(max_length=5, null=True)  # the village's default; null: DEFAULT_LANGUAGE


def normal_name(name: str) -> str:
    """A name as compared: case and spacing do not make another person or child."""
    return " ".join(name.lower().split())


def person_key(name: str) -> list[str]:
    """The keyed hashes a person's name may be stored under (newest DATA_KEY first)."""
    return crypto.lookup_hashes(normal_name(name))


def child_key(name: str, birth_year: int) -> list[str]:
    """The keyed hashes a child (name and birth year) may be stored under."""
    return crypto.lookup_hashes(f"{normal_name(name)}|{birth_year}")


def keyed(new_key: str, stored_key: str | None) -> str:
    """`new_key`, keeping the "#id" that migration 0012 gave a double stored before the
    unique keys (saving it again must not collide with the row it doubles)."""
    if stored_key and "#" in stored_key:
        return new_key + stored_key[stored_key.index("#") :]
    return new_key


class Person(BaseModel):
    """Someone registered, by USSD or from a village register. One phone may hold several,
    never twice the same (phone, role, name): ten sessions finishing at once make one."""

    phone = CharField(max_length=20, index=True)
    name = EncryptedTextField()
    name_key = CharField(max_length=100)  # keyed hash, kept by save(); unique with phone, role
    role = CharField(max_length=12)
    village = ForeignKeyField(Village, null=True, backref="people")
    destination_country = CharField(max_length=40, null=True)  # migrants
    agency = CharField(max_length=60, null=True)  # migrants
    job_interest = CharField(max_length=60, null=True)  # prospective migrants
    pin_hash = CharField(max_length=200, null=True)
    pin_failures = IntegerField(default=0)
    pin_locked_until = DateTimeField(null=True)
    monthly_summary = BooleanField(default=False)  # migrants: ANAK BULANAN
    last_summary_at = DateTimeField(null=True)
    created_at = DateTimeField(default=_now)
    updated_at = DateTimeField(default=_now)

    class Meta:
        indexes = ((("phone", "role", "name_key"), True),)

    def save(self, *args, **kwargs):
        self.name_key = keyed(person_key(self.name)[0], self.name_key)
        return super().save(*args, **kwargs)


class Child(BaseModel):
    """A child left behind, in a caregiver's care; linked to the parent abroad by phone. One
    row per (caregiver, name, birth year)."""

    caregiver = ForeignKeyField(Person, backref="children", on_delete="CASCADE")
    name = EncryptedTextField()
    name_key = CharField(max_length=100)  # keyed hash of name and birth year, kept by save()
    birth_year = EncryptedIntegerField()
    in_school = BooleanField()
    parent_phone = CharField(max_length=20, null=True, index=True)  # the migrant parent, if known
    created_at = DateTimeField(default=_now)

    class Meta:
        indexes = ((("caregiver", "name_key"), True),)

    def save(self, *args, **kwargs):
        self.name_key = keyed(child_key(self.name, self.birth_year)[0], self.name_key)
        return super().save(*args, **kwargs)


class Consent(BaseModel):
    """A consent given: whose, for what, which text they agreed to, when and how."""

    person = ForeignKeyField(Person, backref="consents", on_delete="CASCADE")
    scope = CharField(max_length=10)  # "self" or "children"
    text_version = CharField(max_length=20)
    channel = CharField(max_length=10)  # "ussd" or "paper"
    given_at = DateTimeField(default=_now)

    class Meta:
        indexes = ((("person", "scope", "text_version"), True),)


class Officer(BaseModel):
    """A village officer (Petugas Desmigratif), a district supervisor (Disnaker), or an operator
    of the programme (the web desk only)."""

    phone = CharField(max_length=20, unique=True)
    name = CharField(max_length=60)
    role = CharField(max_length=12)  # statuses.OfficerRole
    village = ForeignKeyField(Village, null=True, backref="officers")  # officers
    district = CharField(max_length=100)
    created_at = DateTimeField(default=_now)
    pin_hash = CharField(max_length=200, null=True)  # for INFO <ref> <PIN>
    pin_failures = IntegerField(default=0)
    pin_locked_until = DateTimeField(null=True)
    password_hash = CharField(max_length=200, null=True)  # the web desk's login
    login_failures = IntegerField(default=0)
    login_locked_until = DateTimeField(null=True)
    invite_hash = CharField(max_length=64, null=True)  # a first-login link's (staff_invites)
    invite_expires = DateTimeField(null=True)
    session_nonce = CharField(max_length=16, default="")  # renewed at logout (staff.py)

    # Flask-Login asks these of the user object.
    is_authenticated, is_active, is_anonymous = True, True, False

    def get_id(self) -> str:
        """The session holds the id, the password hash's tail and the session nonce: a new
        password, or a logout, ends every session begun before it (a copied cookie too)."""
        return f"{self.id}:{(self.password_hash or '')[-12:]}:{self.session_nonce}"


class Broadcast(BaseModel):
    """One SMS a staff member sent from the desk to the families of a village or a district."""

    officer = ForeignKeyField(Officer, null=True, on_delete="SET NULL")  # who wrote it
    village = ForeignKeyField(Village, null=True, on_delete="SET NULL")  # null: the whole district
    district = CharField(max_length=100)
    text = TextField()  # the same words to every family: nothing personal
    recipients = IntegerField()  # distinct phones it was written to (opted-out ones included)
    created_at = DateTimeField(default=_now, index=True)


class RegistrySnapshot(BaseModel):
    """The date of the registry export in force, per kind ("agencies", "job_orders")."""

    kind = CharField(max_length=12, unique=True)
    as_of = DateField()
    rows = IntegerField()
    imported_at = DateTimeField(default=_now)
    stamp = CharField(max_length=32, default="")  # new at every import: in-memory indexes renew


class Agency(BaseModel):
    """A placement agency (P3MI) as the registry snapshot lists it."""

    licence_no = CharField(max_length=60, unique=True)
    licence_key = CharField(max_length=60, index=True)  # digits and letters only, upper case
    name = CharField(max_length=120)
    name_key = CharField(max_length=120, index=True)  # names.normalise(name)
    address = CharField(max_length=200)
    valid_until = DateField()
    status = CharField(max_length=10)  # statuses.AgencyStatus


class JobOrder(BaseModel):
    """A job order (with its SIP2MI) as the registry snapshot lists it."""

    code = CharField(max_length=40, unique=True)
    code_key = CharField(max_length=40, index=True)  # digits and letters only, upper case
    licence_no = CharField(max_length=60, index=True)
    country = CharField(max_length=2)
    occupation = CharField(max_length=80)
    employer_type = CharField(max_length=10)  # individual, company
    positions = IntegerField()
    valid_until = DateField()
    status = CharField(max_length=10)  # active, expired, cancelled, closed, suspended, revoked


class RuleItem(BaseModel):
    """Operator-editable rule data: closed destinations, zero-cost jobs, official channels."""

    kind = CharField(max_length=20)  # closed_domestic, no_route, zero_cost
    value = CharField(max_length=80)
    note = CharField(max_length=160, null=True)

    class Meta:
        indexes = ((("kind", "value"), True),)


class Verification(BaseModel):
    """One CEK: what was asked, what it matched, what we answered, and the asker's village."""

    query = CharField(max_length=160)
    query_key = CharField(max_length=160, index=True)
    result = CharField(max_length=24)  # registered, not_registered, unconfirmed
    agency = ForeignKeyField(Agency, null=True, on_delete="SET NULL")
    job_order = ForeignKeyField(JobOrder, null=True, on_delete="SET NULL")
    asker = CharField(max_length=20, index=True)
    village = ForeignKeyField(Village, null=True)
    channel = CharField(max_length=6)  # sms, ussd
    created_at = DateTimeField(default=_now, index=True)


class ScamWave(BaseModel):
    """A name many people asked about while unregistered or revoked: alerted once per window."""

    query_key = CharField(max_length=160, index=True)
    askers = IntegerField()
    alerted_at = DateTimeField(default=_now)


class Report(BaseModel):
    """What someone reported in their own words, with the reference they get back; the case
    (alert) about it carries the same reference."""

    ref = CharField(max_length=12, unique=True)
    kind = CharField(max_length=10, default=ReportKind.BROKER.value)
    reporter = CharField(max_length=20, index=True)  # shown to officers only
    village = ForeignKeyField(Village, null=True)
    text = EncryptedTextField()
    channel = CharField(max_length=6)
    created_at = DateTimeField(default=_now)


class Alert(BaseModel):
    """A case an officer must act on, known by its reference; escalates if nobody acknowledges."""

    ref = CharField(max_length=12, unique=True)
    category = CharField(max_length=20)  # "broker"; red-flag categories come with check-ins
    urgent = BooleanField(default=False)
    village = ForeignKeyField(Village, null=True)
    state = CharField(max_length=12, index=True, default=AlertState.OPENED.value)
    deadline_at = DateTimeField(index=True)  # escalated if not acknowledged by then
    opened_at = DateTimeField(default=_now)
    child_id = IntegerField(null=True)  # the child a check-in alert is about (never in its SMS)


class AlertEvent(BaseModel):
    """Every state change of an alert, with its time and who caused it."""

    alert = ForeignKeyField(Alert, backref="events", on_delete="CASCADE")
    state = CharField(max_length=12)
    at = DateTimeField(default=_now)
    actor = CharField(max_length=20, null=True)  # the officer's phone, when an officer acted
    note = EncryptedTextField(null=True)


class CheckinRound(BaseModel):
    """One round of parenting check-ins: every child (of one village, or all) asked once."""

    village = ForeignKeyField(Village, null=True)  # null: every village
    started_at = DateTimeField(default=_now, index=True)


class Checkin(BaseModel):
    """One child's check-in in one round; the answers are one digit each (see checkins.py)."""

    round = ForeignKeyField(CheckinRound, backref="checkins", on_delete="CASCADE")
    child = ForeignKeyField(Child, backref="checkins", on_delete="CASCADE")
    status = CharField(max_length=10, default=CheckinStatus.OPEN.value, index=True)
    opened_at = DateTimeField(default=_now)
    reminded_at = DateTimeField(null=True)
    answered_at = DateTimeField(null=True)
    channel = CharField(max_length=6, null=True)
    # Encrypted: a child's health and safety are specific personal data.
    school = EncryptedIntegerField(null=True)  # 1 attends, 2 does not
    health = EncryptedIntegerField(null=True)  # 1 well, 2 ill
    mood = EncryptedIntegerField(null=True)  # 1 good, 2 sad or withdrawn
    contact = EncryptedIntegerField(null=True)  # 1 talked with the parent abroad, 2 did not
    problem = EncryptedIntegerField(null=True)  # 1 none; 2-8: see checkin_codes.PROBLEMS

    class Meta:
        indexes = ((("round", "child"), True),)


class AccessLog(BaseModel):
    """Who on the web desk opened whose personal data, and when (UU PDP): a household's or a
    child's page, or an export of a scope's rows (`count` of them)."""

    actor = CharField(max_length=20, index=True)  # the staff member's phone
    kind = CharField(max_length=12)  # household, child, export
    subject = CharField(max_length=40)  # the caregiver's or child's id, or the export's name
    count = IntegerField(null=True)  # rows exported
    at = DateTimeField(default=_now, index=True)


class ErasureRecord(BaseModel):
    """A household that erased its data (HAPUS): only how many, where and when."""

    village = ForeignKeyField(Village, null=True, on_delete="SET NULL")
    people = IntegerField()
    children = IntegerField()
    erased_at = DateTimeField(default=_now)


ALL_MODELS = (
    Contact,
    OutboxMessage,
    EarlyDeliveryReport,
    InboundSms,
    UssdSessionEvent,
    UssdCheckpoint,
    Village,
    Person,
    Child,
    Consent,
    Officer,
    Broadcast,
    RegistrySnapshot,
    Agency,
    JobOrder,
    RuleItem,
    Verification,
    ScamWave,
    Report,
    Alert,
    AlertEvent,
    CheckinRound,
    Checkin,
    ErasureRecord,
    AccessLog,
)
