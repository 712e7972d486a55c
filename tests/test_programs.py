"""Programs tagger on news-style Indonesian sentences (written for these tests)."""
import pytest

from pipeline import programs


def rows(doc):
    return {s._.programs["name"]: s._.programs for s in doc.spans["programs"]}


def test_dimension_heading_with_acronym_expansion(tag):
    doc = tag("Untuk dimensi smart governance, Pemkab Muara Enim menyiapkan Mance (Muara Enim Center) "
              "yang melayani pengaduan warga selama 24 jam.")
    got = rows(doc)
    assert list(got) == ["Mance (Muara Enim Center)"]
    row = got["Mance (Muara Enim Center)"]
    assert (row["dimension"], row["dimension_source"], row["dimension_confidence"]) == ("governance", "stated", 1.0)
    assert row["region"] == "Kabupaten Muara Enim"


def test_run_on_headings_with_agency(tag):
    doc = tag("Bupati Muba memaparkan program unggulan tiap dimensi. Smart Economy Penguatan Kelembagaan "
              "Petani Karet Rakyat program Disbun. Smart Living Taman Air Muba program DLH.")
    got = rows(doc)
    assert set(got) == {"Penguatan Kelembagaan Petani Karet Rakyat", "Taman Air Muba"}
    karet = got["Penguatan Kelembagaan Petani Karet Rakyat"]
    assert (karet["dimension"], karet["agency"], karet["agency_abbreviation"]) == (
        "economy", "Dinas Perkebunan", "Disbun")
    taman = got["Taman Air Muba"]
    assert (taman["dimension"], taman["agency"]) == ("living", "Dinas Lingkungan Hidup")
    assert taman["region"] == "Kabupaten Musi Banyuasin"
    # the mention keeps the text as written, the name drops nothing here
    span = next(s for s in doc.spans["programs"] if s._.programs["name"] == "Taman Air Muba")
    assert span.text == "Taman Air Muba"  # the agency is not part of the mention


def test_numbered_quick_win_list_with_agencies(tag):
    doc = tag("Pemkab Hulu Sungai Selatan menetapkan enam quick win smart city tahun 2020, yaitu:\n"
              "1. Smart Branding: Loksado Smart Tourism (Disporapar)\n"
              "2. Smart Economy: Pasar Online Dodol Kandangan, Disperindag\n"
              "- Smart Living: Ambulans Desa Siaga\n"
              "Quick win itu akan dievaluasi Kementerian Kominfo pada November.")
    got = rows(doc)
    assert {n: (r["dimension"], r["agency_abbreviation"]) for n, r in got.items()} == {
        "Loksado Smart Tourism": ("branding", "Disporapar"),
        "Pasar Online Dodol Kandangan": ("economy", "Disperindag"),
        "Ambulans Desa Siaga": ("living", None)}
    assert got["Pasar Online Dodol Kandangan"]["agency"] == "Dinas Perindustrian dan Perdagangan"
    assert all(r["region"] == "Kabupaten Hulu Sungai Selatan" for r in got.values())


def test_list_with_dimension_after_each_item(tag):
    doc = tag("Kelima quick win itu adalah Si Cantik untuk Smart Governance, Pasar Rakyat Online untuk Smart "
              "Economy, serta Kampung Iklim Lestari untuk Smart Environment.")
    got = rows(doc)
    assert {n: r["dimension"] for n, r in got.items()} == {
        "Si Cantik": "governance", "Pasar Rakyat Online": "economy", "Kampung Iklim Lestari": "environment"}
    assert all(r["dimension_source"] == "stated" for r in got.values())


def test_program_list_split_on_commas_dan_serta(tag):
    doc = tag("Ada empat aplikasi yang akan direplikasi, yakni Sipandu, E-Retribusi Pasar, Lapor Bupati "
              "serta Sidakep (Sistem Data Kependudukan).")
    assert set(rows(doc)) == {"Sipandu", "E-Retribusi Pasar", "Lapor Bupati", "Sidakep (Sistem Data Kependudukan)"}


def test_semicolon_list_keeps_names_not_descriptions(tag):
    doc = tag("Ketiga inovasi tersebut adalah Simpel Desa, aplikasi administrasi desa dari Kabupaten Gresik; "
              "Sikoperasi atau sistem informasi koperasi; serta Rumah Pintar, taman baca warga.")
    assert set(rows(doc)) == {"Simpel Desa", "Sikoperasi", "Rumah Pintar"}


