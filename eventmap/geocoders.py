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

__all__ = ["ONLINE_MIN_DELAY_SECONDS", "geocoder_names", "make_geocoder"]

#: Seconds between requests to an online service (Nominatim's policy is 1/s).
ONLINE_MIN_DELAY_SECONDS = 1.0


_OFFLINE_NAMES = ("offline", "eventmap", "")
# Services whose terms ask every application to name itself.
_NEEDS_USER_AGENT = frozenset({"nominatim", "openmapquest", "pickpoint"})


def geocoder_names() -> list[str]:
    """Every name ``--geocoder`` takes: ``offline`` first, then geopy's services."""
    from geopy.geocoders import SERVICE_TO_GEOCODER

    return ["offline", *sorted(SERVICE_TO_GEOCODER)]


def make_geocoder(name: str, options: dict[str, Any] | None = None) -> Geocoder | None:
    """The geocoder named ``name``; ``None`` means the offline default.

    Raises
    ------
    ValueError
        When geopy knows no such service (the message lists the names), or
        the options do not fit it (for Nominatim without a ``user_agent``, the
        message names the option to add).
    """
    service = name.lower()
    if service in _OFFLINE_NAMES:
        return None
    try:
        cls = get_geocoder_for_service(service)
    except Exception:  # geopy raises GeocoderNotFound, its message a dict_keys([...])
        raise ValueError(
            f"unknown geocoder {name!r}; use one of: {', '.join(geocoder_names())}"
        ) from None
    options = dict(options or {})
    if service in _NEEDS_USER_AGENT and not str(options.get("user_agent", "")).strip():
        raise ValueError(
            f"the {service} geocoder needs a user agent naming your application: add "
            "--geocoder-option user_agent=YOUR-APP (e.g. user_agent=my-newsroom-map)"
        )
    try:
        geocoder = cls(**options)
    except Exception as exc:
        first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        raise ValueError(f"cannot configure geocoder {name!r}: {first}") from exc
    limited = RateLimiter(geocoder.geocode, min_delay_seconds=ONLINE_MIN_DELAY_SECONDS)
    geocoder.geocode = limited
    return geocoder
