"""Optional: sentence boundaries from a stanza tokenizer model (``pip install kotacerdas[stanza]``).

The default pipeline splits sentences with rules (``language.py``). A stanza tokenizer — one you
train with ``kotacerdas train stanza-sentences`` on UD Indonesian, or your own — can replace it:
swap the ``sentences`` component in config.cfg for

    [components.sentences]
    factory = "kotacerdas_stanza_sentences"
    model_path = "models/stanza_id_tokenizer.pt"

Nothing is downloaded: the model is read from ``model_path`` (``download_method=None``). Stanza
keeps its own tokens; only its sentence boundaries are carried over, to the first spaCy token that
starts at or after each stanza sentence.
"""
from __future__ import annotations

import logging
import random
import tempfile
from pathlib import Path

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

UD_DEFAULT = Path("../shared/data/ud")
UD_HINT = ("{path} not found. Get UD_Indonesian-CSUI (train) and UD_Indonesian-GSD (dev) from "
           "https://universaldependencies.org into ../shared/data/ud/ (or pass --train / --dev).")


@Language.factory("kotacerdas_stanza_sentences", default_config={"model_path": ""})
def make_stanza_sentences(nlp: Language, name: str, model_path: str) -> "StanzaSentences":
    return StanzaSentences(model_path)


class StanzaSentences:
    def __init__(self, model_path: str | Path):
        try:
            import stanza
        except ImportError as exc:
            raise ImportError("the stanza sentence splitter needs the optional extra: "
                              "pip install 'kotacerdas[stanza]'") from exc
        path = Path(model_path)
        if not path.is_file():
            raise FileNotFoundError(f"stanza tokenizer model {path} not found; train one with "
                                    "`kotacerdas train stanza-sentences` or point model_path at yours")
        logging.getLogger("stanza").setLevel(logging.WARNING)
        # stanza insists on a resources.json even when nothing is downloaded: an empty one in a
        # private folder, with allow_unknown_language, makes it load exactly the model given.
        self._dir = tempfile.TemporaryDirectory(prefix="kotacerdas-stanza-")
        resources = Path(self._dir.name) / "resources.json"
        resources.write_text("{}")
        self.stanza = stanza.Pipeline(lang="id", processors="tokenize", tokenize_model_path=str(path),
                                      dir=self._dir.name, resources_filepath=str(resources),
                                      allow_unknown_language=True, download_method=None,
                                      use_gpu=False, logging_level="WARN")

    def __call__(self, doc: Doc) -> Doc:
        starts = numpy.full(len(doc), -1, dtype="int64")
        if len(doc):
            starts[0] = 1
            token_at = {tok.idx: tok.i for tok in doc}
            for sent in self.stanza(doc.text).sentences[1:]:
                begin = sent.tokens[0].start_char
                i = token_at.get(begin)
                if i is None:  # stanza cut inside a spaCy token: start at the next token
                    i = next((t.i for t in doc if t.idx >= begin), None)
                if i is not None:
                    starts[i] = 1
        doc.from_array([SENT_START], starts.reshape(-1, 1).astype("uint64"))
        return doc


# ---------------------------------------------------------------- training data and training
def read_conllu(path: Path) -> list[list[tuple[str, bool]]]:
    """Sentences as lists of (surface token, space after) from a CoNLL-U file (multi-word tokens
    are kept as their surface form)."""
    sents, cur, skip_to = [], [], 0
    for line in Path(path).read_text(encoding="utf8").splitlines():
        if not line.strip():
            if cur:
                sents.append(cur)
            cur, skip_to = [], 0
            continue
        if line.startswith("#"):
            continue
        cols = line.split("\t")
        if "." in cols[0]:
            continue  # empty nodes
        if "-" in cols[0]:
            a, b = cols[0].split("-")
            skip_to = int(b)
        elif int(cols[0]) <= skip_to:
            continue  # a word inside a multi-word token already written
        cur.append((cols[1], "SpaceAfter=No" not in cols[9]))
    if cur:
        sents.append(cur)
    return sents


def to_stanza_files(sents, txt: Path, labels: Path, per_paragraph: int = 6, seed: int = 13) -> None:
    """Stanza's training format: raw text and one label per character (1 token end, 2 sentence
    end), paragraphs separated by blank lines. Sentences are grouped into paragraphs so the model
    learns to split running text, not one sentence per line."""
    sents = list(sents)
    random.Random(seed).shuffle(sents)
    paras_txt, paras_lab = [], []
    for k in range(0, len(sents), per_paragraph):
        text, lab = [], []
        for sent in sents[k:k + per_paragraph]:
            for j, (tok, space) in enumerate(sent):
                last = j == len(sent) - 1
                text.append(tok)
                lab.append("0" * (len(tok) - 1) + ("2" if last else "1"))
                if space or last:
                    text.append(" ")
                    lab.append("0")
        paras_txt.append("".join(text).rstrip())
        paras_lab.append("".join(lab)[:len(paras_txt[-1])])
    txt.write_text("\n\n".join(paras_txt) + "\n", encoding="utf8")
    labels.write_text("\n\n".join(paras_lab) + "\n", encoding="utf8")


def train(train_conllu: Path, dev_conllu: Path, out: Path, steps: int = 3000, seed: int = 13,
          workdir: Path | None = None) -> Path:
    """Train a stanza tokenizer (tokens + sentences) and save it to ``out``."""
    from stanza.models import tokenizer as stanza_tokenizer

    for p in (train_conllu, dev_conllu):
        if not Path(p).exists():
            raise FileNotFoundError(UD_HINT.format(path=p))
    work = Path(workdir or tempfile.mkdtemp(prefix="kotacerdas-stanza-"))
    work.mkdir(parents=True, exist_ok=True)
    files = {}
    for split, conllu in (("train", train_conllu), ("dev", dev_conllu)):
        files[split] = (work / f"{split}.txt", work / f"{split}.labels")
        to_stanza_files(read_conllu(conllu), *files[split], seed=seed)
    out.parent.mkdir(parents=True, exist_ok=True)
    (work / "mwt.json").write_text("[]")  # Indonesian UD surface tokens are kept whole: no expansions
    stanza_tokenizer.main([
        "--mwt_json_file", str(work / "mwt.json"),
        "--txt_file", str(files["train"][0]), "--label_file", str(files["train"][1]),
        "--dev_txt_file", str(files["dev"][0]), "--dev_label_file", str(files["dev"][1]),
        "--lang", "id", "--shorthand", "id_kotacerdas", "--mode", "train", "--no_use_mwt",
        "--steps", str(steps), "--eval_steps", str(max(1, min(200, steps))), "--seed", str(seed),
        "--save_dir", str(out.parent), "--save_name", out.name, "--cpu",
    ])
    return out
