"""Officials tagger on news-style Indonesian sentences: every phrasing of a post, and what is not one."""
import pytest

from pipeline.tables import row


def officials(tag, text):
    doc = tag(text)  # keep the Doc alive while its span group is read
    return [row(s, "officials") | {"mention": s.text} for s in doc.spans["officials"]]


def one(tag, text):
    rows = officials(tag, text)
    assert len(rows) == 1, rows
    return rows[0]


def test_role_region_name(tag):
    r = one(tag, "MUARA ENIM – Bupati Muara Enim Ahmad Yani meresmikan aplikasi layanan publik, "
                 "Senin (6/3/2023).")
    assert (r["name"], r["role"], r["role_normalized"], r["region"]) == (
        "Ahmad Yani", "Bupati", "bupati", "Kabupaten Muara Enim")
    assert r["acting"] is None and r["degrees"] is None


def test_acting_prefix_and_degrees_after_name(tag):
    r = one(tag, "Pj Sekda Muba Musni Wijaya SSos MSi membuka rapat koordinasi smart city di Sekayu.")
    assert r["name"] == "Musni Wijaya"
    assert r["degrees"] == "SSos, MSi"
    assert r["mention"] == "Musni Wijaya SSos MSi"
    assert (r["role"], r["role_normalized"], r["acting"]) == ("Pj Sekda", "sekda", "Pj")
    assert r["region"] == "Kabupaten Musi Banyuasin"


def test_agency_abbreviation_and_single_degree(tag):
    r = one(tag, "Kepala Dinkominfo Muba Herryandi Sinulingga AP menjelaskan progres masterplan.")
    assert (r["name"], r["degrees"]) == ("Herryandi Sinulingga", "AP")
    assert (r["role"], r["role_normalized"]) == ("Kepala Dinkominfo", "kepala_dinas")


def test_commas_around_name_with_haji_and_degree(tag):
    r = one(tag, "Wali Kota Palembang, H. Harnojoyo, S.Sos, mengapresiasi kinerja tim smart city.")
    assert (r["name"], r["degrees"], r["role"], r["region"]) == (
        "Harnojoyo", "H., S.Sos", "Wali Kota", "Kota Palembang")


def test_selaku_apposition(tag):
    r = one(tag, "Hal itu disampaikan Ahmad Fauzi, selaku Kepala Bappeda Kabupaten Ogan Ilir, saat membuka acara.")
    assert (r["name"], r["role"], r["role_normalized"], r["region"]) == (
        "Ahmad Fauzi", "Kepala Bappeda", "kepala_badan", "Kabupaten Ogan Ilir")


def test_name_comma_role_apposition(tag):
    r = one(tag, "Rapat dibuka Siti Aminah, Kepala Dinas Kesehatan Kota Jambi, pada Kamis pagi.")
    assert (r["name"], r["role"], r["role_normalized"], r["region"]) == (
        "Siti Aminah", "Kepala Dinas Kesehatan", "kepala_dinas", "Kota Jambi")


def test_long_role_with_region_after_agency(tag):
    r = one(tag, "Asisten Bidang Perekonomian dan Pembangunan Pemkab Lampung Tengah, Rusmadi, "
                 "meminta seluruh OPD berkomitmen menjalankan program tersebut.")
    assert (r["name"], r["role"], r["region"]) == (
        "Rusmadi", "Asisten Bidang Perekonomian dan Pembangunan", "Kabupaten Lampung Tengah")


def test_roman_numeral_assistant(tag):
    r = one(tag, "Asisten I Setda Kota Bogor Dody Achdiat mewakili wali kota dalam acara itu.")
    assert (r["name"], r["role"], r["region"]) == ("Dody Achdiat", "Asisten I Setda", "Kota Bogor")


def test_camat_and_ketua_dprd(tag):
    assert one(tag, "Camat Sekayu Ahmad Ridwan mengikuti kegiatan itu bersama para lurah.")["name"] == "Ahmad Ridwan"
    r = one(tag, "Ketua DPRD Muba Sugondo menyambut baik program itu.")
    assert (r["name"], r["role"], r["role_normalized"]) == ("Sugondo", "Ketua DPRD", "ketua_dprd")


def test_two_officials_and_plh(tag):
    rows = officials(tag, "Plh. Bupati Lahat Januarsyah Mahyudin membuka acara, didampingi "
                          "Wakil Bupati Lahat Haryanto dan Sekda Lahat Chandra.")
    assert [(r["name"], r["role_normalized"], r["acting"]) for r in rows] == [
        ("Januarsyah Mahyudin", "bupati", "Plh"), ("Haryanto", "wakil_bupati", None),
        ("Chandra", "sekda", None)]
    assert rows[0]["role"] == "Plh Bupati"


