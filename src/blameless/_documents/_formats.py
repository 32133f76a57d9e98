"""Post-mortem documents as JSON, TOML and YAML text and files.

JSON needs nothing beyond the standard library; orjson is used when it is
installed and gives the same bytes. TOML is read by the standard library
and written through tomli-w; YAML is read and written through PyYAML,
safe loading only. Every parser is held to the same rules: no duplicate
keys, no NaN or Infinity, nothing beyond a size limit.
"""

from __future__ import annotations

import functools
import json
import os
import tomllib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any, Literal

from blameless._documents._converter import (
    from_dict,
    read_quickly,
    to_dict,
)
from blameless._documents._problems import DocumentError, Problem, shown
from blameless._model._post_mortem import PostMortem

if TYPE_CHECKING:
    import yaml

__all__ = [
    "MAX_DOCUMENT_BYTES",
    "Format",
    "dump",
    "dumps",
    "find_documents",
    "format_of",
    "load",
    "load_all",
    "loads",
]

#: The largest document read, in bytes of UTF-8: far beyond any real
#: post-mortem, and small enough that a runaway file fails fast.
MAX_DOCUMENT_BYTES = 4 * 1024 * 1024

#: The names of the document formats.
Format = Literal["json", "toml", "yaml"]

_SUFFIXES: dict[str, Format] = {
    ".json": "json",
    ".toml": "toml",
    ".yaml": "yaml",
    ".yml": "yaml",
}
_BOM = "\ufeff"


# Parsing ------------------------------------------------------------------


class _SyntaxProblem(Exception):  # noqa: N818 - an internal signal
    """The text could not be parsed; the message says why."""


@functools.cache
def _orjson() -> ModuleType | None:
    try:
        import orjson
    except ImportError:
        return None
    return orjson


def _extra(module: str, extra: str) -> ModuleType:
    try:
        return __import__(module)
    except ImportError as error:
        message = (
            f"this format needs {module}, which is not installed; "
            f"install it with: pip install 'blameless[{extra}]'"
        )
        raise ImportError(message) from error


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    mapping = dict(pairs)
    if len(mapping) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                message = f"the key {key!r} appears twice in one object"
                raise _SyntaxProblem(message)
            seen.add(key)
    return mapping


def _refuse_constant(name: str) -> None:
    message = f"{name} is not a number a document may hold"
    raise _SyntaxProblem(message)


def _parse_json(text: str) -> object:
    # The standard parser, because it is the one that can see duplicate
    # keys: orjson keeps the last of them without a word.
    try:
        return json.loads(
            text,
            object_pairs_hook=_unique_keys,
            parse_constant=_refuse_constant,
        )
    except json.JSONDecodeError as error:
        raise _SyntaxProblem(str(error)) from None


def _parse_toml(text: str) -> object:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise _SyntaxProblem(str(error)) from None


def _parse_yaml(text: str) -> object:
    yaml = _extra("yaml", "yaml")
    try:
        return yaml.load(text, Loader=_yaml_loader(yaml))
    except yaml.YAMLError as error:
        raise _SyntaxProblem(str(error)) from None


@functools.cache
def _yaml_loader(pyyaml: ModuleType) -> type:
    """Return PyYAML's safe loader, refusing duplicates and aliases."""

    class Loader(pyyaml.SafeLoader):  # type: ignore[name-defined, misc]
        def compose_node(
            self, parent: yaml.Node | None, index: object
        ) -> yaml.Node | None:
            # Aliases let a few bytes expand into a huge document.
            if self.check_event(pyyaml.AliasEvent):
                event = self.peek_event()
                raise pyyaml.composer.ComposerError(
                    None, None, "aliases are not allowed", event.start_mark
                )
            node: yaml.Node | None = super().compose_node(parent, index)
            return node

        def construct_mapping(
            self,
            node: yaml.MappingNode,
            deep: bool = False,  # noqa: FBT001, FBT002 - PyYAML's signature
        ) -> dict[object, object]:
            keys: list[object] = []
            for key_node, _ in node.value:
                key = self.construct_object(key_node, deep=deep)
                if key in keys:
                    raise pyyaml.constructor.ConstructorError(
                        None,
                        None,
                        f"the key {shown(key)} appears twice in one mapping",
                        key_node.start_mark,
                    )
                keys.append(key)
            mapping: dict[object, object] = super().construct_mapping(
                node, deep=deep
            )
            return mapping

    return Loader


_PARSERS: dict[str, Callable[[str], object]] = {
    "json": _parse_json,
    "toml": _parse_toml,
    "yaml": _parse_yaml,
}


