# Help articles: Indonesian.

help-contact = Mengirim pesan ke dukungan mitra
    .summary = Hubungi dukungan mitra langsung dari aplikasi setiap kali Anda punya pertanyaan tentang properti, reservasi, atau akun Anda.
    .body = Ketuk “Lainnya”, lalu “Bantuan”, kemudian ketuk ikon amplop untuk membuka “Kirim pesan kepada kami”.
        Pilih topik yang paling sesuai, lalu subtopiknya, dan jelaskan kebutuhan Anda dengan kata-kata Anda sendiri. Jika pertanyaan Anda terkait reservasi, pilih “Reservasi” dan cantumkan nomor konfirmasinya agar kami dapat langsung menemukannya.
        Sebelum mengetuk “Kirim”, Anda dapat menambahkan foto, misalnya tangkapan layar atau foto yang memperlihatkan masalahnya.
        Kami berupaya membalas dalam 24 jam, meskipun terkadang bisa sedikit lebih lama. Balasan kami akan muncul di “Pesan”, dan Anda juga akan melihatnya di “Notifikasi”.

help-technical = Melaporkan masalah teknis
    .summary = Beri tahu kami jika ada sesuatu di aplikasi atau di platform yang tidak berfungsi sebagaimana mestinya.
    .body = Di “Bantuan”, ketuk “Laporkan masalah teknis”. Aplikasi akan memasukkan laporan Anda ke topik “Akun” dengan subtopik “Lain-lain”, sehingga laporan tersebut sampai ke tim yang menangani masalah teknis.
        Jelaskan apa yang terjadi, apa yang seharusnya terjadi, dan kira-kira sejak kapan masalah itu muncul. Tangkapan layar dari pesan kesalahan yang muncul akan sangat membantu.
        Untuk membantu penelusuran, aplikasi melampirkan beberapa keterangan tentang perangkat Anda, seperti versi aplikasi, platform, bahasa, dan status koneksi. Sebelum mengirim, Anda dapat melihat dengan tepat apa saja yang dilampirkan.
        Ketuk “Kirim” jika sudah siap. Anggota tim kami akan menghubungi Anda sesegera mungkin.

help-complaint = Mengajukan keluhan
    .summary = Ajukan keluhan jika ada yang tidak beres dengan platform atau layanan kami dan Anda ingin masalahnya ditinjau secara resmi.
    .body = Keluhan ditujukan untuk masalah terkait platform atau layanan yang Anda terima dari kami, bukan untuk pertanyaan sehari-hari. Untuk pertanyaan, “Kirim pesan kepada kami” biasanya merupakan cara yang lebih cepat.
        Di “Bantuan”, ketuk “Ajukan keluhan”. Pertama, sebutkan siapa yang mengajukan keluhan: Anda sebagai mitra, orang yang bekerja untuk mitra, atau orang yang mewakili mitra.
        Lalu isi nama dan alamat email agar kami dapat menghubungi Anda; nomor telepon bersifat opsional.
        Setelah itu, pilih topik yang berkaitan dengan keluhan Anda dan jelaskan di kolom pesan apa yang tidak berjalan semestinya. Makin rinci penjelasan Anda, termasuk tanggal, nomor reservasi, dan langkah yang sudah Anda coba, makin cepat kami dapat menyelesaikannya.
        Ketuk “Kirim” untuk mengajukan keluhan. Anda dapat memantau perkembangannya di “Pesan”.

help-process = Cara kami menangani keluhan Anda
    .summary = Inilah yang terjadi setelah Anda mengajukan keluhan, mulai dari tanggapan pertama kami hingga hasil akhirnya.
    .body = Pertama, kami mengonfirmasi bahwa keluhan Anda sudah kami terima dan menjelaskan apa yang dapat Anda harapkan selanjutnya. Kami berupaya membalas dalam 24 jam.
        Selama kami menelaah keluhan tersebut, kami akan terus memberi kabar, dan anggota tim kami mungkin meminta informasi tambahan. Anda dapat membalas langsung di “Pesan”.
        Setelah kami menemukan penyelesaian, kami akan memberi tahu hasilnya. Anda dapat menerimanya, atau menyatakan tidak setuju dan menambahkan komentar yang menjelaskan alasannya.
        Jika Anda mitra yang berkedudukan di Kawasan Ekonomi Eropa (EEA) dan tetap tidak setuju, Anda dapat meminta mediasi. Seorang mediator independen kemudian akan meninjau kasus Anda.

help-urgent = Hal mendesak: telepon kami
    .summary = Jika suatu masalah tidak bisa menunggu balasan tertulis, sebaiknya Anda menelepon dukungan mitra.
    .body = Beberapa situasi membutuhkan jawaban segera, misalnya ketika tamu yang sudah memesan tiba di depan pintu, tetapi tidak ada kamar yang tersedia.
        Dalam situasi seperti ini, jangan menunggu balasan atas pesan. Buka “Bantuan” dan ketuk “Telepon kami” untuk langsung berbicara dengan dukungan mitra.
        Siapkan nomor konfirmasi dan detail properti Anda agar kami dapat membantu dengan cepat.
        Untuk hal yang bisa menunggu, “Kirim pesan kepada kami” tetap menjadi cara termudah untuk menghubungi kami.

help-guests = Mengarahkan tamu ke bantuan yang tepat
    .summary = Tamu akan mendapatkan bantuan paling cepat melalui halaman bantuan untuk tamu, bukan melalui jalur dukungan mitra.
    .body = Dukungan mitra ada untuk membantu Anda dan properti Anda. Kami tidak dapat melayani tamu yang menghubungi kami melalui saluran mitra, dan hal itu biasanya justru memperlambat penanganan bagi semua pihak.
        Jika tamu memerlukan bantuan dari kami, arahkan mereka ke halaman bantuan untuk tamu. Di sana, tamu dapat mengelola pemesanannya sendiri atau menghubungi layanan pelanggan dalam bahasanya sendiri melalui chat, email, atau telepon.
        Jangan berikan kepada tamu detail kontak yang Anda gunakan untuk menghubungi kami, termasuk nomor telepon khusus mitra. Cara termudah adalah meminta mereka membuka bagian bantuan di aplikasi atau situs web tempat mereka memesan.

help-offline = Menulis tanpa koneksi
    .summary = Anda tetap dapat menulis kepada kami tanpa sinyal, dan pesan Anda akan terkirim begitu koneksi tersedia kembali.
    .body = Jika koneksi terputus saat Anda sedang menulis, lanjutkan saja. Pesan Anda disimpan di ponsel sebagai draf sehingga dapat Anda selesaikan nanti.
        Jika Anda mengetuk “Kirim” tanpa koneksi, pesan beserta foto yang dilampirkan tetap tersimpan di ponsel, di bagian “Menunggu dikirim”.
        Begitu koneksi pulih, aplikasi mengirimkannya secara otomatis dan hanya sekali, sehingga Anda tidak perlu mengirimnya ulang.
        Tidak ada yang hilang jika Anda menutup aplikasi. Draf dan pesan yang menunggu dikirim tetap ada saat aplikasi dibuka kembali, dan Anda dapat melihatnya di menu “Lainnya”, pada “Draf” dan “Menunggu dikirim”.