def test_ministry_official_has_no_region(tag):
    r = one(tag, "Acara dihadiri Kasubdit Tata Kelola dan Ekosistem Kota Cerdas Kementerian Kominfo, "
                 "Slamet Santoso, dan para kepala OPD.")
    assert r["name"] == "Slamet Santoso"
    assert r["role_normalized"] == "pejabat_kementerian"
    assert r["role"].startswith("Kasubdit Tata Kelola")
    assert r["region"] is None


def test_bracketed_acronym_becomes_the_role(tag):
    r = one(tag, "Kepala Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu (DPMPTSP) Kubu Raya, "
                 "Maria Agustina, menjelaskan pihaknya bekerja sama dengan swasta.")
    assert (r["name"], r["role"], r["region"]) == ("Maria Agustina", "Kepala DPMPTSP", "Kabupaten Kubu Raya")


def test_medical_degrees_around_name(tag):
    r = one(tag, "dr. H. Ali Mahmud, Sp.PD, Direktur RSUD Kota Tangerang, mengatakan antrean online sudah berjalan.")
    assert (r["name"], r["degrees"]) == ("Ali Mahmud", "dr., H., Sp.PD")


def test_initials_and_short_capitals_in_names(tag):
    rows = officials(tag, "Paparan disampaikan Wakil Wali Kota Mor D. Bastiaan SE yang mewakili "
                          "Wali Kota Dr Ir GS Vicky Lumentut SH MSi DEA. Ia berhadapan dengan asesor.")
    assert [(r["name"], r["role"]) for r in rows] == [
        ("Mor D. Bastiaan", "Wakil Wali Kota"), ("GS Vicky Lumentut", "Wali Kota")]
    assert rows[1]["degrees"] == "Dr, Ir, SH, MSi, DEA"


def test_noble_name_parts_stay(tag):
    r = one(tag, "Tengku Erry Nuradi, Wakil Gubernur Sumatera Utara, mengatakan hal itu kepada wartawan.")
    assert (r["name"], r["role_normalized"], r["region"]) == (
        "Tengku Erry Nuradi", "wakil_gubernur", "Provinsi Sumatera Utara")
    r = one(tag, "Kepala Dinas Komunikasi dan Informatika Kota Denpasar, I Dewa Made Agung, mengatakan "
                 "evaluasi digelar secara daring.")
    assert r["name"] == "I Dewa Made Agung"
    assert r["role"] == "Kepala Dinas Komunikasi dan Informatika"


def test_assessor_list(tag):
    rows = officials(tag, "Tim Asesor dari Kementerian Kominfo terdapat 7 orang diantaranya, Budi Hartono, "
                          "Ani Lestari, I Gusti Ngurah Rai dan Lalu Muhammad Iqbal.")
    assert [r["name"] for r in rows] == ["Budi Hartono", "Ani Lestari", "I Gusti Ngurah Rai", "Lalu Muhammad Iqbal"]
    assert {r["role"] for r in rows} == {"Tim Asesor"}
    assert {r["role_normalized"] for r in rows} == {"asesor"}
    assert {r["region"] for r in rows} == {None}


def test_assessor_list_with_degrees_affiliations_and_pronoun(tag):
    rows = officials(tag, "Ia berhadapan dengan lima asesor, yaitu Prof. Ir. Achmad Djunaedi, MURP., Ph.D (UGM), "
                          "Dr. Rini Rachmawati, S.Si., M.T (UGM) dan Hari Kusdaryanto (Citiasia).")
    assert [r["name"] for r in rows] == ["Achmad Djunaedi", "Rini Rachmawati", "Hari Kusdaryanto"]
    rows = officials(tag, "Tiga asesor dari Kementerian Kominfo melakukan evaluasi di Kota Kupang. Ketiganya adalah "
                          "Dedy Sushandoyo, akademisi ITB, Farid Subkhan dari Citiasia, serta Wing Wahyu dari STIE YKPN.")
    assert [r["name"] for r in rows] == ["Dedy Sushandoyo", "Farid Subkhan", "Wing Wahyu"]
    assert {r["role"] for r in rows} == {"Asesor"}


def test_later_mentions_are_the_same_person(tag):
    rows = officials(tag, "Bupati Muara Enim Ahmad Yani meresmikan aplikasi itu. Yani mengatakan aplikasi "
                          "memudahkan warga. Bupati Yani juga meminta OPD berinovasi, kata Bupati Ahmad Yani.")
    assert [(r["name"], r["role"]) for r in rows] == [("Ahmad Yani", "Bupati")]


