"""Whether the text tells an event as planned, threatened or expected, or denies it.

"Rebels threatened to strike Tel Aviv", "talks are due to resume in Geneva",
"he will travel to Tokyo to meet investors", "the upcoming summit in Baku":
each names an event and a place, and none of them happened there (yet). The
event is still reported (the gold corpora count it, and ``geoparse`` lists
it), but it is marked, and the map does not put its places on its layer.

Read from the parse: a condition the trigger's verb is told under ("if the
tankers are attacked"); a future or conditional auxiliary on that verb
or on a verb it is the purpose or the complement of; a verb or adjective of
planning above it ("plan", "threaten", "due", "set"); a noun's own words
("a planned visit", "talks scheduled for May"); or a time ahead ("meets next
week", "tomorrow"). A past verb of purpose keeps its purpose done enough
("travelled to Moscow to share the findings").

Likewise whether the text denies the event (:func:`told_as_denied`): "the
jets never struck X", "the army denied shelling Y", "no strikes hit Z", "a
rumour of a shooting in X". A denied event is listed and marked too, and on no event layer.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Token

from geo.cues import QUOTE_MARKS, SAYING
from geo.nlp import doc_text
from layers.roles import DENYING, has_subject

__all__ = [
    "LOOKING_BACK",
    "POSSIBLE",
    "about_someone",
    "ahead_of",
    "looked_back_on",
    "phrase_heads",
    "told_as_denied",
    "told_as_planned",
    "told_in_fiction",
    "told_in_the_past",
    "told_of_in_a_work",
]

_FUTURE_AUX = frozenset({"will", "would", "shall", "'ll", "wo"})
"""Auxiliaries that put a verb ahead or under a condition ("wo" is "won't")."""

_PLANNING = frozenset(
    {
        "plan", "intend", "aim", "hope", "expect", "prepare", "threaten", "vow", "want",
        "seek", "propose", "offer", "promise", "pledge", "schedule", "agree", "plot",
        "conspire",
        "due", "set", "scheduled", "expected", "likely", "poised", "ready", "planned",
    }
)  # fmt: skip
"""Verbs and adjectives whose complement is not done yet: "threatened to strike",
"are due to resume", "is set to visit"."""

_JUDGED = frozenset(
    {"blame", "condemn", "welcome", "praise", "regret", "deplore", "criticise", "criticize"}
)
"""What a deed "is to be" when it is judged, not planned: "the shelling is to be condemned"."""

_REQUESTING = frozenset({"urge", "ask", "press", "encourage", "invite", "request"})
"""Verbs whose complement verb someone is asked to do, not done: "urged him to send a
team". Not what it does to an event noun: "urged Israel to halt strikes on Gaza"
tells strikes going on."""

_AHEAD_NOUNS = frozenset(
    {"preparation", "plan", "proposal", "request", "bid", "demand", "invitation", "push"}
)
"""Nouns whose "for" names an event not held yet: "preparations for talks in Addis Ababa"."""

_BRINGING_ABOUT = frozenset({"convene", "hold", "organise", "organize", "arrange", "host", "call"})
"""Verbs that bring an event about, so that asking for them asks for the event: "asked the
Council to convene an urgent meeting" (not "urged Israel to halt strikes on Gaza")."""

_AHEAD_OF_A_NOUN = frozenset(
    {
        "plan", "schedule", "expect", "fear", "threaten", "prepare", "propose", "intend",
        "want", "seek", "await", "anticipate", "dread", "envisage", "envision", "plot",
        "conspire",
    }
)  # fmt: skip
"""Verbs whose subject or object event has not happened: "talks are scheduled",
"a further round is planned", "residents feared further raids"."""

_AHEAD_ADJECTIVES = frozenset(
    {
        "planned", "upcoming", "proposed", "scheduled", "future", "expected", "possible",
        "potential", "prospective", "looming", "imminent", "threatened", "forthcoming",
        "next", "intended",
    }
)  # fmt: skip
"""Words before an event noun that put it ahead: "the planned visit", "possible strikes"."""

_WHETHER = frozenset(
    {
        "ask", "wonder", "know", "clear", "unclear", "sure", "certain", "check", "see",
        "confirm", "determine", "investigate", "question", "say", "tell",
    }
)  # fmt: skip
"""Words an "if" asks after rather than sets a condition: "it was not clear if the
drone hit the refinery", "reporters asked if troops had entered Rafah"."""


def _asks_whether(head: Token) -> bool:
    """Whether the "if" clause hung on ``head`` asks whether, not on what condition."""
    return head.lemma_.lower() in _WHETHER or any(
        c.dep_ == "acomp" and c.lemma_.lower() in _WHETHER for c in head.children
    )


_WARNING = frozenset({"warn", "threaten", "caution"})
"""Verbs of warning: a deed they say could come is not done ("warned it could fire")."""
POSSIBLE = frozenset({"could", "may", "might", "can"})
"""Auxiliaries of what may happen: under a verb of warning ("warned it could fire"), or
in what an event's object might do ("struck launchers that could reach Haifa")."""
_MAYBE = frozenset({"could", "may", "might"})
"""Auxiliaries that tell a deed as possible, not done: "could sign", "may strike"."""
_PERCEIVING = frozenset({"hear", "see", "feel", "smell", "watch", "witness", "notice", "spot"})
"""Verbs whose "could" is what one was able to perceive: "could hear explosions"."""
_ABLE_TO_GO = frozenset(
    {"enter", "leave", "flee", "escape", "reach", "return", "cross", "get", "go", "move",
     "pass", "evacuate", "travel", "arrive"}
)  # fmt: skip
"""Verbs whose "could" is mostly what people were able to do: "only 20 trucks could enter"."""


def _told_as_possible(verb: Token, modal: Token) -> bool:
    """Whether "may", "might" or "could" tells the deed as possible, not as done.

    "could sign a deal in Washington", "may strike again"; not "may have killed
    dozens" (a past deed), "may be the deadliest attack" (a judgement),
    "residents could hear explosions" (what one was able to perceive), nor
    "only 20 trucks could enter Gaza" and "families who could flee" (what
    people were able to do).
    """
    lemma = verb.lemma_.lower()
    if lemma == "be" or lemma in _PERCEIVING:
        return False
    if any(c.dep_ in ("aux", "auxpass") and c.lemma_ == "have" for c in verb.children):
        return False
    if modal.lower_ != "could":
        return True
    if lemma in _ABLE_TO_GO or verb.dep_ == "relcl":
        return False
    return not any(t.lower_ == "only" for t in verb.subtree if t.i < verb.i)


_CONDITIONS = frozenset({"if", "unless"})
"""Words that open a clause of a condition: "would close the strait if its
tankers were attacked" tells no attack."""

_AWAITED = frozenset({"until", "till", "before", "once"})
"""Words that open a clause of what a verb put ahead waits for: "will fight on until
troops withdraw" tells no withdrawal. After a past verb it happened: "fought until
troops withdrew". Only the clause's own verb: "until the fighting in Rafah ends" awaits
the end of a fight going on."""

_ENDING = frozenset({"end", "stop", "cease", "halt", "finish", "subside", "abate", "die"})
"""Verbs of an event's end: "until the fighting in Rafah ends" awaits its end, not it."""

_AHEAD_WORDS = frozenset({"tomorrow"})
"""Time words that put a present-tense verb ahead: "meets tomorrow" ("later" and
"soon" also follow the past: "days later, thousands marched")."""

_TIME_UNITS = frozenset({"week", "month", "year", "weekend", "spring", "summer", "autumn"})

_MAX_STEPS = 4


#: Words that make what a colon lists a forecast: "the likely outcome is …:", "Expect …:".
_FORECASTING = frozenset({"likely", "forecast", "predict", "probably"})


def _listed_after_a_forecast(token: Token) -> bool:
    """Whether the trigger is listed after a colon that closes a forecast.

    "For now, the most likely outcome is more of the same: balloons over
    Seoul, shells into the Yellow Sea"; "Expect more of the same: rockets on
    Sderot": what is listed is foreseen, not told as done. Not a list with a
    verb in the past after the colon ("likely to rise: 40 killed in Dnipro").
    """
    sentence = token.sent
    if ":" not in doc_text(token.doc)[sentence.start_char : token.idx]:
        return False  # most sentences: no colon before the trigger
    colon = next((t for t in sentence if t.text == ":" and t.i < token.i), None)
    if colon is None:
        return False
    if any(t.tag_ in ("VBD", "VBN") for t in token.doc[colon.i + 1 : sentence.end]):
        # "The toll is likely to rise: 40 were killed in Dnipro", "Expect delays:
        # protesters blocked the road": a deed told in the past
        return False
    return any(
        t.lemma_.lower() in _FORECASTING
        or t.lower_ in _FORECASTING
        # "Expect more of the same:", "we expect": not "residents had expected the worst"
        or (t.lemma_.lower() == "expect" and t.tag_ in ("VB", "VBP", "VBZ"))
        for t in token.doc[sentence.start : colon.i]
    )


