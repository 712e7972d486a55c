"""Dates tagger: explicit dates resolved to ISO, relative words kept apart, numbers that are not dates skipped."""
import datetime as dt

import pytest

from pipeline.tables import row

PUB_2023 = "2023-11-17"
EXPLICIT = {"day", "month", "year", "day-no-year", "month-no-year"}


def explicit_rows(doc):
    return [(s.text, row(s, "dates")["value"]) for s in doc.spans["dates"]
            if row(s, "dates")["precision"] in EXPLICIT]


def by_mention(doc, mention):
    spans = [s for s in doc.spans["dates"] if s.text == mention]
    assert spans, f"no date span {mention!r} in {[s.text for s in doc.spans['dates']]}"
    return row(spans[0], "dates")


# (sentence, publication date, [(mention, ISO value), ...] in text order)
CASES = [
    # numeric day/month/year, with and without weekday
    ("Evaluasi digelar secara virtual, Rabu (15/11/2023) pagi.", None,
     [("Rabu (15/11/2023)", "2023-11-15")]),
    ("Bimtek tahap IV dibuka Senin (9/10/2023) di aula Bappeda.", None, [("Senin (9/10/2023)", "2023-10-09")]),
    ("Peluncuran dilakukan di Kantor DKP, Rabu (23/03/2022).", None, [("Rabu (23/03/2022)", "2022-03-23")]),
    ("Surat edaran itu terbit pada 17/11/22 dan langsung berlaku.", None, [("17/11/22", "2022-11-17")]),
    ("Batas akhir pendaftaran 17-11-2022 pukul 23.59 WIB.", None, [("17-11-2022", "2022-11-17")]),
    ("Rapat koordinasi berlangsung 05.06.2023 di Balai Kota.", None, [("05.06.2023", "2023-06-05")]),
    ("Data diperbarui per 2023-11-15 oleh Diskominfo.", None, [("2023-11-15", "2023-11-15")]),
    ("Jumat, 18/6/2021, tim asesor meninjau lokasi.", None, [("Jumat, 18/6/2021", "2021-06-18")]),
    # textual dates
    ("Wali kota menerima sertifikat itu pada Kamis, 6 Oktober 2022.", None,
     [("Kamis, 6 Oktober 2022", "2022-10-06")]),
    ("Kesepakatan ditandatangani 15 November 2023 di Jakarta.", None, [("15 November 2023", "2023-11-15")]),
    ("Aplikasi diluncurkan 2 Jan 2024 oleh Sekda.", None, [("2 Jan 2024", "2024-01-02")]),
    ("Pengumuman disampaikan 4 Pebruari 2021 melalui laman resmi.", None, [("4 Pebruari 2021", "2021-02-04")]),
    ("Pemkot menggelar rapat 10 Nopember 2020 di ruang rapat.", None, [("10 Nopember 2020", "2020-11-10")]),
    ("Kegiatan berlangsung 3 Agt 2019 di alun-alun.", None, [("3 Agt 2019", "2019-08-03")]),
    ("Hasil penilaian dirilis 21 Okt. 2021 oleh kementerian.", None, [("21 Okt. 2021", "2021-10-21")]),
    ("Laporan akhir diserahkan 30 Des 2022 kepada bupati.", None, [("30 Des 2022", "2022-12-30")]),
    ("Sosialisasi diadakan 14 Sept 2023 di kecamatan.", None, [("14 Sept 2023", "2023-09-14")]),
    ("MoU diteken pada 8 Maret 2018 di Gedung Sate.", None, [("8 Maret 2018", "2018-03-08")]),
    ("The meeting was held on March 8, 2018 in Jakarta.", None, [("March 8, 2018", "2018-03-08")]),
    ("Forum digelar 1 Mei 2019 bertepatan dengan Hari Buruh.", None, [("1 Mei 2019", "2019-05-01")]),
    ("Pameran dibuka 12 Juni 2024 dan ditutup sepekan kemudian.", None, [("12 Juni 2024", "2024-06-12")]),
    ("Upacara digelar Sabtu, 17 Agustus 2019 di lapangan.", None, [("Sabtu, 17 Agustus 2019", "2019-08-17")]),
    ("Kegiatan ditutup pada 31 Juli 2020 malam.", None, [("31 Juli 2020", "2020-07-31")]),
    ("Rapat pleno berlangsung 29 April 2021 secara daring.", None, [("29 April 2021", "2021-04-29")]),
    ("Festival digelar 2 DESEMBER 2023 di Pantai Losari.", None, [("2 DESEMBER 2023", "2023-12-02")]),
    ("Pelatihan berakhir 9 Feb 2022 di Makassar.", None, [("9 Feb 2022", "2022-02-09")]),
    # ranges: both ends
    ("Bimtek berlangsung pada 17-18 Oktober 2023 di Manokwari.", None,
     [("17-18 Oktober 2023", "2023-10-17"), ("18 Oktober 2023", "2023-10-18")]),
    ("Pelatihan diadakan 1-3 November 2018 di Bandung.", None,
     [("1-3 November 2018", "2018-11-01"), ("3 November 2018", "2018-11-03")]),
    ("Pameran berlangsung 15-17 Nov 2023 di JCC.", None,
     [("15-17 Nov 2023", "2023-11-15"), ("17 Nov 2023", "2023-11-17")]),
    ("Evaluasi dilaksanakan pada 23 hingga 27 November 2020 secara daring.", None,
     [("23 hingga 27 November 2020", "2020-11-23"), ("27 November 2020", "2020-11-27")]),
    ("Kegiatan berlangsung 30 Oktober - 2 November 2023 di Palu.", None,
     [("30 Oktober - 2 November 2023", "2023-10-30"), ("2 November 2023", "2023-11-02")]),
    ("Tahap I digelar 5 dan 6 Juli 2023 di Kantor Bupati.", None,
     [("5 dan 6 Juli 2023", "2023-07-05"), ("6 Juli 2023", "2023-07-06")]),
    ("Pendaftaran dibuka 10 s.d. 20 Januari 2024 melalui aplikasi.", None,
     [("10 s.d. 20 Januari 2024", "2024-01-10"), ("20 Januari 2024", "2024-01-20")]),
    ("Roadmap Smart City Kota Kupang 2019-2028 sudah disahkan.", None, [("2019", "2019"), ("2028", "2028")]),
    ("RPJMD periode 2019–2024 memuat program kota cerdas.", None, [("2019", "2019"), ("2024", "2024")]),
    ("Program ini berjalan sejak 2017 hingga 2020 di seluruh kecamatan.", None, [("2017", "2017"), ("2020", "2020")]),
    ("Beasiswa untuk tahun ajaran 2023/2024 segera dibuka.", None, [("2023", "2023"), ("2024", "2024")]),
    ("Rapat kerja digelar Jumat-Sabtu (17-18/11/2023) di Bogor.", None,
     [("Jumat-Sabtu (17-18/11/2023)", "2023-11-17"), ("18/11/2023", "2023-11-18")]),
    ("Uji coba layanan berlangsung Januari-Maret 2024 di lima kecamatan.", None,
     [("Januari-Maret 2024", "2024-01"), ("Maret 2024", "2024-03")]),
    ("Data dihimpun sejak Mei hingga Oktober 2023 oleh Diskominfo.", "2024-02-01",
     [("Mei hingga Oktober 2023", "2023-05"), ("Oktober 2023", "2023-10")]),
    # day and month, year from the publication date or the weekday
    ("Pemkab menyosialisasikan aplikasi itu, Kamis (28/4).", "2022-04-28", [("Kamis (28/4)", "2022-04-28")]),
    ("Rapat evaluasi digelar Selasa (23/10) kemarin di ruang rapat.", "2018-10-24",
     [("Selasa (23/10)", "2018-10-23")]),
    ("Tim asesor datang pada (6/10) untuk meninjau lokasi.", "2022-10-08", [("(6/10)", "2022-10-06")]),
    ("Penyerahan bantuan dilakukan Jumat (29/12) di pendopo.", "2024-01-02", [("Jumat (29/12)", "2023-12-29")]),
    ("Peringatan kemerdekaan dipusatkan di alun-alun pada 17 Agustus mendatang.", "2023-08-01",
     [("17 Agustus", "2023-08-17")]),
    ("Pengumuman pemenang dijadwalkan pada 5 Desember.", "2023-11-17", [("5 Desember", "2023-12-05")]),
    # month + year, periods
    ("Aplikasi ditargetkan lengkap pada Maret 2024.", None, [("Maret 2024", "2024-03")]),
    ("Tahap kedua dijadwalkan pada Desember 2023 dan Maret 2024.", None,
     [("Desember 2023", "2023-12"), ("Maret 2024", "2024-03")]),
    ("Dokumen masterplan rampung akhir April 2018.", None, [("April 2018", "2018-04")]),
    ("Aplikasi itu diluncurkan Juni 2024 lalu oleh wali kota.", None, [("Juni 2024", "2024-06")]),
    ("Pembangunan dimulai awal Jan 2020 dan rampung tahun berikutnya.", None, [("Jan 2020", "2020-01")]),
    ("Data itu dihimpun sejak Agustus, 2021 oleh dinas.", None, [("Agustus, 2021", "2021-08")]),
    ("Kontrak ditandatangani pada Oktober dan pekerjaan segera dimulai.", "2023-11-17", [("Oktober", "2023-10")]),
    ("Pelaksanaan dijadwalkan pada bulan Februari tahun depan.", "2023-11-17", [("Februari", "2024-02")]),
    ("Kontrak itu diteken pada bulan Mei.", "2023-11-17", [("Mei", "2023-05")]),
    ("Aplikasi itu diuji coba Desember lalu di tiga kecamatan.", "2024-03-01", [("Desember", "2023-12")]),
    ("Uji publik akan digelar Januari mendatang.", "2023-11-17", [("Januari", "2024-01")]),
    # years
    ("Penilaian Tahun 2023 diikuti seluruh OPD.", None, [("2023", "2023")]),
    ("Kegiatan ini dibiayai tahun anggaran 2024.", None, [("2024", "2024")]),
    ("Pembangunan taman kota ditargetkan selesai pertengahan 2019.", None, [("2019", "2019")]),
    ("Landasan hukumnya Perpres No. 95 Tahun 2018 tentang SPBE.", None, [("2018", "2018")]),
    ("Lutim memiliki Peraturan Bupati Nomor 16 Tahun 2019 tentang Rencana Induk Kota Cerdas.", None,
     [("2019", "2019")]),
    ("Kewenangan daerah diatur dalam UU 23/2014 tentang Pemerintahan Daerah.", None, [("2014", "2014")]),
    ("Perda No. 5/2020 menjadi dasar pembentukan dewan smart city.", None, [("2020", "2020")]),
    ("Nota kesepakatan diteken bersama kementerian pada 2022.", None, [("2022", "2022")]),
    ("Evaluasi Gerakan Menuju 100 Smart City 2018 berlangsung dua hari.", None, [("2018", "2018")]),
    ("Penilaian tahun 2021 merupakan kali kedua Depok dievaluasi.", None, [("2021", "2021")]),
    ("Pada tahun 2023 warga mulai memakai aplikasi tersebut.", None, [("2023", "2023")]),
    ("Pancasila dan UUD 1945 menjadi pijakan program ini.", None, [("1945", "1945")]),
    ("Target itu dipasang untuk 2030 sesuai dokumen RPJPD.", "2023-05-01", [("2030", "2030")]),
    ("Kota ini mencanangkan visi 2025, sedangkan evaluasi dilakukan 2024.", None, [("2025", "2025"), ("2024", "2024")]),
    ("Capaian tahun 2019 menjadi acuan evaluasi tahun 2020.", None, [("2019", "2019"), ("2020", "2020")]),
    ("Festival budaya kembali digelar (2022) setelah pandemi.", None, [("2022", "2022")]),
    # not dates
    ("Picodep adalah pusat informasi Covid-19 di Kota Depok.", None, []),
    ("Istilah resminya Corona Virus Disease 2019 menurut WHO.", None, []),
    ("Pengaduan bisa disampaikan ke nomor 0812-3456-7890 atau (0711) 123456.", None, []),
    ("Hubungi call center di nomor 0812-2019-2020 setiap hari kerja.", None, []),
    ("Harga per porsi Rp 2.019 dan total anggaran Rp2,019 miliar.", None, []),
    ("Dana yang dikucurkan mencapai Rp 2020 juta untuk program itu.", None, []),
    ("Aplikasi itu kini sudah versi 2.0 dan segera diperbarui.", None, []),
    ("Rapat dimulai pukul 16.06 WIB di ruang Command Center.", None, []),
    ("Acara dibuka pukul 16.30 dan berakhir pukul 18.00.", None, []),
    ("Sebanyak 2023 peserta mengikuti pelatihan digital itu.", None, []),
    ("Bantuan disalurkan kepada 2019 warga penerima manfaat.", None, []),
    ("Hingga kini tercatat 2021 pelamar yang mengunggah berkas.", None, []),
    ("Menurut dinas, sudah ada 2018 pencari kerja yang mendaftar.", None, []),
    ("Lokasi proyek berada di KM 2021 jalan lintas provinsi.", None, []),
    ("Kendaraan dinas yang terdata mencapai 1950 unit.", None, []),
    ("Realisasi anggaran mencapai 34 persen dan capaian 3,48 poin.", None, []),
    ("Denpasar Festival ke-13 digelar secara daring.", None, []),
    ("Surat itu bernomor 883/DJAI/AI.01.02/12/2020 dan ditandatangani dirjen.", None, []),
    ("Sistem kegawatdaruratan terhubung ke Call Center 112 selama 24/7.", None, []),
    ("Berkas lamaran nomor 15/2021 sudah diverifikasi panitia.", None, []),
    ("Kantor dinas berada di Jalan 17 Agustus, Manado.", None, []),
    ("Dana hibah itu dibagikan kepada 311 kampung di Lampung Tengah.", None, []),
    ("Desa wisata itu berada di ketinggian 1980 mdpl dan sejuk sepanjang tahun.", None, []),
    ("Aplikasi itu diunduh 1.500 kali dalam sepekan.", None, []),
    ("Peserta terbaik datang dari Kota Batu dan Kabupaten Gresik, Rabu.", None, []),
    ("Wali kota hadir di rapat Juni Astuti, ketua panitia.", None, []),
]