def test_one_person_two_posts(tag):
    rows = officials(tag, "Wakil Bupati Lahat Haryanto membuka rapat. Sebelumnya, pada 2019, saat menjabat "
                          "Ketua DPRD Lahat Haryanto juga mendorong program itu.")
    assert [(r["name"], r["role_normalized"]) for r in rows] == [
        ("Haryanto", "wakil_bupati"), ("Haryanto", "ketua_dprd")]


def test_region_falls_back_to_the_article_region(tag):
    rows = officials(tag, "MUKOMUKO – Dinas Ketahanan Pangan Kabupaten Mukomuko meluncurkan lapak online. "
                          "Kepala DKP Eddy Aprianto SP MSi menambahkan, website ini memperluas pemasaran.")
    assert [(r["name"], r["role"], r["region"], r["degrees"]) for r in rows] == [
        ("Eddy Aprianto", "Kepala DKP", "Kabupaten Mukomuko", "SP, MSi")]


def test_corporate_titles_are_not_officials(tag):
    assert officials(tag, "Direktur PT Telkom Indonesia Budi Santoso menandatangani kerja sama tersebut. "
                          "CEO Gojek Andre Soelistyo juga hadir dalam acara itu.") == []


def test_person_without_post_is_not_an_official(tag):
    assert officials(tag, "Budi Santoso mengatakan program itu berhasil. Menurut dia, warga senang.") == []


def test_byline_is_not_an_official(tag):
    text = ("Penulis: Nadia K | Editor: Yosua\n\nMANOKWARI – Bupati Manokwari Hermus Indou menandatangani "
            "komitmen implementasi kota cerdas.")
    assert [r["name"] for r in officials(tag, text)] == ["Hermus Indou"]


@pytest.mark.parametrize("text", [
    "Rapat digelar di Kantor Bupati Manokwari, Selasa (17/10/2023).",
    "Regulasinya tertuang dalam Peraturan Wali Kota Nomor 12 Tahun 2020.",
    "Saat masih menjabat Kepala Bidang E-Government Dinas Kominfo, ia menegaskan pembangunan itu penting.",
    "Penandatanganan disaksikan sembilan kepala distrik dan perwakilan OPD.",
    "Dua rekomendasi tim asesor pada evaluasi tahun 2019, yakni menciptakan inovasi baru.",
])
def test_posts_without_a_named_holder(tag, text):
    assert officials(tag, text) == []


def test_village_heads_keep_their_place_in_the_role(tag):
    r = one(tag, "Camat Tamalate, Andi Fadly Rasyid, mengaku sudah memetakan 42 lorong di wilayahnya.")
    assert (r["name"], r["role"], r["role_normalized"]) == ("Andi Fadly Rasyid", "Camat Tamalate", "camat")
    r = one(tag, "Lurah Gandaria Utara, Muhammad Sopian, mengaku kewalahan saat musim hujan.")
    assert (r["name"], r["role"]) == ("Muhammad Sopian", "Lurah Gandaria Utara")


def test_yang_juga_apposition_and_initial_first_name(tag):
    r = one(tag, "Apriyadi yang juga Sekda Muba menyampaikan apresiasi kepada tim smart city.")
    assert (r["name"], r["role"], r["region"]) == ("Apriyadi", "Sekda", "Kabupaten Musi Banyuasin")
    r = one(tag, "Kepala Dinas Komunikasi dan Informatika Kota Surabaya M. Fikser memaparkan dimensi Smart Governance.")
    assert (r["name"], r["region"]) == ("M. Fikser", "Kota Surabaya")


def test_role_runs_through_unknown_words_to_the_comma(tag):
    r = one(tag, "Narasumber dari Kementerian Kominfo, Dedy Sushandoyo, mengingatkan agar quick win dipilih cermat.")
    assert (r["name"], r["role"], r["region"]) == ("Dedy Sushandoyo", "Narasumber", None)
    r = one(tag, "Anggota DPRD Kota Palembang dari Fraksi Golkar, Andi Sofyan, menilai program itu baik.")
    assert (r["name"], r["role"], r["role_normalized"]) == ("Andi Sofyan", "Anggota DPRD", "anggota_dprd")


def test_regnal_numbers_and_bracketed_acting_prefix(tag):
    r = one(tag, "Arahan Gubernur DIY Sri Sultan Hamengku Buwono X soal satu data menjadi pegangan.")
    assert r["name"] == "Sri Sultan Hamengku Buwono X"
    r = one(tag, "SUMEDANG – Penjabat (Pj) Bupati Sumedang Herman Suryatman meminta perangkat daerah berbenah.")
    assert (r["name"], r["role"], r["acting"]) == ("Herman Suryatman", "Pj Bupati", "Pj")
