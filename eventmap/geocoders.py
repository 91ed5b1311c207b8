"""Choosing the geocoder from configuration.

``offline`` (the default) is :class:`geo.geocoder.OfflineGeocoder`; any other
name is a geopy service (``nominatim``, ``photon``, ``arcgis`` …) built with
the user's options and rate-limited, because public services throttle.
"""

from __future__ import annotations

from typing import Any

from geopy.extra.rate_limiter import RateLimiter
from geopy.geocoders import get_geocoder_for_service
from geopy.geocoders.base import Geocoder

__all__ = ["ONLINE_MIN_DELAY_SECONDS", "make_geocoder"]

#: Seconds between requests to an online service (Nominatim's policy is 1/s).
ONLINE_MIN_DELAY_SECONDS = 1.0


def make_geocoder(name: str, options: dict[str, Any] | None = None) -> Geocoder | None:
    """The geocoder named ``name``; ``None`` means the offline default.

    Raises
    ------
    ValueError
        When geopy knows no such service, or the options do not fit it.
    """
    if name.lower() in ("offline", "eventmap", ""):
        return None
    try:
        cls = get_geocoder_for_service(name.lower())
    except Exception as exc:  # geopy raises GeocoderNotFound
        raise ValueError(f"unknown geocoder {name!r}: {exc}") from exc
    try:
        geocoder = cls(**(options or {}))
    except Exception as exc:
        raise ValueError(f"cannot configure geocoder {name!r}: {exc}") from exc
    limited = RateLimiter(geocoder.geocode, min_delay_seconds=ONLINE_MIN_DELAY_SECONDS)
    geocoder.geocode = limited
    return geocoder
