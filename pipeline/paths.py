"""Where the trained models are: ``models/`` in a checkout (editable install), ``pipeline/models`` in an
installed wheel (pyproject.toml maps the one onto the other)."""
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
_PACKAGED = Path(__file__).resolve().parent / "models"
MODELS = _PACKAGED if _PACKAGED.is_dir() else REPO / "models"
