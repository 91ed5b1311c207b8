"""The eventmap application: articles in, a source-cited event map out."""

__version__ = "0.1.0"
