"""The program -> dimension classifier: the committed model, safe loading, and a tiny training run."""
import math
import textwrap

import pytest
import skops.io as sio
from sklearn.preprocessing import FunctionTransformer

from pipeline import classifier
from pipeline.nlp import MODELS
from pipeline.tables import DIMENSIONS

MODEL = MODELS / "program_dimension.skops"


@pytest.fixture(scope="module")
def model():
    return classifier.load(MODEL)


@pytest.mark.parametrize("name, dimension", [
    ("Bank Sampah Digital", "environment"),
    ("Layanan Perizinan Online Terpadu", "governance"),
    ("Pasar Online Produk UMKM", "economy"),
    ("Festival Budaya dan Wisata Danau", "branding"),
    ("Layanan Ambulans Gratis Puskesmas", "living"),
    ("Perpustakaan Keliling untuk Pelajar", "society"),
])
def test_obvious_programs(model, name, dimension):
    (got, confidence, _), = classifier.predict([name], model=model)
    assert got == dimension
    assert confidence > 1 / len(DIMENSIONS)


def test_probabilities_cover_the_six_dimensions_and_sum_to_one(model):
    results = classifier.predict(["Sistem Informasi Kepegawaian", "Taman Kota"], model=model)
    for dimension, confidence, probs in results:
        assert set(probs) == set(DIMENSIONS)
        assert math.isclose(sum(probs.values()), 1.0, abs_tol=1e-6)
        assert probs[dimension] == confidence == max(probs.values())


def test_context_moves_an_opaque_name(model):
    """A coined name says little; the sentence around it shifts the probabilities, the name still counts."""
    bare, = classifier.predict(["Sidarling"], model=model)
    with_ctx, = classifier.predict(["Sidarling"], ["Sidarling memantau pengangkutan sampah dan limbah rumah tangga"],
                                   model=model)
    assert with_ctx[2]["environment"] > bare[2]["environment"]


def test_committed_model_is_small():
    assert MODEL.stat().st_size < 5_000_000


def test_loading_refuses_untrusted_types(tmp_path):
    path = tmp_path / "evil.skops"
    sio.dump(FunctionTransformer(func=textwrap.dedent), path)
    with pytest.raises(ValueError, match="refusing to load"):
        classifier.load(path)


def test_missing_model_says_how_to_train(tmp_path):
    with pytest.raises(FileNotFoundError, match="kotacerdas train classifier"):
        classifier.load(tmp_path / "none.skops")


def test_keyword_baseline_reads_the_lexicon():
    assert classifier.keyword_baseline(["Bank Sampah Induk", "Pajak Online", "Sidomulyo"], "society") == [
        "environment", "governance", "society"]
    assert classifier.keyword_baseline(["Festival Kopi"], "economy") == ["branding"]


def test_lexicon_longest_term_wins_and_tags_the_model_text():
    assert classifier.lexicon_dimensions("Retribusi Pasar Online") == ["economy"]  # not "retribusi" (governance)
    assert classifier.model_text("Posyandu Keluarga Jembrana") == "Posyandu Keluarga lexliving lexsociety"
    assert classifier.model_text("Sidomulyo") == "Sidomulyo"


def test_tiny_training_run(tmp_path):
    rows = {
        "environment": ["Bank Sampah Warga", "Pengolahan Sampah Plastik", "Penanaman Pohon Kota", "Sungai Bersih"],
        "governance": ["Pajak Daerah Online", "Izin Usaha Online", "Pengaduan Warga Online", "Absensi ASN Online"],
        "economy": ["Pasar Tani Online", "Koperasi UMKM Digital", "Pasar Ikan Digital", "Lapak UMKM Online"],
    }
    csv = tmp_path / "programs.csv"
    csv.write_text("name,dimension,region,source\n" + "".join(
        f"{n},{d},,test\n" for d, names in rows.items() for n in names), "utf8")
    out = tmp_path / "m.skops"
    report = classifier.train(csv, out=out, annotated=None)
    assert report["n"] == 12 and report["classes"] == {"economy": 4, "environment": 4, "governance": 4}
    assert set(report["cv"]) >= {"model", "majority", "keywords", "folds", "calibration"}
    assert report["cv"]["majority"]["accuracy"] == pytest.approx(1 / 3, abs=0.1)
    assert out.exists() and out.with_suffix(".md").read_text("utf8").startswith("# program_dimension")
    (dim, _, probs), = classifier.predict(["Bank Sampah Sekolah"], model=classifier.load(out))
    assert dim == "environment" and set(probs) == set(rows)


def test_calibration_compares_confidence_with_accuracy():
    import numpy as np

    from pipeline.classifier import calibration

    classes = ["economy", "living"]
    sure_and_right = calibration(np.array([[1.0, 0.0], [0.0, 1.0]]), np.array(["economy", "living"]), classes)
    assert sure_and_right == {"ece": 0.0, "brier": 0.0, "mean_confidence": 1.0}
    # 0.9 confident, right half the time: off by 0.4
    half = calibration(np.array([[0.9, 0.1]] * 4), np.array(["economy", "living"] * 2), classes)
    assert half["ece"] == 0.4 and half["mean_confidence"] == 0.9


def test_region_names_are_not_features():
    from pipeline.classifier import without_regions

    assert without_regions("Sekolah Gratis Jembrana") == "Sekolah Gratis"
    assert without_regions("e-Musrenbangdes Lombok Timur") == "e-Musrenbangdes"
    assert without_regions("Mitra UMKM Naik Kelas") == "Mitra UMKM Naik Kelas"  # "Mitra" here is a word
    assert without_regions("Muba") == "Muba"  # nothing left: keep the name


def test_the_sentence_around_an_opaque_name_decides():
    model = classifier.load()
    name = "SIMPOR"
    (market, _, _), (clinic, _, _) = classifier.predict(
        [name, name],
        contexts=["Disperindag meluncurkan SIMPOR untuk memantau harga bahan pokok dan stok beras di pasar tradisional.",
                  "Dinas Kesehatan meluncurkan SIMPOR agar pasien puskesmas bisa mengambil nomor antrean dan jadwal dokter."],
        model=model)
    assert (market, clinic) == ("economy", "living")


def test_context_window_keeps_the_words_next_to_the_name():
    from pipeline.classifier import context_window

    sentence = ("Di bidang ekonomi ada Pasar Tani Online dan Lumbung Pangan, sementara Dinas Kesehatan "
                "menyiapkan Posyandu Digital untuk mencatat tumbuh kembang balita di seluruh desa setiap bulan, "
                "lalu Dinas Pariwisata menggelar Festival Danau.")
    window = context_window("Posyandu Digital", sentence)
    assert window.startswith("sementara Dinas Kesehatan menyiapkan Posyandu Digital untuk mencatat")
    assert "Pasar Tani" not in window and "Festival" not in window and window.endswith("setiap bulan, lalu Dinas")  # 12 words after
    assert context_window("Sapa Warga", sentence) == sentence  # not in the sentence: all of it
