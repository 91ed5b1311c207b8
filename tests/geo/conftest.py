"""Fixtures shared by the geo tests."""

import pytest

from geo.extract import MentionExtractor
from geo.resolve import Resolver
from geo.sources import demonym_table


@pytest.fixture(scope="module")
def resolve(nlp, gazetteer):
    """Find and resolve the place mentions of a text, as the pipeline does."""
    extractor = MentionExtractor(gazetteer, demonym_table())
    resolver = Resolver(gazetteer)

    def run(text):
        return resolver.resolve(text, extractor.extract(nlp(text)))

    return run


@pytest.fixture(scope="module")
def parse_tagged(nlp):
    """Parse a text as if the model had tagged ``name`` (``words`` long) with ``label``.

    The small model's labels vary with wording; this pins the one a test is about.
    """
    from spacy.tokens import Span

    def run(text, name, label, words=1):
        doc = nlp(text)
        start = [t.text for t in doc].index(name)
        end = start + words
        others = [e for e in doc.ents if e.end <= start or e.start >= end]
        doc.ents = sorted([*others, Span(doc, start, end, label=label)], key=lambda e: e.start)
        return doc

    return run
