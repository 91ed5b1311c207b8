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
