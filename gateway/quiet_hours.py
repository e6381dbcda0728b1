"""Quiet hours: non-urgent SMS wait until the end of QUIET_HOURS (default 20-08) in the
recipient's local time."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import phonenumbers
from phonenumbers import timezone as phone_timezones

from gateway.models import Officer, Person, Village

CHUNK = 500  # numbers per IN (...) list
WIB, WITA, WIT = ZoneInfo("Asia/Jakarta"), ZoneInfo("Asia/Makassar"), ZoneInfo("Asia/Jayapura")
WIT_PROVINCES = {
    "papua",
    "papua barat",
    "papua barat daya",
    "papua selatan",
    "papua tengah",
    "papua pegunungan",
    "maluku",
    "maluku utara",
}
# By the first two digits of a village code (the province's code, Kemendagri/BPS), which no
# spelling of a province's name can get wrong ("Sulsel" is Sulawesi Selatan, WITA).
ZONE_BY_PROVINCE_CODE = {
    **dict.fromkeys(("11", "12", "13", "14", "15", "16", "17", "18", "19", "21"), WIB),
    **dict.fromkeys(("31", "32", "33", "34", "35", "36", "61", "62"), WIB),
    **dict.fromkeys(("51", "52", "53", "63", "64", "65"), WITA),
    **dict.fromkeys(("71", "72", "73", "74", "75", "76"), WITA),
    **dict.fromkeys(("81", "82", "91", "92", "93", "94", "95", "96", "97"), WIT),
}
WITA_PROVINCES = {
    "bali",
    "nusa tenggara barat",
    "ntb",
    "nusa tenggara timur",
    "ntt",
    "kalimantan selatan",
    "kalimantan timur",
    "kalimantan utara",
    "gorontalo",
    "sulawesi utara",
    "sulawesi tengah",
    "sulawesi selatan",
    "sulawesi tenggara",
    "sulawesi barat",
}


def zone_for(phone: str) -> ZoneInfo:
    """The recipient's time zone: by village province in Indonesia (WIB/WITA/WIT, default WIB),
    by the number's country abroad."""
    return zones_for([phone])[phone]


def zones_for(phones: list[str]) -> dict[str, ZoneInfo]:
    """zone_for() of many numbers, in a few queries (a round's or a broadcast's recipients)."""
    zones = {phone: _zone_abroad(phone) for phone in phones if not phone.startswith("+62")}
    home = [phone for phone in phones if phone.startswith("+62")]
    villages: dict[str, Village] = {}
    for start in range(0, len(home), CHUNK):
        chunk = home[start : start + CHUNK]
        for village in (
            Village.select(Person.phone, Village.province, Village.code)
            .join(Person)
            .where(Person.phone.in_(chunk))
            .objects()
        ):
            villages.setdefault(village.phone, village)
    for phone in home:
        zones[phone] = zone_of(villages.get(phone) or _staff_village(phone))
    return zones


def _zone_abroad(phone: str) -> ZoneInfo:
    zones = phone_timezones.time_zones_for_number(phonenumbers.parse(phone))
    known = [z for z in zones if z != phone_timezones.UNKNOWN_TIMEZONE]
    return ZoneInfo(known[0]) if known else WIB


def _staff_village(phone: str) -> Village | None:
    """An officer's village; a supervisor has a district, and any village of it tells the
    zone."""
    officer_district = Officer.select(Officer.district).where(Officer.phone == phone)
    fields = (Village.province, Village.code)
    return (
        Village.select(*fields).join(Officer).where(Officer.phone == phone).first()
        or Village.select(*fields).where(Village.district.in_(officer_district)).first()
    )


def local_time_label(moment: datetime, village: Village | None) -> str:
    """A stored (UTC) time as the village's people read it: `26-11 14:06 WIB`."""
    zone = zone_of(village)
    label = {WIT: "WIT", WITA: "WITA"}.get(zone, "WIB")
    return moment.replace(tzinfo=UTC).astimezone(zone).strftime("%d-%m %H:%M ") + label


def zone_of(village: Village | None) -> ZoneInfo:
    """A village's time zone: by its code's province digits, else by its province's name
    (WIB when neither is known)."""
    if village is None:
        return WIB
    by_code = ZONE_BY_PROVINCE_CODE.get((village.code or "")[:2])
    if by_code is not None:
        return by_code
    province = (village.province or "").strip().lower()
    if province in WIT_PROVINCES:
        return WIT
    return WITA if province in WITA_PROVINCES else WIB


def is_quiet(moment: time, window: tuple[time, time]) -> bool:
    """Whether a local time falls in the quiet window (start inclusive, end exclusive)."""
    start, end = window
    if start < end:  # e.g. 00-06
        return start <= moment < end
    return moment >= start or moment < end  # across midnight, e.g. 20-08


def not_before(
    phone: str, now: datetime, window: tuple[time, time] | None, zone: ZoneInfo | None = None
) -> datetime | None:
    """When a non-urgent SMS to `phone` (in `zone`, if known) may go (naive UTC), or None if it
    may go now."""
    if window is None:
        return None
    local = now.replace(tzinfo=UTC).astimezone(zone or zone_for(phone))
    if not is_quiet(local.time(), window):
        return None
    end = window[1]
    wake = local.replace(hour=end.hour, minute=end.minute, second=0, microsecond=0)
    if wake <= local:
        wake += timedelta(days=1)
    return wake.astimezone(UTC).replace(tzinfo=None)
