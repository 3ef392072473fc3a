"""Whom a result speaks of: the person answering ("you"), or the person they answered for.

Someone may fill the assessment in for another person (a daughter for her father, a
worker with a person who does not read); the answers file says so
(`for_someone_else`), and every sentence about the result then speaks of "them". In
English "they" takes the same verb forms as "you" ("you are", "they are"), so one
sentence serves both with the words below. Sentences about what the person answering
did ("you said", "you answered") keep "you".
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from ..figures import Estimate


class Voice(NamedTuple):
    them: bool
    you: str  # as the subject: "you are", "they are"
    You: str
    your: str
    Your: str
    you_obj: str  # as the object: "with you", "with them"
    answers: str  # "your answers", "the answers"
    Answers: str


YOU = Voice(False, "you", "You", "your", "Your", "you", "your answers", "Your answers")
THEM = Voice(True, "they", "They", "their", "Their", "them", "the answers", "The answers")

FOR_SOMEONE_ELSE = (
    "You answered these questions for someone else, so this estimate is about their needs and their budget, not yours."
)


def voice(result: Estimate) -> Voice:
    """The voice for a result: "them" when the answers were given for someone else."""
    return THEM if result.answers.for_someone_else else YOU
