"""Frozen dataclass records to JSON and back: a cached result is data, never code (pickle runs code)."""

from __future__ import annotations

import dataclasses
import enum
import json
import types
import typing
from functools import cache
from typing import Any, TypeVar

T = TypeVar("T")


def dumps(record: Any) -> bytes:
    """A record as compact JSON (tuples as lists, enums as their values); a file name's undecodable bytes
    (lone surrogates) pass through as json.loads reads them back."""
    return json.dumps(_plain(record), ensure_ascii=False, separators=(",", ":")).encode(
        "utf-8", "surrogatepass"
    )


def loads(kind: type[T], data: bytes) -> T:
    """The record of type kind that `dumps` wrote; ValueError, TypeError or KeyError if data does not fit."""
    try:
        value = json.loads(data)
    except RecursionError as exc:  # arrays nested deeper than Python recurses: no record is
        raise ValueError("JSON nested too deep for a record") from exc
    return _build(kind, value)


def _plain(value: Any) -> Any:
    """A record's fields as JSON values, recursively."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, frozenset):  # in sorted order: equal sets give equal JSON (a cache key's part)
        return sorted(_plain(v) for v in value)
    return value


def _build(kind: Any, value: Any) -> Any:
    """The value of declared type kind from its JSON form, following the field annotations."""
    origin, args = typing.get_origin(kind), typing.get_args(kind)
    if origin in (typing.Union, types.UnionType):
        if value is None and type(None) in args:
            return None
        (inner,) = (a for a in args if a is not type(None))
        return _build(inner, value)
    if origin is tuple:
        items = zip(args, value, strict=True) if Ellipsis not in args else ((args[0], v) for v in value)
        return tuple(_build(a, v) for a, v in items)
    if origin is frozenset and isinstance(value, list):
        return frozenset(_build(args[0], v) for v in value)
    if dataclasses.is_dataclass(kind):
        if not isinstance(value, dict):
            raise TypeError(f"{value!r} is not a {kind.__name__} record")
        fields = _fields(kind)
        if set(value) != set(fields):
            raise KeyError(f"{kind.__name__}: fields {sorted(value)} are not {sorted(fields)}")
        return kind(**{name: _build(fields[name], v) for name, v in value.items()})
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return kind(value)
    if kind is float and isinstance(value, int | float) and not isinstance(value, bool):
        try:
            return float(value)
        except OverflowError as exc:  # an integer of hundreds of digits
            raise ValueError(f"{value} is too large for a float") from exc
    if kind in (str, int, bool) and type(value) is kind:
        return value
    raise TypeError(f"{value!r} is not a {kind}")


@cache
def _fields(kind: type) -> dict[str, Any]:
    """A dataclass's field names and resolved types."""
    hints = typing.get_type_hints(kind)
    return {f.name: hints[f.name] for f in dataclasses.fields(kind)}
