"""Gettext PO files, read and written with the standard library only.

A PO file is the format translators' tools (Poedit, Weblate, Virtaal, a translation
service's own) open and save: entries of `msgctxt`, `msgid`, `msgid_plural` and
`msgstr` / `msgstr[N]`, with `#,` flags and `#.` / `#:` comments. `fuzzy` is gettext's
own flag for a translation that a person has not yet checked; OpenRAS uses it for a
draft that the council's translation service has not signed off. Reading never stops
at the first problem: every line it cannot read is reported with the file and line.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..scheme.errors import InputError, Problem


class CatalogueError(InputError):
    """A message catalogue (PO file) that cannot be used."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Entry:
    """One message and its translation: `strings` holds one text, or one for each
    plural form ("" where not yet translated)."""

    msgid: str
    context: str | None = None
    plural: str | None = None
    strings: tuple[str, ...] = ()
    flags: frozenset[str] = frozenset()
    notes: tuple[str, ...] = ()  # "#." comments: what the message is for
    places: tuple[str, ...] = ()  # "#:" comments: where the message is declared
    line: int = 0  # where the entry starts in the file it was read from

    @property
    def key(self) -> tuple[str | None, str]:
        return (self.context, self.msgid)

    @property
    def draft(self) -> bool:
        return "fuzzy" in self.flags

    @property
    def translated(self) -> bool:
        return bool(self.strings) and all(self.strings)


@dataclass(frozen=True, slots=True, kw_only=True)
class Catalogue:
    """A whole PO file: its header fields and its entries in order."""

    header: dict[str, str] = field(default_factory=dict)
    entries: tuple[Entry, ...] = ()

    def find(self, msgid: str, context: str | None = None) -> Entry | None:
        return next((e for e in self.entries if e.key == (context, msgid)), None)


def _unquote(text: str, line: int, problems: list[Problem]) -> str:
    if len(text) < 2 or not (text.startswith('"') and text.endswith('"')):
        problems.append(Problem(path=f"line {line}", message='expected a text in double quotes ("...")'))
        return ""
    body, out, i = text[1:-1], [], 0
    escapes = {"n": "\n", "t": "\t", '"': '"', "\\": "\\"}
    while i < len(body):
        char = body[i]
        if char == "\\" and i + 1 < len(body) and body[i + 1] in escapes:
            out.append(escapes[body[i + 1]])
            i += 2
            continue
        if char in '\\"':
            problems.append(Problem(path=f"line {line}", message=f"a {char} inside a text must be written \\{char}"))
        out.append(char)
        i += 1
    return "".join(out)


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t") + '"'


KEYWORDS = ("msgctxt", "msgid_plural", "msgid", "msgstr")


def read_po(text: str, source: str) -> Catalogue:
    """The catalogue in `text`; a CatalogueError listing every line it cannot read."""
    problems: list[Problem] = []
    entries: list[Entry] = []
    fields: dict[str, str] = {}
    flags: set[str] = set()
    notes: list[str] = []
    places: list[str] = []
    current: str | None = None  # the field continuation lines add to
    start = 0

    def finish() -> None:
        nonlocal fields, flags, notes, places, current
        if "msgid" in fields:
            counted = sorted(k for k in fields if k.startswith("msgstr["))
            strings = tuple(fields[f"msgstr[{i}]"] for i in range(len(counted)) if f"msgstr[{i}]" in fields)
            if "msgid_plural" in fields and len(strings) != len(counted):
                problems.append(
                    Problem(path=f"line {start}", message="plural forms must be numbered 0, 1, 2… in order")
                )
            if "msgid_plural" not in fields:
                strings = (fields.get("msgstr", ""),)
            entries.append(
                Entry(
                    msgid=fields["msgid"],
                    context=fields.get("msgctxt"),
                    plural=fields.get("msgid_plural"),
                    strings=strings,
                    flags=frozenset(flags),
                    notes=tuple(notes),
                    places=tuple(places),
                    line=start,
                )
            )
        elif fields:
            problems.append(Problem(path=f"line {start}", message="an entry needs a msgid"))
        fields, flags, notes, places, current = {}, set(), [], [], None

    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            finish()
            continue
        if line.startswith("#"):
            if any(name.startswith("msgstr") for name in fields):
                finish()
            if line.startswith("#,"):
                flags.update(flag.strip() for flag in line[2:].split(",") if flag.strip())
            elif line.startswith("#."):
                notes.append(line[2:].strip())
            elif line.startswith("#:"):
                places.extend(line[2:].split())
            continue
        if line.startswith('"'):
            if current is None:
                problems.append(Problem(path=f"line {number}", message="a text must follow msgid, msgstr or msgctxt"))
            else:
                fields[current] += _unquote(line, number, problems)
            continue
        keyword, _, rest = line.partition(" ")
        name = keyword if keyword in KEYWORDS else None
        if keyword.startswith("msgstr[") and keyword.endswith("]") and keyword[7:-1].isdigit():
            name = keyword
        if name is None:
            allowed = "msgctxt, msgid, msgid_plural, msgstr or msgstr[N]"
            problems.append(Problem(path=f"line {number}", message=f"unknown keyword {keyword!r}: expected {allowed}"))
            current = None
            continue
        if name in ("msgctxt", "msgid") and any(k.startswith("msgstr") for k in fields):
            finish()
        if not fields:
            start = number
        if name in fields:
            problems.append(Problem(path=f"line {number}", message=f"{name} given twice in one entry"))
        fields[name] = _unquote(rest.strip(), number, problems)
        current = name
    finish()

    header: dict[str, str] = {}
    body = []
    for entry in entries:
        if entry.msgid == "" and entry.context is None:
            for part in entry.strings[0].splitlines():
                name, _, value = part.partition(":")
                if name.strip():
                    header[name.strip()] = value.strip()
        else:
            body.append(entry)
    seen: set[tuple[str | None, str]] = set()
    for entry in body:
        if entry.key in seen:
            problems.append(Problem(path=f"line {entry.line}", message=f"the message {entry.msgid!r} is given twice"))
        seen.add(entry.key)
    if problems:
        raise CatalogueError(source, problems)
    return Catalogue(header=header, entries=tuple(body))


def write_po(catalogue: Catalogue) -> str:
    """The catalogue as PO text, entries in the order given."""
    lines = ['msgid ""', 'msgstr ""']
    lines += [_quote(f"{name}: {value}\n") for name, value in catalogue.header.items()]
    for entry in catalogue.entries:
        lines.append("")
        lines += [f"#. {note}" for note in entry.notes]
        if entry.places:
            lines.append("#: " + " ".join(entry.places))
        if entry.flags:
            lines.append("#, " + ", ".join(sorted(entry.flags)))
        if entry.context is not None:
            lines.append(f"msgctxt {_quote(entry.context)}")
        lines.append(f"msgid {_quote(entry.msgid)}")
        if entry.plural is not None:
            lines.append(f"msgid_plural {_quote(entry.plural)}")
            lines += [f"msgstr[{i}] {_quote(text)}" for i, text in enumerate(entry.strings)]
        else:
            lines.append(f"msgstr {_quote(entry.strings[0] if entry.strings else '')}")
    return "\n".join(lines) + "\n"