#: Nouns that count out the sessions of an event noun: "a new round of talks".
_ROUNDS = frozenset({"round", "session", "series", "cycle"})


_INVERTED = frozenset(
    {"was", "were", "is", "are", "did", "do", "does", "has", "have", "had", "will", "would",
     "could", "can", "should", "might", "may", "shall"}
)  # fmt: skip
"""The verbs that open a question to be answered yes or no: "Was there any incursion?"."""
_BEFORE_A_QUESTION = frozenset({"q", "question", ":", "and", "but", "so", "then", "-", "—"})
"""What may stand before a question's verb: an interviewer's "Q:", "And …"."""


def asked_whether(token: Token) -> bool:
    """Whether the trigger is in a question that asks whether the event happened.

    "Q: Was there any incursion into Philippine airspace this time?", "Did
    drones strike the depot?": a question to be answered yes or no tells
    nothing as done. Not a question that asks who or where ("Who attacked the
    base?"), which takes the event as done.
    """
    sentence = token.sent
    words = [t for t in sentence if not (t.is_space or t.is_quote or t.text in ("*", "**"))]
    if not words or words[-1].text != "?":
        return False
    for word in words:
        if word.lower_ in _BEFORE_A_QUESTION:
            continue
        return (
            word.lower_ in _INVERTED and word.i < token.i and _what_the_question_asks(token, word)
        )
    return False


def _what_the_question_asks(token: Token, opening: Token) -> bool:
    """Whether the trigger is what a yes-or-no question asks about.

    The question's own verb ("Did drones strike the depot?", "Was the base
    attacked?", and a verb joined to it or its aim: "Did they strike and burn
    …?"), its object ("Did vessels fire water cannon …?", however the parse
    hangs it on an interviewer's "Q:"), or what "Is there …" asks for ("Was
    there any incursion …?"). Not a deed the question takes as done: "Has the
    bombing of the hospital been investigated?", "Were troops in Bucha when the
    killings took place?".

    ``opening`` is the verb that opens the question. The parse often makes it
    the root and hangs the question's own verb under it as if it were a
    clause (:func:`_the_question_s_own`).
    """
    node = token
    while node.head.i != node.i:
        if opening.head.i == opening.i and _the_question_s_own(node, opening):
            return True
        if node.dep_ in _CLAUSES_TOLD_AS_DONE:
            return False
        if node.dep_ in ("nsubj", "attr") and node.head.lemma_ == "be":
            # "Was there any incursion …?": what the question asks there is
            return any(c.dep_ == "expl" for c in node.head.children)
        if node.dep_ in ("nsubj", "nsubjpass"):
            return False  # "Has the bombing … been investigated?": the subject is done
        node = node.head
    return True


def _the_question_s_own(node: Token, opening: Token) -> bool:
    """Whether ``node`` is the verb the question asks about, parsed under its opening verb.

    The parse roots an inverted question at the verb that opens it and hangs
    the question's verb under it: as a clause on its subject ("Were two
    journalists wounded in Gaza?", "Are rebels attacking ships?"), as a
    clause of its own without a word that makes it a time or a cause ("Is
    there shelling in Kherson?"; not "Were troops in Bucha when the killings
    took place?"), or as its subject ("Is the army bombing Khartoum?", "Did
    vessels fire water cannon …?", where "did" leaves no verb at all).
    """
    head = node.head
    if node.dep_ == "acl" and head.dep_ in ("nsubj", "nsubjpass", "attr"):
        # the last such verb is asked; one before it describes the subject, a deed
        # taken as given: "Were the bodies found in Izium buried by soldiers?"
        return (
            head.head.i == opening.i
            and node.tag_ in ("VBN", "VBG")
            and not any(
                c.dep_ == "acl" and c.i > node.i and c.tag_ in ("VBN", "VBG") for c in head.children
            )
        )
    if head.i != opening.i:
        return False
    if node.dep_ == "advcl":
        return not any(c.dep_ in ("mark", "advmod") and c.i < node.i for c in node.children)
    if node.dep_ in ("nsubj", "attr"):
        return opening.lemma_ == "do" or (
            node.lower_.endswith("ing")
            and not any(c.dep_ in ("attr", "acomp", "oprd") for c in opening.children)
        )
    return False


_CLAUSES_TOLD_AS_DONE = frozenset({"advcl", "ccomp", "relcl", "acl", "csubj", "pcomp", "pobj"})
"""The relations of a clause or phrase the question takes as given: "when the killings
took place", "ignore that gunmen killed 40", "the town they seized"."""


_AGREEMENTS = frozenset(
    {"truce", "ceasefire", "cease-fire", "armistice", "deal", "agreement", "accord", "pact"}
)
"""Agreements, which talks may have as their subject before any is made."""
_TALKED_OVER = frozenset({"discuss", "debate", "negotiate", "consider", "review", "examine"})
"""Verbs whose object is the subject of talks, not something done."""


def _an_agreement_talked_over(token: Token) -> bool:
    """Whether the trigger is an agreement that talks are about, not one made.

    "are due to meet in Cairo to discuss the second phase of the truce": the
    truce is the subject of the talks, and no agreement was made in Cairo.
    Not a deed discussed ("discussed the attack on Kharkiv" happened).
    """
    if token.lemma_.lower() not in _AGREEMENTS:
        return False
    node = token
    for _ in range(4):
        if node.dep_ in ("dobj", "pobj", "compound", "nmod", "conj"):
            node = node.head
            if node.pos_ == "VERB" or node.dep_ == "xcomp":
                return node.lemma_.lower() in _TALKED_OVER
        elif node.dep_ == "prep":
            node = node.head
        else:
            return False
    return False


_TAKING = frozenset({"take", "capture", "seize", "retake", "recapture", "overrun"})
"""Verbs of taking a place, which an attempt leaves untaken."""
_TRYING = frozenset({"try", "attempt", "seek", "struggle", "fight"})
"""Verbs of an attempt: "trying to take the town" has not taken it."""


def _only_tried_to_take(token: Token) -> bool:
    """Whether a taking is only attempted: "where the rebels have been trying to take the town".

    The place is fought over, not taken. Not a taking told done after the
    attempt ("tried to take the town and seized it").
    """
    return (
        token.lemma_.lower() in _TAKING
        and token.dep_ == "xcomp"
        and token.head.lemma_.lower() in _TRYING
    )


def _under_an_inverted_condition(token: Token) -> bool:
    """Whether the trigger is in a condition opened by "should", "were" or "had".

    "Should fighting reach Kosti, 200,000 people could be displaced", "Were
    the army to attack Kosti, thousands would flee", "Had the rebels taken
    Goma, …": an "if" written by putting the verb first, which tells nothing
    as done. Only a clause under another: a question opens the same way.
    """
    clause = token
    if clause.dep_ in ("nsubj", "nsubjpass", "csubj", "aux", "dobj"):
        clause = clause.head  # "should fighting reach": the parse makes the noun an aux
    if clause.dep_ in ("xcomp", "advcl") and clause.head.lower_ in ("were", "had"):
        clause = clause.head  # "Were the army to attack Kosti"
    if clause.dep_ not in ("advcl", "ccomp"):
        return False
    first = next((t for t in clause.subtree if t.dep_ not in ("mark", "punct")), None)
    return first is not None and first.lower_ in _INVERTING and first.i < token.i


_INVERTING = frozenset({"should", "were", "had"})
"""The verbs that open a condition put first: "Should fighting reach Kosti, …"."""


def _answered_yes(token: Token) -> bool:
    """Whether the sentence after the trigger's question opens with "yes".

    "Were any civilians killed in Sumy? Yes, officials said four died.", "Q:
    Did drones hit the port? A: Yes.": the answer tells the deed as done.
    """
    doc = token.doc
    end = token.sent.end
    words = [t for t in doc[end : end + _ANSWER_OPENING] if t.is_alpha][:2]
    if words and words[0].text in _ANSWER_LABELS:
        words = words[1:]  # "A: Yes"
    return bool(words) and words[0].lower_ in _YES


_ANSWER_OPENING = 4
"""How many tokens after a question its answer's "yes" may stand: "A: Yes"."""
_ANSWER_LABELS = frozenset({"A", "Answer"})
_YES = frozenset({"yes", "yeah", "yep"})


def the_subject_of_a_condition(token: Token) -> bool:
    """Whether the trigger is a noun that a condition put first is about.

    "Should the fighting in El Fasher spread to Tawila, …": the fighting goes
    on where its own words put it; only what it does under the condition
    (spreading to Tawila) is not done.
    """
    return (
        token.pos_ in ("NOUN", "PROPN")
        and token.dep_ in ("nsubj", "nsubjpass")
        and _under_an_inverted_condition(token)
    )