def test_agency_with_region_after_it_and_e_names(tag):
    doc = tag("Dari 37 inovasi yang dikirim Pemkot Tarakan, tiga di antaranya menonjol, yaitu Si Lancar "
              "(Sistem Layanan Cepat Rujukan) milik RSUD Tarakan, e-Sampah dan Taman Baca Pesisir.")
    got = rows(doc)
    assert set(got) == {"Si Lancar (Sistem Layanan Cepat Rujukan)", "e-Sampah", "Taman Baca Pesisir"}
    lancar = got["Si Lancar (Sistem Layanan Cepat Rujukan)"]
    assert (lancar["agency"], lancar["agency_abbreviation"]) == ("Rumah Sakit Umum Daerah", "RSUD")
    assert lancar["region"] == "Kota Tarakan"
    assert got["e-Sampah"]["agency"] is None


def test_meeting_about_national_framework_has_no_programs(tag):
    doc = tag("Pemprov Jambi menggelar Rapat Evaluasi Sistem Pemerintahan Berbasis Elektronik (SPBE), Kamis "
              "(12/5/2022). Kepala Bappeda meminta OPD menyiapkan Rencana Pembangunan Jangka Menengah Daerah "
              "(RPJMD) dan dokumen pendukung penilaian Indeks SPBE.")
    assert rows(doc) == {}


def test_generic_leading_word_dropped_from_name_not_mention(tag):
    doc = tag("Pemkot Palembang meluncurkan Aplikasi Posting Cinta untuk memudahkan warga membayar retribusi.")
    spans = doc.spans["programs"]
    assert [s._.programs["name"] for s in spans] == ["Posting Cinta"]
    assert spans[0].text == "Aplikasi Posting Cinta"


def test_acronym_built_from_generic_word_keeps_it(tag):
    doc = tag("Inovasi yang direplikasi antara lain Aplikasi Informasi Kelitbangan Daerah (APIKD) milik Bappeda.")
    got = rows(doc)
    assert list(got) == ["Aplikasi Informasi Kelitbangan Daerah (APIKD)"]
    assert got["Aplikasi Informasi Kelitbangan Daerah (APIKD)"]["agency"] == "Badan Perencanaan Pembangunan Daerah"


def test_acronym_then_atau_expansion(tag):
    doc = tag("Di dimensi smart economy ada SI PAKAT atau Sistem Informasi Pasar dan Komoditas Terpadu.")
    got = rows(doc)
    assert list(got) == ["SI PAKAT (Sistem Informasi Pasar dan Komoditas Terpadu)"]
    assert got["SI PAKAT (Sistem Informasi Pasar dan Komoditas Terpadu)"]["dimension"] == "economy"


def test_agency_from_launching_subject_and_later_sentence(tag):
    doc = tag("Dinas Kesehatan (Dinkes) Kota Kendari meluncurkan aplikasi Sehati untuk antrean puskesmas. "
              "Sementara itu, Si Pintar yang dikelola Disdik membantu guru menyusun bahan ajar.")
    got = rows(doc)
    assert got["Sehati"]["agency"] == "Dinas Kesehatan"
    assert got["Sehati"]["agency_abbreviation"] == "Dinkes"
    assert (got["Si Pintar"]["agency"], got["Si Pintar"]["agency_abbreviation"]) == ("Dinas Pendidikan", "Disdik")


def test_name_followed_by_its_agency_without_a_cue_word(tag):
    doc = tag("Pemkot Payakumbuh memamerkan dua layanan. KonsulKito dari Dinas Kesehatan melayani konsultasi "
              "dokter lewat ponsel, sedangkan Bus Sekolah Gratis disiapkan Dishub untuk siswa SD. "
              "Warga Payakumbuh dari berbagai kelurahan hadir.")
    got = rows(doc)
    assert sorted(got) == ["Bus Sekolah Gratis", "KonsulKito"]
    assert got["KonsulKito"]["agency"] == "Dinas Kesehatan"
    assert got["Bus Sekolah Gratis"]["agency_abbreviation"] == "Dishub"


def test_comma_before_the_managing_verb(tag):
    doc = tag("Layanan ketiga, Pasar Ikan Online, dikembangkan Disperindag agar nelayan menerima pesanan lewat ponsel.")
    got = rows(doc)
    assert list(got) == ["Pasar Ikan Online"]
    assert got["Pasar Ikan Online"]["agency"] == "Dinas Perindustrian dan Perdagangan"


def test_an_e_name_after_a_comma_is_a_list_item_not_a_description(tag):
    doc = tag("Smart Governance: Sungai Penuh Satu Layanan, e-Absensi Pegawai dan Ronda Desa Online; "
              "Smart Economy: Pasar Kopi Digital.")
    got = rows(doc)
    assert sorted(got) == ["Pasar Kopi Digital", "Ronda Desa Online", "Sungai Penuh Satu Layanan", "e-Absensi Pegawai"]
    assert got["e-Absensi Pegawai"]["dimension"] == "governance"
    doc = tag("Untuk Smart Governance ada Sungai Penuh Satu Layanan, e-Absensi Pegawai dan Ronda Desa Online.")
    assert sorted(rows(doc)) == ["Ronda Desa Online", "Sungai Penuh Satu Layanan", "e-Absensi Pegawai"]


