"""`ras strings`: the translators' command (export, import, status), for `ras_core.cli`;
the site's own strings have the same actions (site/site_strings.py), through `add_actions`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..files import read_text, write_text
from . import LANGUAGES, strings


def cmd_strings(args: argparse.Namespace) -> int:
    domain: strings.Domain = args.domain
    if args.action == "export":
        text = strings.export(args.catalogue, domain)
        if args.out:
            write_text(Path(args.out), text)
            print(f"{args.out}: {len(domain.messages())} messages")
        else:
            sys.stdout.write(text)
        return 0
    if args.action == "import":
        into = Path(args.into) if args.into else domain.path(args.catalogue)
        catalogue = strings.import_po(read_text(args.file), args.file, args.catalogue, into, domain)
        print(f"{into}: written from {args.file}")
        print(strings.status(args.catalogue, catalogue, domain))
        return 0
    print(strings.status(args.catalogue, domain=domain))
    return 0


def add_strings_command(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `ras strings` to the `ras` command's commands."""
    p = sub.add_parser(
        "strings",
        help="move the messages the core writes to and from translators' PO files",
        description="The sentences the core writes are messages in English with a translation in each language's "
        "catalogue (gettext PO files inside the package): a result, its working, what a person might pay, a costed "
        "plan, the published method, the calibration report, and every problem found in a file (ras validate "
        "--lang cy says a scheme's in Welsh). 'export' writes one "
        "language's PO file for a translator's tools; 'import' checks a translated file (every message known, "
        "the same {placeholders} as the English, the language's plural forms) and only then writes it as the "
        "package's catalogue; 'status' counts what is signed off, what is a draft (PO's fuzzy flag) and what is "
        "not translated. Languages: "
        + ", ".join(f"{code} ({name})" for code, name in LANGUAGES.items() if code != "en")
        + ".",
    )
    add_actions(p, strings.CORE, "the package's own")


def add_actions(p: argparse.ArgumentParser, domain: strings.Domain, own: str) -> None:
    """export, import and status, for the messages of `domain` (`own`: where its
    catalogues are, for --into's help)."""
    p.set_defaults(run=cmd_strings, domain=domain)
    actions = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    languages = [code for code in LANGUAGES if code != "en"]
    e = actions.add_parser("export", help="write a language's PO file", description="Write a language's PO file.")
    e.add_argument("catalogue", metavar="lang", choices=languages, help="the language")
    e.add_argument("--out", metavar="FILE.po", help="the file to write (default: print it)")
    i = actions.add_parser(
        "import",
        help="check a translated PO file and write it as the catalogue",
        description="Check a translated PO file and, when nothing is wrong, write it as the language's catalogue. "
        "A translation signed off has no fuzzy flag; a draft keeps it.",
    )
    i.add_argument("file", metavar="FILE.po")
    i.add_argument("--lang", dest="catalogue", required=True, choices=languages, help="the file's language")
    i.add_argument("--into", metavar="FILE.po", help=f"the catalogue to write (default: {own})")
    st = actions.add_parser("status", help="count signed-off, draft and missing translations")
    st.add_argument("catalogue", metavar="lang", choices=languages, help="the language")