def told_as_planned(token: Token) -> bool:
    """Whether the event whose trigger is ``token`` is told as not done yet."""
    if asked_whether(token) and not _answered_yes(token):
        return True  # "Was there any incursion into our airspace?": asked, not told
    if _an_agreement_talked_over(token):
        return True  # "met to discuss the second phase of the truce"
    if _only_tried_to_take(token):
        return True  # "has been trying to take the town since last year"
    if _under_an_inverted_condition(token):
        return True  # "should fighting reach Kosti, 200,000 could be displaced"
    if _listed_after_a_forecast(token):
        return True  # "the most likely outcome is more of the same: shells into the sea"
    node = token
    if node.pos_ in ("NOUN", "PROPN"):
        if _noun_ahead(node):
            return True
        if node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.lemma_ in _ROUNDS:
            node = node.head.head  # "a new round of negotiations is expected": the round's
        if node.dep_ == "advcl":
            pass  # "If the Syrians attack, ...": a verb the tagger took for a noun
        elif node.dep_ not in ("dobj", "nsubj", "nsubjpass", "attr", "pobj"):
            return False
        else:
            node = node.head  # "will hold talks", "talks are due to resume"
            if (
                node.lemma_.lower() in _AHEAD_OF_A_NOUN
                and node.dep_ != "prep"
                and not _a_known_deed(token, node)
            ):
                return True  # "talks are scheduled to resume", "feared further raids"
            if node.dep_ == "prep":
                node = node.head  # "agreed to a meeting"
                if node.lemma_.lower() in _AHEAD_NOUNS and node.pos_ == "NOUN":
                    return True  # "discussed preparations for talks in Addis Ababa"
            if node.lemma_.lower() in _ANSWERING:
                # "would not comment on the attack in Kharkiv", "will investigate the
                # bombing": one answers a deed done, whatever is ahead of the answer
                return False
    if _aim_of_a_noun(node):
        return True  # "a counteroffensive to retake Lashio", "plans to march on Kinshasa"
    if (
        node.dep_ == "advcl"
        and any(c.dep_ == "mark" and c.lower_ in _CONDITIONS for c in node.children)
        and not _asks_whether(node.head)
    ):
        # "if its tankers were attacked"; only the event's own verb: "unless the
        # army stopped shelling X" tells a shelling going on. An "if" that asks
        # ("reporters asked if troops had entered Rafah") opens no adverbial clause.
        return True
    if (
        node.i == token.i
        and node.lemma_.lower() not in _ENDING
        and node.dep_ == "advcl"
        and any(c.dep_ == "mark" and c.lower_ in _AWAITED for c in node.children)
        and _ahead(node.head)
    ):
        # "vowed it would not stop until the government negotiated": awaited, not done
        return True
    for _ in range(_MAX_STEPS):
        if node.pos_ not in ("VERB", "AUX", "ADJ"):
            return False
        if _ahead(node):
            return True
        head = node.head
        if head.i == node.i:
            return False
        if node.dep_ == "ccomp" and _a_semicolon_between(node, head):
            # "leaders met in Noumea on 1 April; further talks are planned in Paris":
            # two clauses the parse hung one on the other
            return False
        if (
            node.dep_ in ("xcomp", "ccomp") or (_purpose(node) and head.lemma_.lower() in _VOWING)
        ) and (head.lemma_.lower() in _PLANNING or (head.lemma_ == "go" and head.tag_ == "VBG")):
            # "threatened to strike", "is set to visit", "are going to meet"; and an
            # infinitive the parse hangs on as a purpose: "threatened in a speech from
            # Sanaa to extend attacks to the Mediterranean"
            return True
        if (
            node.dep_ in ("xcomp", "ccomp")
            and head.lemma_.lower() in _PERMITTING
            and (_ahead(head) or any(c.dep_ == "neg" for c in head.children))
        ):
            return True  # "will not allow forces to deploy south of Damascus"
        if (
            (
                node.i == token.i
                or (token.head.i == node.i and node.lemma_.lower() in _BRINGING_ABOUT)
            )
            and node.dep_ == "xcomp"
            and head.lemma_.lower() in _REQUESTING
            and not any(c.dep_ in ("prt", "prep") and c.lower_ == "on" for c in head.children)
        ):
            return True  # "urged him to send a team to Switzerland"; not "pressed on to take"
        if (
            node.dep_ == "ccomp"
            and head.lemma_.lower() in _WARNING
            and any(c.dep_ == "aux" and c.lower_ in POSSIBLE for c in node.children)
            and not any(c.dep_ == "aux" and c.lemma_ == "have" for c in node.children)
        ):
            # "warned it could fire missiles over Japan"; not "warned the strike may
            # have killed dozens", a report of a past deed
            return True
        if (
            node.dep_ == "relcl"
            and head.lower_ in _ANYONE
            and node.tag_ not in ("VBD", "VBN")  # "anyone who ambushed the convoy": done
            and head.head.pos_ in ("VERB", "AUX")
            and _ahead(head.head)
        ):
            # "would arrest anyone who protests in Lagos": whoever might, not a
            # protest told
            return True
        if node.dep_ == "xcomp" or _purpose(node) or _shares_the_verb_group(node):
            node = head  # "will travel to Tokyo to meet investors", "will meet and sign"
            continue
        return False
    return False


def _a_semicolon_between(one: Token, other: Token) -> bool:
    """Whether a semicolon parts the two words: they stand in clauses of their own."""
    low, high = sorted((one.i, other.i))
    return any(t.text == ";" for t in one.doc[low + 1 : high])


_ANYONE = frozenset({"anyone", "anybody", "whoever", "everyone", "everybody"})
"""Pronouns a relative clause makes a rule of: "anyone who protests", not someone who did."""


_VOWING = frozenset({"threaten", "vow", "pledge", "promise", "swear"})
"""Verbs of threat or vow whose infinitive is ahead even when the parse hangs it on as
a purpose ("threatened in a speech to extend attacks"); not "set fire to tyres to
protest", whose purpose is done."""
_PERMITTING = frozenset({"allow", "let", "permit", "authorise", "authorize", "tolerate"})
"""Verbs of letting: what one will let happen, or will not or did not ("will not allow
forces to deploy", "troops were not allowed to enter Rafah"), has not happened, and is
told as not done; what one "allowed" may have."""


_ANSWERING = frozenset(
    {"comment", "condemn", "denounce", "investigate", "probe", "examine", "review",
     "mourn", "remember", "commemorate", "respond", "react", "criticise", "criticize",
     "deplore", "confirm", "document", "blame"}
)  # fmt: skip
"""Verbs that answer a deed already done: their object event is no plan however far
ahead the answer lies ("will investigate the bombing")."""


def _a_known_deed(noun: Token, verb: Token) -> bool:
    """Whether what was plotted is named as a deed done ("plotted the October 7 attack").

    "plotting an attack" is not done; "convicted of plotting the attacks in
    Paris that killed 130" names attacks that were.
    """
    return verb.lemma_.lower() in ("plot", "conspire") and any(
        c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an") for c in noun.children
    )


def _ahead(verb: Token) -> bool:
    """Whether the verb is put ahead: by an auxiliary, a planning adjective or a time.

    "will meet", "would strike", "are due to", "meets next week", "tomorrow".
    """
    for child in verb.children:
        if child.dep_ in ("aux", "auxpass") and child.lower_ in _FUTURE_AUX:
            return True
        if child.dep_ == "aux" and child.lower_ in _MAYBE and _told_as_possible(verb, child):
            return True
        if (
            child.dep_ == "xcomp"
            and verb.lemma_ == "be"
            and child.lemma_.lower() not in _JUDGED
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children)
        ):
            # "talks are to be held in Istanbul", "the envoy is to visit"; not "the
            # army is to blame for the shelling"
            return True
        if child.dep_ == "acomp" and child.lemma_.lower() in _PLANNING:
            return True  # "talks are due to resume", "troops are ready to move"
        if child.lower_ in _AHEAD_WORDS and child.dep_ in ("advmod", "npadvmod"):
            return True
        if (
            child.dep_ == "npadvmod"
            and child.lemma_.lower() in _TIME_UNITS
            and any(c.lower_ == "next" for c in child.children)
        ):
            return True  # "meets next week"
        if (
            child.dep_ == "npadvmod"
            and child.lemma_.lower() in _TIME_UNITS
            and any(c.lower_ == "later" for c in child.children)
            and any(c.lower_ == "this" for c in child.children)
        ):
            return True  # "at the summit in Bridgetown later this month"
    return False


def _shares_the_verb_group(verb: Token) -> bool:
    """Whether a conjoined verb shares its head's auxiliaries ("will meet and sign").

    Not one with a subject or a past form of its own: "the army will advance
    on Bukavu, and jets bombed Goma" tells a done bombing.
    """
    return verb.dep_ == "conj" and verb.tag_ not in ("VBD", "VBN") and not has_subject(verb)


