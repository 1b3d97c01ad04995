# The app's texts: Indonesian. Same ids as en/app.ftl.
# Ids: <screen>-<what>; topic-<topic id>, subtopic-<topic id>-<subtopic id>,
# status-<case status>, event-<event kind>, error-<error code> follow the wire's ids.
# Indonesian has only the CLDR plural category "other".

## The shell

app-name = Pulse Companion
# The language's own name, as the language picker shows it.
language-name = Bahasa Indonesia
tab-home = Beranda
tab-messages = Pesan
tab-notifications = Notifikasi
tab-more = Lainnya
nav-back = Kembali
unread-badge = { $count ->
   *[other] { $count } notifikasi belum dibaca
}
line-offline = Anda tidak terhubung ke internet. Apa yang Anda tulis tetap disimpan dan akan dikirim saat koneksi tersedia kembali.
line-waiting = { $count ->
   *[other] { $count } pesan menunggu dikirim
}
banner-label = Baru dari dukungan mitra
loading = Memuat…
elsewhere-body = Pulse Companion terbuka di tab lain. Gunakan di sini saja? Tab lain akan berhenti, dan tidak ada tulisan Anda yang hilang.
elsewhere-use-here = Gunakan di sini
fatal-storage = Aplikasi tidak dapat membuka penyimpanannya di perangkat ini: { $reason }
action-failed = Tindakan itu gagal. { $reason }
notice-close = Tutup
read-failed = Ini tidak dapat ditampilkan. { $reason }
read-retry = Coba lagi

## Signing in

sign-in-title = Masuk
sign-in-intro = Masuk dengan akun mitra Anda untuk menghubungi dukungan mitra.
sign-in-not-remembered = Perangkat ini tidak memiliki gantungan kunci yang dapat dipakai aplikasi, jadi sesi tidak akan diingat: setelah aplikasi ditutup, Anda perlu masuk lagi.
sign-in-again-intro = Sesi Anda telah berakhir. Silakan masuk lagi: draf dan pesan yang menunggu dikirim tetap aman.
sign-in-server = Alamat server
sign-in-email = Alamat email
sign-in-password = Kata sandi
sign-in-submit = Masuk
sign-in-busy = Sedang masuk…
sign-in-forgot = Lupa kata sandi?
sign-in-advanced = Lanjutan: alamat server
sign-in-advanced-hint = Ubah ini hanya jika tim dukungan Anda memberikan alamat lain.

forgot-title = Lupa kata sandi
forgot-intro = Masukkan alamat email akun Anda. Kami akan mengirimkan tautan untuk memilih kata sandi baru.
forgot-submit = Kirim tautan
forgot-busy = Mengirim…
forgot-sent = Jika ada akun yang menggunakan { $email }, email berisi tautan untuk memilih kata sandi baru sedang dikirim. Tautan berlaku selama satu jam. Jika tidak ada email yang masuk, periksa folder spam Anda.
forgot-back = Kembali ke halaman masuk

password-new = Kata sandi baru
password-rules = Minimal 8 karakter, bebas apa saja. Beberapa kata yang mudah Anda ingat sudah cukup baik.
password-show = Tampilkan kata sandi
password-current = Kata sandi saat ini
welcome-title = Selamat datang di Pulse Companion
welcome-intro = Pilih kata sandi untuk { $email }. Anda masuk dengan kata sandi ini dan alamat email Anda.
reset-title = Pilih kata sandi baru
reset-intro = Pilih kata sandi baru untuk { $email }. Semua perangkat yang memakai akun ini akan keluar secara otomatis.
link-checking = Memeriksa tautan Anda…
link-submit = Simpan dan masuk
link-busy = Menyimpan…
link-invalid = Tautan ini sudah tidak berfungsi: tautan sudah pernah digunakan, sudah kedaluwarsa, atau sudah diganti dengan yang lebih baru. Di layar masuk, pilih “Lupa kata sandi?” untuk mendapatkan tautan baru.
link-other-account = Tautan ini untuk { $email }, tetapi { $current } sedang masuk di perangkat ini. Keluar terlebih dahulu, lalu buka tautan ini lagi.

## Home

