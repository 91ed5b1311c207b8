"""How much of a corpus's resolution error is the corpus's own point convention.

A country, a province or a sea has no one true point: GeoNames, Wikipedia and
each gold corpus put it somewhere of their own choosing, hundreds of
kilometres apart for a large country. A geoparser that picks the right place
still "misses" by that distance. To tell such misses from wrong places, this
module re-scores matched predictions as if every place of some feature kinds
had been put at another point:

- :func:`modal_gold_points`: for each gazetteer id, the point the corpus's own
  gold gives it most often (an oracle: no geoparser can know it in advance);
- :func:`rescore_at_points`: the resolution scores with those points
  substituted, for this corpus or transplanted into another;
- :func:`accuracy_ceiling`: the best accuracy@161 possible while the given
  kinds stay where they are, even if every other place were right.

Gold points are never written anywhere: the results are only figures.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence

from eventmap.evaluation.evaluate import (
    ACCURACY_KM,
    DocumentScore,
    Match,
    ResolutionScores,
    haversine_km,
    resolution_scores,
)

__all__ = ["FeatureOf", "accuracy_ceiling", "modal_gold_points", "rescore_at_points"]

FeatureOf = Callable[[str], str | None]
"""Maps a gazetteer id to its feature kind ("country", "admin1" …), or None."""

#: Gold points closer than this are one point when counting (0.01° is about 1 km).
_POINT_DECIMALS = 2


def _scored_pairs(scores: Sequence[DocumentScore]) -> Iterator[Match]:
    """Matched pairs that count for resolution: both sides have a point."""
    for score in scores:
        for match in score.matches:
            if match.error_km is not None:
                yield match


def _of_kind(match: Match, feature_of: FeatureOf, features: Collection[str]) -> bool:
    gazetteer_id = match.predicted.gazetteer_id
    return gazetteer_id is not None and feature_of(gazetteer_id) in features


def modal_gold_points(
    scores: Sequence[DocumentScore], feature_of: FeatureOf, features: Collection[str]
) -> dict[str, tuple[float, float]]:
    """For each predicted gazetteer id of ``features``, the gold point it is matched to most.

    Points are counted rounded to about a kilometre; ties go to the smaller
    (lat, lon), so the result does not depend on document order.
    """
    seen: dict[str, Counter[tuple[float, float]]] = defaultdict(Counter)
    for match in _scored_pairs(scores):
        if not _of_kind(match, feature_of, features):
            continue
        assert match.predicted.gazetteer_id is not None
        assert match.gold.lat is not None and match.gold.lon is not None
        point = (round(match.gold.lat, _POINT_DECIMALS), round(match.gold.lon, _POINT_DECIMALS))
        seen[match.predicted.gazetteer_id][point] += 1
    return {
        gazetteer_id: min(counts.items(), key=lambda item: (-item[1], item[0]))[0]
        for gazetteer_id, counts in seen.items()
    }


def rescore_at_points(
    scores: Sequence[DocumentScore], points: Mapping[str, tuple[float, float]]
) -> ResolutionScores:
    """Resolution scores as if each prediction whose gazetteer id is in ``points`` sat there.

    Predictions of other ids keep their own point, so ``points`` taken from
    another corpus measure what that corpus's convention would cost this one.
    """
    errors = []
    for match in _scored_pairs(scores):
        point = points.get(match.predicted.gazetteer_id or "")
        if point is None:
            assert match.error_km is not None
            errors.append(match.error_km)
        else:
            assert match.gold.lat is not None and match.gold.lon is not None
            errors.append(haversine_km(match.gold.lat, match.gold.lon, *point))
    return resolution_scores(errors)


def accuracy_ceiling(
    scores: Sequence[DocumentScore], feature_of: FeatureOf, features: Collection[str]
) -> float | None:
    """Accuracy@161 if every pair not of ``features`` were right and those stayed as they are.

    An upper bound: it credits every other place, so no improvement elsewhere
    can lift accuracy past it while places of ``features`` keep their points.
    """
    pairs = wrong = 0
    for match in _scored_pairs(scores):
        pairs += 1
        assert match.error_km is not None
        if match.error_km > ACCURACY_KM and _of_kind(match, feature_of, features):
            wrong += 1
    return (pairs - wrong) / pairs if pairs else None