def _text_of(data: object) -> str:
    if isinstance(data, bytes | bytearray | memoryview):
        raw = bytes(data)
        if len(raw) > MAX_DOCUMENT_BYTES:
            raise _SyntaxProblem(_too_big(len(raw)))
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            bad = shown(raw[error.start : error.end])
            message = f"the bytes are not UTF-8: {bad} at byte {error.start}"
            raise _SyntaxProblem(message) from None
    elif isinstance(data, str):
        text = data
        if len(text) * (1 if text.isascii() else 4) > MAX_DOCUMENT_BYTES:
            size = len(text.encode("utf-8", "surrogatepass"))
            if size > MAX_DOCUMENT_BYTES:
                raise _SyntaxProblem(_too_big(size))
    else:
        message = f"expected text or bytes, found {shown(data)}"
        raise _SyntaxProblem(message)
    return text.removeprefix(_BOM)


def _too_big(size: int) -> str:
    return (
        f"the document is {size} bytes long, beyond the limit of "
        f"{MAX_DOCUMENT_BYTES} bytes"
    )


def _parse(data: str | bytes, form: str) -> object:
    parser = _PARSERS.get(form)
    if parser is None:
        message = f"unknown format {form!r}; use 'json', 'toml' or 'yaml'"
        raise _SyntaxProblem(message)
    text = _text_of(data)
    try:
        return parser(text)
    except RecursionError:
        message = "the document is nested too deeply to be a post-mortem"
        raise _SyntaxProblem(message) from None
    except (ValueError, TypeError) as error:
        # Anything else a parser refuses, such as an integer too long to
        # convert; the parser's own words say what it was.
        raise _SyntaxProblem(str(error)) from None


# Reading ------------------------------------------------------------------
#
# orjson parses JSON several times faster than the standard library, but
# it keeps the last of two equal keys without a word, so what it parsed
# is trusted only where a dropped key would show:
#
# - The text is what orjson writes of what it parsed, as every document
#   that blameless writes is: that writing holds each key of the parsed
#   objects once, so the text held no key twice.
# - Otherwise, if the text has no \u escape, every colon in it is either
#   the one after a key or a character of a string, which stays a colon
#   of the parsed string. The text then holds as many colons as orjson's
#   writing exactly when no key was dropped (a dropped key takes its
#   colon with it).
#
# Any doubt, and any failure at all, goes to the standard parser and the
# detailed walk, which give every verdict and message.


def _no_key_dropped(text: bytes, written: bytes) -> bool:
    if text.startswith(written):
        # orjson read the text whole, so only white space follows.
        return True
    # A search for one character is far quicker than for two.
    if b"\\" in text and b"\\u" in text:
        return False
    return text.count(b":") == written.count(b":")


def _quick_document(data: str | bytes) -> object:
    """Return the document orjson parses, or ``None`` for any doubt."""
    orjson = _orjson()
    if orjson is None:
        return None
    try:
        text = data.encode("utf-8") if isinstance(data, str) else data
        if type(text) is not bytes or len(text) > MAX_DOCUMENT_BYTES:
            return None
        document = orjson.loads(text)
        written = orjson.dumps(document, option=orjson.OPT_INDENT_2)
    except Exception:  # noqa: BLE001 - the standard parser says why
        return None
    return document if _no_key_dropped(text, written) else None


def _load_json_quickly(data: str | bytes) -> PostMortem | None:
    document = _quick_document(data)
    if document is None:
        return None
    return read_quickly(document)


def loads(
    data: str | bytes,
    format: Format = "json",  # noqa: A002 - the name every caller expects
    *,
    source: str | Path | None = None,
) -> PostMortem:
    """Return the post-mortem in a document's text.

    Args:
        data: The document, as text or as UTF-8 bytes.
        format: ``"json"``, ``"toml"`` or ``"yaml"``.
        source: Where the text came from, named in the error.

    Raises:
        DocumentError: For any problem with the document: its syntax, its
            size, its shape or its values. It lists every problem.
        ImportError: If the format needs an extra that is not installed.
    """
    if format == "json":
        post_mortem = _load_json_quickly(data)
        if post_mortem is not None:
            return post_mortem
    named = None if source is None else str(source)
    try:
        document = _parse(data, format)
    except _SyntaxProblem as error:
        syntax = Problem("$", f"a {format} document", "", str(error))
        raise DocumentError([syntax], named) from None
    return from_dict(document, source=named)


def format_of(path: str | Path) -> Format:
    """Return the format of a document file, by its suffix.

    Args:
        path: The file's path, ending in ``.json``, ``.toml``, ``.yaml``
            or ``.yml``.

    Raises:
        ValueError: If the suffix is none of these.
    """
    suffix = Path(path).suffix.lower()
    form = _SUFFIXES.get(suffix)
    if form is None:
        message = (
            f"cannot tell the format of {str(path)!r}: expected a name "
            f"ending in .json, .toml, .yaml or .yml"
        )
        raise ValueError(message)
    return form