home-greeting = Halo, { $name }
home-intro = Ada yang bisa kami bantu hari ini?
home-write = Kirim pesan kepada kami
home-help = Bantuan dan artikel
home-recent = Pesan terbaru
home-see-all = Lihat semua pesan
home-no-cases = Anda belum pernah menghubungi dukungan mitra.
home-drafts = { $count ->
   *[other] Anda memiliki { $count } draf yang belum selesai
}

## More

more-title = Lainnya
more-help = Bantuan
more-drafts = Draf
more-outbox = Menunggu dikirim
more-settings = Pengaturan
more-sign-out = Keluar

## Help

help-title = Bantuan
help-search = Cari artikel bantuan
help-search-empty = Tidak ada artikel yang cocok dengan “{ $query }”.
help-write = Kirim pesan kepada kami
help-report-technical = Laporkan masalah teknis
help-submit-complaint = Ajukan keluhan
help-call = Telepon kami
help-call-note = Untuk hal mendesak, misalnya ketika tamu sudah tiba di depan pintu, tetapi tidak ada kamar yang tersedia.
help-call-number = +31 20 794 7000
help-guests-note = Apakah Anda tamu? Silakan gunakan halaman bantuan untuk tamu: layanan ini khusus untuk mitra.
help-articles = Artikel
## Writing a message

compose-title = Kirim pesan kepada kami
compose-technical-title = Laporkan masalah teknis
compose-complaint-title = Ajukan keluhan
compose-intro = Pilih topik dan ceritakan apa yang terjadi. Setelah pesan Anda sampai kepada kami, Anda akan melihat kapan kami berupaya membalas.
compose-technical-intro = Ceritakan apa yang tidak berfungsi. Detail perangkat di bawah ini akan dikirim bersama laporan Anda.
compose-complaint-intro = Tidak puas dengan cara suatu hal ditangani? Beri tahu kami siapa yang mengajukan keluhan, cara menghubungi Anda, dan apa masalahnya.
compose-continue-draft = Lanjutkan draf Anda yang belum selesai
compose-topic = Topik
compose-topic-choose = Pilih topik
compose-subtopic = Subtopik
compose-subtopic-choose = Pilih subtopik
compose-reservation = Nomor konfirmasi
compose-reservation-hint = Nomor konfirmasi pemesanan, hanya angka.
compose-property = Properti
compose-property-any = Semua properti saya
compose-message = Pesan
compose-message-placeholder = Jelaskan apa yang terjadi dan apa yang Anda perlukan dari kami.
compose-characters = { $count } / { $max }
compose-photos = Foto
compose-add-photo = Tambahkan foto
compose-photo-alt = Foto { $number }
compose-remove-photo = Hapus
compose-send = Kirim
compose-saved = Draf disimpan di ponsel ini
compose-delete-draft = Hapus draf
compose-diagnostics = Detail perangkat
compose-diagnostics-note = Detail ini membantu kami menemukan masalahnya dan akan dikirim bersama laporan Anda.
complaint-who = Siapa yang mengajukan keluhan?
complaint-who-partner = Saya mitra (pemilik atau pengelola)
complaint-who-staff = Saya bekerja untuk mitra
complaint-who-representative = Saya mewakili mitra
complaint-name = Nama Anda
complaint-email = Alamat email
complaint-phone = Nomor telepon (opsional)

diag-app_version = Versi aplikasi
diag-platform = Platform
diag-language = Bahasa
diag-connection = Koneksi
diag-user_agent = Peramban
diag-online = Terhubung
diag-offline = Tidak terhubung
diag-unknown = Belum diketahui

## After Send

sent-title = Pesan Anda sedang dikirim
sent-reply-pending = Setelah pesan Anda sampai di dukungan mitra, Anda akan melihat di sini kapan kami berupaya membalas.
sent-queued = Menunggu koneksi
sent-queued-retry = Menunggu koneksi ({ $attempts ->
   *[other] sudah dicoba { $attempts } kali
})
sent-sending = Mengirim…
sent-sent = Terkirim
sent-failed = Tidak terkirim: { $reason }
sent-stuck = Tertahan: { $reason } Pesan ini dicoba lagi sesekali; Anda juga bisa mencoba lagi sekarang atau membuangnya.
sent-gone = Pesan ini tidak lagi menunggu dikirim.
sent-retry = Coba lagi
sent-edit = Ubah
sent-discard = Buang
sent-cancel = Batalkan pengiriman
sent-view-case = Lihat pesan
sent-done = Selesai

