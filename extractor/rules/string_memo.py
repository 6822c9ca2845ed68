"""Bounded memos of the rules' pure functions on strings, and one call that empties them all.

Why one registry: the memos (a folded actor name, an entity key, a number word's value, a parsed
numeric date) are small per entry but their entries are made between the short-lived objects of
a Doc and outlive it, so they keep the allocator's pages of a finished Doc from being handed
back. Between the sections of a very long text (`extractor.sections`) the memos are emptied:
on a 3.6 MB text this kept the worker's resident size after each section from rising by about
2 MB a section. A memo only saves time, so emptying one never changes a result.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])

_MEMOS: list[Any] = []


def string_memo(maxsize: int) -> Callable[[F], F]:
    """`functools.lru_cache(maxsize)`, registered so that `clear_string_memos` can empty it."""

    def wrap(fn: F) -> F:
        cached = lru_cache(maxsize=maxsize)(fn)
        _MEMOS.append(cached)
        return cached  # type: ignore[return-value]

    return wrap


def clear_string_memos() -> None:
    """Empty every registered memo (their functions are pure: results do not change)."""
    for memo in _MEMOS:
        memo.cache_clear()
