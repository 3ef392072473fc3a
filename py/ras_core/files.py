"""Reading and writing the files the `ras` command is given, with plain problems.

Every file is read the same way the browser reads an upload: as UTF-8, with a
leading byte-order mark (which Windows editors add) dropped, so a file the site
accepts is never refused by the command. A file that cannot be read or written
(missing, a folder, no permission) becomes an `InputError` naming it, never a
traceback.
"""

from __future__ import annotations

from pathlib import Path

from .scheme.errors import InputError, Problem

BOM = "\ufeff"


def _problem(path: Path, error: OSError, doing: str, kind: type[InputError]) -> InputError:
    if isinstance(error, FileNotFoundError):
        message = "file not found"
    elif isinstance(error, IsADirectoryError):
        message = f"cannot be {doing}: it is a folder, not a file"
    elif isinstance(error, NotADirectoryError | FileExistsError):
        message = f"cannot be {doing}: part of the path is a file, not a folder"
    elif isinstance(error, PermissionError):
        message = f"cannot be {doing}: permission denied"
    else:
        message = f"cannot be {doing} ({(error.strerror or 'the system refused').lower()})"
    return kind(str(path), [Problem(path="", message=message)])


def read_bytes(path: str | Path, kind: type[InputError] = InputError) -> bytes:
    path = Path(path)
    try:
        return path.read_bytes()
    except OSError as error:
        raise _problem(path, error, "read", kind) from None


def read_text(path: str | Path, kind: type[InputError] = InputError) -> str:
    """A UTF-8 text file's text, without a leading byte-order mark."""
    data = read_bytes(path, kind)
    try:
        return data.decode("utf-8").removeprefix(BOM)
    except UnicodeDecodeError:
        raise kind(str(path), [Problem(path="", message="is not UTF-8 text; save it as UTF-8")]) from None


def write_text(path: Path, text: str) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    except OSError as error:
        raise _problem(path, error, "written", InputError) from None