## Drafts and the outbox

drafts-title = Draf
drafts-empty = Tidak ada draf. Apa pun yang mulai Anda tulis akan disimpan di sini sampai Anda mengirimnya.
draft-untitled = Draf tanpa topik
draft-edited = Diubah { $when }
outbox-title = Menunggu dikirim
outbox-empty = Tidak ada yang menunggu: semua yang Anda kirim sudah sampai ke dukungan mitra.
outbox-new-case = Pesan baru
outbox-reply = Balasan
outbox-resolution = Tanggapan atas hasil
outbox-mediation = Permintaan mediasi

## Messages (cases)

messages-title = Pesan
messages-empty = Belum ada pesan. Hubungi kami melalui Bantuan.
messages-search = Cari pesan Anda
messages-no-match = Tidak ada pesan yang cocok dengan “{ $query }”.
messages-more = Tampilkan pesan lama
messages-unread = { $count ->
   *[other] { $count } baru
}
messages-cached = Ditampilkan dari data di ponsel ini: mungkin bukan yang terbaru.
case-not-found = Pesan ini belum ada di ponsel ini. Buka lagi saat Anda terhubung ke internet.
case-reservation = Nomor konfirmasi { $number }
case-created = Dikirim { $when }
case-expected-next = Langkah selanjutnya
case-number = Kasus { $number }
case-reply-due = { $day ->
    [today] Kami berupaya membalas paling lambat hari ini pukul { $time }.
    [tomorrow] Kami berupaya membalas paling lambat besok pukul { $time }.
    [weekday] Kami berupaya membalas paling lambat hari { $weekday } pukul { $time }.
   *[date] Kami berupaya membalas paling lambat { $date }.
}
case-reply-late = { $day ->
    [today] Balasan kami terlambat: kami menargetkan membalas paling lambat hari ini pukul { $time }. Kami sedang menanganinya.
    [yesterday] Balasan kami terlambat: kami menargetkan membalas paling lambat kemarin pukul { $time }. Kami sedang menanganinya.
    [weekday] Balasan kami terlambat: kami menargetkan membalas paling lambat hari { $weekday } pukul { $time }. Kami sedang menanganinya.
   *[date] Balasan kami terlambat: kami menargetkan membalas paling lambat { $date }. Kami sedang menanganinya.
}
case-info-needed-title = Dukungan mitra memerlukan informasi tambahan
case-info-needed-body = Balas di bawah ini agar kami dapat melanjutkan penanganan kasus Anda.
case-reply = Balas
case-reply-placeholder = Tulis balasan Anda
case-reply-send = Kirim balasan
case-pending = { $count ->
   *[other] { $count } pesan untuk kasus ini menunggu dikirim
}
case-resolved-title = Dukungan mitra telah menyelesaikan kasus ini
case-outcome = Hasil: { $outcome }
case-answer-intro = Apakah hasil ini menyelesaikan masalah Anda?
case-accept = Terima hasilnya
case-disagree = Saya tidak setuju
case-disagree-comment = Beri tahu kami alasan Anda tidak setuju
case-disagree-send = Kirim ketidaksetujuan saya
case-mediation-title = Mediasi independen
case-mediation-body = Sebagai mitra di Kawasan Ekonomi Eropa, Anda dapat meminta mediator independen untuk meninjau kasus ini.
case-mediation-request = Minta mediasi
case-attachments = { $count ->
   *[other] { $count } lampiran
}
case-document = Dokumen { $number } (PDF)
case-photo-close = Tutup
case-you = Anda
case-support = Dukungan mitra

kind-question = Pertanyaan
kind-technical_issue = Masalah teknis
kind-complaint = Keluhan

status-queued = Menunggu dikirim
status-submitted = Terkirim
status-acknowledged = Dikonfirmasi
status-in_progress = Sedang diproses
status-awaiting_partner = Perlu informasi tambahan
status-resolved = Diselesaikan
status-accepted = Diterima
status-disputed = Tidak disetujui
status-mediation = Dalam mediasi
status-closed = Ditutup

