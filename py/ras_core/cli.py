"""The `ras` command: validate a scheme, print it as JSON, estimate, explain the method,
calibrate a rate from local cases, compare two versions of a scheme, and move the
core's messages to and from translators' PO files.

Errors in input files are printed as a list (file, dotted path, what is allowed;
the first 20, then how many more) on stderr with exit status 1. Anything unexpected
is one plain line on stderr with exit status 2: never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from . import __version__
from .estimate.figures import estimate
from .estimate.words import as_text, lines, unspoken
from .explain import explain
from .files import read_bytes, read_text, write_text
from .i18n import LANGUAGES, SOURCE
from .i18n.command import add_strings_command
from .scheme.answers import answers_from_json
from .scheme.errors import InputError, Problem, SchemeError
from .scheme.load import load_scheme
from .scheme.model import Scheme
from .scheme.said import report, validated
from .scheme.warn import scheme_warnings
from .serialize import estimate_to_dict, scheme_to_dict


def _scheme(path: str) -> Scheme:
    return load_scheme(path)


def cmd_validate(args: argparse.Namespace) -> int:
    scheme = _scheme(args.scheme)
    print("\n".join(validated(args.scheme, scheme, scheme_warnings(scheme), args.lang)))
    return 0


def cmd_scheme(args: argparse.Namespace) -> int:
    scheme = _scheme(args.scheme)
    if args.json:
        print(json.dumps(scheme_to_dict(scheme), indent=2, ensure_ascii=False))
    else:
        print(f"{scheme.title} ({scheme.id}), version {scheme.version}")
        for domain in scheme.domains:
            print(f"- {domain.title}: {len(domain.questions)} questions")
    return 0


def cmd_estimate(args: argparse.Namespace) -> int:
    scheme = _scheme(args.scheme)
    refused = None if args.json else unspoken(scheme, args.lang)
    if refused is not None:
        raise SchemeError(args.scheme, [Problem(path="scheme.languages", message=refused, names_its_place=True)])
    answers = answers_from_json(read_text(args.answers), scheme, source=args.answers, lang=args.lang)
    result = estimate(scheme, answers)
    if args.json:
        print(json.dumps(estimate_to_dict(result), indent=2, ensure_ascii=False))
    else:
        print(as_text(lines(result, args.lang), args.lang))
    return 0


def cmd_plan(args: argparse.Namespace) -> int:
    from .plan.output import run_plan  # loaded only when a plan is costed

    print(run_plan(args.plan, args.employment, args.costs, args.json, lang=args.lang))
    return 0


def cmd_calibrate(args: argparse.Namespace) -> int:
    # Loaded only when a council calibrates: estimating never needs the statistics.
    from .council.cases import CasesError
    from .council.options import read_options
    from .council.recalibrate import calibration_lines, recalibrate
    from .council.report import report_html
    from .serialize import calibration_to_dict

    def refused(source: str, error: CasesError) -> InputError:
        return InputError(source, [Problem(path="", message=p) for p in error.say(args.lang)])

    scheme = _scheme(args.scheme)
    typed = {
        "target_total": args.target_total,
        "contingency_percent": args.contingency,
        "fairness_threshold": args.fairness_threshold,
        "min_group_size": args.min_group_size,
        "new_version": args.new_version,
    }
    try:
        options = read_options(typed, OPTION_NAMES)
    except CasesError as error:
        raise refused("ras calibrate", error) from None
    data = read_bytes(args.cases)
    try:
        done = recalibrate(scheme, read_text(args.scheme, SchemeError), data, options)
    except CasesError as error:
        raise refused(args.cases, error) from None
    result, version = done.calibration, done.version
    out = Path(args.out)
    write_text(out / "report.html", report_html(result, new_version=version, lang=args.lang))
    if done.scheme_toml is not None:
        write_text(out / "scheme.toml", done.scheme_toml)
    facts = calibration_to_dict(result) | {"new_version": version, "out": str(out)}
    if args.json:
        print(json.dumps(facts, indent=2, ensure_ascii=False))
    else:
        print("\n".join(calibration_lines(done, out, args.lang)))
    return 0


# How `ras calibrate` names each option in its problems.
OPTION_NAMES = {
    "target_total": "--target-total",
    "contingency_percent": "--contingency",
    "fairness_threshold": "--fairness-threshold",
    "min_group_size": "--min-group-size",
    "new_version": "--new-version",
}


def cmd_compare(args: argparse.Namespace) -> int:
    # Loaded only when a council compares versions: estimating never needs it.
    from .council.cases import CasesError
    from .council.compare import as_lines, compare, comparison_to_dict

    old, new = _scheme(args.old), _scheme(args.new)
    try:
        result = compare(old, new, read_bytes(args.cases))
    except CasesError as error:
        raise InputError(args.cases, [Problem(path="", message=p) for p in error.problems]) from None
    if args.json:
        print(json.dumps(comparison_to_dict(result), indent=2, ensure_ascii=False))
    else:
        print("\n".join(as_lines(result)))
    return 0


UNEXPECTED = "ras: something went wrong, so the command could not finish. Please report it, with the command you ran."


def cmd_contribution(args: argparse.Namespace) -> int:
    from .contribution.run import command  # loaded only for this command

    print(command(args.scheme, args.answers, folder=args.rules, date=args.date, as_json=args.json, lang=args.lang))
    return 0


def cmd_explain(args: argparse.Namespace) -> int:
    print(explain(_scheme(args.scheme), args.lang, source=args.scheme))
    return 0


def _command(
    sub: argparse._SubParsersAction[argparse.ArgumentParser],
    name: str,
    run: Callable[[argparse.Namespace], int],
    *,
    help: str,
    description: str,
) -> argparse.ArgumentParser:
    """One `ras` command, which `run` carries out."""
    command = sub.add_parser(name, help=help, description=description)
    command.set_defaults(run=run)
    return command


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(
        prog="ras",
        description="OpenRAS: check a council's Resource Allocation System scheme and work "
        "out indicative personal budgets with their working.",
    )
    top.add_argument("--version", action="version", version=f"ras {__version__}")
    sub = top.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = _command(
        sub,
        "validate",
        cmd_validate,
        help="check a scheme file and list every problem",
        description="Check a scheme file. Exit 0 if it can be used, printing any warnings (things allowed "
        "that may mislead people, such as a minimum points level that contradicts the eligibility screen); "
        "otherwise list every problem (file, dotted path, what is allowed) and exit 1. A scheme in English and "
        'Welsh (languages = ["en", "cy"] in [scheme]) needs the Welsh of every text a person reads beside it '
        "(text_cy beside text), and each one missing is listed.",
    )
    p.add_argument("scheme", metavar="SCHEME.toml")
    p.add_argument(
        "--lang",
        choices=sorted(LANGUAGES),
        default=SOURCE,
        help="the language of what it prints (the summary, warnings and problems): en or cy (Welsh, a draft)",
    )

    p = _command(
        sub,
        "scheme",
        cmd_scheme,
        help="print a checked scheme (as JSON with --json)",
        description="Print a checked scheme: a summary, or with --json the "
        'whole scheme as JSON (money as strings such as "5.10").',
    )
    p.add_argument("scheme", metavar="SCHEME.toml")
    p.add_argument("--json", action="store_true", help="print the scheme as JSON")

    p = _command(
        sub,
        "estimate",
        cmd_estimate,
        help="work out the indicative budget for an answers file",
        description="Work out the indicative budget for an answers file and "
        "print the band with its working (or JSON with --json).",
    )
    p.add_argument("--scheme", required=True, metavar="SCHEME.toml", help="the scheme file")
    p.add_argument(
        "answers",
        metavar="ANSWERS.json",
        help='{"format": 2, "scheme": ID, "scheme_version": V, "answers": {question: option}, '
        '"unpaid_support": {area: option}, "helpers_willing": {area: "yes"|"no"|"not_sure"}} '
        "(older files without format, with helpers_willing true, false or null, are read too)",
    )
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p.add_argument(
        "--lang",
        choices=sorted(LANGUAGES),
        default=SOURCE,
        help="the language of the result's words: en (English, the default) or cy (Welsh, for a scheme "
        "in English and Welsh; a draft until the council's translation service signs it off). The "
        "figures are the same; --json gives figures only, so it has no language",
    )

    p = _command(
        sub,
        "plan",
        cmd_plan,
        help="cost a support plan a week and a year, against the indicative budget",
        description="Cost a support plan: each line a week and a year (personal assistants with holiday, "
        "employer's National Insurance, the Employment Allowance and pension; agency hours at the council's "
        "rates; activities, short breaks, one-off costs, insurance, support services, a contingency), the "
        "total, and where it sits against the indicative budget, with every step of the working and the "
        "figures in force on the plan's date (or JSON with --json: lines with weekly and yearly, weekly_total, "
        "yearly_total, as decimal strings). A year is 52 weeks; amounts are rounded to the penny, halves up. "
        "An example: content/plans/example-plan.json.",
    )
    p.add_argument("plan", metavar="PLAN.json", help="the plan file (format 1)")
    p.add_argument("--json", action="store_true", help="print the costed plan as JSON")
    p.add_argument(
        "--employment",
        metavar="EMPLOYMENT.toml",
        help="the employment figures (default: content/employment.toml in the OpenRAS source tree)",
    )
    p.add_argument(
        "--costs",
        metavar="COSTS.toml",
        help="the council's plan costs (default: content/plan-costs.toml in the OpenRAS source tree)",
    )
    lang = "the language of the words and the plan file's problems: en (English, the default) or cy (Welsh, a draft)"
    p.add_argument("--lang", choices=sorted(LANGUAGES), default=SOURCE, help=lang + "; the figures are the same")

    p = _command(
        sub,
        "calibrate",
        cmd_calibrate,
        help="work out the rate from local cases; check accuracy and fairness",
        description="Work out the rate per point from a CSV of anonymised cases ((total current cost - cases x "
        "the scheme's base amount) / total points, rounded to 4 decimal places; the same with --target-total), "
        "check indicative against agreed budgets, what the scheme would give each group against what it costs "
        "now, who would go up or down, and how well points explain cost, and write "
        "DIR/report.html and DIR/scheme.toml (the scheme with the new rate and a new version; the old file is "
        "untouched; a table scheme gets the checks and no new file). Rows that cannot be used are listed with "
        "row, column and reason. Columns: case_id, "
        "current_weekly_cost, and either a column for every question (option ids) or points; optional "
        "agreed_weekly_budget, indicative_weekly_budget, care_group, age_band, helpers_willing (yes/no) and "
        "unpaid_support.AREA. A template: content/calibration/cases-template.csv.",
    )
    p.add_argument("cases", metavar="CASES.csv")
    p.add_argument("--scheme", required=True, metavar="SCHEME.toml", help="the scheme the cases were scored with")
    p.add_argument("--out", required=True, metavar="DIR", help="folder for report.html and scheme.toml")
    p.add_argument("--json", action="store_true", help="print a summary as JSON")
    p.add_argument(
        "--target-total",
        metavar="POUNDS",
        help="set the rate so the weekly total is this amount (the base amounts taken off first)",
    )
    p.add_argument("--contingency", metavar="PERCENT", help="a contingency, reported as a separate sum (default 0)")
    p.add_argument(
        "--fairness-threshold",
        metavar="PERCENT",
        help="flag groups whose indicative amounts, as a share of their current cost, differ from all "
        "cases' by more than this (default 20)",
    )
    p.add_argument(
        "--min-group-size",
        metavar="CASES",
        help="a group with fewer cases than this is reported as too few to judge, never flagged (default 10)",
    )
    p.add_argument("--new-version", metavar="VERSION", help="the new scheme's version (default: the next one)")
    lang = "the language of report.html, the printed summary and the problems: en or cy (Welsh; --json is English)"
    p.add_argument("--lang", choices=sorted(LANGUAGES), default=SOURCE, help=lang + "; the figures are the same")

    p = _command(
        sub,
        "compare",
        cmd_compare,
        help="show what a new version of a scheme changes, case by case and in total",
        description="Work out every case's indicative amount with the old and the new scheme (each version's own "
        "points, rate, base amount or table, as the estimate does) and print, case by case, the old and new "
        "amounts and the difference, then the totals and how many cases would go up, down or stay the same "
        "(or JSON with --json). CASES.csv has the columns ras calibrate reads (case_id, and points or a "
        "column for every question); the cost columns are not needed. "
        "Rows either version cannot use are listed. Exit 0, or 1 with the problems on stderr.",
    )
    p.add_argument("old", metavar="OLD.toml", help="the scheme now in use")
    p.add_argument("new", metavar="NEW.toml", help="the new version")
    p.add_argument("cases", metavar="CASES.csv")
    p.add_argument("--json", action="store_true", help="print the comparison as JSON")

    p = _command(
        sub,
        "explain",
        cmd_explain,
        help="print the whole method as Markdown, for publishing",
        description="Print the whole method (every question, answer and points, "
        "unpaid help, rate or table, bands, thresholds) as Markdown.",
    )
    p.add_argument("scheme", metavar="SCHEME.toml")
    p.add_argument("--lang", choices=sorted(LANGUAGES), default=SOURCE, help="the method's language: en or cy (Welsh)")

    p = _command(
        sub,
        "contribution",
        cmd_contribution,
        help="estimate what the person might pay towards their care, beside the budget",
        description="Work out the indicative budget, then what the person might pay each week and what the council "
        "would pay, by the charging rules of the scheme's nation (DIR/NATION.toml) and the council's choices "
        "(DIR/council.toml), with the working, the rules and their sources (or JSON with --json). The money "
        'answers are the answers file\'s optional "contribution" key; any left out or "not_said" show the rule '
        "instead of a figure. Example: content/answers/example-contribution.json.",
    )
    p.add_argument("--scheme", required=True, metavar="SCHEME.toml", help="the scheme file")
    p.add_argument("answers", metavar="ANSWERS.json")
    p.add_argument("--rules", metavar="DIR", help="the charging rules folder (default content/charging)")
    p.add_argument("--date", metavar="YYYY-MM-DD", help="the day whose figures are used (default today)")
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p.add_argument(
        "--lang",
        choices=sorted(LANGUAGES),
        default=SOURCE,
        help="the language of the result's words, with --json too: en (English, the default) or cy (Welsh, for a "
        "scheme in English and Welsh; a draft until the council's translation service signs it off). The figures "
        "are the same; the charging rules' texts are in Welsh where the rules file gives it, sources as published",
    )

    add_strings_command(sub)
    return top


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        code: int = args.run(args)
    except InputError as error:
        print(report(error, getattr(args, "lang", SOURCE)), file=sys.stderr)
        return 1
    except BrokenPipeError:  # e.g. `ras explain x.toml | head`
        return 0
    except KeyboardInterrupt:
        return 130
    except Exception:  # a fault in ras: one plain line, never a traceback
        print(UNEXPECTED, file=sys.stderr)
        return 2
    return code


if __name__ == "__main__":
    sys.exit(main())
