import json

from typer.testing import CliRunner

from pipeline.cli import app

runner = CliRunner()

GOLD = {
    "id": "pali-bimtek", "source_url": None, "published": "2023-10-18", "title": None,
    "text": ("TALANG UBI – Pemkab PALI menggelar bimtek smart city di Kabupaten Penukal Abab Lematang Ilir, "
             "Rabu (18/10/2023). Fokus tahun ini adalah Smart Governance dan Smart Environment."),
    "gold": {"regions": ["Kabupaten Penukal Abab Lematang Ilir"], "officials": [],
             "dates": ["2023-10-18"], "dimensions": ["governance", "environment"], "programs": []},
}


def test_extract_writes_tables_and_prints_summary(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "a", "text": GOLD["text"]}) + "\n{bad json\n", encoding="utf8")
    result = runner.invoke(app, ["extract", str(src), "-o", str(tmp_path / "out"), "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert "2 articles: 1 ok, 1 with problems" in result.output
    assert (tmp_path / "out" / "regions.csv").read_text(encoding="utf8").count("Penukal Abab Lematang Ilir") >= 1


def test_extract_rejects_unknown_format(tmp_path):
    result = runner.invoke(app, ["extract", str(tmp_path), "--format", "xlsx"])
    assert result.exit_code != 0


def test_evaluate_prints_scores(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(GOLD) + "\n", encoding="utf8")
    result = runner.invoke(app, ["evaluate", str(gold), "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)[str(gold)]
    assert scores["regions"]["f1"] == 1.0
    assert scores["dimensions"]["tp"] == 2


def test_classify_prints_dimension_and_probabilities_as_json():
    result = runner.invoke(app, ["classify", "--json", "Bank Sampah Digital", "Mal Pelayanan Publik"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert [r["dimension"] for r in rows] == ["environment", "governance"]
    assert abs(sum(rows[0]["probabilities"].values()) - 1) < 1e-3


def test_classify_reads_the_sentence_given_with_context():
    sentence = "Dinas Pertanian meluncurkan Si Jempol agar petani bisa memesan pupuk bersubsidi dan menjual gabah."
    alone = json.loads(runner.invoke(app, ["classify", "--json", "Si Jempol"]).output)[0]
    result = runner.invoke(app, ["classify", "--json", "Si Jempol", "--context", sentence])
    assert result.exit_code == 0, result.output
    in_context = json.loads(result.output)[0]
    assert in_context["dimension"] == "economy"
    assert in_context["probabilities"]["economy"] > alone["probabilities"]["economy"]
