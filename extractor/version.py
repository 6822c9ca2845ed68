"""The package version, in a module of its own so that `api` and `cli` need not import the package."""

__version__ = "0.1.0"
