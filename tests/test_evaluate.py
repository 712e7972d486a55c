from pipeline.evaluate import Score, _list_score, _programs_match, _set_score, _similar


def test_set_scores_count_misses_and_spurious():
    s = Score()
    _set_score(s, "a", {"2023-10-09", "2023"}, {"2023-10-09", "2024"})
    assert (s.tp, s.fp, s.fn) == (1, 1, 1)
    assert round(s.f1, 3) == 0.5


def test_officials_match_one_to_one_by_similarity():
    s = Score()
    matched = _list_score(s, "a", ["Herryandi Sinulingga", "Apriyadi Mahmud"],
                          ["Herryandi Sinulinga", "Herryandi Sinulingga", "Musni Wijaya"],
                          lambda g, p: _similar(g, p) >= 0.85)
    assert (s.tp, s.fp, s.fn) == (1, 2, 1)
    assert matched == [(0, 1)]


def test_program_names_match_after_dropping_generic_words_or_by_containment():
    assert _programs_match("Aplikasi Posting Cinta", "Posting Cinta")
    assert _programs_match("PADUKA LAMTENG (Petugas Adminduk Kampung Lampung Tengah)", "PADUKA LAMTENG (Petugas Adminduk Kampung)")
    assert not _programs_match("Bank Sampah", "Bank Sampah Induk Digital Terpadu Kabupaten")
