"""opengauge: is this AI model really open source? Ratings with their evidence."""

__version__ = "0.1.0"
