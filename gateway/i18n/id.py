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
    "info.channels.text": (
        "Petugas Desmigratif desa\n"
        "Disnaker/LTSA kabupaten\n"
        "KP2MI 0800-1000 (gratis)\n"
        "WA KP2MI 0811-8080-141"
    ),
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
    "sms.help": (
        "Desmigratif: tekan {ussd_code} untuk menu. SMS STOP: berhenti info, MULAI: info lagi. "
        "Bantuan KP2MI 0800-1000 (gratis)."
    ),
    "sms.stopped": (
        "Anda berhenti menerima info Desmigratif. Balasan dan kabar kasus tetap dikirim. "
        "SMS MULAI untuk info lagi."
    ),
    "sms.started": "Anda menerima info Desmigratif lagi. SMS STOP untuk berhenti.",
}
