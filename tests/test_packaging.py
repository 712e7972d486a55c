"""A non-editable install carries the trained models: the wheel holds models/ as pipeline/models."""
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


def test_wheel_contains_the_models_the_pipeline_loads(tmp_path):
    # built without isolation, so nothing is downloaded: needs the venv's setuptools (make installs >= 77)
    setuptools = pytest.importorskip("setuptools")
    if int(setuptools.__version__.split(".")[0]) < 77:
        pytest.skip(f"setuptools {setuptools.__version__} < 77 cannot build this pyproject; run `make test`")
    subprocess.run([sys.executable, "-m", "pip", "wheel", str(REPO), "--no-deps", "--no-build-isolation",
                    "-q", "-w", str(tmp_path)], check=True, capture_output=True)
    wheel, = tmp_path.glob("kotacerdas-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert {"pipeline/models/program_dimension.skops", "pipeline/config.cfg",
            "pipeline/data/dimension_lexicon_learned.csv", "pipeline/models/ner/meta.json"} <= names


def test_a_checkout_reads_models_from_the_repository():
    from pipeline.paths import MODELS

    assert MODELS == REPO / "models" and (MODELS / "program_dimension.skops").is_file()
