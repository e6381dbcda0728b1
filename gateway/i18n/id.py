"""Bahasa Indonesia: the first language of every text. GSM-7 only (no accents, no curly quotes)."""

MESSAGES = {
    # Navigation and errors shared by every USSD screen.
    "nav.back": "0 Kembali",
    "nav.root": "00 Awal",
    "nav.more": "98 Lanjut",
    "error.invalid_choice": "Pilihan salah.",
    "error.too_long": "Jawaban terlalu panjang.",
    "error.session_too_long": "Terlalu banyak masukan. Silakan tekan {ussd_code} lagi.",
    "error.unavailable": "Layanan sedang sibuk. Silakan coba lagi beberapa menit lagi.",
    "error.invalid_phone": "Nomor telepon tidak dikenali. Layanan ini untuk nomor ponsel.",
    # Root menu. Numbers 1-4 belong to registration, verification, check-ins and broker reports.
    "root.title": "Desmigratif: layanan PMI dan keluarga",
    "root.info": "Info",
    "root.language": "Bahasa/Language",
    # Info.
    "info.title": "Info resmi",
    "info.costs": "Biaya penempatan",
    "info.zero_cost": "Jabatan bebas biaya",
    "info.channels": "Tempat bertanya",
    "info.child": "Perlindungan anak",
    "info.costs.text": (
        "UU 18/2017: biaya penempatan tidak boleh dibebankan kepada PMI.\n"
        "Minta rincian biaya tertulis.\n"
        "Jangan bayar atau serahkan paspor sebelum dicek ke petugas desa atau Disnaker."
    ),
    "info.zero_cost.text": (
        "Bebas biaya (Per BP2MI 9/2020):\n"
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
        "Tiket, visa, pelatihan, paspor, cek kesehatan, transport: tidak boleh ditagih.\n"
        "Uang ikatan untuk keluarga = tanda calo."
    ),
    "info.channels.text": ("Petugas Desmigratif desa\nDisnaker/LTSA kabupaten\n{channels}"),
    "info.child.text": (
        "Kekerasan, rencana nikah anak, anak hilang atau putus sekolah: "
        "lapor petugas Desmigratif hari ini.\n"
        "SAPA 129: telepon 129, WA 08111-129-129"
    ),
    # Language.
    "language.title": "Pilih bahasa / Choose language",
    "language.id": "Bahasa Indonesia",
    "language.en": "English",
    "language.saved": "Bahasa disimpan: Bahasa Indonesia. Terima kasih.",
    # SMS.
    "sms.help": "Desmigratif: CEK nama agensi = cek agensi. LAPOR cerita = lapor calo. Menu: {ussd_code}. STOP/MULAI: berhenti/lanjut info. {help} (gratis)",
    "sms.stopped": (
        "Anda berhenti menerima info Desmigratif. Balasan dan kabar kasus tetap dikirim. "
        "SMS MULAI untuk info lagi."
    ),
    "sms.started": "Anda menerima info Desmigratif lagi. SMS STOP untuk berhenti.",
    # Registration (issue 3).
    "root.register": "Daftar",
    "reg.role": "Daftar sebagai:",
    "reg.role.prospective": "Calon PMI",
    "reg.role.migrant": "PMI (sedang bekerja di luar negeri)",
    "reg.role.caregiver": "Keluarga/pengasuh anak PMI",
    "reg.name": "Ketik nama Anda:",
    "reg.village": "Ketik kode desa (10 angka, ada di poster Desmigratif):",
    "reg.job": "Pekerjaan apa yang Anda pertimbangkan? (contoh: pengasuh lansia)",
    "reg.country": "Negara tempat Anda bekerja:",
    "country.TW": "Taiwan",
    "country.MY": "Malaysia",
    "country.HK": "Hong Kong",
    "country.KR": "Korea Selatan",
    "country.JP": "Jepang",
    "country.SG": "Singapura",
    "country.SA": "Arab Saudi",
    "country.other": "Negara lain",
    "reg.country_other": "Ketik nama negara:",
    "reg.agency": "Nama agensi (P3MI) yang memberangkatkan Anda? Ketik 1 jika tidak tahu.",
    "reg.parent_phone": "Nomor HP ayah/ibu anak yang bekerja di luar negeri? Ketik 1 jika tidak tahu.",
    "reg.child_name": "Nama anak:",
    "reg.child_year": "Tahun lahir anak (contoh: 2015):",
    "reg.child_school": "Apakah anak bersekolah?",
    "answer.yes": "Ya",
    "answer.no": "Tidak",
    "reg.child_more": "Data anak dicatat.",
    "reg.child_another": "Tambah anak lain",
    "reg.child_done": "Selesai, lanjut",
    "reg.pin": "Buat PIN 4 angka. PIN menjaga data Anda bila HP dipakai bersama:",
    "reg.pin_again": "Ketik PIN itu sekali lagi:",
    "reg.consent": (
        "Izin data (UU PDP): kami simpan nama, desa, nomor HP dan jawaban Anda.\n"
        "Untuk layanan dan perlindungan PMI.\n"
        "Dilihat petugas Desmigratif desa dan Disnaker. Hapus data: minta ke petugas desa."
    ),
    "reg.consent_family": (
        "Izin data (UU PDP): kami simpan nama, desa, HP Anda dan data anak: nama, tahun lahir, sekolah.\n"
        "Untuk pendampingan anak. Anda setuju sebagai pengasuh anak.\n"
        "Dilihat petugas Desmigratif desa dan Disnaker. Hapus data: minta ke petugas desa."
    ),
    "reg.agree": "Setuju",
    "reg.disagree": "Tidak setuju",
    "reg.done": "Pendaftaran selesai. Terima kasih. Hubungi lagi nomor layanan ini untuk menu Anda.",
    "reg.declined": (
        "Tidak ada data yang disimpan. Anda tetap bisa didaftar oleh petugas Desmigratif di desa."
    ),
    "answer.bad_name": "Nama tidak valid.",
    "answer.bad_text": "Jawaban tidak valid.",
    "answer.bad_village": "Kode desa tidak dikenal.",
    "answer.bad_year": "Tahun lahir tidak valid.",
    "answer.bad_phone": "Nomor HP tidak valid.",
    "answer.bad_pin": "PIN harus 4 angka.",
    "answer.pin_mismatch": "PIN tidak sama.",
    "answer.wrong_pin": "PIN salah.",
    "answer.pin_locked": "PIN terkunci 15 menit.",
    # Registered people.
    "home.title": "Desmigratif: menu",
    "home.my_data": "Data saya",
    "home.add_child": "Tambah anak",
    "home.register_other": "Daftarkan orang lain",
    "home.switch": "Ganti pengguna",
    "people.pick": "Siapa yang memakai HP ini?",
    "people.new": "Orang lain (daftar)",
    "pin.ask": "Masukkan PIN 4 angka Anda:",
    "pin.create": "Buat PIN 4 angka untuk menjaga data Anda:",
    "me.summary": "Data Anda\nNama: {me_name}\nDesa: {me_village}\nAnak terdaftar: {me_children}",
    "me.edit_name": "Ubah nama",
    "me.edit_village": "Ubah desa",
    "me.saved": "Data sudah diubah. Terima kasih.",
    "child.consent": (
        "Data anak (nama, tahun lahir, sekolah) disimpan untuk pendampingan oleh petugas desa.\n"
        "Anda setuju sebagai pengasuh?"
    ),
    "child.saved": "Data anak disimpan. Terima kasih.",
    "resume.title": "Pendaftaran Anda tadi terputus.",
    "resume.continue": "Lanjutkan",
    "resume.restart": "Mulai baru",
    "sms.resume": (
        "Pendaftaran Desmigratif Anda terputus. Jawaban disimpan 30 menit: tekan {ussd_code} "
        "lalu pilih 1 Lanjutkan."
    ),
    "language.jv": "Basa Jawa",
    # Verification (issue 4). {subject}, {reason}: filled in; the whole fits one SMS.
    "cek.registered": "TERDAFTAR: {subject}. {reason} Data {date}. Jangan bayar/beri paspor sblm dicek. {help}",
    "cek.not_registered": "TIDAK TERDAFTAR: {subject}. {reason} Data {date}. Jangan bayar/beri paspor. Lapor: SMS LAPOR isi. {help}",
    "cek.unconfirmed": "TIDAK DAPAT DIPASTIKAN: {subject}. {reason} Data {date}. Jangan bayar/beri paspor sblm dicek. {help}",
    "cek.choose": "Beberapa agensi mirip: {subject}. Kirim CEK dgn nama lengkap/nomor izin. Jangan bayar sblm dicek.",
    "cek.no_data": "belum ada",
    "cek.empty": "Kirim CEK lalu nama agensi, nomor izin atau kode job order. Contoh: CEK Maju Jaya",
    "reason.licensed": "Izin s/d {until}. Minta kode job order.",
    "reason.not_found": "Tidak ada di data KP2MI.",
    "reason.revoked": "Izin DICABUT.",
    "reason.suspended": "Izin DIBEKUKAN.",
    "reason.expired": "Izin habis {until}.",
    "reason.code_unknown": "Kode tidak dikenal: minta kode job order resmi.",
    "reason.jo_no_agency": "Agensinya tidak ada di data.",
    "reason.jo_invalid": "Job order TIDAK BERLAKU.",
    "reason.jo_valid": "{country}, {occupation}, s/d {until}.",
    "reason.no_route": "TIDAK ADA jalur resmi ke negara ini.",
    "reason.closed": "Tujuan DITUTUP utk PRT perorangan.",
    "reason.zero_cost": "BEBAS BIAYA.",
    "alert.broker": "LAPOR CALO {ref} desa {village}: {text} | Pelapor {phone} | Balas OK {ref}",
    "alert.scam_wave": "GELOMBANG CALO? {askers} orang tanya '{name}' (tidak terdaftar/dicabut) dalam {days} hari. Mohon cek dan beri info ke desa.",
    "lapor.thanks": "Terima kasih. Laporan {ref} diterima dan diteruskan ke petugas. Nomor Anda hanya dilihat petugas. Bantuan: {help}",
    "lapor.empty": "Kirim LAPOR lalu cerita singkat: nama calo/agensi, tempat, apa yang diminta. Contoh: LAPOR calo minta 5 juta",
    "root.check": "Cek agen/lowongan",
    "root.report": "Lapor calo",
    "cek.menu": "Cek sebelum bayar apa pun",
    "cek.by_name": "Cek agensi/izin/kode job order",
    "cek.by_offer": "Cek tawaran kerja (6 pertanyaan)",
    "cek.ask": "Ketik nama agensi, nomor izin (SIP3MI) atau kode job order:",
    "cek.pick": "Agensi mana yang Anda maksud?",
    "cek.result": "{cek_text}",
    "offer.country": "Negara tujuan kerja:",
    "offer.region.middle_east": "Arab Saudi/Timur Tengah",
    "offer.region.asia": "Malaysia/Taiwan/Hong Kong/Korea/Jepang/Singapura",
    "offer.region.no_route": "Kamboja/Myanmar/Thailand",
    "offer.region.other": "Negara lain",
    "offer.job": "Pekerjaannya:",
    "offer.job.domestic": "PRT/pengasuh/supir keluarga",
    "offer.job.farm": "Perkebunan/ladang",
    "offer.job.fishing": "Awak kapal ikan",
    "offer.job.factory": "Pabrik/konstruksi",
    "offer.job.other": "Lainnya",
    "offer.employer": "Majikannya:",
    "offer.employer.person": "Perorangan/keluarga",
    "offer.employer.company": "Perusahaan",
    "offer.unknown": "Tidak tahu",
    "offer.visa": "Visa yang dijanjikan:",
    "offer.visa.work": "Visa kerja",
    "offer.visa.tourist": "Visa turis/umrah/ziarah",
    "offer.age": "Umur calon pekerja (tahun):",
    "offer.money": "Apakah diminta uang?",
    "offer.money.none": "Tidak",
    "offer.money.fee": "Ya: biaya tiket/pelatihan/paspor/dll",
    "offer.money.binding": "Keluarga diberi uang ikatan",
    "offer.result": "{offer_text}",
    "flag.title": "TANDA BAHAYA:",
    "flag.none": "Tidak terlihat tanda bahaya dari jawaban Anda. Tetap cek agensi dan job order.",
    "flag.no_route": "Tidak ada jalur resmi ke Kamboja/Myanmar/Thailand: risiko penipuan.",
    "flag.closed": "PRT untuk majikan perorangan di Timur Tengah DITUTUP (Kepmenaker 260/2015).",
    "flag.visa": "Visa turis/umrah/ziarah untuk kerja: tidak resmi.",
    "flag.under_18": "Umur di bawah 18: belum boleh bekerja ke luar negeri (UU 18/2017).",
    "flag.fee_zero_cost": "Jabatan ini BEBAS BIAYA (Per BP2MI 9/2020): tidak boleh ditagih apa pun.",
    "flag.fee": "Biaya penempatan tidak boleh dibebankan ke pekerja (UU 18/2017).",
    "flag.binding": "Uang ikatan untuk keluarga = tanda calo.",
    "flag.advice": "Jangan bayar/beri paspor. Tanya petugas desa/{help}",
    "lapor.ask": "Ceritakan singkat: nama calo/agensi, tempat, apa yang diminta:",
    "lapor.done": "{lapor_text}",
    "answer.bad_age": "Umur tidak valid.",
    "sms.register": "Untuk mendaftar: tekan {ussd_code} lalu pilih 1 Daftar. Atau minta petugas Desmigratif di desa mendaftarkan Anda.",
    "category.broker": "calo",
    "officer.only": "Perintah ini hanya untuk petugas Desmigratif yang terdaftar.",
    "officer.need_ref": "Kirim perintah dengan kode kasus. Contoh: OK K7C3A. Daftar kasus: KASUS",
    "officer.unknown_ref": "Kode kasus {ref} tidak dikenal. Kirim KASUS untuk daftar kasus Anda.",
    "officer.acknowledged": "Kasus {ref} Anda tangani. Bila selesai kirim: SELESAI {ref} catatan singkat",
    "officer.closed": "Kasus {ref} ditutup. Terima kasih.",
    "officer.already_acknowledged": "Kasus {ref} sudah ditangani.",
    "officer.already_escalated": "Kasus {ref} sudah dieskalasi ke Disnaker.",
    "officer.already_closed": "Kasus {ref} sudah ditutup.",
    "officer.cases": "Kasus terbuka ({count}): {cases}",
    "officer.no_cases": "Tidak ada kasus terbuka.",
    "alert.escalated": "ESKALASI {ref}: {category} desa {village} belum ditangani sejak {opened}. Balas OK {ref} bila Anda tangani.",
    "home.checkin": "Laporan anak",
    "kabar.none": "Tidak ada laporan anak yang ditunggu saat ini. Terima kasih.",
    "kabar.pick": "Laporan untuk anak:",
    "kabar.school": "Minggu ini anak masuk sekolah?",
    "kabar.health": "Anak sehat?",
    "kabar.mood": "Anak terlihat senang/baik?",
    "kabar.contact": "Minggu ini anak berbicara dengan ayah/ibunya di luar negeri?",
    "kabar.problem": "Ada masalah serius?",
    "problem.0": "Tidak ada",
    "problem.1": "Dirundung/bully",
    "problem.2": "Rencana nikah",
    "problem.3": "Kekerasan",
    "problem.4": "Hilang/kabur",
    "problem.5": "Diajak kerja/direkrut",
    "problem.6": "Tidak ada pengasuh",
    "problem.7": "Masalah lain",
    "kabar.done": "Laporan tersimpan. Terima kasih. Bila ada bahaya, petugas desa akan menghubungi Anda.",
    "checkin.prompt": "Desmigratif: kabar anak lahir {years}? Balas 5 angka: sekolah, sehat, senang, kontak ortu (1 ya 2 tidak), masalah (0 tidak). Mis 11110. Atau {ussd_code} 3",
    "checkin.reminder": "Desmigratif: kabar anak lahir {years} belum kami terima. Balas 5 angka, contoh 1 1 1 1 0, atau tekan {ussd_code} pilih 3.",
    "checkin.thanks": "Terima kasih, kabar anak (lahir {year}) tersimpan.",
    "checkin.next": "Anak berikutnya (lahir {year}): kirim 5 angka lagi.",
    "checkin.correction": "Balasan belum lengkap. Kirim 5 angka: sekolah sehat senang kontak-ortu (1 ya 2 tidak) lalu masalah (0 tidak ada, 1-7 lihat {ussd_code} pilih 3).",
    "alert.checkin": "KASUS {ref}: {category}, {urgency}, desa {village}. Balas OK {ref} bila ditangani. Detail lewat petugas, bukan SMS.",
    "urgency.urgent": "MENDESAK",
    "urgency.normal": "biasa",
    "category.violence": "kekerasan pada anak",
    "category.marriage": "rencana nikah anak",
    "category.missing": "anak hilang",
    "category.recruitment": "anak direkrut kerja",
    "category.no_caregiver": "anak tanpa pengasuh",
    "category.bullying": "perundungan",
    "category.out_of_school": "tidak sekolah",
    "category.out_of_school_twice": "tidak sekolah 2 putaran",
    "category.no_contact_month": "sebulan tanpa kontak ortu",
    "category.no_answer": "laporan anak 2 kali tak dijawab",
    "category.other": "masalah lain pada anak",
}
