"""Moving the core's messages to and from translators: `ras strings export`, `import`
and `status`.

Export writes one language's PO file: every message the core declares (found by
importing each of its modules), in the order they are declared, with the current
translation and flags where there is one, and a note for the translator. Import reads
a translated PO file, checks it against the messages (each one known, the same
{placeholders} as the English, as many plural forms as the language has, the
language's own plural rule) and, only when nothing is wrong, writes it as the
package's catalogue. Every problem is reported at once, with the file and line.
Status counts what is signed off, what is a draft and what is not translated.

The same functions serve every set of messages with its own catalogues (a `Domain`):
the core's (`CORE`, the default, inside the package) and the site's templates and
scripts (`site/site_strings.py`, for `build.py strings`), so a translator's file is
checked the same way whichever it is.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from ..files import write_text
from ..scheme.errors import Problem
from . import LANGUAGES, Message, check_language, fields, packaged, plural_rule, registered
from .po import Catalogue, CatalogueError, Entry, read_po, write_po

# Modules that run a program when imported, rather than declaring anything.
_NOT_IMPORTED = {"ras_core.__main__"}


def every_message() -> list[Message]:
    """Every message the core declares: module by module in the package's own order
    (never the order something happened to import them), each in the order of its lines."""
    import ras_core

    order = {"ras_core.i18n": 0}  # declared by the package itself, on import
    for module in pkgutil.walk_packages(ras_core.__path__, "ras_core."):
        if module.name not in _NOT_IMPORTED:
            importlib.import_module(module.name)
            order.setdefault(module.name, len(order))

    def place(made: Message) -> tuple[int, int]:
        module, _, line = made.place.rpartition(":")
        return (order.get(module, len(order)), int(line) if line.isdigit() else 0)

    return sorted(registered(), key=place)


def catalogue_path(lang: str) -> Path:
    """The package's own catalogue file for `lang` (in a source checkout, the one in git)."""
    return Path(__file__).parent / "locale" / f"{check_language(lang)}.po"


@dataclass(frozen=True, slots=True, kw_only=True)
class Domain:
    """A set of messages with a catalogue for each language: where they come from, where
    each catalogue is, and any check of a translation beyond its placeholders (a text
    with HTML must keep the English's tags): a problem's words, or None."""

    messages: Callable[[], list[Message]]
    catalogue: Callable[[str], Catalogue]
    path: Callable[[str], Path]
    also_check: Callable[[Message, str], str | None] | None = None


CORE = Domain(messages=every_message, catalogue=packaged, path=catalogue_path)


def _header(lang: str, existing: Catalogue) -> dict[str, str]:
    return {
        "Project-Id-Version": "OpenRAS",
        "Language": lang,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": existing.header["Plural-Forms"],
    }


def export(lang: str, domain: Domain = CORE) -> str:
    """`lang`'s PO file with every message, translated or not."""
    existing = domain.catalogue(check_language(lang))
    count, _ = plural_rule(existing.header)
    entries = []
    for made in domain.messages():
        found = existing.find(made.msgid, made.context)
        empty = ("",) * (count if made.plural is not None else 1)
        entries.append(
            Entry(
                msgid=made.msgid,
                context=made.context,
                plural=made.plural,
                strings=found.strings if found else empty,
                flags=found.flags if found else frozenset(),
                notes=(made.note,) if made.note else (),
                places=(made.place,),
            )
        )
    return write_po(Catalogue(header=_header(lang, existing), entries=tuple(entries)))


