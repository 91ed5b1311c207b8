"""What to run: the settings that decide what the pipeline makes of an article.

A :class:`PipelineConfig` is small, frozen, hashable and picklable. It is what
a build sends to Dask workers (each builds its pipeline from it once, see
:func:`eventmap.build.work.pipeline_for`) and what the build cache's version digest
is computed from (:mod:`eventmap.version`), so neither needs the loaded spaCy
model. Layer definitions travel by value, not as a folder path, so a remote
worker classifies with exactly the layers the client read.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from layers.types import LayerDefinition

__all__ = ["OFFLINE", "PipelineConfig"]

OFFLINE = "offline"
"""The geocoder name that means eventmap's own offline geocoder."""


@dataclass(frozen=True)
class PipelineConfig:
    """The pipeline's settings, without anything loaded.

    ``layers`` empty means the bundled definitions; ``model`` ``None`` means
    the first installed of :data:`geo.nlp.MODEL_NAMES`; ``data_dir`` ``None``
    means the gazetteer's default folder (on each worker, its own).
    """

    geocoder: str = OFFLINE
    geocoder_options: tuple[tuple[str, str], ...] = ()
    layers: tuple[LayerDefinition, ...] = ()
    model: str | None = None
    data_dir: str | None = None
    overrides: str = ""
    """The text of the analyst's ``places.toml`` ("" for none): see :mod:`geo.overrides`."""

    @classmethod
    def create(
        cls,
        *,
        geocoder: str = OFFLINE,
        geocoder_options: Mapping[str, str] | None = None,
        layers_dir: Path | None = None,
        model: str | None = None,
        data_dir: Path | None = None,
    ) -> PipelineConfig:
        """Read the layer definitions and check the geocoder; raise on bad settings.

        Raises
        ------
        layers.registry.LayerError
            A layer definition cannot be used.
        ValueError
            geopy knows no such geocoder, or the options do not fit it.
        """
        from layers.registry import load_layers

        options = tuple(sorted((geocoder_options or {}).items()))
        name = geocoder.strip().lower() or OFFLINE
        if name in ("offline", "eventmap"):
            name = OFFLINE
        else:  # fail now, not on every worker (geopy is imported only for this)
            from eventmap.geocoders import make_geocoder

            make_geocoder(name, dict(options))
        return cls(
            geocoder=name,
            geocoder_options=options if name != OFFLINE else (),
            layers=tuple(load_layers(layers_dir)),
            model=model,
            data_dir=None if data_dir is None else str(data_dir),
        )

    def layer_definitions(self) -> list[LayerDefinition]:
        """The layers to classify with: ``layers``, or the bundled ones."""
        if self.layers:
            return list(self.layers)
        from layers.registry import load_layers

        return load_layers()

    def geocoder_identity(self) -> str:
        """The geocoder, its options and the analyst's overrides, as they enter the cache key."""
        if self.geocoder == OFFLINE:
            identity = OFFLINE
        else:
            options = ",".join(f"{key}={value}" for key, value in self.geocoder_options)
            identity = f"geopy:{self.geocoder}({options})"
        return identity + overrides_suffix(self.overrides)


def overrides_suffix(text: str) -> str:
    """What an overrides file adds to the geocoder identity ("" when there is none)."""
    if not text:
        return ""
    import hashlib

    return "+overrides:" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
