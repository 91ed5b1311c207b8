"""The pipeline: article text in, resolved mentions and events out.

:class:`Pipeline` holds everything that is expensive to load (the spaCy model,
the gazetteer index, the layer definitions) and is created once per process;
:meth:`Pipeline.process` is then a pure function of one article's text and
metadata, which is what lets later engines run it per article in parallel.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from geopy.geocoders.base import Geocoder

from eventmap.articles import Article
from geo.extract import MentionExtractor
from geo.gazetteer import Gazetteer, open_gazetteer
from geo.nlp import load_nlp
from geo.resolve import Resolver
from geo.sources import demonym_table, regional_adjective_table
from geo.types import Resolved
from layers.classify import ArticleInfo, classify_article
from layers.registry import load_layers
from layers.types import Event, LayerDefinition

__all__ = ["ArticleResult", "Pipeline"]


@dataclass(frozen=True)
class ArticleResult:
    """Everything the pipeline found in one article."""

    article_id: str
    resolved: tuple[Resolved, ...]
    events: tuple[Event, ...]


class Pipeline:
    """Loaded models and data, and the per-article processing that uses them."""

    def __init__(
        self,
        *,
        gazetteer: Gazetteer | None = None,
        geocoder: Geocoder | None = None,
        layers: Sequence[LayerDefinition] | None = None,
        layers_dir: Path | None = None,
        model: str | None = None,
    ) -> None:
        self.gazetteer = gazetteer or open_gazetteer()
        self.nlp = load_nlp(model)
        self.layers = list(layers) if layers is not None else load_layers(layers_dir)
        self.extractor = MentionExtractor(
            self.gazetteer, demonym_table(), regional_adjective_table()
        )
        self.resolver = Resolver(self.gazetteer, geocoder=geocoder)

    def process(self, article: Article) -> ArticleResult:
        """Find, resolve and classify every place mention of one article."""
        return self.process_text(
            article.text,
            info=ArticleInfo(
                id=article.id, title=article.title, date=article.date, url=article.url
            ),
        )

    def process_text(self, text: str, *, info: ArticleInfo) -> ArticleResult:
        """The same as :meth:`process` for bare text (the ``geoparse`` batch interface)."""
        doc = self.nlp(text)
        mentions = self.extractor.extract(doc)
        resolved = self.resolver.resolve(text, mentions)
        events = classify_article(doc, resolved, article=info, layers=self.layers)
        return ArticleResult(info.id, tuple(resolved), tuple(events))