def test_regional_agency_spellings_expand(tag):
    doc = tag("Smart Branding Festival Sungai Musi program Dispopar.")
    row = rows(doc)["Festival Sungai Musi"]
    assert (row["agency"], row["agency_abbreviation"]) == ("Dinas Pemuda, Olahraga dan Pariwisata", "Dispopar")
    assert programs.agencies()["Dinkominfo"] == "Dinas Komunikasi dan Informatika"
    assert programs.agencies()["Diskominfotik"] == "Dinas Komunikasi dan Informatika"


def test_classifier_dimension_when_article_states_none(tag):
    doc = tag("Pemkab Banyumas juga menyiapkan aplikasi Bank Sampah Digital agar warga bisa menabung sampah plastik.")
    row = rows(doc)["Bank Sampah Digital"]
    assert row["dimension_source"] == "classifier"
    assert row["dimension"] == "environment"
    assert 0 < row["dimension_confidence"] < 1


@pytest.mark.parametrize("text", [
    "Kota Madiun kembali terpilih dalam Gerakan Menuju 100 Smart City yang digagas Kementerian Kominfo.",
    "Pemkab Sleman meraih penghargaan ISNA 2022 untuk kategori smart governance.",
    "Program smart city Kupang mencakup smart governance, smart branding, smart living dan smart society.",
    "Kepala Dinas Komunikasi dan Informatika (Diskominfo) Kota Depok hadir dalam rapat itu.",
    "Rapat digelar di ruang Command Center kantor bupati, Senin (3/10/2022).",
])
def test_not_programs(tag, text):
    assert rows(tag(text)) == {}


def test_dimension_names_are_not_programs_unless_an_app(tag):
    assert rows(tag("Program Smart Living Kabupaten Siak berjalan baik.")) == {}
    got = rows(tag("Pemkab Kubu Raya menyosialisasikan aplikasi Smart Governance kepada pelaku usaha."))
    assert list(got) == ["Smart Governance"]


def test_one_row_per_program(tag):
    doc = tag("Aplikasi SanguPalu resmi diluncurkan. Warga bisa mengurus KTP lewat SanguPalu.")
    assert [s._.programs["name"] for s in doc.spans["programs"]] == ["SanguPalu"]


def test_missing_model_tells_user_to_train(tmp_path):
    with pytest.raises(FileNotFoundError, match="kotacerdas train classifier"):
        programs.ProgramsTagger(tmp_path / "nope.skops")


def test_bullet_list_lines_with_agency_asides(tag):
    doc = tag("Pemkot Sibolga menyiapkan empat program unggulan sebagai berikut:\n"
              "• Sibolga Bahari Digital — Dinas Pariwisata\n"
              "• Nelayan Sejahtera Online — Dinas Kelautan dan Perikanan\n"
              "- Kelas Coding Anak (Dinas Pendidikan)\n"
              "- Sistem Antrean Puskesmas Terpadu dan e-Rujukan Sibolga\n")
    got = rows(doc)
    assert set(got) == {"Sibolga Bahari Digital", "Nelayan Sejahtera Online", "Kelas Coding Anak",
                        "Sistem Antrean Puskesmas Terpadu", "e-Rujukan Sibolga"}
    assert got["Sibolga Bahari Digital"]["agency"] == "Dinas Pariwisata"
    assert got["Nelayan Sejahtera Online"]["agency"] == "Dinas Kelautan dan Perikanan"
    assert got["Kelas Coding Anak"]["agency"] == "Dinas Pendidikan"


def test_dan_before_an_e_prefixed_name_splits_the_list(tag):
    doc = tag("Untuk dimensi smart governance, Pemkab Pinrang menyiapkan Pinrang Satu Data dan e-Surat Desa.")
    assert set(rows(doc)) == {"Pinrang Satu Data", "e-Surat Desa"}


@pytest.mark.parametrize("text", [
    "Rapat digelar di Kantor Wali Kota, Selasa (14/6/2022), membahas aplikasi layanan.",
    "Seluruh aplikasi disambungkan dengan Identitas Kependudukan Digital (IKD) dari Kemendagri.",
    "Surat dinas kini dikirim lewat aplikasi SRIKANDI milik Arsip Nasional.",
    "Warga masih memakai aplikasi PeduliLindungi untuk masuk mal.",
])
def test_dates_and_national_systems_are_not_programs(tag, text):
    assert rows(tag(text)) == {}


def test_complaint_channel_cue(tag):
    doc = tag("Kepala Diskominfo menjelaskan kanal aduan Sapa Warga Pinrang kini terhubung ke seluruh OPD.")
    assert "Sapa Warga Pinrang" in rows(doc)
