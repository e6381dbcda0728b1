"""English: every key of the Indonesian catalog. GSM-7 only."""

MESSAGES = {
    "nav.back": "0 Back",
    "nav.root": "00 Home",
    "nav.more": "98 More",
    "error.invalid_choice": "Invalid choice.",
    "error.too_long": "Answer too long.",
    "error.session_too_long": "Too much input. Please dial {ussd_code} again.",
    "error.unavailable": "The service is busy. Please try again in a few minutes.",
    "error.invalid_phone": "Phone number not recognised. This service is for mobile numbers.",
    "root.title": "Desmigratif: services for migrant workers and families",
    "root.info": "Info",
    "root.language": "Bahasa/Language",
    "info.title": "Official info",
    "info.costs": "Placement costs",
    "info.zero_cost": "Zero-cost jobs",
    "info.channels": "Where to ask",
    "info.child": "Child protection",
    "info.costs.text": (
        "Law 18/2017: placement costs may not be charged to the worker.\n"
        "Ask for the costs in writing.\n"
        "Do not pay or hand over your passport before checking with the village officer "
        "or Disnaker."
    ),
    "info.zero_cost.text": (
        "Zero cost (BP2MI reg. 9/2020):\n"
        "housekeeper\n"
        "baby carer\n"
        "elderly carer\n"
        "cook\n"
        "family driver\n"
        "gardener\n"
        "child carer\n"
        "cleaner\n"
        "farm/plantation worker\n"
        "migrant fishing crew\n"
        "Tickets, visa, training, passport, medical tests, transport: may not be charged.\n"
        "Binding money for the family = a broker's sign."
    ),
    "info.channels.text": (
        "Village Desmigratif officer\n"
        "District Disnaker/LTSA\n"
        "KP2MI 0800-1000 (free)\n"
        "KP2MI WA 0811-8080-141"
    ),
    "info.child.text": (
        "Violence, child marriage plan, missing child or school dropout: "
        "tell the Desmigratif officer today.\n"
        "SAPA 129: call 129, WA 08111-129-129"
    ),
    "language.title": "Pilih bahasa / Choose language",
    "language.id": "Bahasa Indonesia",
    "language.en": "English",
    "language.saved": "Language saved: English. Thank you.",
    "sms.help": (
        "Desmigratif: dial {ussd_code} for the menu. SMS STOP: no more info, MULAI: info again. "
        "Help: KP2MI 0800-1000 (free)."
    ),
    "sms.stopped": (
        "You will get no more Desmigratif info. Replies and case news still come. "
        "SMS MULAI to get info again."
    ),
    "sms.started": "You will get Desmigratif info again. SMS STOP to stop.",
}