def _aim_of_a_noun(verb: Token) -> bool:
    """Whether the verb is an infinitive a noun takes ("an offensive to retake X").

    The noun names the intent (a plan, a bid, an offensive, an order); what
    it is meant to do is not told as done.
    """
    return (
        verb.pos_ in ("VERB", "AUX")
        and verb.dep_ in ("acl", "relcl")
        and verb.head.pos_ in ("NOUN", "PROPN")
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    )


def _purpose(verb: Token) -> bool:
    """Whether the verb is a purpose clause ("to meet investors") of the verb above."""
    return verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _noun_ahead(noun: Token) -> bool:
    """An event noun's own words put it ahead: "a planned visit", "talks scheduled for May".

    Or "a state visit to Brazil, expected in May", a time after "expected";
    or what something happens "ahead of" ("troops massed ahead of the summit").
    """
    if ahead_of(noun) and not _told_as_done(noun) and not _told_of_the_past(noun.head.head):
        return True
    if _awaited_for(noun):
        return True
    for child in noun.children:
        if child.dep_ in ("amod", "compound") and child.lower_ in _AHEAD_ADJECTIVES:
            return True
        if child.dep_ != "acl":
            continue
        lemma = child.lemma_.lower()
        if lemma in ("schedule", "plan"):
            return True  # "talks scheduled for May"
        if lemma in ("set", "due") and any(
            c.dep_ == "xcomp" or (c.dep_ == "prep" and c.lower_ == "for") for c in child.children
        ):
            return True  # "a summit set for June"; not "the march set off"
        if (
            lemma == "expect"
            and not _done_after_all(noun)
            and any(_a_time_ahead(c) for c in child.children)
        ):
            # "a state visit, expected in May"; not "an attack, expected for weeks",
            # "casualties, expected in the hundreds", nor "the offensive, expected
            # later this year, began on Monday"
            return True
    return False


def _awaited_for(noun: Token) -> bool:
    """Whether someone is awaited somewhere for the event: "is expected in Ankara for talks".

    Those expected or due there have not yet met; "arrived in Ankara for
    talks" tells a trip made.
    """
    if noun.dep_ != "pobj" or noun.head.lower_ != "for":
        return False
    above = noun.head.head
    return above.lower_ == "due" or (
        above.lemma_.lower() == "expect" and any(c.dep_ == "auxpass" for c in above.children)
    )


def _a_time_ahead(word: Token) -> bool:
    """Whether a word after "expected" gives a time: "in May", "next week", "soon"."""
    if word.lower_ in ("soon", "shortly"):
        return True
    if word.dep_ == "npadvmod":
        return word.ent_type_ in ("DATE", "TIME")
    return (
        word.dep_ == "prep"
        and word.lower_ in ("in", "on", "by", "within")
        and any(c.ent_type_ in ("DATE", "TIME") for c in word.children)
    )


def ahead_of(noun: Token) -> bool:
    """Whether the event noun is what something happens "ahead of": "ahead of the summit"."""
    return noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lower_ == "ahead"


def _told_of_the_past(ahead: Token) -> bool:
    """Whether what "ahead of" hangs on is a deed told in the simple past.

    "Hours ahead of the attack, militants scouted the area": a story of what
    came before a deed done; "troops massed ahead of next week's summit" says
    when the summit is. Not "have massed ahead of the summit", still to come.
    """
    node = ahead
    while node.head.i != node.i and node.pos_ not in ("VERB", "AUX"):
        node = node.head
    return (
        node.tag_ == "VBD"
        and not any(c.dep_ == "amod" and c.lower_ in _AHEAD_ADJECTIVES for c in ahead.subtree)
        and not any(t.lower_ in ("next", "upcoming", "coming") for t in ahead.subtree)
    )


def _told_as_done(noun: Token) -> bool:
    """Whether a relative clause tells the noun's event as done: "the attack, which killed two"."""
    return any(
        c.dep_ == "relcl"
        and c.tag_ == "VBD"
        and not any(g.dep_ in ("aux", "neg") for g in c.children)
        for c in noun.children
    )


def _done_after_all(noun: Token) -> bool:
    """Whether the noun is the subject of a past verb: "the offensive … began on Monday".

    Not a negated one: "the visit … has not been confirmed".
    """
    verb = noun.head
    return (
        noun.dep_ in ("nsubj", "nsubjpass")
        and verb.tag_ == "VBD"
        and not any(c.dep_ == "neg" for c in verb.children)
    )


def told_in_the_past(token: Token, verb: Token | None = None) -> bool:
    """Whether the trigger, its verb or the verb its noun hangs on is a past form.

    "Jets struck Goma on March 3" in an article dated February 20 is a past
    strike with a misread year, not a plan: only a date ahead of the article
    on a verb that is not past makes an event planned.
    """
    words = [token, token.head] if token.pos_ in ("NOUN", "PROPN") else [token]
    if verb is not None:
        words.append(verb)
    return any(w.tag_ in ("VBD", "VBN") for w in words)


_WORDS_OF_NEWS = frozenset(
    {
        "detail", "details", "information", "word", "comment", "evidence", "sign",
        "indication", "confirmation", "update", "explanation", "news", "account",
    }
)  # fmt: skip
"""Nouns of what is said about a deed: "gave no details of the strike or the raid" denies
the details, not the raid the parse joined to them."""


def _asked_and_answered_no(token: Token) -> bool:
    """Whether the trigger is what someone was asked about, and the answer is no.

    "Asked whether jets had also struck near Tyre, a spokesman said no",
    "Asked if troops had entered Rafah, the army denied it": the question's
    deed, which the answer denies. An answer that says yes, or anything else,
    leaves it as asked ("the minister said they had").
    """
    clause = token
    while clause.dep_ in ("conj", "xcomp") and clause.head.i != clause.i:
        clause = clause.head
    asked = clause.head
    if not (
        clause.dep_ in ("ccomp", "advcl")
        and asked.lemma_.lower() == "ask"
        and any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in clause.children)
        and asked.dep_ == "advcl"
    ):
        return False
    answer = asked.head
    return _denies_what_was_asked(answer) or (
        answer.lemma_.lower() in SAYING and any(c.lower_ == "no" for c in answer.children)
    )


def _denies_what_was_asked(answer: Token) -> bool:
    """Whether the answer denies the deed asked about, not who did it.

    "the army denied it", "denied the reports", "denied that its jets had
    struck the town"; not "the Kremlin denied any involvement", "denied
    targeting civilians": the doer's part, or another deed, is disputed.
    """
    if not _denies(answer):
        return False
    return all(
        c.lemma_.lower() in _POINTING_BACK
        for c in answer.children
        if c.dep_ in ("dobj", "xcomp", "pcomp")
    )


_POINTING_BACK = frozenset(
    {"it", "that", "this", "so", "report", "claim", "allegation", "account", "story", "charge"}
)
"""What a denial's object may be to deny the deed asked about: "denied it", "the reports"."""


def told_as_denied(token: Token) -> bool:
    """Whether the text says the event did not happen.

    "Grozny has not been captured", "the jets never struck the town", "no
    strikes hit the city", "the junta denied targeting civilians", "hit the
    port without casualties", "killing no one", "to avoid attacks": a negation
    on the verb, a verb of denial or of averting above it, "without" before
    it, or "no" before the noun, its subject or its object.
    """
    if any(c.dep_ == "neg" for c in token.children):
        return True
    if token.dep_ in ("xcomp", "ccomp", "dobj") and _denies(token.head):
        return True  # "the junta denied targeting civilians"
    if (
        token.dep_ == "compound"
        and token.lower_.endswith("ing")
        and token.head.dep_ == "dobj"
        and _denies(token.head.head)
        and not any(
            c.dep_ in ("dative", "dobj") and c != token.head for c in token.head.head.children
        )
    ):
        return True  # "denied bombing hospitals", the parse making the verb a compound
    if _a_denied_claim(token):
        return True  # "denied reports that drones had struck a base"
    if _a_claim_called_false(token):
        return True  # "claims that the air force bombed a village are false"
    if _a_labelled_claim_rated_false(token):
        return True  # "Claim: jets struck the air base in Srinagar. … Verdict: False."
    if _asked_and_answered_no(token):
        return True  # "Asked whether jets had struck near Tyre, a spokesman said no."
    if _corrected(token):
        return True  # "An earlier version of this article said a car bomb exploded in X"
    if _without_evidence(token):
        return True  # "there is no evidence that a missile struck Haifa"
    if _only_rumoured(token):
        return True  # "no arrests after a rumour of a shooting in Auckland"
    if _refused(token):
        return True  # "Russia refused to close its airspace", "ruled out imposing a no-fly zone"
    if _after_without(token):
        return True  # "hit the port without casualties", "without causing casualties"
    if _stopped_before(token):
        return True  # "shot down the drone before it entered Israeli airspace"
    if _aim_of_a_noun(token) and _says_none(token.head):
        return True  # "had no plans to march on Kinshasa"
    if token.dep_ in ("dobj", "nsubjpass") and (
        token.head.lemma_.lower() in _AVERTING or _called_off(token.head)
    ):
        return True  # "hugged the coast to avoid attacks", "cancelled a visit to X"
    if token.pos_ in ("NOUN", "PROPN"):
        return (
            _says_none(token)
            or _negated_as_a_thing_done(token)
            # "no blast or drone attack took place": "no" reaches the nouns it is joined to
            or (
                token.dep_ == "conj"
                and token.head.pos_ in ("NOUN", "PROPN")
                and token.head.lemma_.lower() not in _WORDS_OF_NEWS
                and _says_none(token.head)
            )
            # the same, parsed as "(no blast or drone) attack"
            or any(
                c.dep_ in ("nmod", "compound")
                and _says_none(c)
                and any(g.dep_ == "cc" for g in c.children)
                for c in token.children
            )
        )
    return any(
        (c.dep_ in ("nsubj", "nsubjpass", "dobj") and _says_none(c))
        or (
            c.dep_ in ("dobj", "nsubj", "nsubjpass")
            and c.lower_ in _NO_ONE
            # "None other than Putin visited Mariupol" says who did it
            and not any(g.lower_ in ("other", "but") for g in c.children)
        )
        for c in token.children
    )  # "no strikes hit the city", "injuring nobody", "None of the jets crossed"


