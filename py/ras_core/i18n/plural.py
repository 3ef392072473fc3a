"""A language's plural rule, read from its catalogue's `Plural-Forms` header.

The header is gettext's: "nplurals=6; plural=(n==0) ? 0 : (n==1) ? 1 : …;", a C
expression of `n`. It is read here by a small parser of that expression (numbers,
`n`, parentheses, `! * / % + - < <= > >= == != && ||` and `?:`, with C's precedence)
rather than by the standard library's `gettext`, which the browser's Python keeps in
the part of the standard library it downloads only when asked (rest.js). Anything
else in the expression is refused, never evaluated.
"""

from __future__ import annotations

import re
from collections.abc import Callable

Rule = Callable[[int], int]

_TOKEN = re.compile(r"\s*(?:(\d+)|(n)|(&&|\|\||==|!=|<=|>=|[-+*/%<>!?:()]))")
# Binary operators by precedence, loosest first (C's order).
_LEVELS: tuple[dict[str, Callable[[int, int], int]], ...] = (
    {"||": lambda a, b: int(bool(a) or bool(b))},
    {"&&": lambda a, b: int(bool(a) and bool(b))},
    {"==": lambda a, b: int(a == b), "!=": lambda a, b: int(a != b)},
    {
        "<": lambda a, b: int(a < b),
        "<=": lambda a, b: int(a <= b),
        ">": lambda a, b: int(a > b),
        ">=": lambda a, b: int(a >= b),
    },
    {"+": lambda a, b: a + b, "-": lambda a, b: a - b},
    {"*": lambda a, b: a * b, "/": lambda a, b: a // b if b else 0, "%": lambda a, b: a % b if b else 0},
)


def _tokens(expression: str) -> list[str]:
    tokens, at = [], 0
    text = expression.strip()
    while at < len(text):
        found = _TOKEN.match(text, at)
        if not found or found.end() == at:
            raise ValueError(f"cannot read {text[at:]!r}")
        tokens.append(found.group(found.lastindex or 0))
        at = found.end()
    return tokens


class _Parser:
    def __init__(self, tokens: list[str]) -> None:
        self.tokens = tokens
        self.at = 0

    def peek(self) -> str | None:
        return self.tokens[self.at] if self.at < len(self.tokens) else None

    def take(self, wanted: str | None = None) -> str:
        token = self.peek()
        if token is None or (wanted is not None and token != wanted):
            raise ValueError(f"expected {wanted or 'more'}, found {token or 'the end'}")
        self.at += 1
        return token

    def ternary(self) -> Rule:
        test = self.binary(0)
        if self.peek() != "?":
            return test
        self.take("?")
        yes = self.ternary()
        self.take(":")
        no = self.ternary()
        return lambda n: yes(n) if test(n) else no(n)

    def binary(self, level: int) -> Rule:
        if level == len(_LEVELS):
            return self.unary()
        left = self.binary(level + 1)
        while (token := self.peek()) in _LEVELS[level]:
            assert token is not None
            self.take()
            right, apply = self.binary(level + 1), _LEVELS[level][token]
            left = (lambda a, b, f: lambda n: f(a(n), b(n)))(left, right, apply)
        return left

    def unary(self) -> Rule:
        token = self.take()
        if token == "!":
            inner = self.unary()
            return lambda n: int(not inner(n))
        if token == "(":
            inner = self.ternary()
            self.take(")")
            return inner
        if token == "n":
            return lambda n: n
        if token.isdigit():
            value = int(token)
            return lambda n: value
        raise ValueError(f"unexpected {token!r}")


def parse_rule(expression: str) -> Rule:
    """The plural form for `n`, from a C expression such as "(n != 1)"."""
    parser = _Parser(_tokens(expression))
    rule = parser.ternary()
    if parser.peek() is not None:
        raise ValueError(f"unexpected {parser.peek()!r}")
    return rule


def plural_forms(header: str) -> tuple[int, Rule]:
    """(number of forms, the form for n) from a Plural-Forms header's value."""
    parts = dict(part.strip().partition("=")[::2] for part in header.split(";") if "=" in part)
    if "nplurals" not in parts or "plural" not in parts or not parts["nplurals"].strip().isdigit():
        raise ValueError(f"Plural-Forms must be 'nplurals=N; plural=EXPRESSION;', not {header!r}")
    count, rule = int(parts["nplurals"]), parse_rule(parts["plural"])
    for n in range(0, 201):
        if not 0 <= rule(n) < count:
            raise ValueError(f"Plural-Forms gives form {rule(n)} for {n}, but there are only {count} forms")
    return count, rule
