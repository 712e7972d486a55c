"""Regions on real Indonesian news phrasing, resolved to Kemendagri names and codes."""
import pytest


def regions(tag, text):
    doc = tag(text)
    return [(s.text, s._.regions["name"], s._.regions["code"]) for s in doc.spans["regions"]]


def names(tag, text):
    doc = tag(text)  # keep the Doc alive: span groups die with it
    return {s._.regions["name"] for s in doc.spans["regions"]}


@pytest.mark.parametrize("text, expected", [
    ("Pemkab Muba menggelar rapat evaluasi smart city.", "Kabupaten Musi Banyuasin"),
    ("Bimtek diikuti OPD di Kabupaten Muara Enim.", "Kabupaten Muara Enim"),
    ("Warga Kab. OKU Timur antusias mengikuti pelatihan.", "Kabupaten Ogan Komering Ulu Timur"),
    ("Pemkot Palembang meluncurkan aplikasi pelayanan.", "Kota Palembang"),
    ("Pemerintah Provinsi Kepulauan Bangka Belitung ikut hadir.", "Provinsi Kepulauan Bangka Belitung"),
    ("Gubernur Jatim meninjau lokasi banjir.", "Provinsi Jawa Timur"),
    ("Pemprov Sumsel mendukung langkah itu.", "Provinsi Sumatera Selatan"),
    ("Wali Kota Tanjungpinang membuka acara.", "Kota Tanjung Pinang"),
    ("Kunjungan kerja ke Kota Tanjung Pinang berjalan lancar.", "Kota Tanjung Pinang"),
    ("Bupati Kukar meresmikan taman baca.", "Kabupaten Kutai Kartanegara"),
    ("Warga Jaksel memanfaatkan layanan daring itu.", "Kota Administrasi Jakarta Selatan"),
])
def test_mentions_resolve_to_canonical_region(tag, text, expected):
    assert expected in names(tag, text)


def test_code_and_province_columns(tag):
    doc = tag("Pemkab Muba menggelar rapat.")
    span = doc.spans["regions"][0]
    row = span._.regions
    assert (row["code"], row["kind"], row["province"]) == ("16.06", "kabupaten", "Sumatera Selatan")
    assert span.text == "Pemkab Muba"


def test_kota_and_kabupaten_malang_are_kept_apart(tag):
    found = names(tag, "Pemkot Malang dan Pemkab Malang menandatangani kerja sama.")
    assert found == {"Kota Malang", "Kabupaten Malang"}


def test_bare_name_follows_the_explicit_mention_in_the_article(tag):
    text = "Pemkab Malang menyiapkan aplikasi. Menurut dia, Malang siap menjadi percontohan."
    assert names(tag, text) == {"Kabupaten Malang"}


def test_bare_city_defaults_to_kota(tag):
    assert names(tag, "Program itu sukses diterapkan di Malang sejak tahun lalu.") == {"Kota Malang"}


def test_typo_after_explicit_trigger_is_fuzzy_matched(tag):
    doc = tag("Bimtek digelar di Kabupaten Musi Banyuasn pekan ini.")
    spans = doc.spans["regions"]
    assert spans[0]._.regions["name"] == "Kabupaten Musi Banyuasin"
    assert spans[0]._.regions["evidence"].startswith("fuzzy:")


@pytest.mark.parametrize("text", [
    "Smart Heritage Market di Pasar Badung ramai dikunjungi wisatawan.",
    "Kantor itu berada di Jalan Palembang nomor 12.",
    "Pengunjung memadati Benteng Kuto Besak saat libur panjang.",
    "Pekerja mengangkut batu dari sungai untuk fondasi jembatan.",
    "Acara dibuka oleh Kepala Dinas, Budi Agam, di aula kantor.",
])
def test_place_like_words_that_are_not_regions(tag, text):
    assert names(tag, text) & {"Kabupaten Badung", "Kota Palembang", "Kota Batu", "Kabupaten Agam"} == set()


def test_ambiguous_alias_is_resolved_from_the_other_regions(tag):
    doc = tag("Bupati Mura hadir bersama kepala daerah se-Sumsel di Palembang.")
    spans = doc.spans["regions"]
    mura = next(s for s in spans if s.text == "Mura")
    assert mura._.regions["name"] == "Kabupaten Musi Rawas"
    assert mura._.regions["evidence"] == "context:Sumatera Selatan"
    doc = tag("Bupati Mura bertemu Gubernur Kalteng di Palangka Raya.")
    spans = doc.spans["regions"]
    assert next(s for s in spans if s.text == "Mura")._.regions["name"] == "Kabupaten Murung Raya"