event-submitted = Anda mengirim pesan
event-acknowledged = Dukungan mitra telah menerima pesan Anda
event-update = Kabar terbaru dari dukungan mitra
event-info_requested = Dukungan mitra memerlukan informasi tambahan
event-reply = Balasan
event-resolved = Diselesaikan
event-accepted = Anda menerima hasilnya
event-disputed = Anda tidak setuju dengan hasilnya
event-mediation_requested = Mediasi diminta
event-closed = Kasus ditutup

## Notifications

notifications-title = Notifikasi
notifications-empty = Tidak ada notifikasi. Saat dukungan mitra menjawab, Anda akan melihatnya di sini.
notifications-mark-all = Tandai semua sudah dibaca
notification-unread = Belum dibaca
notify-acknowledged = Pesan Anda tentang “{ $topic }” telah diterima.
notify-update = Kabar terbaru tentang “{ $topic }”.
notify-info_requested = Diperlukan informasi tambahan tentang “{ $topic }”.
notify-reply = Balasan baru tentang “{ $topic }”.
notify-resolved = Kasus Anda tentang “{ $topic }” telah diselesaikan.
notify-accepted = Hasil untuk “{ $topic }” telah diterima.
notify-disputed = Ketidaksetujuan Anda tentang “{ $topic }” telah dicatat.
notify-mediation_requested = Mediasi telah diminta untuk “{ $topic }”.
notify-closed = Kasus Anda tentang “{ $topic }” telah ditutup.
notify-submitted = Pesan Anda tentang “{ $topic }” telah terkirim.

## Settings

settings-title = Pengaturan
settings-language = Bahasa
settings-language-device = Bahasa ponsel
settings-account = Akun
settings-account-name = Nama
settings-account-email = Alamat email
settings-account-properties = { $count ->
   *[other] { $count } properti
}
settings-notifications = Notifikasi
settings-push-on = Aktif: perangkat ini memberi tahu Anda saat dukungan mitra menjawab atau kasus Anda berubah, juga saat aplikasi ditutup.
settings-push-off = Nonaktif: Anda melihat perubahan pada kasus Anda saat membuka aplikasi.
settings-push-turn-on = Aktifkan notifikasi
settings-push-turn-off = Nonaktifkan notifikasi
settings-push-busy = Sebentar…
settings-push-blocked = Diblokir oleh browser: browser tidak mengizinkan situs ini menampilkan notifikasi.
settings-push-blocked-how = Untuk mengizinkannya, buka setelan situs (ikon gembok di samping alamat), atur Notifikasi ke Izinkan, lalu muat ulang halaman.
settings-push-unavailable-browser = Tidak tersedia di browser ini. Anda melihat perubahan pada kasus Anda saat membuka aplikasi.
settings-push-unavailable-device = Tidak tersedia di perangkat ini. Anda melihat perubahan pada kasus Anda saat membuka aplikasi.
settings-push-not-allowed = Notifikasi tetap nonaktif: browser tidak mendapat izin untuk menampilkannya.
settings-push-subscribe-failed = Browser ini tidak dapat mendaftar untuk notifikasi: mungkin tidak memiliki layanan push, atau tidak dapat menjangkaunya saat ini. Tidak ada yang diubah.
settings-push-offline = Server tidak dapat dijangkau, jadi tidak ada yang diubah. Coba lagi saat Anda online.
settings-server = Server
settings-about = Tentang
settings-version = Versi { $version }
settings-sign-out = Keluar
settings-password = Kata sandi
settings-change-password = Ubah kata sandi
password-change-submit = Ubah kata sandi
password-change-busy = Mengubah…
password-changed = Kata sandi Anda telah diubah. Perangkat Anda yang lain telah keluar dari akun.
settings-sign-out-everywhere = Keluar dari semua perangkat
sign-out-everywhere-confirm = Keluar dari semua perangkat yang memakai akun ini, termasuk perangkat ini? Draf dan pesan yang menunggu dikirim tetap tersimpan di perangkat ini untuk saat Anda masuk lagi.
sign-out-everywhere-yes = Keluar dari semua
sign-out-unsent = { $count } pesan atau draf di ponsel ini belum sampai ke tim dukungan. Apa yang ingin Anda lakukan?
sign-out-send-first = Kirim dulu, lalu keluar
sign-out-keep = Simpan untuk saat saya masuk lagi
sign-out-discard = Buang dan keluar
sign-out-stay = Tetap masuk
sign-out-sending = Mengirim { $count } pesan… Anda akan keluar begitu semuanya terkirim.

