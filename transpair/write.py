"""Write output files safely: through a temporary file and a rename, never over one of the inputs."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path

from .errors import InputError


def same_file(a: Path, b: Path) -> bool:
    """Whether two paths name one file (existing or not), so an output never overwrites an input."""
    if a.exists() and b.exists():
        return os.path.samefile(a, b)
    return a.resolve() == b.resolve()


def refuse_overwriting(outputs: Iterable[Path | None], inputs: Iterable[str | Path]) -> None:
    """InputError when an output names one of the inputs or another output: nobody's file is replaced by
    surprise."""
    seen: list[Path] = [Path(p) for p in inputs]
    for out in (Path(o) for o in outputs if o is not None):
        clash = next((p for p in seen if same_file(out, p)), None)
        if clash is not None:
            raise InputError(
                f"{out}: would overwrite {clash}, which this command reads or writes; choose another path"
            )
        seen.append(out)


def _file_mode(path: Path) -> int:
    """The mode a written file should get: the old file's, else the default for new files (0666 less
    umask)."""
    if path.exists():
        return path.stat().st_mode & 0o7777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def write_text(path: str | Path, text: str, backup: bool = False) -> Path:
    """Write a file through a temporary file in the same folder and a rename; keep NAME.bak if asked."""
    p = Path(path)
    folder = p.parent if str(p.parent) else Path(".")
    if not folder.is_dir():
        raise InputError(f"{p}: cannot write, folder {folder} does not exist")
    if p.is_dir():
        raise InputError(f"{p}: is a directory, not a file")
    tmp = None
    try:
        with tempfile.NamedTemporaryFile(
            "w", encoding="utf-8", newline="", dir=folder, prefix=f".{p.name}.", suffix=".tmp", delete=False
        ) as handle:
            tmp = handle.name
            handle.write(text)
        os.chmod(tmp, _file_mode(p))
        if backup and p.exists():
            shutil.copy2(p, p.with_name(p.name + ".bak"))
        os.replace(tmp, p)
    except OSError as exc:
        if tmp and os.path.exists(tmp):
            os.unlink(tmp)
        raise InputError(f"{p}: cannot write ({exc.strerror or exc})") from None
    return p


def write_json(path: str | Path, data: object) -> Path:
    """Write data as indented UTF-8 JSON (Hangul as is), atomically."""
    return write_text(path, json.dumps(data, ensure_ascii=False, indent=1) + "\n")
