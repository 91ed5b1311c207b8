"""A real ``geopy`` geocoder over the offline gazetteer.

Everything in eventmap that turns a name into coordinates goes through a
``geopy.geocoders.base.Geocoder``: by default :class:`OfflineGeocoder`, or any
geopy service a user names in configuration (``--geocoder nominatim``). The
offline geocoder has no network code at all: its adapter raises
``GeocoderUnavailable`` on any request, so an accidental HTTP call fails loudly.

Examples
--------
>>> from geo.geocoder import OfflineGeocoder
>>> location = OfflineGeocoder().geocode("Latakia")  # doctest: +SKIP
>>> round(location.latitude, 1), round(location.longitude, 1)  # doctest: +SKIP
(35.5, 35.8)
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict
from pathlib import Path
from typing import Any

from geopy.adapters import BaseSyncAdapter
from geopy.exc import GeocoderQueryError, GeocoderUnavailable
from geopy.geocoders.base import DEFAULT_SENTINEL, Geocoder
from geopy.location import Location

from geo.disambiguate import ArticleContext, rank_candidates
from geo.gazetteer import Gazetteer, open_gazetteer
from geo.types import Candidate

__all__ = ["NoNetworkAdapter", "OfflineGeocoder", "candidate_from_location"]


class NoNetworkAdapter(BaseSyncAdapter):
    """A geopy adapter that refuses every request: the offline geocoder has no network."""

    def __init__(self, *, proxies: Any = None, ssl_context: Any = None) -> None:
        super().__init__(proxies=proxies, ssl_context=ssl_context)

    def get_json(self, url: str, *, timeout: Any, headers: Any) -> Any:
        """Refuse: no request leaves an offline geocoder."""
        raise GeocoderUnavailable(f"offline geocoder made a network request to {url!r}")

    def get_text(self, url: str, *, timeout: Any, headers: Any) -> str:
        """Refuse: no request leaves an offline geocoder."""
        raise GeocoderUnavailable(f"offline geocoder made a network request to {url!r}")


class OfflineGeocoder(Geocoder):
    """Geocode place names against the bundled offline gazetteer.

    Candidates come best first by the same prior the article-level
    disambiguator starts from (feature kind, population, main name or alias),
    so a bare lookup gives the answer a context-free reader would.

    ``geocode`` follows geopy's contract: a :class:`~geopy.location.Location`
    when ``exactly_one`` is true, a list of them otherwise, and ``None`` (never
    ``[]``) when nothing matches. Each location's ``raw`` is the gazetteer
    :class:`~geo.types.Candidate` as a dict (id, feature kind, country,
    population …), which the disambiguator reads.

    It can be passed as a class to ``geopandas.tools.geocode(...,
    provider=OfflineGeocoder)`` and wrapped in geopy's ``RateLimiter`` (use
    ``max_retries=0``: retrying a local lookup changes nothing).
    """

    def __init__(
        self,
        *,
        gazetteer: Gazetteer | None = None,
        data_dir: Path | None = None,
        timeout: Any = DEFAULT_SENTINEL,
        user_agent: str | None = None,
        **_ignored: Any,
    ) -> None:
        super().__init__(
            timeout=timeout,
            user_agent=user_agent or "eventmap-offline",
            adapter_factory=NoNetworkAdapter,
        )
        self._gazetteer = gazetteer
        self._data_dir = data_dir

    @property
    def gazetteer(self) -> Gazetteer:
        """The index, opened (and if need be built) on first use."""
        if self._gazetteer is None:
            self._gazetteer = open_gazetteer(self._data_dir)
        return self._gazetteer

    def geocode(
        self,
        query: str,
        *,
        exactly_one: bool = True,
        timeout: Any = DEFAULT_SENTINEL,
        limit: int | None = None,
        country_codes: str | Iterable[str] | None = None,
    ) -> Location | list[Location] | None:
        """Look ``query`` up in the gazetteer; best prior first.

        Parameters
        ----------
        query
            A place name as written in text ("Ţarţūs", "the Black Sea", "U.S.").
        exactly_one
            Return the best match alone instead of a list.
        timeout
            Accepted for interface compatibility; lookups are local.
        limit
            Most candidates to return when ``exactly_one`` is false.
        country_codes
            Keep only places in these ISO alpha-2 countries.

        Raises
        ------
        geopy.exc.GeocoderQueryError
            When ``query`` is not a non-empty string.
        """
        if not isinstance(query, str) or not query.strip():
            raise GeocoderQueryError(f"query must be a non-empty string, got {query!r}")
        found = self.gazetteer.candidates(query)
        ranked = rank_candidates(found, mention_text=query, context=ArticleContext())
        candidates = [r.candidate for r in ranked]
        if country_codes is not None:
            wanted = {country_codes} if isinstance(country_codes, str) else set(country_codes)
            wanted = {code.upper() for code in wanted}
            candidates = [c for c in candidates if c.country in wanted]
        if limit:
            candidates = candidates[:limit]
        if not candidates:
            return None
        locations = [self._location(c) for c in candidates]
        return locations[0] if exactly_one else locations

    def reverse(
        self,
        query: Any,
        *,
        exactly_one: bool = True,
        timeout: Any = DEFAULT_SENTINEL,
    ) -> Location | list[Location] | None:
        """Name the country at a point (sea gives ``None``)."""
        from geopy.point import Point as GeopyPoint

        from geo.shapes import country_at

        point = GeopyPoint(query)
        iso2 = country_at(point.latitude, point.longitude)
        country = self.gazetteer.country(iso2) if iso2 else None
        if country is None:
            return None
        location = Location(country.name, (point.latitude, point.longitude), asdict(country))
        return location if exactly_one else [location]

    def _location(self, candidate: Candidate) -> Location:
        return Location(self._address(candidate), (candidate.lat, candidate.lon), asdict(candidate))

    def _address(self, candidate: Candidate) -> str:
        if candidate.feature == "country" or not candidate.country:
            return candidate.name
        country = self.gazetteer.country(candidate.country)
        return f"{candidate.name}, {country.name if country else candidate.country}"


def candidate_from_location(location: Location, *, service: str) -> Candidate:
    """Turn any geopy ``Location`` into a :class:`Candidate` for the disambiguator.

    Our own geocoder's ``raw`` already is a candidate; another service's raw
    answer is opaque, so its country comes from the shipped country shapes.
    """
    raw = location.raw if isinstance(location.raw, dict) else {}
    if "gazetteer_id" in raw and "feature" in raw:
        fields = {k: raw[k] for k in Candidate.__dataclass_fields__ if k in raw}
        return Candidate(**fields)
    from geo.shapes import country_at

    ident = raw.get("place_id") or raw.get("osm_id") or f"{location.latitude},{location.longitude}"
    return Candidate(
        gazetteer_id=f"{service}:{ident}",
        name=location.address.split(",")[0] if location.address else str(ident),
        lat=location.latitude,
        lon=location.longitude,
        country=country_at(location.latitude, location.longitude),
        feature="external",
        source=f"geopy:{service}",
        matched_name=location.address or "",
    )
