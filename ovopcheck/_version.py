"""The version of ovopcheck: one leaf that the package, its reports and the build (hatch) all read."""

__version__ = "0.3.0"
