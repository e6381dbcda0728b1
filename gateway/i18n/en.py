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
    "info.channels.text": ("Village Desmigratif officer\nDistrict Disnaker/LTSA\n{channels}"),
    "info.child.text": (
        "Violence, child marriage plan, missing child or school dropout: "
        "tell the Desmigratif officer today.\n"
        "SAPA 129: call 129, WA 08111-129-129"
    ),
    "language.title": "Pilih bahasa / Choose language",
    "language.id": "Bahasa Indonesia",
    "language.en": "English",
    "language.saved": "Language saved: English. Thank you.",
    "sms.help": "Desmigratif: CEK agency name = check an agency. LAPOR story = report a broker. Menu: {ussd_code}. STOP/MULAI: stop/restart info. {help} (free)",
    "sms.stopped": (
        "You will get no more Desmigratif info. Replies and case news still come. "
        "SMS MULAI to get info again."
    ),
    "sms.started": "You will get Desmigratif info again. SMS STOP to stop.",
    # Registration (issue 3).
    "root.register": "Register",
    "reg.role": "Register as:",
    "reg.role.prospective": "Prospective migrant worker",
    "reg.role.migrant": "Migrant worker (working abroad)",
    "reg.role.caregiver": "Family/carer of a migrant's child",
    "reg.name": "Type your name:",
    "reg.village": "Type the village code (10 digits, on the Desmigratif poster):",
    "reg.job": "What job are you considering? (e.g. elderly carer)",
    "reg.country": "Country where you work:",
    "country.TW": "Taiwan",
    "country.MY": "Malaysia",
    "country.HK": "Hong Kong",
    "country.KR": "South Korea",
    "country.JP": "Japan",
    "country.SG": "Singapore",
    "country.SA": "Saudi Arabia",
    "country.other": "Other country",
    "reg.country_other": "Type the country:",
    "reg.agency": "Name of the agency (P3MI) that placed you? Type 1 if you do not know.",
    "reg.parent_phone": "Phone number of the child's parent working abroad? Type 1 if unknown.",
    "reg.child_name": "Child's name:",
    "reg.child_year": "Child's year of birth (e.g. 2015):",
    "reg.child_school": "Does the child go to school?",
    "answer.yes": "Yes",
    "answer.no": "No",
    "reg.child_more": "Child noted.",
    "reg.child_another": "Add another child",
    "reg.child_done": "Done, continue",
    "reg.pin": "Choose a 4-digit PIN. It protects your data on a shared phone:",
    "reg.pin_again": "Type the PIN once more:",
    "reg.consent": (
        "Data consent (PDP law): we keep your name, village, phone number and answers.\n"
        "To serve and protect migrant workers.\n"
        "Seen by the village Desmigratif officer and Disnaker. To delete: ask the officer."
    ),
    "reg.consent_family": (
        "Data consent (PDP law): we keep your name, village, phone and the children's name, birth year, school.\n"
        "To support the children. You consent as their carer.\n"
        "Seen by the village Desmigratif officer and Disnaker. To delete: ask the officer."
    ),
    "reg.agree": "I agree",
    "reg.disagree": "I do not agree",
    "reg.done": "Registration complete. Thank you. Dial this service again for your menu.",
    "reg.declined": "Nothing was saved. The village Desmigratif officer can still register you.",
    "answer.bad_name": "Name not valid.",
    "answer.bad_text": "Answer not valid.",
    "answer.bad_village": "Unknown village code.",
    "answer.bad_year": "Birth year not valid.",
    "answer.bad_phone": "Phone number not valid.",
    "answer.bad_pin": "The PIN must be 4 digits.",
    "answer.pin_mismatch": "The PINs differ.",
    "answer.wrong_pin": "Wrong PIN.",
    "answer.pin_locked": "PIN locked for 15 minutes.",
    "home.title": "Desmigratif: menu",
    "home.my_data": "My data",
    "home.add_child": "Add a child",
    "home.register_other": "Register someone else",
    "home.switch": "Change user",
    "people.pick": "Who is using this phone?",
    "people.new": "Someone else (register)",
    "pin.ask": "Type your 4-digit PIN:",
    "pin.create": "Choose a 4-digit PIN to protect your data:",
    "me.summary": "Your data\nName: {me_name}\nVillage: {me_village}\nChildren: {me_children}",
    "me.edit_name": "Change name",
    "me.edit_village": "Change village",
    "me.saved": "Your data was changed. Thank you.",
    "child.consent": (
        "The child's data (name, birth year, school) is kept so the village officer can support the child.\n"
        "Do you agree as the carer?"
    ),
    "child.saved": "The child's data was saved. Thank you.",
    "resume.title": "Your registration was cut off.",
    "resume.continue": "Continue",
    "resume.restart": "Start again",
    "sms.resume": (
        "Your Desmigratif registration was cut off. Answers are kept 30 minutes: dial {ussd_code} "
        "and choose 1 Continue."
    ),
    "language.jv": "Basa Jawa",
    "cek.registered": "REGISTERED: {subject}. {reason} Data {date}. Do not pay/give your passport before checking. {help}",
    "cek.not_registered": "NOT REGISTERED: {subject}. {reason} Data {date}. Do not pay/give your passport. Report: SMS LAPOR text. {help}",
    "cek.unconfirmed": "CANNOT BE CONFIRMED: {subject}. {reason} Data {date}. Do not pay/give your passport before checking. {help}",
    "cek.choose": "Similar agencies: {subject}. Send CEK with the full name or licence no. Do not pay before checking.",
    "cek.no_data": "none yet",
    "cek.empty": "Send CEK and an agency name, licence number or job-order code. Example: CEK Maju Jaya",
    "reason.licensed": "Licence to {until}. Ask for the job-order code.",
    "reason.not_found": "Not in the KP2MI data.",
    "reason.revoked": "Licence REVOKED.",
    "reason.suspended": "Licence SUSPENDED.",
    "reason.expired": "Licence expired {until}.",
    "reason.code_unknown": "Unknown code: ask for the official JO code.",
    "reason.jo_no_agency": "Its agency is not in the data.",
    "reason.jo_invalid": "Job order NOT VALID.",
    "reason.jo_valid": "{country}, {occupation}, to {until}.",
    "reason.no_route": "NO official route to this country.",
    "reason.closed": "CLOSED for domestic work for individuals.",
    "reason.zero_cost": "ZERO COST.",
    "alert.broker": "BROKER REPORT {ref} village {village}: {text} | Reporter {phone} | Reply OK {ref}",
    "alert.scam_wave": "SCAM WAVE? {askers} people asked about '{name}' (not registered/revoked) in {days} days. Please check and warn the villages.",
    "lapor.thanks": "Thank you. Report {ref} received and passed to the officer. Only officers see your number. Help: {help}",
    "lapor.empty": "Send LAPOR and a short story: broker or agency name, place, what was asked. Example: LAPOR broker asks 5 million",
    "root.check": "Check agency/job",
    "root.report": "Report a broker",
    "cek.menu": "Check before paying anything",
    "cek.by_name": "Check agency/licence/job-order code",
    "cek.by_offer": "Check a job offer (6 questions)",
    "cek.ask": "Type the agency name, licence number (SIP3MI) or job-order code:",
    "cek.pick": "Which agency do you mean?",
    "cek.result": "{cek_text}",
    "offer.country": "Country of the job:",
    "offer.region.middle_east": "Saudi Arabia/Middle East",
    "offer.region.asia": "Malaysia/Taiwan/Hong Kong/Korea/Japan/Singapore",
    "offer.region.no_route": "Cambodia/Myanmar/Thailand",
    "offer.region.other": "Other country",
    "offer.job": "The job:",
    "offer.job.domestic": "Housework/carer/family driver",
    "offer.job.farm": "Plantation/farm",
    "offer.job.fishing": "Fishing crew",
    "offer.job.factory": "Factory/construction",
    "offer.job.other": "Other",
    "offer.employer": "The employer:",
    "offer.employer.person": "A person/family",
    "offer.employer.company": "A company",
    "offer.unknown": "Do not know",
    "offer.visa": "The visa promised:",
    "offer.visa.work": "Work visa",
    "offer.visa.tourist": "Tourist/umrah/ziarah visa",
    "offer.age": "Age of the worker (years):",
    "offer.money": "Was money asked for?",
    "offer.money.none": "No",
    "offer.money.fee": "Yes: ticket/training/passport/other fees",
    "offer.money.binding": "Binding money given to the family",
    "offer.result": "{offer_text}",
    "flag.title": "RED FLAGS:",
    "flag.none": "No red flag in your answers. Still check the agency and the job order.",
    "flag.no_route": "No official route to Cambodia/Myanmar/Thailand: scam risk.",
    "flag.closed": "Domestic work for individual employers in the Middle East is CLOSED (Kepmenaker 260/2015).",
    "flag.visa": "A tourist/umrah/ziarah visa for work: not legal.",
    "flag.under_18": "Under 18: may not work abroad (Law 18/2017).",
    "flag.fee_zero_cost": "This job is ZERO COST (BP2MI reg. 9/2020): nothing may be charged.",
    "flag.fee": "Placement costs may not be charged to the worker (Law 18/2017).",
    "flag.binding": "Binding money for the family = a broker's sign.",
    "flag.advice": "Do not pay/give your passport. Ask the village officer/{help}",
    "lapor.ask": "Tell us briefly: broker or agency name, place, what was asked:",
    "lapor.done": "{lapor_text}",
    "answer.bad_age": "Age not valid.",
    "sms.register": "To register: dial {ussd_code} and choose 1 Register. Or ask the village Desmigratif officer to register you.",
    "category.broker": "broker",
    "officer.only": "This command is for registered Desmigratif officers only.",
    "officer.need_ref": "Send the command with the case code. Example: OK K7C3A. Your cases: KASUS",
    "officer.unknown_ref": "Case code {ref} is unknown. Send KASUS for your cases.",
    "officer.acknowledged": "Case {ref} is yours. When done send: SELESAI {ref} short note",
    "officer.closed": "Case {ref} closed. Thank you.",
    "officer.already_acknowledged": "Case {ref} is already being handled.",
    "officer.already_escalated": "Case {ref} was already escalated to Disnaker.",
    "officer.already_closed": "Case {ref} is already closed.",
    "officer.cases": "Open cases ({count}): {cases}",
    "officer.no_cases": "No open cases.",
    "alert.escalated": "ESCALATION {ref}: {category} village {village} not handled since {opened}. Reply OK {ref} if you take it.",
}
