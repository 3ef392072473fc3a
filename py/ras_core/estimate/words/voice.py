"""Whom a result speaks of: the person answering ("you"), or the person they answered for.

Someone may fill the assessment in for another person (a daughter for her father, a
worker with a person who does not read); the answers file says so
(`for_someone_else`), and every sentence about the result then speaks of "them". In
English "they" takes the same verb forms as "you" ("you are", "they are"), so one
sentence serves both with the words below. Sentences about what the person answering
did ("you said", "you answered") keep "you".

A sentence that speaks of the person is declared as two whole messages (`voiced`), one
for each voice, with the context "you" or "them": other languages do not build
"their" the way English does (Welsh "eich cyllideb", "eu cyllideb", and "eu" changes
the word after it), so a translator gets whole sentences, never pieces.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NamedTuple

from ...i18n import Message, message, plural_message

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

FOR_SOMEONE_ELSE = message(
    "You answered these questions for someone else, so this estimate is about their needs and their budget, not yours."
)


@dataclass(frozen=True, slots=True)
class Voiced:
    """One sentence in both voices."""

    you: Message
    them: Message

    def say(self, lang: str, v: Voice, /, **values: Any) -> str:
        return (self.them if v.them else self.you).say(lang, **values)


def voiced_plural(you: tuple[str, str], them: tuple[str, str]) -> Voiced:
    """Declare a sentence in both voices whose words depend on the number `n`."""
    return Voiced(
        you=plural_message(*you, context="you", note="Said to the person the answers are about.", stacklevel=2),
        them=plural_message(
            *them, context="them", note="Said about the person the answers were given for.", stacklevel=2
        ),
    )


def voiced(you: str, them: str) -> Voiced:
    """Declare a sentence said to the person answering (`you`) and about the person the
    answers are for (`them`)."""
    return Voiced(
        you=message(you, context="you", note="Said to the person the answers are about.", stacklevel=2),
        them=message(them, context="them", note="Said about the person the answers were given for.", stacklevel=2),
    )


def voice(result: Estimate) -> Voice:
    """The voice for a result: "them" when the answers were given for someone else."""
    return THEM if result.answers.for_someone_else else YOU
