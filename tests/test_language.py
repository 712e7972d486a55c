"""Tokenizer special cases and sentence boundaries on Indonesian news text."""
import pytest

from pipeline.annotate import make_doc


def tokens(nlp, text):
    return [t.text for t in nlp.make_doc(text)]


@pytest.mark.parametrize("abbr", ["Kab.", "Ir.", "Jl.", "Th.", "Sp.PD", "Drs.", "Hj.", "S.Sos", "M.Si", "Prof."])
def test_abbreviations_stay_whole(nlp, abbr):
    assert abbr in tokens(nlp, f"Acara di Kantor Bupati dihadiri {abbr} Rahmat dan undangan lain.")


def test_numeric_date_in_parentheses_is_three_tokens(nlp):
    assert tokens(nlp, "Rabu (15/11/2023)") == ["Rabu", "(", "15/11/2023", ")"]
    assert tokens(nlp, "Selasa (23/10) kemarin") == ["Selasa", "(", "23/10", ")", "kemarin"]


def sentences(nlp, text):
    doc = nlp(make_doc(nlp, text))
    return [s.text.strip() for s in doc.sents if s.text.strip()]


def test_abbreviation_does_not_end_sentence(nlp):
    text = "Rapat digelar di Kab. Muara Enim oleh Ir. H. Ahmad Usmarwi Kaffah. Acara berlangsung meriah."
    assert sentences(nlp, text) == [
        "Rapat digelar di Kab. Muara Enim oleh Ir. H. Ahmad Usmarwi Kaffah.",
        "Acara berlangsung meriah.",
    ]


def test_closing_quote_stays_with_its_sentence_and_opening_quote_starts_next(nlp):
    text = "Ia optimistis target tercapai. “Kami siap mendukung penuh program ini.” Kata Bupati menutup sambutan."
    assert sentences(nlp, text) == [
        "Ia optimistis target tercapai.",
        "“Kami siap mendukung penuh program ini.”",
        "Kata Bupati menutup sambutan.",
    ]


def test_headline_and_paragraph_lines_are_sentences(nlp):
    text = "Muba Raih Penghargaan Smart City\n\nSEKAYU – Pemkab Muba kembali meraih penghargaan. Bupati bersyukur."
    assert sentences(nlp, text)[0] == "Muba Raih Penghargaan Smart City"
    assert sentences(nlp, text)[1].startswith("SEKAYU – Pemkab Muba")


def test_nbsp_is_not_a_token(nlp):
    doc = nlp(make_doc(nlp, "Kota\xa0Palembang menyiapkan aplikasi baru."))
    assert [t.text for t in doc][:2] == ["Kota", "Palembang"]
