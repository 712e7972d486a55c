from pipeline.clean import clean_text, junk_ratio

ARTICLE = (
    "SEKAYU – Pemkab Muba menggelar bimtek smart city, Rabu (15/11/2023).\n\n"
    "BACA JUGA: Harga Karet di Muba Mulai Naik\n\n"
    "Kegiatan ini diikuti seluruh\nkepala OPD di lingkungan Pemkab.\n\n"
    "Berita Lain:\nBanjir Rendam Tiga Desa di Sungai Lilin\n\n"
    "Laporan : Andi Saputra\nEditor: Rina"
)


def test_length_is_preserved_so_offsets_map_to_the_original():
    assert len(clean_text(ARTICLE)) == len(ARTICLE)


def test_bylines_and_inserts_are_blanked():
    out = clean_text(ARTICLE)
    for gone in ("BACA JUGA", "Harga Karet", "Banjir Rendam", "Andi Saputra", "Rina", "Berita Lain"):
        assert gone not in out
    assert "Pemkab Muba menggelar bimtek" in out


def test_line_broken_mid_sentence_is_rejoined_but_paragraphs_are_kept():
    out = clean_text(ARTICLE)
    assert "diikuti seluruh kepala OPD" in out
    assert "(15/11/2023).\n\n" in out


def test_control_characters_and_nbsp_become_spaces():
    assert clean_text("Kota\xa0Malang\x00\u200b siap.") == "Kota Malang   siap."


def test_a_sentence_mentioning_editor_is_not_a_byline():
    text = "Editor video daerah, kata dia, ikut pelatihan."
    assert clean_text(text) == text


def test_junk_ratio_flags_binary():
    assert junk_ratio("Pemkot Palembang meluncurkan aplikasi.") == 0
    assert junk_ratio("\x00\x01\x02abc\x03\ufffd") > 0.5