def load(path: str | Path) -> PostMortem:
    """Return the post-mortem in a document file.

    The format comes from the suffix: ``.json``, ``.toml``, ``.yaml`` or
    ``.yml``.

    Args:
        path: The file to read.

    Raises:
        DocumentError: For any problem with the document, naming the file.
        OSError: If the file cannot be read.
    """
    try:
        form = format_of(path)
    except ValueError as error:
        problem = Problem("$", "a document file", shown(str(path)), str(error))
        raise DocumentError([problem], path) from None
    return loads(Path(path).read_bytes(), form, source=path)


def find_documents(paths: Iterable[str | Path]) -> list[Path]:
    """Return the document files among *paths*, folders opened.

    A folder stands for the document files directly in it, in name order;
    hidden files (whose name starts with a dot) are left out. A file is
    kept as it was given, whatever its suffix, so that loading it says
    what is wrong.

    Args:
        paths: Files and folders.
    """
    found: list[Path] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found.extend(
                child
                for child in sorted(path.iterdir())
                if child.suffix.lower() in _SUFFIXES
                and not child.name.startswith(".")
                and child.is_file()
            )
        else:
            found.append(path)
    return found


def load_all(paths: Iterable[str | Path]) -> Iterator[tuple[Path, PostMortem]]:
    """Load every document among *paths*, folders opened, one at a time.

    Folders are opened as :func:`find_documents` does. Documents are
    loaded lazily, so a log of any size is read in constant memory.

    Args:
        paths: Files and folders.

    Yields:
        Each document's path and its post-mortem, in order.

    Raises:
        DocumentError: At the first document that is not valid; to go on
            past bad documents, call :func:`load` on each path of
            :func:`find_documents` instead.
    """
    for path in find_documents(paths):
        yield path, load(path)


# Writing ------------------------------------------------------------------


def _write_json(document: dict[str, Any]) -> str:
    orjson = _orjson()
    if orjson is not None:
        text: str = orjson.dumps(document, option=orjson.OPT_INDENT_2).decode()
    else:
        text = json.dumps(document, indent=2, ensure_ascii=False)
    return text + "\n"


def _write_toml(document: dict[str, Any]) -> str:
    tomli_w = _extra("tomli_w", "toml")
    text: str = tomli_w.dumps(document)
    return text


# Characters that PyYAML writes raw outside double quotes but reads back
# as line breaks or drops: a string holding one is written double-quoted,
# where they are escaped.
_YAML_BREAKS = frozenset("\x85\u2028\u2029\ufeff")


@functools.cache
def _yaml_dumper(pyyaml: ModuleType) -> type:
    """Return PyYAML's safe dumper, quoting what would not read back."""

    class Dumper(pyyaml.SafeDumper):  # type: ignore[name-defined, misc]
        pass

    def represent_str(dumper: Dumper, text: str) -> yaml.ScalarNode:
        style = '"' if _YAML_BREAKS.intersection(text) else None
        node: yaml.ScalarNode = dumper.represent_scalar(
            "tag:yaml.org,2002:str", text, style=style
        )
        return node

    Dumper.add_representer(str, represent_str)
    return Dumper


def _write_yaml(document: dict[str, Any]) -> str:
    yaml = _extra("yaml", "yaml")
    text: str = yaml.dump(
        document,
        Dumper=_yaml_dumper(yaml),
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        # Long lines stay whole: folding is where YAML writers have lost
        # whitespace before.
        width=1 << 30,
    )
    return text


_WRITERS: dict[str, Callable[[dict[str, Any]], str]] = {
    "json": _write_json,
    "toml": _write_toml,
    "yaml": _write_yaml,
}


def dumps(
    post_mortem: PostMortem,
    format: Format = "json",  # noqa: A002 - the name every caller expects
) -> str:
    """Return the document of a post-mortem as text.

    The same post-mortem always gives the same text, so documents diff
    cleanly; the text ends with a newline.

    Args:
        post_mortem: The post-mortem to write.
        format: ``"json"``, ``"toml"`` or ``"yaml"``.

    Raises:
        ValueError: If the format is none of these.
        ImportError: If the format needs an extra that is not installed.
    """
    writer = _WRITERS.get(format)
    if writer is None:
        message = f"unknown format {format!r}; use 'json', 'toml' or 'yaml'"
        raise ValueError(message)
    return writer(to_dict(post_mortem))


def dump(post_mortem: PostMortem, path: str | Path) -> None:
    """Write the document of a post-mortem to a file.

    The format comes from the suffix: ``.json``, ``.toml``, ``.yaml`` or
    ``.yml``. The file is written whole under a temporary name and then
    put in place, so a reader never sees half a document.

    Args:
        post_mortem: The post-mortem to write.
        path: The file to write; it is replaced if it exists.

    Raises:
        ValueError: If the suffix is not one of a document format.
        OSError: If the file cannot be written.
    """
    target = Path(path)
    data = dumps(post_mortem, format_of(target)).encode("utf-8")
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        temporary.write_bytes(data)
        temporary.replace(target)
    finally:
        temporary.unlink(missing_ok=True)
