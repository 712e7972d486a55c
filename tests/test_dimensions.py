import pytest


def dims(tag, text):
    doc = tag(text)  # keep the Doc alive: span groups die with it
    return [(s.text, s._.dimensions["dimension"]) for s in doc.spans["dimensions"]]


@pytest.mark.parametrize("variant, dimension", [
    ("Smart Governance", "governance"), ("Smart Government", "governance"),
    ("smart e-Government", "governance"), ("Smart Branding", "branding"),
    ("Smart Economy", "economy"), ("Smart Ekonomi", "economy"), ("SMART LIVING", "living"),
    ("Smart Society", "society"), ("Smart People", "society"),
    ("Smart Environment", "environment"), ("Smart Environtment", "environment"),
    ("Smart Enviroment", "environment"), ("smart goverment", "governance"),
    ("tata kelola pemerintahan yang cerdas", "governance"), ("lingkungan cerdas", "environment"),
    ("ekonomi cerdas", "economy"), ("Smart Mobility", "other"),
])
def test_variant(tag, variant, dimension):
    found = dims(tag, f"Pemkab Muba menyiapkan program unggulan untuk dimensi {variant} tahun ini.")
    assert found == [(variant, dimension)]


def test_list_of_six_dimensions(tag):
    text = ("Masterplan disusun mengikuti enam dimensi, yakni smart governance, smart branding, "
            "smart economy, smart living, smart society dan smart environment.")
    assert [d for _, d in dims(tag, text)] == ["governance", "branding", "economy", "living", "society", "environment"]


@pytest.mark.parametrize("text", [
    "Kota Depok terus mengembangkan smart city dan smart card untuk warga.",
    "Warga diajak menjaga lingkungan agar tetap bersih.",
])
def test_not_a_dimension(tag, text):
    assert dims(tag, text) == []