def check(text: str, source: str, lang: str, domain: Domain = CORE, *, unused_ok: bool = False) -> Catalogue:
    """The translated catalogue in `text`, checked; a CatalogueError with every problem.
    With `unused_ok`, an entry for a message no longer used is left out, not refused
    (the build reads a catalogue a translator may not have exported again)."""
    check_language(lang)
    catalogue = read_po(text, source)
    problems: list[Problem] = []
    expected = domain.catalogue(lang).header["Plural-Forms"]
    if catalogue.header.get("Plural-Forms", "").replace(" ", "") != expected.replace(" ", ""):
        problems.append(
            Problem(path="header", message=f"Plural-Forms must be the rule for {LANGUAGES[lang]}: {expected}")
        )
    if catalogue.header.get("Language", lang) != lang:
        problems.append(Problem(path="header", message=f"Language is {catalogue.header['Language']!r}, not {lang!r}"))
    count, _ = plural_rule(domain.catalogue(lang).header)
    known = {made.key: made for made in domain.messages()}
    for entry in catalogue.entries:
        where = f"line {entry.line}"
        made = known.get(entry.key)
        if made is None and unused_ok:
            continue
        if made is None:
            problems.append(
                Problem(
                    path=where,
                    message=f"{entry.msgid!r} is not a message OpenRAS uses (it may have changed): "
                    "export the file again and copy the translation across",
                )
            )
            continue
        if (made.plural is None) != (entry.plural is None):
            kind = "has plural forms" if made.plural is not None else "has no plural forms"
            problems.append(Problem(path=where, message=f"{entry.msgid!r} {kind} in OpenRAS"))
            continue
        if made.plural is not None and len(entry.strings) != count:
            problems.append(
                Problem(
                    path=where,
                    message=f"{entry.msgid!r} needs {count} plural forms in {LANGUAGES[lang]} "
                    f"(msgstr[0] to msgstr[{count - 1}]); it has {len(entry.strings)}",
                )
            )
        wanted = fields(made.msgid) | fields(made.plural or "")
        for text_ in entry.strings:
            try:
                used_fields = fields(text_)
            except ValueError:
                problems.append(
                    Problem(
                        path=where,
                        message=f"the translation of {entry.msgid!r} has a brace on its own: a placeholder is "
                        "written {name}, and a brace as text {{ or }}",
                    )
                )
                break
            if text_ and used_fields != wanted:
                names = ", ".join(_shown(field) for field in sorted(wanted)) or "none"
                used = ", ".join(_shown(field) for field in sorted(used_fields)) or "none"
                problems.append(
                    Problem(
                        path=where,
                        message=f"the translation of {entry.msgid!r} must use the same placeholders "
                        f"as the English ({names}); it uses {used}",
                    )
                )
                break
        if domain.also_check is not None:
            for text_ in entry.strings:
                problem = domain.also_check(made, text_) if text_ else None
                if problem is not None:
                    problems.append(Problem(path=where, message=problem))
                    break
    if problems:
        raise CatalogueError(source, problems)
    return catalogue


def import_po(text: str, source: str, lang: str, into: Path, domain: Domain = CORE) -> Catalogue:
    """Check `text` and write it to `into`, in the order of the messages; the entries a
    translator left out keep what the package's own catalogue has."""
    translated = check(text, source, lang, domain)
    existing = domain.catalogue(lang)
    merged = []
    for made in domain.messages():
        entry = translated.find(made.msgid, made.context) or existing.find(made.msgid, made.context)
        if entry is not None:
            merged.append(replace(entry, notes=(made.note,) if made.note else (), places=(), line=0))
    catalogue = Catalogue(header=_header(lang, existing), entries=tuple(merged))
    write_text(into, write_po(catalogue))
    return catalogue


def _shown(field: tuple[str, str, str]) -> str:
    name, spec, conversion = field
    return "{" + name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "") + "}"


def status(lang: str, catalogue: Catalogue | None = None, domain: Domain = CORE) -> str:
    """One line: how many messages `lang` has signed off, as drafts, and not at all."""
    catalogue = catalogue or domain.catalogue(check_language(lang))
    signed = drafts = missing = 0
    for made in domain.messages():
        entry = catalogue.find(made.msgid, made.context)
        if entry is None or not entry.translated:
            missing += 1
        elif entry.draft:
            drafts += 1
        else:
            signed += 1
    total = signed + drafts + missing
    return (
        f"{LANGUAGES[lang]} ({lang}): {total} messages: {signed} signed off, "
        f"{drafts} drafts not yet signed off, {missing} not translated"
    )