@pytest.mark.parametrize("text,published,expected", CASES, ids=[c[0][:40] for c in CASES])
def test_explicit_dates(tag, text, published, expected):
    doc = tag(text, published)
    assert explicit_rows(doc) == expected


def test_span_offsets_match_the_expression(tag):
    text = "Bimtek tahap I digelar pada 5-6 Juli 2023, lalu tahap IV Selasa (17/10/2023)."
    doc = tag(text)
    for span in doc.spans["dates"]:
        assert text[span.start_char:span.end_char] == span.text
        assert span.label_ == "dates"
    assert [s.text for s in doc.spans["dates"]] == ["5-6 Juli 2023", "6 Juli 2023", "Selasa (17/10/2023)"]


def test_range_split_keeps_other_tables_and_sentences(tag):
    text = "Bupati Manokwari hadir pada 17-18 Oktober 2023. Kegiatan ditutup di Kabupaten Manokwari."
    doc = tag(text)
    assert [s.text for s in doc.sents] == [
        "Bupati Manokwari hadir pada 17-18 Oktober 2023.", "Kegiatan ditutup di Kabupaten Manokwari."]
    assert "Kabupaten Manokwari" in [s.text for s in doc.spans["regions"]]


def test_weekday_picks_year_when_publication_year_does_not_match(tag):
    # an article published in January about "Senin (9/10)": 9 October 2023 was a Monday
    doc = tag("Rapat evaluasi digelar Senin (9/10) di ruang rapat.", "2024-01-05")
    r = by_mention(doc, "Senin (9/10)")
    assert (r["value"], r["precision"], r["note"]) == ("2023-10-09", "day", "year from weekday")