def _stopped_before(verb: Token) -> bool:
    """Whether a "before" clause tells what an interception stopped from happening.

    "intercepted the drone over the Gulf of Aqaba before it reached Israeli
    airspace": it never reached it. Only the thing stopped arriving: the
    clause's "it" or "they" agrees with what was stopped (the object, or the
    passive subject) and not with who stopped it. Not another's deed ("before
    the rebels seized Goma"), what it did once stopped ("before it crashed"),
    nor the stoppers' own move ("destroyed the bridge before they crossed").
    """
    if not (
        verb.dep_ == "advcl"
        and verb.lemma_.lower() in _ARRIVING
        and any(c.dep_ == "mark" and c.lower_ == "before" for c in verb.children)
    ):
        return False
    head = verb.head
    if not (head.lemma_.lower() in _STOPPING or _shot_down(head)):
        return False
    pronoun = next(
        (c for c in verb.children if c.dep_ == "nsubj" and c.lower_ in ("it", "they")), None
    )
    if pronoun is None:
        return False
    plural = pronoun.lower_ == "they"
    stopped = [c for c in head.children if c.dep_ in ("dobj", "nsubjpass")]
    # a pronoun that stopped it stands for one named before ("the army said it
    # intercepted the drone before it reached X"): only a noun stopper competes
    stoppers = [c for c in head.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"]
    return any(_plural(c) == plural for c in stopped) and not any(
        _plural(c) == plural for c in stoppers
    )


def _plural(word: Token) -> bool:
    """Whether a noun or pronoun is plural: "drones", "they"."""
    return word.tag_ in ("NNS", "NNPS") or word.lower_ in ("they", "them", "we", "us")


_ARRIVING = frozenset({"enter", "reach", "hit", "strike", "cross", "penetrate", "violate"})
"""What a thing in flight does on arriving, which stopping it before prevents (lemmas):
not what it did all the same once stopped ("crashed", "fell")."""


_STOPPING = frozenset(
    {"intercept", "down", "destroy", "stop", "repel", "thwart", "foil", "neutralise",
     "neutralize", "disable", "jam"}
)  # fmt: skip
"""Verbs of stopping a thing in flight or on its way (lemmas)."""


def _shot_down(verb: Token) -> bool:
    """Whether the verb is "shot down" (the particle makes it a stop, not a shooting)."""
    return verb.lemma_.lower() == "shoot" and any(
        c.dep_ == "prt" and c.lower_ == "down" for c in verb.children
    )


_CLAIMS = frozenset(
    {"report", "claim", "allegation", "accusation", "rumour", "rumor", "suggestion", "assertion",
     "post", "video"}
)  # fmt: skip
"""Nouns for what someone says happened, which a denial can take as its object."""


_UNFOUNDED = frozenset({"rumour", "rumor", "hoax", "prank"})
"""Nouns for a report of an event that did not happen: "a rumour of a shooting"."""


_EARLIER = frozenset({"earlier", "previous", "original", "prior"})
"""What a correction calls the text it corrects: "an earlier version of this article"."""
_VERSIONS = frozenset({"version", "versions", "edition"})
_LIVE_ENTRIES = frozenset({"entry", "post", "update"})
"""A live blog's items, which it takes back under a correction: "our 08:05 entry said"."""
_OUR_TEXTS = frozenset({"story", "article", "report", "version"})
"""Not "earlier reports said ten were killed", which a later count overtook, not undid."""
_CLAUSE_LINKS = frozenset(
    {"ccomp", "conj", "xcomp", "relcl", "acl", "advcl", "dobj", "pobj", "prep", "nsubj",
     "nsubjpass"}
)  # fmt: skip
_WRONGLY = frozenset(
    {"previously", "incorrectly", "wrongly", "erroneously", "mistakenly", "falsely"}
)


def _corrected(token: Token) -> bool:
    """Whether the trigger tells what a correction says the text got wrong.

    "An earlier version of this article said the riot took place in X", "this
    story incorrectly reported that a bomb exploded in Y": the text's own
    earlier saying is the error, and what it said did not happen there. Not
    what an official said mistakenly (the deed may have happened, only its
    toll or kind was wrong), nor the fact the correction goes on to give, past a
    semicolon or in a clause of its own ("…; it exploded in Pasaje").
    """
    clause = token
    while clause.dep_ in _CLAUSE_LINKS:
        if clause.dep_ == "conj" and has_subject(clause):
            return False  # "…, but the blast hit Mykolaiv": the correction's own fact
        clause = clause.head
        if clause.lemma_.lower() in SAYING:
            if _a_semicolon_between(token, clause):
                return False  # "…; they struck Sidon", however the parse hangs it
            return any(
                c.dep_ in ("nsubj", "nsubjpass")
                and (
                    # "an earlier version of this article said"
                    (c.lower_ in _VERSIONS and any(m.lower_ in _EARLIER for m in c.children))
                    # "CORRECTION: an earlier entry said", "our 08:05 entry said …
                    # That was wrong": a live blog's own item, called wrong
                    or (c.lower_ in _LIVE_ENTRIES and _a_corrected_entry(c))
                    # "this story incorrectly reported"
                    or (
                        c.lower_ in _OUR_TEXTS
                        and any(m.lower_ == "this" for m in c.children)
                        and any(a.lower_ in _WRONGLY for a in clause.children)
                    )
                )
                for c in clause.children
            )
    return False


_CALLED_WRONG = re.compile(
    r"\b(?:was|is|were|are)\s+(?:wrong|incorrect|inaccurate|mistaken|false|untrue)\b"
    r"|\bin error\b|\bhas been corrected\b",
    re.IGNORECASE,
)
"""What a live blog says of its own entry that it takes back: "That was wrong"."""


def _a_corrected_entry(entry: Token) -> bool:
    """Whether a live blog's entry, post or update is its own, and called wrong.

    "CORRECTION: An earlier entry said …", "Our 08:05 entry said … That was
    wrong": the blog takes its item back. Not someone else's post ("an
    earlier post by the governor", "the army's original post"), nor an
    update a later count overtook ("an earlier update said three were
    killed; the toll has since risen to five").
    """
    if not any(m.lower_ in _EARLIER or m.lower_ in ("our", "this") for m in entry.children):
        return False
    if any(
        (m.dep_ == "poss" and m.lower_ not in ("our", "this"))
        or (m.dep_ == "prep" and m.lower_ in ("by", "from"))
        for m in entry.children
    ):
        return False
    text = doc_text(entry.doc)
    sentence = entry.sent
    line_start = text.rfind("\n", 0, sentence.start_char) + 1
    if text[line_start : line_start + 12].lower().lstrip(" *_#").startswith("correction"):
        return True
    if "correction" in text[max(line_start, sentence.start_char - 20) : entry.idx].lower():
        return True  # "… five people. CORRECTION: Our 08:05 entry said …"
    return bool(_CALLED_WRONG.search(text, sentence.end_char, sentence.end_char + 160))


def _only_rumoured(token: Token) -> bool:
    """Whether the event noun is what a rumour or a hoax told of: "a rumour of a shooting"."""
    head = token.head
    return (
        token.dep_ == "pobj"
        and head.lower_ in ("of", "about")
        and head.head.lemma_.lower() in _UNFOUNDED
    )


def _a_denied_claim(token: Token) -> bool:
    """Whether the trigger tells the content of a claim a verb of denial takes.

    "Pakistan denied reports that drones had struck a base", "rejected claims
    that its jets bombed the market": the denial's object is the claim, and
    the trigger's clause hangs on the claim.
    """
    claim = token.head
    if (
        token.dep_ in ("dobj", "ccomp")
        and claim.dep_ == "relcl"
        and claim.lemma_.lower() in _CLAIMING
    ):
        claim = claim.head  # "denied a viral post that claimed an explosion near X"
        return claim.lemma_.lower() in _CLAIMS and claim.dep_ == "dobj" and _denies(claim.head)
    return (
        token.dep_ in ("acl", "ccomp", "relcl")
        and claim.lemma_.lower() in _CLAIMS
        and claim.dep_ in ("dobj", "nsubjpass", "conj")
        and _denies(claim.head)
    )


_CLAIMING = frozenset({"claim", "say", "report", "allege", "suggest", "show"})
"""Verbs by which a post or a report tells what it claims: "a post that claimed …"."""


_FALSE = frozenset(
    {"false", "untrue", "baseless", "unfounded", "groundless", "fabricated", "fake", "bogus"}
)  # fmt: skip
"""Words a fact-check calls a claim that did not happen: "claims that … are false".
Not "incorrect" or "misleading", which mostly dispute who did it or how: "the claim
that rebels attacked the convoy is incorrect: it was the army that attacked it"."""


def _a_claim_called_false(token: Token) -> bool:
    """Whether the trigger tells a claim the sentence calls false.

    "Claims that the air force bombed a village are false", "the claim that
    jets bombed the market is baseless": the claim is the subject of "be" and
    a word of falsehood. Not "is not false", which stands by it.
    """
    claim = token.head
    if token.dep_ not in ("acl", "ccomp") or claim.lemma_.lower() not in _CLAIMS:
        return False
    verb = claim.head
    return (
        claim.dep_ == "nsubj"
        and verb.lemma_.lower() == "be"
        and not any(c.dep_ == "neg" for c in verb.children)
        and any(c.dep_ == "acomp" and c.lower_ in _FALSE for c in verb.children)
    )


_CLAIM_LABEL = re.compile(r"^[ \t>*_#]*(?:the\s+)?claims?[ \t*_]*:", re.IGNORECASE | re.MULTILINE)
"""A fact-check's label before the claim it checks: "Claim:", "**Claim:**"."""
_VERDICT = re.compile(
    r"^[ \t>*_#]*(?:our\s+|the\s+)?(?:verdict|rating|ruling|conclusion)[ \t*_]*:[ \t*_]*"
    r"(?:(?:totally|completely|entirely|mostly)\s+)?(?P<word>[A-Za-z]+)\b"
    # what may follow the rating: the line's end, a stop, or a word of what is rated
    r"(?=[ \t]*(?:$|[.!,;:()*_/|\u2013\u2014-]|(?:news|claims?|content|information|"
    r"context|stor(?:y|ies)|reports?|posts?|images?|videos?|photos?|footage|quotes?|"
    r"screenshots?|attributions?|headlines?|maps?|captions?|graphics?|charts?|documents?|"
    r"letters?|statements?|audio|clips?|figures?|numbers?|statistics|labels?|translations?|"
    r"in|and|or|but)\b))",
    re.IGNORECASE | re.MULTILINE,
)
"""A fact-check's verdict on the claim above it: "Verdict: False", "**Rating:** Fake",
"Verdict: Fake news", "Rating: False claim", "Verdict: False/Misleading". Only the
rating alone or before a word of what it rates: "Ruling: False flag operation",
"Verdict: False hope for residents" rate nothing (the review of session 48, 10)."""
_VERDICT_WINDOW = 1500
"""How far after a claim's line (characters) its verdict is looked for."""


def _a_labelled_claim_rated_false(token: Token) -> bool:
    """Whether the trigger is in a fact-check's "Claim:" line that its verdict calls false.

    "**Claim:** Pakistani jets struck the air base in Srinagar." then
    "**Verdict: False.**": the claim is what the article exists to debunk, and
    the strike did not happen there. The verdict is the first one after the
    claim's line, before the next claim; one that upholds the claim ("True"),
    or disputes only how it is told ("Misleading"), leaves the event standing.
    """
    text = doc_text(token.doc)
    line_start = text.rfind("\n", 0, token.idx) + 1
    if not _CLAIM_LABEL.match(text, line_start):
        return False
    line_end = text.find("\n", token.idx)
    after = len(text) if line_end < 0 else line_end
    window = text[after : after + _VERDICT_WINDOW]
    verdict = _VERDICT.search(window)
    if verdict is None:
        return False
    next_claim = _CLAIM_LABEL.search(window)
    if next_claim is not None and next_claim.start() < verdict.start():
        return False  # the verdict below is another claim's
    return verdict.group("word").lower() in _FALSE


_EVIDENCE = frozenset({"evidence", "proof", "sign", "indication", "trace"})
"""Nouns for what would show that something happened: "no evidence that …"."""


def _without_evidence(token: Token) -> bool:
    """Whether the trigger tells what the text says there is no evidence of.

    "There is no evidence that a missile struck Haifa", "investigators found
    no sign that drones hit the base": a fact-check's refusal to report it.
    """
    noun = token.head
    return token.dep_ in ("acl", "ccomp") and noun.lemma_.lower() in _EVIDENCE and _says_none(noun)


def _denies(verb: Token) -> bool:
    """Whether a verb of denial denies what it takes.

    Not "did not deny", "neither confirmed nor denied" or "refused to deny",
    which leave the claim standing.
    """
    if verb.lemma_.lower() not in DENYING:
        return False
    if any(c.dep_ == "neg" or c.lower_ in ("neither", "nor") for c in verb.children):
        return False
    if verb.dep_ == "conj" and any(
        c.lower_ in ("neither", "nor") for c in (*verb.head.children, *verb.children)
    ):
        return False
    return not _refused(verb)


_AVERTING = frozenset(
    {"avoid", "prevent", "avert", "thwart", "foil", "forestall", "deter", "evade", "preempt",
     "cancel", "postpone", "abort", "suspend"}
)  # fmt: skip
"""Verbs whose object did not happen: "to avoid Houthi attacks", "foiled a bombing",
"cancelled a visit to Dubai", "the talks were postponed", "suspended peace talks"."""


def _called_off(verb: Token) -> bool:
    """Whether the verb is "call off" ("called off the talks in Doha")."""
    return verb.lemma_.lower() == "call" and any(
        c.dep_ == "prt" and c.lower_ == "off" for c in verb.children
    )


_REFUSING = frozenset({"refuse", "decline", "reject", "veto", "oppose"})
"""Verbs whose complement is not done: "refused to close its airspace"."""


def _refused(token: Token) -> bool:
    """Whether a verb of refusal governs the trigger, or the verb whose object it is.

    "refused to close", "declined to impose", "ruled out imposing a no-fly zone"
    ("rule" with its particle "out").
    """
    for _ in range(3):
        if token.dep_ not in ("xcomp", "ccomp", "dobj", "pcomp") or token.head.i == token.i:
            return False
        head = token.head
        lemma = head.lemma_.lower()
        if lemma in _REFUSING or (
            lemma == "rule" and any(c.dep_ == "prt" and c.lower_ == "out" for c in head.children)
        ):
            return True
        token = head
    return False


_DONE = frozenset({"hold", "stage", "conduct", "carry"})
"""Verbs whose negation negates the event noun they take or that they pass: "did not
carry out strikes", "talks were not held". Not "did not condemn the attack",
"did not attend the summit" or "police have not confirmed the blast", which leave
the event standing, nor "was not launched from Syria", which denies a place."""
_SHOWING = frozenset({"show", "depict", "prove"})
"""Verbs of a record that shows an event: "the video does not show a missile strike"
shows none; "did not show the explosion" leaves a known one standing."""
_WITNESSED = frozenset({"see", "witness", "experience"})
"""Verbs of seeing an event: "had never seen a protest in Berlin" saw none; "did not
see the explosion" and "had never seen such shelling" tell one that happened."""
_GONE_TO = frozenset({"be", "go"})
"""Verbs of having been at an event: "had never been to a riot"."""


def _negated_as_a_thing_done(noun: Token) -> bool:
    """Whether an event noun is what a negated verb of doing or witnessing takes."""
    verb = noun.head
    lemma = verb.lemma_.lower()
    if noun.dep_ == "pobj" and verb.lower_ == "to" and verb.head.lemma_.lower() in _GONE_TO:
        return _never(verb.head) and _any_one(noun)  # "had never been to a riot"
    if noun.dep_ == "dobj" and lemma in _WITNESSED:
        return _never(verb) and _any_one(noun)  # "had never seen a protest"
    if noun.dep_ == "dobj" and lemma in _SHOWING:
        # "the video does not show a missile strike on Haifa"
        return any(c.dep_ == "neg" for c in verb.children) and _any_one(noun)
    if noun.dep_ in ("dobj", "nsubjpass") and lemma in _DONE:
        return any(c.dep_ == "neg" for c in verb.children)
    return False


def _never(verb: Token) -> bool:
    """Whether "never" negates the verb."""
    return any(c.dep_ == "neg" and c.lower_ == "never" for c in verb.children)


def _any_one(noun: Token) -> bool:
    """Whether the noun names any one of its kind ("a protest", "any riot"), not a known one."""
    return any(c.dep_ == "det" and c.lower_ in ("a", "an", "any") for c in noun.children)


_NO_ONE = frozenset({"nobody", "none", "noone", "neither"})
"""Objects or subjects that say the deed had none: "injuring nobody", "None of
the aircraft violated its airspace", "Neither of the drones reached the city"."""


_NEGATING = frozenset({"not", "no", "never", "hardly", "scarcely", "barely", "rarely", "seldom"})
"""Words that turn "without" round: "not a day goes by without shelling"."""


def _after_without(token: Token) -> bool:
    """Whether "without" governs the trigger, or the verb whose object it is.

    Not when what "without" hangs on is itself negated: "not a day goes by
    without shelling", "hardly a night passes without drone attacks" tell
    the events as happening.
    """
    if token.dep_ == "dobj" and token.head.dep_ == "pcomp":
        token = token.head  # "without causing casualties"
    if token.dep_ not in ("pobj", "pcomp") or token.head.lower_ != "without":
        return False
    without = token.head
    clause = without.head
    return not any(
        t.lower_ in _NEGATING for t in clause.subtree if t.i < without.i and t.i != token.i
    )


def _says_none(noun: Token) -> bool:
    """Whether "no" or "neither" determines the noun ("no strikes", "neither drone")."""
    return any(c.dep_ == "det" and c.lower_ in ("no", "neither") for c in noun.children)


_REMEMBERING = frozenset(
    {"remember", "commemorate", "mourn", "honour", "honor", "memorialise", "memorialize",
     "recall", "depict", "portray"}
)  # fmt: skip
"""Verbs whose object event is remembered or told where they take place, not happening
there: "a film depicting the killings was screened in Cannes"."""
LOOKING_BACK = frozenset(
    {"anniversary", "memorial", "commemoration", "remembrance", "ceremony", "service",
     "memory", "wreath", "vigil", "inquiry", "investigation", "probe", "trial", "hearing",
     "film", "documentary", "book", "exhibition"}
)  # fmt: skip
"""Nouns of looking back on an event: "the anniversary of the bombing", "a memorial
for the victims of the attack", "an inquiry into the killing", "a film about the
shelling"."""
_ON_THE_WAY = frozenset(
    {"of", "for", "into", "about", "over", "victim", "victims", "dead", "memory", "to",
     "against"}
)  # fmt: skip
"""Words between an event noun and what looks back on it: "for the victims of the
bombing", "an inquiry into the killing"."""
_PROTESTS = frozenset({"protest", "rally", "demonstration", "march", "sit-in", "strike"})
_CONDEMNING = frozenset({"condemn", "denounce", "protest", "rally", "demonstrate", "march"})
_CAUSE_WORDS = frozenset({"against", "over", "about"})
"""A protest "against" or "over" an event, or one held to condemn it, is where the
protesters were: "in Kano, residents staged a protest against the killings" names no
killing in Kano."""
_JUDGING = frozenset(
    {"convict", "acquit", "indict", "sentence", "prosecute", "sue", "charge", "try", "jail",
     "hear", "file", "open", "rule", "case", "lawsuit", "verdict", "indictment", "charges",
     "court", "tribunal"}
)  # fmt: skip
"""Words of a court, a prosecutor or a lawsuit that deal with an event of another year:
"convicted the men over the 2015 attacks", "heard a case about the 1995 massacre"."""


def looked_back_on(token: Token) -> bool:
    """Whether the text looks back on an event noun rather than reports it happening.

    "Residents remembered the 1988 bombing at a service in London", "a
    memorial was held in Madrid for victims of the 2004 bombing", "on the
    anniversary of the attack", "an inquiry into the killing opened in
    London", "a film about the killing premiered in Venice": the event
    happened elsewhere and earlier, where its own words say; the place of
    the remembrance, the inquiry or the film is not its place. Walks up
    through "of", "for", "into", "about" and "the victims", to a verb of
    remembering, a noun of looking back, or a verb whose subject is one ("a
    memorial was held … for the victims"). A court or a lawsuit looks back
    on an event it dates in a past year ("a court in Paris convicted the men
    over the 2015 attacks"); police who charge a man "over Saturday's
    stabbing" are most often where it happened. A clause that tells what the
    event did ("the 2004 bombings that killed 191") is looked back on with it.
    """
    if token.pos_ in ("VERB", "AUX") and token.dep_ in ("relcl", "acl"):
        # "the anniversary of the 2004 bombings that killed 191": the bombings'
        # deaths; "the 2015 attack on a hotel in Sousse, which killed 38", however
        # far down the noun's phrase the parse hangs the clause
        return any(looked_back_on(noun) for noun in phrase_heads(token))
    if token.pos_ not in ("NOUN", "PROPN"):
        return False
    judged = _of_a_past_year(token)
    node = token
    for _ in range(_MAX_STEPS + 2):
        head = node.head
        if head.i == node.i:
            return False
        lemma = head.lemma_.lower()
        if lemma in LOOKING_BACK or (head.pos_ == "VERB" and lemma in _REMEMBERING):
            return True
        if (node.lower_ in _CAUSE_WORDS and lemma in _PROTESTS) or (
            head.pos_ == "VERB"
            and lemma in _CONDEMNING
            and (node.lower_ in _CAUSE_WORDS or node.dep_ == "dobj")
        ):
            # "a protest against the killings", "rallied over the attack", "a rally to
            # condemn the attacks"
            return True
        if judged and lemma in _JUDGING and (head.pos_ != "VERB" or node.dep_ == "prep"):
            return True  # "charged a man over the 2015 bombing"; not "charged protesters"
        if head.pos_ in ("VERB", "AUX"):
            return any(
                c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in LOOKING_BACK
                for c in head.children
            ) or (
                judged
                and any(
                    c.dep_ in ("nsubj", "dobj") and c.lemma_.lower() in _JUDGING
                    for c in head.children
                )
            )
        if judged and head.dep_ == "dobj" and head.head.lemma_.lower() in _JUDGING:
            return True  # "convicted the men over the 2015 attacks"
        if head.lower_ not in _ON_THE_WAY and lemma not in _ON_THE_WAY:
            return False
        node = head
    return False


def phrase_heads(clause: Token) -> list[Token]:
    """The nouns whose phrase holds a relative or participle clause, nearest first.

    "the attack on a hotel in Sousse, which killed 38": Sousse, the hotel, the
    attack (up through "of", "on", "in" … and their objects, four steps at most).
    None for a clause about somewhere else: "the site of the 2020 blast, where
    protesters clashed" (see :func:`about_someone` for "who").
    """
    if any(c.lower_ in _SOMEWHERE_ELSE for c in clause.children):
        return []
    heads: list[Token] = []
    node = clause.head
    for _ in range(_PHRASE_STEPS):
        if node.i == clause.i or node.pos_ not in ("NOUN", "PROPN"):
            break
        heads.append(node)
        if node.dep_ != "pobj" or node.head.dep_ != "prep" or node.head.head.i == node.head.i:
            break
        node = node.head.head
    return heads


_PHRASE_STEPS = 4
_SOMEWHERE_ELSE = frozenset({"where", "why"})
"""Relative words whose clause tells of a place or a reason, not of the noun's event."""
_SOMEONE = frozenset({"who", "whom", "whose"})


def about_someone(clause: Token) -> bool:
    """Whether a relative clause tells of a person, not of the noun's event.

    "a suspect in the 2016 bombings who opened fire" (the parse may hang the
    clause on the event) did so on a day and at a place of its own.
    """
    return any(c.lower_ in _SOMEONE for c in clause.children)


def _of_a_past_year(noun: Token) -> bool:
    """Whether an event noun is dated in a year: "the 2015 attacks", "the 1995 massacre"."""
    return any(
        c.like_num and len(c.text) == 4 and c.text.isdigit() and c.text[:2] in ("19", "20")
        for c in noun.subtree
        if c.i < noun.i
    )


_OPENER_WORDS = 7
"""The most words "In …," may take to name a work ("In the hit Netflix thriller,")."""
_STORIES = frozenset(
    {"film", "movie", "novel", "sequel", "musical", "opera", "drama", "thriller"}
)  # fmt: skip
"""Works that tell a story, whether a sentence opens in one or it is about an event."""
_FICTION = _STORIES | {"game", "series", "play", "comic", "chess", "videogame"}
"""Works and games whose story a sentence may tell: "In the film, rebels raid a base"."""
_GAMES = frozenset({"video", "computer", "board", "mobile", "online"})
"""Words that make a game a played one: "a video game lets players …"."""


_TITLE_WORDS = 10
"""The most words a work's quoted title after its kind may take: 'the novel "Red Dawn"'."""


def told_in_fiction(words: Sequence[Token], said: str | None = None) -> bool:
    """Whether a sentence (its tokens) tells a film's, a book's or a game's story, not the news.

    It opens "In the film,", "In the 2022 film,", "In the HBO series," or
    "In chess," (a work, not a day's or a numbered one: "In Sunday's game,"
    and "In the second game," tell the news; nor an episode), or its subject
    is a played game: "the latest video game lets players call in
    airstrikes over a recreated Cairo" (a gunman who played online games, or
    an arcade attacked, are news); or it names a work or a game's map "set
    in" a place ("gamers can fight in a new map set in Cairo", "a film set in
    Kabul shows soldiers storming a village"). ``said`` is the sentence's
    text, when the caller has it: a sentence without "game" or " set in " in
    it is read no further.
    """
    opening = [t for t in words[: _OPENER_WORDS + 2 + _TITLE_WORDS] if not t.is_space]
    if len(opening) >= 3 and opening[0].lower_ == "in":
        opening = _without_a_title(opening)  # 'In the novel "Red Dawn over Riga",'
        comma = next((n for n, t in enumerate(opening[: _OPENER_WORDS + 2]) if t.text == ","), None)
        if comma is not None and comma >= 2 and opening[comma - 1].lower_ in _FICTION:
            before = opening[1 : comma - 1]
            work = opening[comma - 1].lower_
            if not any(
                (t.tag_ == "POS" and not _an_author_s(t, work))
                # "In protest at the film," tells the news of a protest; "In the new
                # season of the drama series," is a part of the work
                or (t.pos_ == "ADP" and not _of_a_part_of_a_work(t))
                or (
                    t.ent_type_ in ("DATE", "TIME", "ORDINAL")
                    and not _a_year(t)
                    and not _numbers_a_part_of_a_work(t)
                )
                for t in before
            ):
                return True  # "In the film,", "In the 2022 film,", "In the HBO series,"
    if (said is None or " set in " in said) and any(_a_work_set_somewhere(t) for t in words):
        return True  # "players can fight in a new map set in Cairo"
    if said is not None and "game" not in said.lower():
        return False
    return any(t.lower_ in ("game", "games") and _a_played_game_as_subject(t) for t in words)


_PARTS_OF_A_WORK = frozenset(
    {"season", "episode", "chapter", "part", "volume", "instalment", "installment", "sequel",
     "finale", "scene", "issue", "trailer", "book", "series"}
)  # fmt: skip


def _an_author_s(possessive: Token, work: str) -> bool:
    """Whether the "'s" makes a person the author of a story: "In Victoria Hislop's new novel,".

    Not a day's or a team's ("In Sunday's game,", "In Madrid's play,"): those tell the news.
    """
    doc = possessive.doc
    return work in _AUTHORED and possessive.i > 0 and doc[possessive.i - 1].ent_type_ == "PERSON"


_AUTHORED = frozenset(
    {"novel", "book", "memoir", "film", "movie", "sequel", "musical", "opera", "series", "comic"}
)
"""Works a named author's possessive may open ("In Le Carré's new novel,"); not a drama
or a thriller, which a politician's may name as a figure ("In Trump's drama, …")."""


def _numbers_a_part_of_a_work(word: Token) -> bool:
    """Whether an ordinal numbers a part of a work: "In the third series of the drama,".

    Not "In the second game,": a match told in the news.
    """
    doc = word.doc
    return (
        word.ent_type_ == "ORDINAL"
        and word.i + 2 < len(doc)
        and doc[word.i + 1].lemma_.lower() in _PARTS_OF_A_WORK
        and doc[word.i + 2].lower_ == "of"
    )


def _of_a_part_of_a_work(word: Token) -> bool:
    """Whether the word is the "of" after a part of a work: "the new season of"."""
    doc = word.doc
    return word.lower_ == "of" and word.i > 0 and doc[word.i - 1].lemma_.lower() in _PARTS_OF_A_WORK


def _without_a_title(opening: list[Token]) -> list[Token]:
    """The opening words with a quoted title after a work's kind left out.

    'In the new novel "Red Dawn over Riga", tanks …' reads as "In the new
    novel, tanks …"; the title's own words name no place anything happened.
    """
    for n, word in enumerate(opening[:-1]):
        if word.lower_ in _FICTION and opening[n + 1].text in QUOTE_MARKS:
            close = next(
                (
                    k
                    for k in range(n + 2, min(len(opening), n + 3 + _TITLE_WORDS))
                    if opening[k].text in QUOTE_MARKS
                ),
                None,
            )
            if close is not None:
                # a comma inside the quotes ('"Winter over Tallinn," tanks') still closes
                comma = [opening[close - 1]] if opening[close - 1].text == "," else []
                return opening[: n + 1] + comma + opening[close + 1 :]
        if word.lower_ in _FICTION and word.pos_ == "NOUN":
            # 'In the spy drama Tehran, now streaming,': an unquoted title, in
            # capitals up to the comma
            k = n + 1
            while (
                k < len(opening)
                and k - n <= _UNQUOTED_TITLE
                and opening[k].pos_ == "PROPN"
                and opening[k].ent_type_ not in ("DATE", "TIME")  # "In the game Saturday,"
            ):
                k += 1
            if n + 1 < k < len(opening) and opening[k].text == ",":
                return opening[: n + 1] + opening[k:]
    return opening


_UNQUOTED_TITLE = 4
"""The most capitalised words a work's title without quotes may take: "the drama Tehran"."""


_WORKS = _STORIES | {"documentary", "book", "biopic", "memoir", "docudrama"}
"""Works whose subject an event told after "about" is, not the news: "a thriller about
a pilot shot down over Belarus", "a documentary about the shelling of Mostar"."""


def told_of_in_a_work(token: Token) -> bool:
    """Whether the event is what a film or a book is about.

    "Critics praised a thriller about a pilot shot down over Belarus": the
    film is the news, the shoot-down its story (or a past one it retells).
    Only the event's own phrase: the trigger, or the noun its participle or
    relative clause describes, is the object of "about" after a work noun.
    A report on an attack is news of it, and a verb ("filmed", "booked",
    "played") is no work.
    """
    node = token
    if _a_story_in_which(token):
        return True  # "a war game in which Russian troops seize the Suwalki Gap"
    if node.dep_ in ("acl", "relcl") and node.head.pos_ in ("NOUN", "PROPN"):
        node = node.head  # "a pilot shot down over Belarus"
    about = node.head
    return (
        node.dep_ == "pobj"
        and about.lower_ == "about"
        and about.head.pos_ == "NOUN"
        and about.head.lemma_.lower() in _WORKS
    )


_IMAGINED = _WORKS | {"game", "wargame", "simulation", "scenario", "exercise", "drill"}
"""Works, games and rehearsals whose "in which" clause tells what they imagine or play out."""


def _a_story_in_which(token: Token) -> bool:
    """Whether the event is told in an "in which" clause of a work, a game or an exercise.

    "published a war game in which Russian troops seize the Suwalki Gap",
    "the film, in which rebels storm a base in Kabul", "an exercise in which
    troops seized an airfield": played out or told, not done. Not "an
    operation in which troops seized an airfield".
    """
    return (
        token.dep_ == "relcl"
        and token.head.lemma_.lower() in _IMAGINED
        and any(
            c.dep_ == "prep"
            and c.lower_ in ("in", "during")
            and any(g.lower_ == "which" for g in c.children)
            for c in token.children
        )
    )


def _a_work_set_somewhere(word: Token) -> bool:
    """Whether the word is "set" after a work or a game's map: "a new map set in Cairo"."""
    return (
        word.lower_ == "set"
        and word.dep_ == "acl"
        and word.head.lemma_.lower() in _FICTION | _SETTINGS
        and any(c.dep_ == "prep" and c.lower_ == "in" for c in word.children)
    )


_SETTINGS = frozenset({"map", "level", "episode", "story", "book", "show", "scene", "campaign"})
"""What a game or a show sets somewhere, besides the works themselves: "a map set in Cairo"."""


def _a_played_game_as_subject(game: Token) -> bool:
    """Whether "game" is a video (or online …) game inside its sentence's subject."""
    if not any(m.lower_ in _GAMES for m in game.children if m.dep_ in ("compound", "amod")):
        return False
    node = game
    while node.head.i != node.i:
        if node.dep_ in ("nsubj", "nsubjpass") and node.head.dep_ == "ROOT":
            return True
        node = node.head
    return False


def _a_year(token: Token) -> bool:
    """Whether the word is a year ("the 2022 film")."""
    return token.like_num and len(token.text) == 4
