"""The ``kotacerdas`` command line: a thin layer over the Python API."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import typer

app = typer.Typer(help="Extract smart-city program facts from Indonesian news articles.",
                  no_args_is_help=True, add_completion=False)
train_app = typer.Typer(help="Train the project's models from the data it ships.", no_args_is_help=True)
app.add_typer(train_app, name="train")


@app.command()
def extract(
    source: Path = typer.Argument(..., help="A dump file (.jsonl/.csv/.parquet/.txt/.html, optionally .gz) or a folder of them."),
    out: Path = typer.Option(Path("out"), "-o", "--out", help="Output folder for the tables."),
    fmt: str = typer.Option("parquet", "--format", "-f", help="parquet | csv | jsonl | sqlite"),
    max_chars: int = typer.Option(500_000, help="Process at most this many characters of one article."),
    batch_size: int = typer.Option(32, help="Articles per spaCy batch."),
    workers: int = typer.Option(1, "--workers", "-w", help="Processes tagging batches in parallel (one per core)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No summary."),
    progress: bool = typer.Option(None, "--progress/--no-progress",
                                  help="Progress bar on stderr (default: when stderr is a terminal)."),
):
    """Run the pipeline over SOURCE and write the six tables to OUT.

    Example: kotacerdas extract corpus/sample -o out/ --format csv
    """
    from .emit import FORMATS, TableWriter
    from .extract import Stats, extract_rows
    from .ingest import read

    if fmt not in FORMATS:
        raise typer.BadParameter(f"choose one of {', '.join(FORMATS)}", param_hint="--format")
    if not source.exists():
        typer.echo(f"error: {source} does not exist", err=True)
        raise typer.Exit(2)
    stats = Stats()
    articles = read(source)
    if progress if progress is not None else sys.stderr.isatty():
        from tqdm import tqdm
        articles = tqdm(articles, unit=" articles", desc="extract", file=sys.stderr)
    with TableWriter(out, fmt) as writer:
        writer.write_all(extract_rows(articles, max_chars=max_chars, batch_size=batch_size,
                                      workers=workers, stats=stats))
    if not quiet:
        _summary(stats, writer.paths())


def _summary(stats, paths) -> None:
    typer.echo(f"{stats.articles} articles: {stats.ok} ok, {stats.problems} with problems "
               f"(see articles.status / articles.error)")
    for table, n in stats.rows.items():
        typer.echo(f"  {table:<11} {n:>6} rows")
    typer.echo(f"{stats.per_second:.1f} articles/s, {stats.chars / max(stats.seconds, 1e-9):,.0f} chars/s")
    typer.echo("wrote " + ", ".join(str(p) for p in paths))


@app.command()
def evaluate(
    gold: list[Path] = typer.Argument(..., help="Annotated articles (*.jsonl, see ../shared/eval/GOLD_FORMAT.md)."),
    errors: bool = typer.Option(False, "--errors", help="List misses and spurious extractions."),
    as_json: bool = typer.Option(False, "--json", help="Print the report as JSON."),
):
    """Precision, recall and F1 per table against annotated articles.

    Example: kotacerdas evaluate ../shared/eval/dev.jsonl corpus/annotated.jsonl --errors
    """
    from .evaluate import evaluate as run

    reports = {}
    for path in gold:
        if not path.exists():
            typer.echo(f"error: {path} does not exist", err=True)
            raise typer.Exit(2)
        reports[str(path)] = run(path)
    if as_json:
        typer.echo(json.dumps({p: r["scores"] for p, r in reports.items()}, indent=2))
        return
    for path, report in reports.items():
        s = report["scores"]
        typer.echo(f"{path} ({s['articles']} articles)")
        typer.echo(f"  {'table':<11} {'P':>6} {'R':>6} {'F1':>6}   tp  fp  fn")
        for table in ("regions", "officials", "dates", "dimensions", "programs"):
            t = s[table]
            typer.echo(f"  {table:<11} {t['precision']:>6.3f} {t['recall']:>6.3f} {t['f1']:>6.3f} "
                       f"{t['tp']:>4} {t['fp']:>3} {t['fn']:>3}")
        acc = s["program_dimension_accuracy"]
        typer.echo(f"  program dimension accuracy {acc['accuracy']:.3f} (n={acc['n']})")
        if errors:
            for table, errs in report["errors"].items():
                for e in errs:
                    typer.echo(f"    [{table}] " + " | ".join(str(x) for x in e))


@app.command()
def classify(
    names: list[str] = typer.Argument(..., help="Program names."),
    context: str = typer.Option(None, "--context", help="The sentence the names appear in, read as the pipeline does."),
    as_json: bool = typer.Option(False, "--json", help="Machine-readable output."),
):
    """Predict the smart-city dimension of program names.

    Example: kotacerdas classify "Bank Sampah Digital" "Mal Pelayanan Publik"
             kotacerdas classify SIMPOR --context "Disperindag meluncurkan SIMPOR untuk memantau harga bahan pokok."
    """
    from .classifier import load, predict
    from .nlp import MODELS

    model = load(MODELS / "program_dimension.skops")
    results = predict(names, contexts=[context] * len(names) if context else None, model=model)
    if as_json:
        typer.echo(json.dumps([{"name": n, "dimension": d, "confidence": round(c, 4),
                                "probabilities": {k: round(v, 4) for k, v in p.items()}}
                               for n, (d, c, p) in zip(names, results)], ensure_ascii=False, indent=2))
        return
    for n, (d, c, p) in zip(names, results):
        others = ", ".join(f"{k} {v:.2f}" for k, v in sorted(p.items(), key=lambda kv: -kv[1]))
        typer.echo(f"{n}: {d} ({c:.2f})  [{others}]")


@app.command()
def serve(
    tables: Path = typer.Argument(Path("out"), help="An extract output folder (any format) or a .sqlite file."),
    host: str = typer.Option("127.0.0.1", help="Interface to listen on."),
    port: int = typer.Option(8001, help="Port."),
    metadata: bool = typer.Option(False, "--metadata", help="Print the Datasette metadata (JSON) and exit."),
):
    """Browse and query the tables in a web UI (Datasette), every table and column described.

    Example: kotacerdas extract corpus/sample -o out/ && kotacerdas serve out/
    """
    from . import web

    if metadata:
        typer.echo(json.dumps(web.metadata(), ensure_ascii=False, indent=2))
        return
    try:
        raise typer.Exit(web.serve(tables, host=host, port=port))
    except (RuntimeError, FileNotFoundError) as err:
        typer.echo(f"error: {err}", err=True)
        raise typer.Exit(2) from None


@train_app.command("classifier")
def train_classifier(
    data: Path = typer.Option(Path("corpus/programs.csv"), help="Labelled program names (name,dimension,...)."),
    contexts: Path = typer.Option(Path("corpus/program_contexts.csv"),
                                  help="A sentence per name (name,context); a missing file trains on names alone."),
    out: Path = typer.Option(None, help="Model file (default models/program_dimension.skops)."),
):
    """Train the program -> dimension classifier and print cross-validated scores.

    Example: kotacerdas train classifier
    """
    from .classifier import train
    from .nlp import MODELS

    if not data.exists():
        typer.echo(f"error: {data} not found (run from the repository root)", err=True)
        raise typer.Exit(2)
    report = train(data, out or MODELS / "program_dimension.skops", contexts_path=contexts)
    typer.echo(json.dumps(report, indent=2, ensure_ascii=False))


@train_app.command("ner")
def train_ner(
    data: Path = typer.Option(Path("../shared/data/ner/idner-news-2k"), help="Folder with train.txt, dev.txt, test.txt."),
    out: Path = typer.Option(None, help="Model folder (default models/ner)."),
    epochs: int = typer.Option(25, help="Training epochs; the best one on dev is kept."),
    seed: int = typer.Option(13, help="Random seed."),
    extra: Path = typer.Option(Path("corpus/annotated.jsonl"), help="Annotated articles whose officials add PER examples ('' for none)."),
):
    """Train the PER/ORG/LOC NER model and print dev/test precision, recall, F1.

    Example: kotacerdas train ner --data ../shared/data/ner/idner-news-2k
    """
    from .ner import train
    from .nlp import MODELS

    try:
        report = train(data, out or MODELS / "ner", epochs=epochs, seed=seed, log=typer.echo,
                       extra=extra if extra and str(extra) not in ("", ".") and extra.exists() else None)
    except FileNotFoundError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2)
    typer.echo(json.dumps(report, indent=2))


@train_app.command("stanza-sentences")
def train_stanza_sentences(
    train: Path = typer.Option(Path("../shared/data/ud/id_csui-ud-train.conllu"), help="UD CoNLL-U training file."),
    dev: Path = typer.Option(Path("../shared/data/ud/id_gsd-ud-dev.conllu"), help="UD CoNLL-U dev file (early stopping)."),
    out: Path = typer.Option(Path("models/stanza_id_tokenizer.pt"), help="Model file."),
    steps: int = typer.Option(3000, help="Training steps."),
):
    """Train a stanza tokenizer / sentence splitter (needs: pip install 'kotacerdas[stanza]').

    Example: kotacerdas train stanza-sentences --steps 3000
    """
    try:
        from .stanza_sentences import train as run
        run(train, dev, out, steps=steps)
    except (FileNotFoundError, ImportError) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2)
    typer.echo(f"wrote {out}; compare it with the rules: python bench/sentences_ud.py --stanza {out}")


def main() -> None:  # console-script entry point
    try:
        app()
    except BrokenPipeError:
        sys.exit(0)