def test_weekday_far_from_publication_year_is_a_slip_not_another_year(tag):
    # 23 October 2023 was a Monday; the nearest Tuesday 23 October is five years back (2018):
    # a reporter's slip is likelier, so the publication year stays and the note says so
    doc = tag("Rapat evaluasi digelar Selasa (23/10) di ruang rapat.", "2023-10-24")
    r = by_mention(doc, "Selasa (23/10)")
    assert (r["value"], r["precision"]) == ("2023-10-23", "day")
    assert r["note"] == "year from publication date; weekday does not match"


def test_weekday_that_matches_keeps_publication_year(tag):
    r = by_mention(tag("Rapat evaluasi digelar Senin (23/10) di ruang rapat.", "2023-10-24"), "Senin (23/10)")
    assert r["value"] == "2023-10-23"
    assert r["note"] == "year from publication date"


def test_weekday_across_new_year(tag):
    r = by_mention(tag("Bantuan diserahkan Jumat (29/12) di pendopo.", "2024-01-02"), "Jumat (29/12)")
    assert r["value"] == "2023-12-29"


def test_without_publication_date_year_comes_from_article_dates(tag):
    text = "Rapat pertama digelar Rabu (15/11/2023). Rapat lanjutan berlangsung Jumat (17/11)."
    r = by_mention(tag(text), "Jumat (17/11)")
    assert r["value"] == "2023-11-17"
    assert "article context" in r["note"]


