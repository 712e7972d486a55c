"""The model card of the program classifier (models/program_dimension.md), written by ``classifier.train``."""
from __future__ import annotations

from .tables import DIMENSIONS


def model_card(report: dict) -> str:
    cv, written = report["cv"], report.get("cv_written_lexicon")
    rows = [f"| {name} | {cv[key]['accuracy']:.3f} | {cv[key]['macro_f1']:.3f} |" for name, key in
            (("model", "model"), ("keywords (rule baseline)", "keywords"), ("majority class", "majority"))]
    if written:
        rows.insert(1, f"| model, written lexicon only | {written['model']['accuracy']:.3f} | "
                       f"{written['model']['macro_f1']:.3f} |")
    classes = ", ".join(f"{k} {v}" for k, v in report["classes"].items())
    folds = (f"{cv['folds']}-fold cross-validation on the fixed folds of the `fold` column" if cv.get("fixed_folds")
             else f"stratified {cv['folds']}-fold cross-validation")
    table = "\n".join(rows)
    window = report["context_window"]
    folds = folds + " (each name alone)"
    return f"""# program_dimension.skops — program name → smart-city dimension

Classifies a program / innovation / app name into one of the six dimensions
({", ".join(DIMENSIONS)}). Used by the programs tagger (`pipeline/programs.py`) when the
article itself does not state the dimension; its probability becomes `dimension_confidence`.

- **Model**: region names removed and lexicon tags added (`model_text`; lexicon in
  `pipeline/lexicon.py`), then TF-IDF char_wb 2–5-grams + word 1–2-grams → LogisticRegression
  (C=30, class-balanced), see `pipeline/classifier.py::build_model`. Saved with skops; loaded only
  with an explicit list of trusted types (`classifier.TRUSTED_TYPES`), never pickle.
- **Context**: trained on each name alone and on each name in a window of its sentence
  ({window["words_before"]} words before, {window["words_after"]} after). For a program found in an article,
  the probability is the mean of the two readings (weight {window["weight"]} for the name in context); `kotacerdas classify`
  without `--context` reads the name alone.
- **Lexicon**: `pipeline/data/dimension_lexicon.csv` was written from domain knowledge without seeing
  any training name. `pipeline/data/dimension_lexicon_learned.csv` was written by one annotator per
  fold, each reading only the other folds' names, so each test fold is scored with terms written
  without seeing it. This model uses all the terms.
- **Data**: {report["n"]} distinct program names ({classes}) from {", ".join(report["sources"])};
  sentences from {report.get("contexts", "none")}.
  The evaluation set `../shared/eval/dev.jsonl` is not used for training.
- **Reproduce**: `kotacerdas train classifier` (= `pipeline.classifier.train()`), trained {report["date"]}.
- **Size**: {report["size_bytes"] / 1e6:.2f} MB.

## {folds[0].upper() + folds[1:]}

| predictor | accuracy | macro-F1 |
|---|---|---|
{table}

{_context_section(cv)}
Calibration of the out-of-fold probabilities of bare names: mean top probability
{cv["calibration"]["mean_confidence"]:.3f} against accuracy {cv["model"]["accuracy"]:.3f}, expected calibration error
{cv["calibration"]["ece"]:.3f} (10 bins), multi-class Brier score {cv["calibration"]["brier"]:.3f}. A
`dimension_confidence` of 0.8 is therefore right roughly 80 % of the time, give or take the calibration
error. C=30 balances the two readings: with C=10 bare names are calibrated better (ECE 0.048) but
names in context are underconfident (0.109). A sigmoid `CalibratedClassifierCV` on top made the
earlier name-only model worse (ECE 0.126 against 0.020).

`keywords` is the rule baseline on the same lexicon as the model in each fold (the most frequent dimension
among the name's lexicon terms, else the training folds' majority class); `majority` always predicts the
most frequent class.

## Limits
Coined acronyms with no descriptive words and no telling sentence ("SODAMOLEK") are guesses. The
training sentences were written for the project (`corpus/program_contexts.csv`); real news sentences
are noisier, and a sentence listing several programs mixes their words. The label
of a program follows the article that listed it, and regions file the same kind of program under
different dimensions (a city park is branding in one masterplan, living or environment in another).
"""


def _context_section(cv: dict) -> str:
    ctx = cv.get("with_context")
    if not ctx:
        return ""
    rows = "\n".join(f"| {name} | {ctx[key]['accuracy']:.3f} | {ctx[key]['macro_f1']:.3f} |" for name, key in (
        ("model, name and sentence", "model"), ("model, name alone", "model_name_alone"),
        ("keywords (rule baseline), name and sentence", "keywords"), ("majority class", "majority")))
    cal = ctx["calibration"]
    return f"""The same folds for the {ctx["n"]} names that have a sentence in `corpus/program_contexts.csv`,
each read with its sentence, as the pipeline reads a program found in an article:

| predictor | accuracy | macro-F1 |
|---|---|---|
{rows}

Calibration with sentences (the pipeline's case): mean top probability {cal["mean_confidence"]:.3f}, expected calibration
error {cal["ece"]:.3f}, Brier score {cal["brier"]:.3f}.
"""