def test_offsets_point_into_the_original_text(tag):
    text = "Editor: Andi\nSEKAYU – Pemkab Muba\xa0meluncurkan aplikasi."
    doc = tag(text)
    span = doc.spans["regions"][0]
    assert text[span.start_char:span.end_char] == "Pemkab Muba"


@pytest.mark.parametrize("text, absent", [
    ("Datanya milik Pemkot Tangerang Selatan, bukan milik mitra swasta.", "Kabupaten Minahasa Tenggara"),
    ("Pemkab Kepulauan Selayar memperluas layanan di kota Benteng, ibu kota kabupaten.", "Kabupaten Bengkulu Tengah"),
    ("Pemkab Manggarai Barat menyiapkan jaringan selama KTT ASEAN di Labuan Bajo.", "Kabupaten Tana Tidung"),
    ("Warga berkumpul di kawasan Kotabaru, Kota Yogyakarta, setiap akhir pekan.", "Kabupaten Kotabaru"),
])
def test_aliases_that_are_common_words_need_context(tag, text, absent):
    assert absent not in names(tag, text)


def test_alias_that_is_a_common_word_counts_with_province_context(tag):
    text = "Pemkab Benteng dan Pemkot Bengkulu meneken kerja sama. Warga Benteng menyambut baik."
    assert "Kabupaten Bengkulu Tengah" in names(tag, text)


def test_bare_jakarta_is_the_province(tag):
    assert names(tag, "Penghargaan diserahkan di Jakarta, Kamis (6/7/2023).") == {"Provinsi Daerah Khusus Ibukota Jakarta"}


@pytest.mark.parametrize("text, absent", [
    ("Wali Kota Bogor Bima Arya meninjau halte baru. “Kita ingin angkot tertib,” kata Bima.", "Kota Bima"),
    ("Warga Pulau Hiri dan Batang Dua kini bisa merekam KTP elektronik di Ternate.", "Kabupaten Batang"),
    ("Bunga krisan banyak dipakai untuk hajatan di tanah Minahasa.", "Kabupaten Minahasa"),
    ("Kepala Dinas Koperasi dan UKM Banyumas, Agam Prasetyo, memaparkan aplikasi itu.", "Kabupaten Agam"),
])
def test_region_words_inside_person_and_place_names(tag, text, absent):
    assert absent not in names(tag, text)


@pytest.mark.parametrize("text, expected", [
    ("Pemkab Toba Samosir meluncurkan layanan daring.", "Kabupaten Toba"),
    ("Bupati Pahuwato meninjau pasar.", "Kabupaten Pohuwato"),
    ("Kabupaten Mamuju Utara kini bernama Pasangkayu.", "Kabupaten Pasangkayu"),
    ("Pemkab Maluku Tenggara Barat menggelar rapat.", "Kabupaten Kepulauan Tanimbar"),
])
def test_former_names_resolve_to_the_current_region(tag, text, expected):
    assert expected in names(tag, text)


def test_acronym_inside_a_region_name_is_one_mention(tag):
    got = regions(tag, "Pemerintah Kabupaten Ogan Komering Ulu (OKU) Timur menggelar bimtek masterplan smart city.")
    assert got == [("Kabupaten Ogan Komering Ulu (OKU) Timur", "Kabupaten Ogan Komering Ulu Timur", "16.08")]
    # without the direction word the acronym is the kabupaten's own
    assert names(tag, "Warga Kabupaten Ogan Komering Ulu (OKU) hadir di Baturaja.") == {"Kabupaten Ogan Komering Ulu"}


def test_jogja_is_the_city_unless_the_story_names_only_the_province(tag):
    assert names(tag, "Wisatawan memadati Jogja saat libur panjang.") == {"Kota Yogyakarta"}
    assert names(tag, "Aplikasi Sibakul Jogja dikembangkan Pemda Daerah Istimewa Yogyakarta untuk koperasi.") == {
        "Provinsi Daerah Istimewa Yogyakarta"}
    assert "Kota Yogyakarta" in names(tag, "Wali Kota Yogyakarta meninjau Malioboro. Jogja kini lebih tertib.")
