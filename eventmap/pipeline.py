"""The pipeline: article text in, resolved mentions and events out.

:class:`Pipeline` holds everything that is expensive to load (the spaCy model,
the gazetteer index, the layer definitions) and is created once per process
(:func:`eventmap.build.work.pipeline_for` keeps one per configuration, in the
client and in every Dask worker). Its stages are pure functions of one
article's text and metadata, which is what lets the engines run them per
article in parallel and the build cache keep each stage's result:

* :meth:`Pipeline.parse_many` runs spaCy over many texts in batches;
* :meth:`Pipeline.locate` finds the place mentions of a parse and resolves them;
* :meth:`Pipeline.classify` puts the resolved places on layers.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from geopy.geocoders.base import Geocoder
from spacy.tokens import Doc

from eventmap.articles import MAX_ARTICLE_CHARS, Article, parse_view
from eventmap.config import OFFLINE, PipelineConfig, overrides_suffix
from eventmap.version import PipelineVersion, pipeline_version
from geo.extract import MentionExtractor
from geo.gazetteer import Gazetteer, open_gazetteer
from geo.geocoder import OfflineGeocoder
from geo.nlp import load_nlp, model_identity
from geo.overrides import Overrides, parse_overrides
from geo.resolve import Resolver
from geo.respace import parse_texts
from geo.sources import demonym_table, regional_adjective_table
from geo.types import Resolved
from layers.classify import ArticleInfo, classify_article
from layers.events import detect_events
from layers.location_model import load_location_model
from layers.registry import load_layers
from layers.triggers import TypeIndex
from layers.types import Event, LayerDefinition, ReportedEvent

__all__ = ["PARSE_BATCH_SIZE", "ArticleResult", "Pipeline"]

PARSE_BATCH_SIZE = 32
"""Texts spaCy parses together: batching is what makes ``nlp.pipe`` faster than calls."""


@dataclass(frozen=True)
class ArticleResult:
    """Everything the pipeline found in one article."""

    article_id: str
    resolved: tuple[Resolved, ...]
    events: tuple[Event, ...]
    reported: tuple[ReportedEvent, ...] = ()
    """Every event the article reports, with or without a place (``geoparse`` lists them)."""


def _geocoder_identity(geocoder: Geocoder | None) -> str:
    if geocoder is None or isinstance(geocoder, OfflineGeocoder):
        return OFFLINE
    kind = type(geocoder)
    return f"geopy:{kind.__module__}.{kind.__qualname__}"


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
        geocoder_identity: str | None = None,
        overrides: Overrides | None = None,
    ) -> None:
        self.gazetteer = gazetteer or open_gazetteer()
        self.model = model
        self.nlp = load_nlp(model)
        self.layers = list(layers) if layers is not None else load_layers(layers_dir)
        self._types = TypeIndex.of(self.layers)
        self.extractor = MentionExtractor(
            self.gazetteer, demonym_table(), regional_adjective_table()
        )
        self.resolver = Resolver(self.gazetteer, geocoder=geocoder)
        self.overrides = overrides
        self._base_identity = geocoder_identity or _geocoder_identity(geocoder)
        if overrides is not None and not self._base_identity.endswith(
            overrides_suffix(overrides.text)
        ):
            self._base_identity += overrides_suffix(overrides.text)
        self._geocoder_identity = self._base_identity

    @classmethod
    def from_config(cls, config: PipelineConfig) -> Pipeline:
        """Load the pipeline ``config`` describes (see :func:`eventmap.build.work.pipeline_for`)."""
        from eventmap.geocoders import make_geocoder

        data_dir = None if config.data_dir is None else Path(config.data_dir)
        return cls(
            gazetteer=open_gazetteer(data_dir),
            geocoder=make_geocoder(config.geocoder, dict(config.geocoder_options)),
            layers=config.layer_definitions(),
            model=config.model,
            geocoder_identity=config.geocoder_identity(),
            overrides=parse_overrides(config.overrides) if config.overrides else None,
        )

    def with_overrides(self, text: str) -> Pipeline:
        """A copy that applies the analyst's ``places.toml`` text ("" for none).

        The copy shares the loaded model and index; ``self`` comes back when
        nothing changes.
        """
        current = self.overrides.text if self.overrides else ""
        if text == current:
            return self
        twin = copy.copy(self)
        twin.__dict__.pop("version", None)  # the cached version is keyed by the overrides
        twin.overrides = parse_overrides(text) if text else None
        base = self._base_identity.removesuffix(overrides_suffix(current))
        twin._base_identity = base + overrides_suffix(text)
        twin._geocoder_identity = twin._base_identity
        return twin

    @cached_property
    def version(self) -> PipelineVersion:
        """What the build cache keys this pipeline's results by (:mod:`eventmap.version`)."""
        return pipeline_version(
            model=model_identity(self.model),
            gazetteer=self.gazetteer.path.name,
            geocoder=self._geocoder_identity,
            layers=self.layers,
        )

    # -- the stages -------------------------------------------------------------
    def parse_many(
        self, texts: Iterable[str], *, batch_size: int = PARSE_BATCH_SIZE
    ) -> Iterator[Doc]:
        """Parse texts with spaCy in batches, in order.

        Each is parsed as :func:`parse_view` shows it, with the runs of blanks
        inside a line read as single spaces (:mod:`geo.respace`); every offset
        still points into the text given.
        """
        return parse_texts(self.nlp, (parse_view(text) for text in texts), batch_size=batch_size)

    def parse(self, text: str) -> Doc:
        """One text's parse, as :meth:`parse_many` makes it."""
        return next(parse_texts(self.nlp, [parse_view(text)], batch_size=1))

    def locate(
        self, doc: Doc, *, text: str | None = None, article: str | None = None
    ) -> list[Resolved]:
        """Find the place mentions of a parsed text and resolve them together.

        ``text`` is ``doc.text`` when the caller has it (spaCy rebuilds it from
        the tokens on every access); ``article`` is the article id the
        analyst's per-article overrides are matched against.
        """
        mentions = self.extractor.extract(doc)
        return self.resolver.resolve(
            doc.text if text is None else text,
            mentions,
            article=article,
            overrides=self.overrides,
        )

    def detect(
        self, doc: Doc, resolved: Sequence[Resolved], *, info: ArticleInfo
    ) -> list[ReportedEvent]:
        """Every event the article reports, and the places where each happened."""
        return detect_events(
            doc,
            resolved,
            layers=self.layers,
            index=self._types,
            article_date=info.date,
            model=load_location_model(),
        )

    def classify(
        self,
        doc: Doc,
        resolved: Sequence[Resolved],
        *,
        info: ArticleInfo,
        reported: Sequence[ReportedEvent] | None = None,
    ) -> list[Event]:
        """Put each resolved place on its layers, citing the sentence and its event."""
        if reported is None:
            reported = self.detect(doc, resolved, info=info)
        return classify_article(doc, resolved, article=info, layers=self.layers, reported=reported)

    # -- one article at a time ----------------------------------------------------
    def process(self, article: Article) -> ArticleResult:
        """Find, resolve and classify every place mention of one article."""
        return self.process_text(
            article.text,
            info=ArticleInfo(
                id=article.id, title=article.title, date=article.date, url=article.url
            ),
        )

    def process_text(self, text: str, *, info: ArticleInfo) -> ArticleResult:
        """The same as :meth:`process` for bare text (the ``geoparse`` batch interface).

        Raises
        ------
        ValueError
            ``text`` is longer than :data:`~eventmap.articles.MAX_ARTICLE_CHARS`
            (with advice to split it, not spaCy's advice to raise its limit).
        """
        if len(text) > MAX_ARTICLE_CHARS:
            raise ValueError(
                f"text is {len(text):,} characters long; eventmap reads at most "
                f"{MAX_ARTICLE_CHARS:,} per article: split it into several"
            )
        doc = self.parse(text)
        resolved = self.locate(doc, text=text, article=info.id)
        reported = self.detect(doc, resolved, info=info)
        events = self.classify(doc, resolved, info=info, reported=reported)
        return ArticleResult(info.id, tuple(resolved), tuple(events), tuple(reported))
