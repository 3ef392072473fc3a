"""OpenRAS core: a council's Resource Allocation System as data, and the arithmetic
that turns a person's self-assessment answers into a banded indicative budget with
every step of its working. Standard library only, so the same code runs in CPython
and in the browser through Pyodide.
"""

from .estimate.figures import Band, Estimate, band_for, estimate
from .estimate.words import Step
from .explain import explain
from .scheme.answers import Answers, answers_from_dict, answers_from_json
from .scheme.errors import AnswersError, InputError, Problem, SchemeError
from .scheme.load import load_scheme, scheme_from_dict, scheme_from_toml
from .scheme.model import Scheme
from .serialize import estimate_to_dict, scheme_to_dict

__version__ = "0.1.0"

__all__ = [
    "Answers",
    "AnswersError",
    "Band",
    "Estimate",
    "InputError",
    "Problem",
    "Scheme",
    "SchemeError",
    "Step",
    "__version__",
    "answers_from_dict",
    "answers_from_json",
    "band_for",
    "estimate",
    "estimate_to_dict",
    "explain",
    "load_scheme",
    "scheme_from_dict",
    "scheme_from_toml",
    "scheme_to_dict",
]