## Times

time-just-now = baru saja
time-minutes-ago = { $count ->
   *[other] { $count } menit yang lalu
}
time-hours-ago = { $count ->
   *[other] { $count } jam yang lalu
}
time-yesterday = kemarin
time-days-ago = { $count ->
   *[other] { $count } hari yang lalu
}
date-time = { $day } { $month } { $year } { $time }
month-1 = Jan
month-2 = Feb
month-3 = Mar
month-4 = Apr
month-5 = Mei
month-6 = Jun
month-7 = Jul
month-8 = Agu
month-9 = Sep
month-10 = Okt
month-11 = Nov
month-12 = Des
weekday-1 = Senin
weekday-2 = Selasa
weekday-3 = Rabu
weekday-4 = Kamis
weekday-5 = Jumat
weekday-6 = Sabtu
weekday-7 = Minggu

## Errors: the server's codes and the app's own

error-network = Server tidak dapat dijangkau. Pesan Anda disimpan dan akan dikirim nanti.
error-unexpected = Terjadi kesalahan di pihak kami. Silakan coba lagi.
error-invalid_input = Ada isian yang tidak tepat di formulir ini. Silakan periksa kembali.
error-body_empty = Tulis pesan Anda.
error-body_too_long = Pesan terlalu panjang: maksimal { $max } karakter.
error-unknown_topic = Pilih topik.
error-unknown_subtopic = Pilih subtopik.
error-reservation_ref_invalid = Nomor konfirmasi hanya terdiri dari angka.
error-unknown_property = Properti ini tidak terdaftar di akun Anda.
error-too_many_attachments = Maksimal { $max } foto per pesan.
error-unknown_attachment = Foto tidak dapat ditemukan. Hapus foto tersebut, lalu tambahkan lagi.
error-attachment_too_large = File ini terlalu besar: maksimal { $max } MB.
error-unsupported_media_type = Hanya foto (JPEG, PNG, WebP, HEIC) dan file PDF yang dapat dikirim.
error-payload_too_large = Ukurannya terlalu besar untuk dikirim.
error-idempotency_key_missing = Aplikasi mengirim permintaan yang tidak lengkap. Silakan coba lagi.
error-idempotency_key_invalid = Aplikasi mengirim permintaan yang tidak lengkap. Silakan coba lagi.
error-idempotency_key_reused = Pesan ini sudah pernah dikirim dengan isi yang berbeda.
error-invalid_credentials = Alamat email atau kata sandi salah.
error-unauthorized = Sesi Anda telah berakhir. Silakan masuk lagi.
error-forbidden = Anda tidak diizinkan melakukan tindakan ini.
error-not_found = Yang Anda cari tidak dapat ditemukan.
error-invalid_transition = Status kasus ini sudah berubah. Perbarui, lalu coba lagi.
error-mediation_not_available = Mediasi tersedia untuk mitra di Kawasan Ekonomi Eropa.
error-rate_limited = Terlalu banyak percobaan. Mohon tunggu sebentar.
error-internal = Terjadi kesalahan di pihak kami. Silakan coba lagi.
error-contact_required = Masukkan nama Anda dan alamat email yang valid.
error-email_invalid = Alamat email ini belum lengkap. Masukkan nama Anda dan alamat email yang valid.
error-text_invalid = Teks ini berisi karakter yang tidak dapat dikirim. Hapus karakter tersebut lalu coba lagi.
error-text_too_long = Nama atau nomor telepon terlalu panjang. Persingkat lalu coba lagi.
error-too_many_pending_files = Terlalu banyak foto yang menunggu dikirim. Foto dikirim bersama pesan Anda; coba lagi dalam satu menit.
error-image_unreadable = Foto ini tidak dapat dibaca. Ambil ulang atau pilih foto lain.
error-image_too_large = Foto ini terlalu besar untuk diproses. Pilih foto yang lebih kecil.
error-password_too_short = Kata sandi harus terdiri dari minimal 8 karakter.
error-password_too_long = Kata sandi boleh terdiri dari maksimal 128 karakter.
error-password_common = Kata sandi ini termasuk yang paling umum atau pernah bocor, sehingga mudah ditebak. Pilih yang lain: beberapa kata yang mudah Anda ingat sudah cukup baik.
error-link_invalid = Tautan ini sudah tidak berfungsi: tautan sudah pernah digunakan, sudah kedaluwarsa, atau sudah diganti dengan yang lebih baru. Minta tautan baru.
error-unknown_handler = Akun ini bukan milik tim dukungan mitra.
error-too_many_saved_replies = Anda telah mencapai jumlah maksimum balasan tersimpan. Hapus salah satu sebelum menambahkan yang baru.
error-push_target_invalid = Alamat notifikasi perangkat ini tidak diterima. Silakan coba lagi.
error-push_unavailable = Server ini tidak mengirim notifikasi ke jenis perangkat ini.
error-push_target_taken = Notifikasi di perangkat ini diatur untuk akun lain. Keluar dari akun tersebut di perangkat ini, lalu coba lagi.
error-file_missing = Foto pada pesan ini sudah tidak ada di ponsel ini. Ubah pesan tersebut dan tambahkan fotonya lagi.
error-on_its_way = Pesan ini sudah dalam perjalanan ke tim dukungan, jadi tidak dapat diubah atau dibatalkan lagi. Pesan akan tiba satu kali saja.
error-storage = Penyimpanan ponsel ini tidak dapat dibaca atau ditulis. Silakan coba lagi.
error-server_address = Masukkan alamat server, diawali dengan http:// atau https://.