def test_without_any_year_day_month_stays_unresolved(tag):
    r = by_mention(tag("Rapat koordinasi berlangsung Kamis (28/4) di kantor bupati."), "Kamis (28/4)")
    assert (r["value"], r["precision"]) == ("--04-28", "day-no-year")


def test_full_date_with_wrong_weekday_keeps_stated_date(tag):
    r = by_mention(tag("Acara itu digelar Senin (15/11/2023) di balai kota."), "Senin (15/11/2023)")
    assert r["value"] == "2023-11-15"
    assert r["note"] == "weekday does not match"


def test_month_modifier_goes_to_note(tag):
    r = by_mention(tag("Dokumen masterplan rampung akhir April 2018."), "April 2018")
    assert (r["value"], r["precision"], r["note"]) == ("2018-04", "month", "akhir")
    r = by_mention(tag("Taman kota selesai pertengahan 2019."), "2019")
    assert (r["value"], r["precision"], r["note"]) == ("2019", "year", "pertengahan")


@pytest.mark.parametrize("text,mention,value,precision", [
    ("Pemkot menggelar rapat kemarin di balai kota.", "kemarin", "2023-11-16", "day"),
    ("Rapat lanjutan dijadwalkan besok pagi.", "besok", "2023-11-18", "day"),
    ("Tim asesor akan datang lusa ke Kupang.", "lusa", "2023-11-19", "day"),
    ("Sosialisasi digelar hari ini di aula.", "hari ini", "2023-11-17", "day"),
    ("Aplikasi itu diluncurkan pekan lalu.", "pekan lalu", "2023-11-10", "day"),
    ("Evaluasi dilanjutkan pekan depan.", "pekan depan", "2023-11-24", "day"),
    ("Anggaran dicairkan bulan lalu.", "bulan lalu", "2023-10", "month"),
    ("Tahap berikutnya dimulai bulan depan.", "bulan depan", "2023-12", "month"),
    ("Program itu dirintis tahun lalu.", "tahun lalu", "2022", "year"),
    ("Target rampung tahun depan.", "tahun depan", "2024", "year"),
])
def test_relative_words_resolve_against_publication(tag, text, mention, value, precision):
    r = by_mention(tag(text, PUB_2023), mention)
    assert (r["value"], r["precision"], r["note"]) == (value, precision, f"relative: {mention}")


