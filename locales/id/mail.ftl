# E-mails the server sends, in Indonesian: an invitation and a password reset. Plain text; the
# server also makes an HTML part of the same texts. Never put a secret or a case's content here.
# Indonesian has only the CLDR plural category "other".

mail-greeting = Halo { $name },
mail-signature = Dukungan mitra

mail-invitation-subject = Akun Pulse Companion Anda sudah siap
mail-invitation-partner = Dukungan mitra telah membuat akun Pulse Companion untuk Anda ({ $email }). Dengan akun ini, Anda dapat menghubungi dukungan mitra dari ponsel, mengirim foto, dan memantau setiap kasus sampai terselesaikan.
mail-invitation-handler = Anda diundang untuk bekerja sebagai petugas penanganan kasus di Pulse Companion ({ $email }) dan menjawab kasus dari para mitra.
mail-invitation-action = Pilih kata sandi Anda
mail-invitation-expiry = { $days ->
   *[other] Tautan ini hanya dapat digunakan satu kali dan berlaku selama { $days } hari.
}
mail-invitation-not-you = Jika Anda tidak mengharapkan email ini, abaikan saja: kata sandi belum ditetapkan sampai tautan ini digunakan.

mail-reset-subject = Pilih kata sandi baru untuk Pulse Companion
mail-reset-body = Seseorang meminta untuk memilih kata sandi baru bagi akun Pulse Companion { $email }.
mail-reset-action = Pilih kata sandi baru
mail-reset-expiry = { $minutes ->
   *[other] Tautan ini hanya dapat digunakan satu kali dan berlaku selama { $minutes } menit. Setelah kata sandi baru dipilih, semua perangkat yang memakai akun ini akan keluar secara otomatis.
}
mail-reset-not-you = Jika Anda tidak memintanya, abaikan saja email ini: kata sandi Anda tetap sama.
