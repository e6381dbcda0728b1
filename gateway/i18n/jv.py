"""Basa Jawa (krama, plain): every family-facing text. GSM-7 only.

Written by the team, not yet checked by a native speaker: see README, "Texts to review".
"""

MESSAGES = {
    "nav.back": "0 Wangsul",
    "nav.root": "00 Wiwitan",
    "nav.more": "98 Lajeng",
    "error.invalid_choice": "Pilihan lepat.",
    "error.too_long": "Wangsulan kepanjangan.",
    "error.session_too_long": "Kathah sanget isinipun. Mangga pencet {ussd_code} malih.",
    "error.unavailable": "Layanan saweg sibuk. Mangga dicoba malih sawetawis menit.",
    "error.invalid_phone": "Nomer telpon boten dipuntepangi. Layanan punika kangge nomer HP.",
    "root.title": "Desmigratif: layanan PMI lan kulawarga",
    "root.info": "Info",
    "root.language": "Bahasa/Language",
    "info.title": "Info resmi",
    "info.costs": "Biaya penempatan",
    "info.zero_cost": "Pedamelan tanpa biaya",
    "info.channels": "Papan pitakenan",
    "info.child": "Pangayoman lare",
    "info.costs.text": (
        "UU 18/2017: biaya penempatan boten pareng dipuntanggelaken dhateng PMI.\n"
        "Nyuwun rincian biaya kanthi serat.\n"
        "Sampun mbayar utawi masrahaken paspor saderengipun dipunpriksa petugas desa "
        "utawi Disnaker."
    ),
    "info.zero_cost.text": (
        "Tanpa biaya (Per BP2MI 9/2020):\n"
        "pengurus rumah tangga\n"
        "pengasuh bayi\n"
        "pengasuh lansia\n"
        "juru masak\n"
        "supir keluarga\n"
        "perawat taman\n"
        "pengasuh anak\n"
        "petugas kebersihan\n"
        "petugas ladang/perkebunan\n"
        "awak kapal perikanan migran\n"
        "Tiket, visa, pelatihan, paspor, priksa kesehatan, transport: boten pareng dipuntagih.\n"
        "Arta ikatan kangge kulawarga = tandha calo."
    ),
    "info.channels.text": ("Petugas Desmigratif desa\nDisnaker/LTSA kabupaten\n{channels}"),
    "info.child.text": (
        "Kekerasan, rencana nikah lare, lare ical utawi mandheg sekolah:\n"
        "lapur petugas Desmigratif dinten punika.\n"
        "SAPA 129: telpon 129, WA 08111-129-129"
    ),
    "language.title": "Pilih bahasa / Choose language",
    "language.id": "Bahasa Indonesia",
    "language.en": "English",
    "language.jv": "Basa Jawa",
    "language.saved": "Basa sampun dipunsimpen: Basa Jawa. Matur nuwun.",
    "sms.help": "Desmigratif: CEK nami agensi = priksa agensi. LAPOR cariyos = lapur calo. Menu: {ussd_code}. STOP/MULAI: mandheg/info malih. {help} (gratis)",
    "sms.stopped": (
        "Panjenengan mandheg nampi info Desmigratif. Wangsulan lan kabar kasus tetep dipunkintun. "
        "SMS MULAI kangge info malih."
    ),
    "sms.started": "Panjenengan nampi info Desmigratif malih. SMS STOP kangge mandheg.",
    "root.register": "Ndaftar",
    "reg.role": "Ndaftar minangka:",
    "reg.role.prospective": "Calon PMI",
    "reg.role.migrant": "PMI (saweg nyambut damel ing manca)",
    "reg.role.caregiver": "Kulawarga/pengasuh lare PMI",
    "reg.name": "Serat asma panjenengan:",
    "reg.village": "Serat kode desa (10 angka, wonten ing poster Desmigratif):",
    "reg.job": "Pedamelan menapa ingkang panjenengan galih? (tuladha: pengasuh lansia)",
    "reg.country": "Negari papan panjenengan nyambut damel:",
    "country.TW": "Taiwan",
    "country.MY": "Malaysia",
    "country.HK": "Hong Kong",
    "country.KR": "Korea Selatan",
    "country.JP": "Jepang",
    "country.SG": "Singapura",
    "country.SA": "Arab Saudi",
    "country.other": "Negari sanes",
    "reg.country_other": "Serat nami negari:",
    "reg.agency": "Nami agensi (P3MI) ingkang ngangkataken panjenengan? Serat 1 menawi boten ngertos.",
    "reg.parent_phone": "Nomer HP bapak/ibu lare ingkang nyambut damel ing manca? Serat 1 menawi boten ngertos.",
    "reg.child_name": "Nami lare:",
    "reg.child_year": "Taun lair lare (tuladha: 2015):",
    "reg.child_school": "Menapa lare sekolah?",
    "answer.yes": "Inggih",
    "answer.no": "Boten",
    "reg.child_more": "Data lare sampun dipuncathet.",
    "reg.child_another": "Nambah lare sanes",
    "reg.child_done": "Rampung, lajeng",
    "reg.pin": "Damel PIN 4 angka. PIN njagi data panjenengan menawi HP dipunagem sesarengan:",
    "reg.pin_again": "Serat PIN punika sepisan malih:",
    "reg.consent": (
        "Idin data (UU PDP): kula simpen asma, desa, nomer HP lan wangsulan panjenengan.\n"
        "Kangge layanan lan pangayoman PMI.\n"
        "Dipunpirsani petugas Desmigratif desa lan Disnaker. Mbusak: nyuwun dhateng petugas."
    ),
    "reg.consent_family": (
        "Idin data (UU PDP): kula simpen asma, desa, HP panjenengan lan data lare: nami, taun lair, sekolah.\n"
        "Kangge pendampingan lare. Panjenengan setuju minangka pengasuh.\n"
        "Dipunpirsani petugas Desmigratif desa lan Disnaker. Mbusak: nyuwun dhateng petugas."
    ),
    "reg.agree": "Setuju",
    "reg.disagree": "Boten setuju",
    "reg.done": "Pendaftaran rampung. Matur nuwun. Hubungi layanan punika malih kangge menu.",
    "reg.declined": (
        "Boten wonten data ingkang dipunsimpen. Petugas Desmigratif desa saged ndaftaraken "
        "panjenengan."
    ),
    "answer.bad_name": "Nami boten leres.",
    "answer.bad_text": "Wangsulan boten leres.",
    "answer.bad_village": "Kode desa boten dipuntepangi.",
    "answer.bad_year": "Taun lair boten leres.",
    "answer.bad_phone": "Nomer HP boten leres.",
    "answer.bad_pin": "PIN kedah 4 angka.",
    "answer.pin_mismatch": "PIN boten sami.",
    "answer.wrong_pin": "PIN lepat.",
    "answer.pin_locked": "PIN dipunkunci 15 menit.",
    "home.title": "Desmigratif: menu",
    "home.my_data": "Data kula",
    "home.add_child": "Nambah lare",
    "home.register_other": "Ndaftaraken tiyang sanes",
    "home.switch": "Gantos pangangge",
    "people.pick": "Sinten ingkang ngagem HP punika?",
    "people.new": "Tiyang sanes (ndaftar)",
    "pin.ask": "Serat PIN 4 angka panjenengan:",
    "pin.create": "Damel PIN 4 angka kangge njagi data panjenengan:",
    "me.summary": "Data panjenengan\nNami: {me_name}\nDesa: {me_village}\nLare: {me_children}",
    "me.edit_name": "Gantos nami",
    "me.edit_village": "Gantos desa",
    "me.saved": "Data sampun dipungantos. Matur nuwun.",
    "child.consent": (
        "Data lare (nami, taun lair, sekolah) dipunsimpen supados petugas desa saged ndampingi.\n"
        "Panjenengan setuju minangka pengasuh?"
    ),
    "child.saved": "Data lare sampun dipunsimpen. Matur nuwun.",
    "resume.title": "Pendaftaran panjenengan wau pedhot.",
    "resume.continue": "Lajengaken",
    "resume.restart": "Wiwit malih",
    "sms.resume": (
        "Pendaftaran Desmigratif panjenengan pedhot. Wangsulan dipunsimpen 30 menit: pencet "
        "{ussd_code} lajeng pilih 1 Lajengaken."
    ),
    "cek.registered": "KADAFTAR: {subject}. {reason} Data {date}. Sampun mbayar/masrahaken paspor rumiyin. {help}",
    "cek.not_registered": "BOTEN KADAFTAR: {subject}. {reason} Data {date}. Sampun mbayar/masrahaken paspor. Lapur: SMS LAPOR isi. {help}",
    "cek.unconfirmed": "BOTEN SAGED DIPUNPASTEKAKEN: {subject}. {reason} Data {date}. Sampun mbayar rumiyin. {help}",
    "cek.choose": "Agensi ingkang mirip: {subject}. Kintun CEK kaliyan nami jangkep/nomer idin.",
    "cek.no_data": "dereng wonten",
    "cek.empty": "Kintun CEK lajeng nami agensi, nomer idin utawi kode job order. Tuladha: CEK Maju Jaya",
    "reason.licensed": "Idin dumugi {until}. Nyuwun kode job order.",
    "reason.not_found": "Boten wonten ing data KP2MI.",
    "reason.revoked": "Idin DIPUNCABUT.",
    "reason.suspended": "Idin DIPUNBEKUKAKEN.",
    "reason.expired": "Idin telas {until}.",
    "reason.code_unknown": "Kode boten dipuntepangi: nyuwun kode JO resmi.",
    "reason.jo_no_agency": "Agensinipun boten wonten ing data.",
    "reason.jo_invalid": "Job order BOTEN LAKU.",
    "reason.jo_valid": "{country}, {occupation}, dumugi {until}.",
    "reason.no_route": "BOTEN WONTEN margi resmi dhateng negari punika.",
    "reason.closed": "Tujuan DIPUNTUTUP kangge PRT perorangan.",
    "reason.zero_cost": "TANPA BIAYA.",
    "alert.broker": "LAPOR CALO {ref} desa {village}: {text} | Pelapur {phone} | Wangsuli OK {ref}",
    "alert.scam_wave": "GELOMBANG CALO? {askers} tiyang takon '{name}' (boten kadaftar/dipuncabut) ing {days} dinten. Mangga dipunpriksa.",
    "lapor.thanks": "Matur nuwun. Laporan {ref} sampun dipuntampi lan dipunterusaken dhateng petugas. Nomer panjenengan namung dipunpirsani petugas.",
    "lapor.empty": "Kintun LAPOR lajeng cariyos cekak: nami calo/agensi, papan, menapa ingkang dipunsuwun. Tuladha: LAPOR calo nyuwun 5 yuta",
    "root.check": "Priksa agen/lowongan",
    "root.report": "Lapur calo",
    "cek.menu": "Priksa saderengipun mbayar",
    "cek.by_name": "Priksa agensi/idin/kode job order",
    "cek.by_offer": "Priksa tawaran damel (6 pitakenan)",
    "cek.ask": "Serat nami agensi, nomer idin (SIP3MI) utawi kode job order:",
    "cek.pick": "Agensi ingkang pundi?",
    "cek.result": "{cek_text}",
    "offer.country": "Negari papan damel:",
    "offer.region.middle_east": "Arab Saudi/Timur Tengah",
    "offer.region.asia": "Malaysia/Taiwan/Hong Kong/Korea/Jepang/Singapura",
    "offer.region.no_route": "Kamboja/Myanmar/Thailand",
    "offer.region.other": "Negari sanes",
    "offer.job": "Pedamelanipun:",
    "offer.job.domestic": "PRT/pengasuh/supir kulawarga",
    "offer.job.farm": "Perkebunan/tegal",
    "offer.job.fishing": "Awak kapal iwak",
    "offer.job.factory": "Pabrik/konstruksi",
    "offer.job.other": "Sanesipun",
    "offer.employer": "Majikanipun:",
    "offer.employer.person": "Perorangan/kulawarga",
    "offer.employer.company": "Perusahaan",
    "offer.unknown": "Boten ngertos",
    "offer.visa": "Visa ingkang dipunjanjekaken:",
    "offer.visa.work": "Visa kerja",
    "offer.visa.tourist": "Visa turis/umrah/ziarah",
    "offer.age": "Yuswa calon pekerja (taun):",
    "offer.money": "Menapa dipunsuwuni arta?",
    "offer.money.none": "Boten",
    "offer.money.fee": "Inggih: biaya tiket/pelatihan/paspor/sanes",
    "offer.money.binding": "Kulawarga dipunparingi arta ikatan",
    "offer.result": "{offer_text}",
    "flag.title": "TANDHA BEBAYA:",
    "flag.none": "Boten katingal tandha bebaya saking wangsulan panjenengan. Tetep priksa agensi lan job order.",
    "flag.no_route": "Boten wonten margi resmi dhateng Kamboja/Myanmar/Thailand: risiko apus-apus.",
    "flag.closed": "PRT kangge majikan perorangan ing Timur Tengah DIPUNTUTUP (Kepmenaker 260/2015).",
    "flag.visa": "Visa turis/umrah/ziarah kangge nyambut damel: boten resmi.",
    "flag.under_18": "Yuswa ing ngandhap 18: dereng pareng nyambut damel ing manca (UU 18/2017).",
    "flag.fee_zero_cost": "Pedamelan punika TANPA BIAYA (Per BP2MI 9/2020): boten pareng dipuntagih.",
    "flag.fee": "Biaya penempatan boten pareng dipuntanggelaken dhateng pekerja (UU 18/2017).",
    "flag.binding": "Arta ikatan kangge kulawarga = tandha calo.",
    "flag.advice": "Sampun mbayar/masrahaken paspor. Tangled petugas desa/{help}",
    "lapor.ask": "Cariyos cekak: nami calo/agensi, papan, menapa ingkang dipunsuwun:",
    "lapor.done": "{lapor_text}",
    "answer.bad_age": "Yuswa boten leres.",
    "sms.register": "Kangge ndaftar: pencet {ussd_code} lajeng pilih 1 Ndaftar. Utawi nyuwun petugas Desmigratif desa ndaftaraken.",
    "category.broker": "calo",
    "officer.only": "Prentah punika namung kangge petugas Desmigratif ingkang kadaftar.",
    "officer.need_ref": "Kintun prentah kaliyan kode kasus. Tuladha: OK K7C3A. Daftar kasus: KASUS",
    "officer.unknown_ref": "Kode kasus {ref} boten dipuntepangi. Kintun KASUS kangge daftar kasus.",
    "officer.acknowledged": "Kasus {ref} panjenengan tangani. Menawi rampung kintun: SELESAI {ref} cathetan",
    "officer.closed": "Kasus {ref} dipuntutup. Matur nuwun.",
    "officer.already_acknowledged": "Kasus {ref} sampun dipuntangani.",
    "officer.already_escalated": "Kasus {ref} sampun dipuneskalasi dhateng Disnaker.",
    "officer.already_closed": "Kasus {ref} sampun dipuntutup.",
    "officer.cases": "Kasus dereng rampung ({count}): {cases}",
    "officer.no_cases": "Boten wonten kasus.",
    "alert.escalated": "ESKALASI {ref}: {category} desa {village} dereng dipuntangani wiwit {opened}. Wangsuli OK {ref}.",
}
