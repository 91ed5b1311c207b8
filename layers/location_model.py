"""A small learned scorer for "did this event happen at this place?".

The hand-written roles of :mod:`layers.events` are exact where the parse is
right and silent where it is not. This scorer weighs the same evidence (the
role the rules found or the reason they refused, the prepositions and
dependency labels on the path between the place and the trigger, distance,
clause boundaries, what kind of place it is) with weights learned by logistic
regression on one half of a public event-location corpus
(``scripts/train_location_model.py``; only feature names and weights are
stored, never text). It is used only if it beat the rules on the other half;
the file records both figures.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc, Token

__all__ = ["LocationModel", "aside_of", "load_location_model", "pair_features"]

MODEL_FILE = "location_model.json"
_CLAUSE_DEPS = frozenset({"advcl", "ccomp", "xcomp", "relcl", "parataxis", "acl", "csubj", "conj"})


_TRIGGER_DEPS = frozenset(
    {"ROOT", "conj", "advcl", "relcl", "xcomp", "ccomp", "acl", "nsubj", "nsubjpass", "dobj",
     "pobj", "compound", "amod"}
)  # fmt: skip


_PLACE_DEPS = frozenset(
    {"pobj", "dobj", "nsubj", "nsubjpass", "conj", "appos", "compound", "poss", "npadvmod"}
)


_BREAKS = frozenset({",", ";", "(", "—", "-"})


def _between(
    doc: Doc, low: int, high: int, aside: frozenset[int] = frozenset()
) -> tuple[bool, int]:
    """Punctuation that breaks a phrase, and verbs, between two token indices.

    Whether such punctuation stands from ``low`` up to ``high`` (``low``
    itself included), and how many verbs stand strictly between (counted up
    to 2), in one pass over the tokens, passing over those in ``aside``.
    """
    punct, verbs = False, 0
    for token in doc[low:high]:
        if token.i in aside:
            continue
        if token.text in _BREAKS:
            punct = True
        elif token.i > low and verbs < 2 and token.pos_ == "VERB":
            verbs += 1
    return punct, verbs


def aside_of(root: Token, trigger: Token) -> frozenset[int]:
    """The words that only describe a place, between it and a trigger after it.

    "Kherson, a regional capital, was shelled": the appositive and its commas
    say what Kherson is, and put no distance or break between the city and
    the verb it is the subject of. So with a relative clause ("Kherson,
    which troops left in 2022, was shelled") and any phrase the commas set
    off ("Sumy, near the Russian border, was struck").
    """
    if root.i > trigger.i:
        return frozenset()
    aside: set[int] = set()
    for child in root.rights:
        subtree = [t.i for t in child.subtree]
        if trigger.i in subtree or child.dep_ in ("punct", "conj", "cc"):
            continue  # "Kherson, Mykolaiv and Odesa were shelled": a list, no description
        if _describes_a_person(child):
            return frozenset()  # "Llamas, who commanded guerrillas, was captured": no place
        opened = root.doc[subtree[0] - 1]
        if child.dep_ in _DESCRIPTIONS or (opened.text == "," and opened.head.i == root.i):
            aside.update(subtree)
    if not aside:
        return frozenset()
    for child in root.rights:
        if child.dep_ == "punct" and (child.i - 1 in aside or child.i + 1 in aside):
            aside.add(child.i)
    return frozenset(aside)


#: The dependencies of a phrase that only describes the place it hangs on.
_DESCRIPTIONS = frozenset({"appos", "relcl"})


def _describes_a_person(phrase: Token) -> bool:
    """Whether a phrase set off after a name says the name is a person's.

    "X, who commanded guerrillas", "X, a major general", "X, accused of
    leading the brigade": the model read a person as a place, and what is
    said of it is no description of a place.
    """
    first = next(iter(phrase.subtree))
    if first.lower_ in _PERSON_PRONOUNS:
        return True
    if phrase.dep_ == "appos" and phrase.lemma_.lower() in _PERSON_NOUNS:
        return True
    return phrase.dep_ == "acl" and phrase.lemma_.lower() in _SAID_OF_PEOPLE


_PERSON_PRONOUNS = frozenset({"who", "whom", "whose"})
_PERSON_NOUNS = frozenset(
    {"general", "commander", "chief", "leader", "minister", "man", "woman", "officer",
     "member", "suspect", "spokesman", "spokeswoman", "founder", "head", "deputy",
     "colonel", "lieutenant", "sergeant", "son", "daughter", "brother", "father", "cleric",
     "militant", "fighter", "activist", "journalist", "citizen", "national", "resident",
     "captain", "player", "coach", "star", "singer", "actor", "president", "mayor",
     "governor", "chairman", "director", "owner", "striker", "midfielder", "defender"}
)  # fmt: skip
_SAID_OF_PEOPLE = frozenset({"accuse", "suspect", "bear", "want", "charge", "convict", "age"})


def _bucket(value: int, edges: Iterable[int]) -> str:
    for edge in edges:
        if value <= edge:
            return f"<={edge}"
    return ">max"


def _ancestors(token: Token, limit: int = 12) -> list[Token]:
    """``token`` and its heads up to the root, at most ``limit`` of them.

    Tokens are compared by index: spaCy makes a new object on every ``.head``.
    """
    chain = [token]
    while len(chain) < limit:
        head = chain[-1].head
        if head.i == chain[-1].i:
            break
        chain.append(head)
    return chain


def pair_features(
    root: Token,
    mention_tokens: frozenset[int],
    trigger: Token,
    *,
    rule: str,
    place_kind: str,
    owned: bool,
    places: int = 1,
    other_triggers: frozenset[int] = frozenset(),
    rivals: int = 0,
    aside: frozenset[int] | None = None,
) -> list[str]:
    """The features of one (place mention, trigger) pair, as feature names.

    ``rule`` is the role :func:`layers.events.attachment` gave (or ``none``),
    ``place_kind`` the resolved feature kind (``unresolved`` when none),
    ``owned`` whether a noun for an owned thing follows the name, and
    ``places`` how many place mentions the sentence has (a sentence that names
    one place usually names where its event happened, however far the parse
    puts it). ``other_triggers`` are the token indices of the sentence's
    other event words: a place whose path to this trigger passes through one
    is more likely that event's place. ``rivals`` is how many of the
    sentence's other places the rules accepted for this event: most events
    happened at one place, so a place the rules refused weighs less when they
    took another, and one they took weighs less among several. ``aside`` are
    the words that only describe the place (:func:`aside_of`), when the caller
    has them already.
    """
    up = _ancestors(root)
    down = _ancestors(trigger)
    down_index = {t.i: n for n, t in enumerate(down)}
    meet = next((n for n, t in enumerate(up) if t.i in down_index), None)
    if meet is None:
        up_path, down_len = up, len(down)
    else:
        up_path, down_len = up[: meet + 1], down_index[up[meet].i]
    up_deps = [t.dep_ for t in up_path[:-1]]
    preps = [t.lower_ for t in up_path if t.dep_ == "prep" or t.pos_ == "ADP"]
    if aside is None:
        aside = aside_of(root, trigger)
    distance = abs(root.i - trigger.i) - len(aside)
    features = [
        "bias",
        f"rule={rule}",
        f"kind={place_kind}",
        f"trigger_pos={trigger.pos_}",
        f"up_len={_bucket(len(up_deps), (0, 1, 2, 3, 4, 6))}",
        f"down_len={_bucket(down_len, (0, 1, 2, 3))}",
        f"dist={_bucket(distance, (1, 2, 3, 5, 8, 12, 20))}",
        f"before={root.i < trigger.i}",
        f"meets={'trigger' if meet is not None and up[meet].i == trigger.i else 'other'}",
        f"meets_at_root={meet is not None and up[meet].head.i == up[meet].i}",
        f"first_dep={up_deps[0] if up_deps else 'self'}",
        f"first_prep={preps[0] if preps else 'none'}",
        f"owned={owned}",
        f"rule+first_prep={rule}|{preps[0] if preps else 'none'}",
        f"places={_bucket(places, (1, 2, 3))}",
        f"rule+places={rule}|{min(places, 3)}",
        f"trigger_dep={trigger.dep_ if trigger.dep_ in _TRIGGER_DEPS else 'other'}",
    ]
    if len(up_deps) > 1:
        features.append(f"deps2={up_deps[0]}>{up_deps[1]}")
    if any(dep in _CLAUSE_DEPS for dep in up_deps[1:]) or (
        down_len > 0 and any(t.dep_ in _CLAUSE_DEPS for t in down[:down_len])
    ):
        features.append("crosses_clause")
    if any(t.i in other_triggers for t in up_path[:-1]):
        features.append("via_other_trigger")
    if any(t.dep_ in ("nsubj", "nsubjpass") for t in up_path[:-1]):
        features.append("in_subject")
    low, high = sorted((root.i, trigger.i))
    punct, verbs = _between(root.doc, low, high, aside)
    if punct:
        features.append("punct_between")
    for prep in preps[1:3]:
        features.append(f"prep={prep}")
    # How crowded the sentence is with events, and between the two: a place
    # with other event words or verbs in between is more often theirs.
    crowd = min(len(other_triggers), 3)
    features += [
        f"triggers={crowd}",
        f"rule+triggers={rule}|{min(crowd, 1)}",
        f"triggers_between={min(sum(1 for i in other_triggers if low < i < high), 2)}",
        f"verbs_between={verbs}",
        f"place_dep={root.dep_ if root.dep_ in _PLACE_DEPS else 'other'}",
        f"head_pos={root.head.pos_}",
        f"rivals={min(rivals, 2)}",
        f"accepted+rivals={not rule.startswith('no:')}|{min(rivals, 1)}",
        f"kind+rivals={place_kind}|{min(rivals, 1)}",
    ]
    return features


@dataclass(frozen=True)
class LocationModel:
    """Logistic-regression weights over :func:`pair_features` names."""

    weights: dict[str, float]
    threshold: float
    """A place the rules accepted stays when its probability reaches this."""
    accept_threshold: float = 1.0
    """A place the rules could not decide (not a veto, not another clause) is
    accepted when its probability reaches this; 1.0 never overrules them."""
    clause_threshold: float = 1.0
    """A place in another clause of the trigger's own phrase ("were killed as a
    bomb exploded in X") is accepted when its probability reaches this (and
    ``accept_threshold``); 1.0 never crosses a clause."""
    reach_threshold: float = 1.0
    """A place outside the trigger's phrase in the parse (the small model often
    hangs a participle's place on the main verb: "exploded in X, killing
    five") is accepted when its probability reaches this (and the thresholds
    above); 1.0 keeps the scorer inside the trigger's phrase."""

    def probability(self, features: Iterable[str]) -> float:
        """The probability that the pair's place is where the event happened."""
        score = sum(self.weights.get(name, 0.0) for name in features)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))


@lru_cache(maxsize=1)
def load_location_model() -> LocationModel | None:
    """The shipped model, or ``None`` when none ships or it did not beat the rules."""
    path = resources.files("layers").joinpath("data", MODEL_FILE)
    if not path.is_file():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    if not data.get("use", False):
        return None
    return LocationModel(
        weights={str(k): float(v) for k, v in data["weights"].items()},
        threshold=float(data["threshold"]),
        accept_threshold=float(data.get("accept_threshold", 1.0)),
        clause_threshold=float(data.get("clause_threshold", 1.0)),
        reach_threshold=float(data.get("reach_threshold", 1.0)),
    )
