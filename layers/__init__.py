"""What happened there: layer definitions and sentence-level classification."""
