"""The scheme format and the inputs it is used with, each checked with plain problems.

`model.py` is the shape of a council's scheme (frozen dataclasses); `load.py`,
`load_money.py` and `checks.py` read and check a scheme file; `answers.py` reads a
person's answers and checks them against a scheme; `_reader.py` holds the typed
getters both loaders use; `errors.py` the problems they report; `numbers.py` reads
money, points and percentages typed as text; `money.py` is exact money and how it is
rounded and written. Nothing here works out a budget.

The scheme's shape is importable from here (`from ras_core.scheme import Scheme`).
"""

from .model import (
    Allocation,
    Bands,
    Domain,
    Eligibility,
    Option,
    Outcome,
    Parameter,
    Question,
    Reference,
    Scheme,
    SupportOption,
    TableRow,
    UnpaidSupport,
)

__all__ = [
    "Allocation",
    "Bands",
    "Domain",
    "Eligibility",
    "Option",
    "Outcome",
    "Parameter",
    "Question",
    "Reference",
    "Scheme",
    "SupportOption",
    "TableRow",
    "UnpaidSupport",
]
