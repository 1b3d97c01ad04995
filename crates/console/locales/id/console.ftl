# Teks konsol dukungan (bahasa Indonesia). Konsol juga membaca teks aplikasi sendiri
# (locales/<code>/app.ftl): topik, subtopik, bulan, dan pesan galat API.

console-title = Konsol dukungan Pulse
console-sign-in-intro = Masuk dengan akun dukungan mitra Anda.
console-email = Email
console-password = Kata sandi
console-sign-in = Masuk
console-sign-out = Keluar
console-not-handler = Akun ini milik mitra. Konsol ini untuk tim dukungan mitra; mitra menggunakan aplikasi Pulse Companion.
console-signed-out = Sesi Anda telah berakhir. Silakan masuk lagi.
console-network = Server tidak dapat dijangkau. Tidak ada yang diubah; coba lagi sebentar lagi.
console-unreadable = Respons server tidak dapat dibaca. Muat ulang halaman, lalu coba lagi.
console-moved-on = Kasus ini telah berubah sementara itu. Tidak ada yang dikirim: inilah kondisi kasus saat ini, dan tulisan Anda masih ada di kotak teks.
console-not-found = Halaman ini tidak ada.
console-back-to-queue = Kembali ke antrean
console-loading = Memuat…
console-live-on = Langsung
console-live-off = Menyambungkan ulang…
console-language = Bahasa
console-saved-replies = Balasan tersimpan
console-invite = Undang
console-keys = Pintasan: j dan k untuk berpindah di antrean (atau ke kasus berikutnya dan sebelumnya), Enter membuka, / mencari, r menulis balasan, Ctrl+Enter mengirimnya, Esc kembali ke antrean.

console-view-new = Baru
console-view-overdue = Terlambat
console-view-due_soon = Jatuh tempo dalam 4 jam
console-view-waiting = Menunggu mitra
console-view-mine = Ditugaskan ke saya
console-view-unassigned = Belum ditugaskan
console-view-open = Semua kasus terbuka
console-view-closed = Ditutup

console-search = Cari berdasarkan nomor kasus, mitra, email, atau teks
console-search-short = Ketik minimal 3 karakter untuk mencari.
console-queue-empty = Tidak ada kasus di sini.
console-more = Tampilkan lebih banyak
console-unassigned = Belum ditugaskan
console-last-activity = Aktivitas terakhir: { $when }

console-due-none = Tidak ada tenggat balasan
console-due-in = Balas dalam { $span }
console-due-soon = Segera jatuh tempo: sisa { $span }
console-due-overdue = Terlambat { $span }
console-span-days = { $days } hari { $hours } jam
console-span-hours = { $hours } jam { $minutes } menit
console-span-minutes = { $minutes } menit

console-status-submitted = Baru
console-status-acknowledged = Dikonfirmasi
console-status-in_progress = Sedang diproses
console-status-awaiting_partner = Menunggu mitra
console-status-resolved = Diselesaikan
console-status-accepted = Diterima
console-status-disputed = Disanggah
console-status-mediation = Dalam mediasi
console-status-closed = Ditutup

console-kind-question = Pertanyaan
console-kind-technical_issue = Masalah teknis
console-kind-complaint = Keluhan

console-partner = Mitra
console-name = Nama
console-country = Negara
console-eea-yes = di Kawasan Ekonomi Eropa
console-eea-no = di luar Kawasan Ekonomi Eropa
console-property = Properti
console-language-written = Bahasa yang dipakai
console-unknown = Tidak diketahui
console-subject = Perihal
console-kind = Jenis
console-topic = Topik
console-reservation = Nomor konfirmasi
console-opened = Dibuka
console-expected-next = Langkah selanjutnya
console-contact = Detail kontak
console-phone = Telepon
console-complainant = Mengeluh sebagai
console-complainant-partner = Mitra sendiri
console-complainant-staff = Staf mitra
console-complainant-representative = Perwakilan mitra
console-diagnostics = Detail perangkat
console-photos = Foto dan file
console-photo = Foto dari mitra
console-download-pdf = Unduh PDF ({ $size } KB)
console-close = Tutup

console-event-submitted = Pesan dari mitra
console-event-acknowledged = Dikonfirmasi
console-event-update = Pembaruan
console-event-info_requested = Informasi tambahan diminta
console-event-reply = Balasan dari mitra
console-event-resolved = Diselesaikan
console-event-accepted = Hasil diterima
console-event-disputed = Hasil disanggah
console-event-mediation_requested = Mediasi diminta
console-event-closed = Ditutup
console-event-note = Catatan internal
console-event-assigned = Penugasan
console-internal = Hanya terlihat oleh tim dukungan
console-expected-next-was = Langkah selanjutnya: { $text }
console-outcome-was = Hasil: { $text }
console-event-files = { $count ->
   *[other] { $count } file
}

console-assignee = Ditugaskan ke
console-take = Ambil kasus ini
console-assign-to = Tugaskan ke
console-nobody = Tidak ada

console-answer = Balas mitra
console-answer-placeholder = Tulis kepada mitra. Untuk konfirmasi: langkah selanjutnya. Untuk penyelesaian: hasilnya.
console-insert-saved = Sisipkan:
console-move-acknowledge = Konfirmasi penerimaan
console-move-post_update = Kirim pembaruan
console-move-request_info = Minta informasi tambahan
console-move-resolve = Selesaikan dengan hasil ini
console-move-close = Tutup kasus
console-move-other = Jalankan
console-no-moves = Tidak ada lagi tindakan yang dapat dilakukan pada kasus ini.
console-note = Catatan internal
console-note-hint = Catatan hanya untuk tim dukungan mitra: mitra tidak pernah melihatnya.
console-add-note = Tambah catatan

console-saved-hint = Tulis { "{" }partner_name{ "}" } di tempat nama mitra seharusnya muncul.
console-saved-title = Judul
console-saved-body = Teks
console-save = Simpan
console-delete = Hapus

console-invite-hint = Orang tersebut menerima email dalam bahasa yang dipilih di sini, berisi tautan untuk membuat kata sandi. Tautan hanya berlaku sekali, selama 7 hari; undangan baru ke alamat yang sama menggantikannya.
console-invite-role = Akun untuk
console-invite-role-partner = Mitra
console-invite-role-handler = Rekan di dukungan mitra
console-invite-country = Negara (dua huruf, mis. ID)
console-invite-properties = Properti, satu per baris
console-invite-language = Bahasa email dan aplikasi
console-invite-send = Kirim undangan
console-invite-sent = Undangan terkirim ke { $email }. Tautan berlaku hingga { $until }.