## Topics and subtopics (the catalog's ids)

topic-rates_availability = Harga dan ketersediaan
topic-promotions = Promosi
topic-reservations = Reservasi
topic-opportunities = Peluang
topic-guest_reviews = Ulasan tamu
topic-invoices_commission = Faktur dan komisi
topic-payouts = Menerima pembayaran
topic-statistics = Statistik
topic-property_details = Detail properti
topic-account = Akun
subtopic-rates_availability-rates = Harga
subtopic-rates_availability-availability = Ketersediaan
subtopic-rates_availability-restrictions = Pembatasan
subtopic-rates_availability-other = Lain-lain
subtopic-promotions-create_promotion = Membuat promosi
subtopic-promotions-promotion_display = Cara promosi ditampilkan
subtopic-promotions-other = Lain-lain
subtopic-reservations-cancellations = Pembatalan
subtopic-reservations-changes = Perubahan
subtopic-reservations-questions = Pertanyaan
subtopic-opportunities-opportunity_centre = Pusat Peluang
subtopic-opportunities-commercial_advice = Saran bisnis
subtopic-opportunities-other = Lain-lain
subtopic-guest_reviews-guest_comment = Komentar tamu
subtopic-guest_reviews-review_reply = Balasan saya untuk ulasan
subtopic-guest_reviews-other = Lain-lain
subtopic-invoices_commission-invoices = Faktur
subtopic-invoices_commission-commission = Komisi
subtopic-invoices_commission-other = Lain-lain
subtopic-payouts-payouts = Pembayaran
subtopic-payouts-payments_service = Layanan pembayaran
subtopic-payouts-virtual_cards = Kartu virtual
subtopic-payouts-bank_details = Detail rekening bank
subtopic-statistics-analytics = Analitik
subtopic-statistics-performance = Performa
subtopic-statistics-other = Lain-lain
subtopic-property_details-star_rating = Peringkat bintang
subtopic-property_details-facilities = Fasilitas
subtopic-property_details-location = Lokasi
subtopic-property_details-other = Lain-lain
subtopic-account-password = Kata sandi
subtopic-account-contacts = Kontak
subtopic-account-channel_manager = Manajer saluran
subtopic-account-devices = Perangkat
subtopic-account-contract_termination = Pemutusan kontrak
subtopic-account-other = Lain-lain
