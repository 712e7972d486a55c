"""The classifier's lexicon: written terms everywhere, learned terms kept out of the fold their author never saw."""
from pipeline import classifier
from pipeline import lexicon as lexicons


def test_terms_match_word_starts_and_longest_hit_wins():
    lexicon = (("sampah", "environment"), ("retribusi", "governance"), ("retribusi pasar", "economy"),
               ("e-", "governance"))
    assert lexicons.dimensions("Bank Sampah Digital", lexicon) == ["environment"]
    assert lexicons.dimensions("Persampahan", lexicon) == []  # not at a word start
    assert lexicons.dimensions("Retribusi Pasar Online", lexicon) == ["economy"]
    assert lexicons.dimensions("e-Retribusi", lexicon) == ["governance", "governance"]  # "e-" and "retribusi"


def test_learned_terms_are_kept_out_of_the_fold_their_author_never_saw(monkeypatch):
    monkeypatch.setattr(lexicons, "written", lambda: (("sampah", "environment"),))
    monkeypatch.setattr(lexicons, "_learned_rows", lambda: (
        ("angkot", "living", "1"), ("angkot", "living", "2"),
        ("lumbung", "economy", "1"), ("lumbung", "society", "2"), ("lumbung", "economy", "3"),
        ("kirab", "branding", "2"), ("kirab", "society", "3"),
        ("sampah", "economy", "4"),  # already written: the written term stands
    ))
    assert lexicons.learned("1") == (("angkot", "living"), ("lumbung", "economy"))
    assert lexicons.learned(2) == (("angkot", "living"), ("lumbung", "society"), ("kirab", "branding"))
    assert lexicons.learned("4") == ()
    # all folds together: the majority dimension, a tie dropped
    assert dict(lexicons.learned()) == {"angkot": "living", "lumbung": "economy"}


def test_programs_csv_folds_are_used_and_annotated_names_hashed(tmp_path):
    csv = tmp_path / "programs.csv"
    csv.write_text("name,dimension,region,source,fold\nBank Sampah Warga,environment,,t,2\n"
                   "Pajak Online,governance,,t,1\n", "utf8")
    annotated = tmp_path / "annotated.jsonl"
    annotated.write_text('{"gold": {"programs": [{"name": "Pasar Tani", "dimension": "economy"}]}}\n', "utf8")
    data = classifier.read_training_data(csv, annotated)
    assert data.names == ["Bank Sampah Warga", "Pajak Online", "Pasar Tani"]
    assert data.folds[:2] == ["2", "1"] and data.folds[2] in {"1", "2", "3", "4", "5"}
    csv.write_text("name,dimension,region,source\nBank Sampah Warga,environment,,t\n", "utf8")
    assert classifier.read_training_data(csv, None).folds is None


def test_cross_validation_tests_each_fold_with_its_own_lexicon():
    names = ["Bank Sampah Warga", "Sungai Bersih", "Pajak Online", "Izin Usaha Online",
             "Pasar Tani", "Koperasi UMKM", "Hutan Kota", "Absensi ASN", "Pasar Ikan"]
    labels = ["environment", "environment", "governance", "governance", "economy", "economy",
              "environment", "governance", "economy"]
    folds = ["1", "2", "3"] * 3
    asked = []
    report = classifier.cross_validate(names, labels, folds,
                                       lexicon_for=lambda fold: asked.append(fold) or lexicons.written())
    assert asked == ["1", "2", "3"] and report["folds"] == 3 and report["fixed_folds"]


def test_brackets_and_quotes_do_not_hide_a_word():
    lexicon = (("samsat", "governance"), ("sampah", "environment"))
    assert lexicons.dimensions("Sambara (Samsat Mobile Jawa Barat)", lexicon) == ["governance"]
    assert lexicons.dimensions('Aplikasi "Sampah" Online', lexicon) == ["environment"]
