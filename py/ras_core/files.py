"""Reading and writing the files the `ras` command is given, with plain problems.

Every file is read the same way the browser reads an upload: as UTF-8, with a
leading byte-order mark (which Windows editors add) dropped, so a file the site
accepts is never refused by the command. A file that cannot be read or written
(missing, a folder, no permission) becomes an `InputError` naming it, never a
traceback.
"""

from __future__ import annotations

from pathlib import Path

from .i18n import message
from .scheme.errors import InputError, Problem

BOM = "\ufeff"

# What went wrong with a file, said in the language of the command (`ras_core.i18n`).
_P = "problem"
_NOT_FOUND = message("file not found", context=_P)
_DOING = {
    "read": (
        message("cannot be read: it is a folder, not a file", context=_P),
        message("cannot be read: part of the path is a file, not a folder", context=_P),
        message("cannot be read: permission denied", context=_P),
        message("cannot be read ({why})", context=_P, note="{why} is the system's own words, in English."),
    ),
    "written": (
        message("cannot be written: it is a folder, not a file", context=_P),
        message("cannot be written: part of the path is a file, not a folder", context=_P),
        message("cannot be written: permission denied", context=_P),
        message("cannot be written ({why})", context=_P, note="{why} is the system's own words, in English."),
    ),
}
_NOT_UTF8 = message("is not UTF-8 text; save it as UTF-8", context=_P)


def _problem(path: Path, error: OSError, doing: str, kind: type[InputError]) -> InputError:
    folder, part, denied, other = _DOING[doing]
    if isinstance(error, FileNotFoundError):
        said = _NOT_FOUND.later()
    elif isinstance(error, IsADirectoryError):
        said = folder.later()
    elif isinstance(error, NotADirectoryError | FileExistsError):
        said = part.later()
    elif isinstance(error, PermissionError):
        said = denied.later()
    else:
        said = other.later(why=(error.strerror or "the system refused").lower())
    return kind(str(path), [Problem(path="", message=said)])


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
        raise kind(str(path), [Problem(path="", message=_NOT_UTF8.later())]) from None


def write_text(path: Path, text: str) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    except OSError as error:
        raise _problem(path, error, "written", InputError) from None
