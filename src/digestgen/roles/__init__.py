"""Sentence roles (one_line, objective, methodology, results, implication, background, other).

A small classifier trained on the reference archive's framed sentences with the
frame words stripped, so it judges what a sentence says. Used by the extractive
engine (which abstract sentence fills which part), the validator (is each part
there, and in its place) and the evals (per-part role scores).
"""

from .frames import PARTS, ROLES, content, strip_frame
from .model import SCORER, best, meta, predict, predict_many

__all__ = ["PARTS", "ROLES", "SCORER", "best", "content", "meta", "predict", "predict_many", "strip_frame"]