def test_relative_words_without_publication_have_no_value(tag):
    r = by_mention(tag("Aplikasi itu diluncurkan pekan lalu."), "pekan lalu")
    assert (r["value"], r["precision"]) == (None, "relative")


def test_relative_words_are_not_explicit_dates(tag):
    doc = tag("Dua tahun lalu aplikasi itu belum ada. Rapat digelar Selasa (14/11) kemarin.", PUB_2023)
    rows = [(s.text, row(s, "dates")["precision"]) for s in doc.spans["dates"]]
    # "Dua tahun lalu" is not last year; "kemarin" after an explicit date is that date
    assert rows == [("Selasa (14/11)", "day")]


def test_publication_year_bounds_future_years(tag):
    assert explicit_rows(tag("Visi Indonesia Emas 2045 menjadi rujukan.", dt.date(2023, 1, 1))) == []
    assert explicit_rows(tag("Visi Indonesia Emas 2045 menjadi rujukan.", dt.date(2036, 1, 1))) == [("2045", "2045")]


def test_range_split_keeps_row_data_of_other_tables(tag):
    doc = tag("Bimtek digelar 1-3 November 2018 di Kabupaten Muara Enim dan Kota Palembang.")
    regions = {s.text: row(s, "regions")["name"] for s in doc.spans["regions"]}
    assert regions["Kabupaten Muara Enim"] == "Kabupaten Muara Enim"
    assert regions["Kota Palembang"] == "Kota Palembang"
