"""Tests of documents as JSON, TOML and YAML text and files."""

import builtins
import contextlib
import json
import string
import unittest.mock
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import blameless
from blameless import DocumentError, LogEntry, PostMortem
from blameless._documents import _formats
from blameless._documents._formats import Format
from blameless.strategies import post_mortems

FORMATS: tuple[Format, ...] = ("json", "toml", "yaml")
SUFFIXES = {"json": ".json", "toml": ".toml", "yaml": ".yaml"}

_JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False)
    | st.text(),
    lambda inner: st.lists(inner) | st.dictionaries(st.text(), inner),
    max_leaves=20,
)


def _error_of(data: str | bytes, form: Format) -> DocumentError | None:
    try:
        blameless.loads(data, form)
    except DocumentError as error:
        return error
    return None


def _only_document_errors(data: str | bytes, form: Format) -> None:
    error = _error_of(data, form)
    assert error is None or (error.problems and str(error))


# Round trips --------------------------------------------------------------


@pytest.mark.parametrize("form", FORMATS)
@given(post_mortem=post_mortems())
def test_round_trip(form: Format, post_mortem: PostMortem) -> None:
    """Loading a dumped post-mortem gives it back, and the text is stable."""
    text = blameless.dumps(post_mortem, form)
    loaded = blameless.loads(text, form)
    assert loaded == post_mortem
    assert blameless.dumps(loaded, form) == text


@given(post_mortem=post_mortems())
def test_json_without_orjson_is_the_same_text(
    post_mortem: PostMortem,
) -> None:
    """The standard library writes the very bytes that orjson writes."""
    with_orjson = blameless.dumps(post_mortem)
    original = _formats._orjson
    _formats._orjson = lambda: None  # type: ignore[assignment]
    try:
        without = blameless.dumps(post_mortem)
    finally:
        _formats._orjson = original
    assert without == with_orjson


def test_text_ends_with_a_newline_and_is_indented() -> None:
    """Every format ends with a newline; JSON is indented by two spaces."""
    post_mortem = PostMortem(log=LogEntry(number=1))
    for form in FORMATS:
        assert blameless.dumps(post_mortem, form).endswith("\n")
    assert blameless.dumps(post_mortem) == (
        '{\n  "schema": "blameless/1",\n  "log": {\n    "number": 1\n  }\n}\n'
    )


def test_bytes_and_bom_are_read() -> None:
    """UTF-8 bytes are read, with or without a byte order mark."""
    text = blameless.dumps(PostMortem(log=LogEntry(filed_in="Wiki \u00e9")))
    expected = blameless.loads(text)
    assert blameless.loads(text.encode()) == expected
    assert blameless.loads(b"\xef\xbb\xbf" + text.encode()) == expected


def test_toml_and_yaml_native_dates_and_times_are_read() -> None:
    """Dates and times that TOML and YAML parse themselves are accepted."""
    toml = (
        'schema = "blameless/1"\n[log]\nheld_on = 2026-11-16\n'
        "[incident]\ndetected = 2026-11-14T09:12:00+01:00\n"
    )
    yaml = (
        "schema: blameless/1\nlog:\n  held_on: 2026-11-16\n"
        "incident:\n  detected: 2026-11-14T09:12:00+01:00\n"
    )
    for text, form in ((toml, "toml"), (yaml, "yaml")):
        post_mortem = blameless.loads(text, form)  # type: ignore[arg-type]
        assert post_mortem.log.held_on == date(2026, 11, 16)
        detected = post_mortem.incident.detected
        assert detected is not None
        assert detected.at == datetime(
            2026, 11, 14, 9, 12, tzinfo=timezone(timedelta(hours=1))
        )


def test_native_naive_time_is_refused() -> None:
    """A TOML local date-time has no offset, so it is refused."""
    toml = 'schema = "blameless/1"\n[incident]\ndetected = 2026-11-14T09:12:00'
    with pytest.raises(DocumentError, match=r"\$\.incident\.detected: "):
        blameless.loads(toml, "toml")


def test_yaml_words_are_not_booleans() -> None:
    """YAML 1.1 reads an unquoted ``no`` as false: refused, not coerced."""
    yaml = "schema: blameless/1\nlog:\n  filed_in: no\n"
    with pytest.raises(DocumentError, match="expected a string, found False"):
        blameless.loads(yaml, "yaml")


def test_yaml_writes_quoted_strings_that_would_change() -> None:
    """Strings that YAML would read as other types are quoted."""
    post_mortem = PostMortem(log=LogEntry(filed_in="no", tags={"2026-11-16"}))
    text = blameless.dumps(post_mortem, "yaml")
    assert "filed_in: 'no'" in text
    assert blameless.loads(text, "yaml") == post_mortem


# Bad input ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "form", "message"),
    [
        ('{"schema": "blameless/1", "log": {', "json", "Expecting"),
        ("[1, 2]", "json", "an object at the top"),
        ('"blameless/1"', "json", "an object at the top"),
        ('{"a": 1, "a": 2}', "json", "the key 'a' appears twice"),
        ('{"schema": NaN}', "json", "NaN is not a number"),
        ('{"schema": -Infinity}', "json", "-Infinity is not a number"),
        (b'{"schema": "\xff"}', "json", r"not UTF-8: b'\\xff' at byte 12"),
        ("[" * 100_000, "json", "nested too deeply"),
        ('{"log": {"number": 1' + "0" * 5000 + "}}", "json", "4300 digits"),
        ("schema = 1\nschema = 2", "toml", "Cannot overwrite"),
        ("schema = nan", "toml", "expected 'blameless/1', found nan"),
        ("a = " + "[" * 100_000, "toml", "nested too deeply|Invalid"),
        ("a: &x [1]\nb: *x", "yaml", "aliases are not allowed"),
        ("a: 1\na: 2", "yaml", "the key 'a' appears twice"),
        ("!!python/object:os.system x", "yaml", "could not determine"),
        ("a: 1\n---\nb: 2", "yaml", "expected a single document"),
        ("- " * 100_000, "yaml", "nested too deeply"),
        ("{}", "xml", "unknown format 'xml'"),
    ],
)
def test_bad_text_raises_one_document_error(
    data: str | bytes, form: str, message: str
) -> None:
    """Broken, hostile or odd text raises a DocumentError, nothing else."""
    with pytest.raises(DocumentError, match=message) as caught:
        blameless.loads(data, form)  # type: ignore[arg-type]
    assert isinstance(caught.value, ValueError)


def test_lone_surrogate_escape_is_refused() -> None:
    """A JSON escape of a lone surrogate is refused at its path."""
    text = '{"schema": "blameless/1", "log": {"filed_in": "\\ud800"}}'
    with pytest.raises(DocumentError, match=r"\$\.log\.filed_in: .*surrog"):
        blameless.loads(text)


def test_oversized_document_is_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Text beyond the size limit is refused before it is parsed."""
    monkeypatch.setattr(_formats, "MAX_DOCUMENT_BYTES", 100)
    text = '{"schema": "blameless/1", "log": {"filed_in": "' + "x" * 90
    for data in (text, text.encode(), "\u00e9" * 60):
        with pytest.raises(DocumentError, match="beyond the limit of 100"):
            blameless.loads(data)


def test_text_of_another_type_is_refused() -> None:
    """Something that is neither text nor bytes is a document error too."""
    with pytest.raises(DocumentError, match="expected text or bytes"):
        blameless.loads(42)  # type: ignore[arg-type]


@pytest.mark.parametrize("form", FORMATS)
@given(value=_JSON)
def test_arbitrary_values_raise_only_document_errors(
    form: Format, value: object
) -> None:
    """Any JSON value, as a document, loads or raises DocumentError."""
    _only_document_errors(json.dumps(value), "json")
    _only_document_errors(
        json.dumps({"schema": "blameless/1", "log": value}), form
    )


@pytest.mark.parametrize("form", FORMATS)
@given(text=st.text())
def test_arbitrary_text_raises_only_document_errors(
    form: Format, text: str
) -> None:
    """Any text loads or raises DocumentError, in every format."""
    _only_document_errors(text, form)


@pytest.mark.parametrize("form", FORMATS)
@given(data=st.binary())
def test_arbitrary_bytes_raise_only_document_errors(
    form: Format, data: bytes
) -> None:
    """Any bytes load or raise DocumentError, in every format."""
    _only_document_errors(data, form)


@pytest.mark.parametrize("form", FORMATS)
@given(
    post_mortem=post_mortems(),
    position=st.integers(min_value=0),
    replacement=st.text(string.printable, max_size=3),
    length=st.integers(0, 3),
)
def test_mutated_documents_raise_only_document_errors(
    form: Format,
    post_mortem: PostMortem,
    position: int,
    replacement: str,
    length: int,
) -> None:
    """A valid document with a few characters changed never crashes."""
    text = blameless.dumps(post_mortem, form)
    at = position % (len(text) + 1)
    _only_document_errors(text[:at] + replacement + text[at + length :], form)


_VALUES = st.none() | st.booleans() | st.integers() | st.text(max_size=5)


@given(post_mortem=post_mortems(), data=st.data())
def test_changed_values_raise_only_document_errors(
    post_mortem: PostMortem, data: st.DataObject
) -> None:
    """Replacing any value of a valid document never crashes the reader."""
    document = blameless.to_dict(post_mortem)
    holders: list[dict[str, Any] | list[Any]] = []
    stack: list[Any] = [document]
    while stack:
        item = stack.pop()
        if isinstance(item, dict | list):
            holders.append(item)
            stack.extend(item.values() if isinstance(item, dict) else item)
    holder = data.draw(st.sampled_from(holders))
    if not holder:
        return
    if isinstance(holder, dict):
        key = data.draw(st.sampled_from(sorted(holder)))
        holder[key] = data.draw(_VALUES | st.lists(_VALUES, max_size=2))
    else:
        index = data.draw(st.integers(0, len(holder) - 1))
        holder[index] = data.draw(_VALUES)
    with contextlib.suppress(DocumentError):
        blameless.from_dict(document)


# JSON through orjson --------------------------------------------------------


class _Pairs(list[tuple[str, Any]]):
    """A JSON object written pair by pair, so that a key may repeat."""


@attrs.frozen
class _Raw:
    """JSON text written as it is, such as ``NaN`` or an escape."""

    text: str


# Values that orjson and the standard parser read differently, or not at
# all: the verdict must not depend on which one read them.
_ODD = st.sampled_from(
    [
        "NaN",
        "-Infinity",
        "1e400",
        "1.0",
        "18446744073709551616",
        "-9223372036854775809",
        "9223372036854775807",
        '"\\ud800"',
        '"\\u003a"',
        '"a\\u003ab"',
        '"\\"\\\\:"',
        '"blameless/1"',
    ]
).map(_Raw)
_PLAIN = st.none() | st.booleans() | st.integers() | st.text(max_size=4)
_COLONS = st.text(alphabet=':ab \\"', max_size=4)


# JSON writes control characters as \\u escapes, which send a document
# past orjson; shown as their pictures, more documents take the quick path.
_PICTURES = {code: 0x2400 + code for code in range(0x20)}


def _pairs(value: object) -> object:
    if isinstance(value, dict):
        return _Pairs((k, _pairs(v)) for k, v in value.items())
    if isinstance(value, list):
        return [_pairs(item) for item in value]
    if isinstance(value, str):
        return value.translate(_PICTURES)
    return value


def _written(value: object, colon: str, escape: bool) -> str:
    """Return JSON text of *value*, colons in strings escaped or not."""
    if isinstance(value, _Raw):
        return value.text
    if isinstance(value, _Pairs):
        items = (
            _written(k, colon, escape) + colon + _written(v, colon, escape)
            for k, v in value
        )
        return "{" + ", ".join(items) + "}"
    if isinstance(value, list):
        items = (_written(item, colon, escape) for item in value)
        return "[" + ", ".join(items) + "]"
    text = json.dumps(value, ensure_ascii=False)
    return text.replace(":", "\\u003a") if escape else text


def _holders(value: object) -> list[Any]:
    found = []
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, _Pairs):
            found.append(item)
            stack.extend(v for _, v in item)
        elif isinstance(item, list):
            stack.extend(item)
    return found


@st.composite
def _json_texts(draw: st.DrawFn) -> str:
    """JSON text of a post-mortem, with keys repeated and odd values."""
    document = _pairs(blameless.to_dict(draw(post_mortems())))
    holders = _holders(document)
    for _ in range(draw(st.integers(0, 3))):
        holder = draw(st.sampled_from(holders))
        at = draw(st.integers(0, len(holder)))
        if holder and draw(st.booleans()):
            key, value = draw(st.sampled_from(holder))
            new = draw(st.just(value) | _PLAIN | _ODD)
            holder.insert(at, (key, new))
        else:
            keys = [k for k, _ in holder] or ["x"]
            key = draw(_COLONS | st.sampled_from(keys))
            holder.insert(at, (key, draw(_PLAIN | _ODD | _COLONS)))
    colon = draw(st.sampled_from([": ", ":", " : "]))
    return _written(document, colon, draw(st.integers(0, 3)) == 0)


def _outcome(data: str | bytes) -> object:
    try:
        return blameless.loads(data)
    except DocumentError as error:
        return error.problems


def _without_orjson(data: str | bytes) -> object:
    with unittest.mock.patch.object(_formats, "_orjson", return_value=None):
        return _outcome(data)


def _has_repeated_key(text: str) -> bool:
    try:
        json.loads(text, object_pairs_hook=_formats._unique_keys)
    except _formats._SyntaxProblem as error:
        return "appears twice" in str(error)
    except ValueError:
        return False
    return False


@given(text=_json_texts())
def test_orjson_and_the_standard_parser_agree(text: str) -> None:
    """Text or bytes, orjson or not: the same post-mortem or problems."""
    expected = _without_orjson(text)
    assert _outcome(text) == expected
    assert _outcome(text.encode("utf-8", "surrogatepass")) == expected


@given(text=_json_texts())
def test_orjson_never_passes_a_repeated_key(text: str) -> None:
    """A document with a key given twice never leaves the quick path."""
    if _has_repeated_key(text):
        assert _formats._quick_document(text) is None
        assert _formats._quick_document(text.encode()) is None


@pytest.mark.parametrize(
    "text",
    [
        '{"schema": "blameless/1", "schema": "blameless/1"}',
        '{"schema": "blameless/1", "log": {}, "log": {}}',
        (
            '{"schema": "blameless/1", "log": {"filed_in": "a:b", '
            '"filed_in": "a\\u003ab"}}'
        ),
        (
            '{"schema": "blameless/1", "log": {"filed_in" : "x", '
            '"filed_in":"x"}}'
        ),
    ],
)
def test_a_repeated_key_is_refused_with_orjson(text: str) -> None:
    """A key given twice is refused, though orjson keeps only the last."""
    with pytest.raises(DocumentError, match="appears twice in one object"):
        blameless.loads(text)


def test_valid_json_is_read_by_orjson() -> None:
    """A valid document never reaches the standard parser."""
    post_mortem = PostMortem(log=LogEntry(filed_in="wiki: page 1"))
    text = blameless.dumps(post_mortem)
    with unittest.mock.patch.object(
        _formats, "_parse_json", side_effect=AssertionError
    ):
        assert blameless.loads(text) == post_mortem
        assert blameless.loads(text.encode()) == post_mortem


def test_json_is_read_without_orjson() -> None:
    """Without orjson the standard parser reads the same documents."""
    post_mortem = PostMortem(log=LogEntry(filed_in="wiki: page 1"))
    text = blameless.dumps(post_mortem)
    assert _without_orjson(text) == post_mortem
    escaped = text.replace("wiki:", "wiki\\u003a")
    assert _without_orjson(escaped) == post_mortem


def test_missing_extra_names_what_to_install(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Without PyYAML, YAML fails with the extra to install."""
    real_import = builtins.__import__

    def refuse_yaml(name: str, *args: Any, **kwargs: Any) -> Any:  # noqa: ANN401 - the signature of __import__
        if name == "yaml":
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", refuse_yaml)
    with pytest.raises(ImportError, match=r"pip install 'blameless\[yaml\]'"):
        blameless.dumps(PostMortem(), "yaml")


def test_unknown_format_name_on_writing() -> None:
    """Writing in an unknown format is a ValueError naming the formats."""
    with pytest.raises(ValueError, match="unknown format 'xml'"):
        blameless.dumps(PostMortem(), "xml")  # type: ignore[arg-type]


# Files --------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".json", ".toml", ".yaml", ".yml"])
def test_dump_and_load_by_suffix(tmp_path: Path, suffix: str) -> None:
    """The suffix decides the format, both ways; no temporary file stays."""
    post_mortem = PostMortem(log=LogEntry(number=7, filed_in="wiki"))
    path = tmp_path / f"pm-7{suffix}"
    blameless.dump(post_mortem, path)
    assert blameless.load(path) == post_mortem
    assert blameless.load(str(path)) == post_mortem
    assert [p.name for p in tmp_path.iterdir()] == [path.name]


def test_dump_replaces_the_file(tmp_path: Path) -> None:
    """Dumping again replaces the document in place."""
    path = tmp_path / "pm.json"
    blameless.dump(PostMortem(log=LogEntry(number=1)), path)
    blameless.dump(PostMortem(log=LogEntry(number=2)), path)
    assert blameless.load(path).log.number == 2


def test_dump_refuses_an_unknown_suffix(tmp_path: Path) -> None:
    """A file name without a document suffix is refused before writing."""
    with pytest.raises(ValueError, match=r"ending in \.json, \.toml"):
        blameless.dump(PostMortem(), tmp_path / "pm.txt")
    assert not list(tmp_path.iterdir())


def test_load_names_the_file_in_the_error(tmp_path: Path) -> None:
    """A bad file is named in the error and kept as its source."""
    path = tmp_path / "bad.json"
    path.write_text('{"schema": "blameless/1", "log": {"number": "x"}}')
    with pytest.raises(DocumentError, match=r"1 problem in .*bad\.json") as e:
        blameless.load(path)
    assert e.value.source == str(path)
    with pytest.raises(DocumentError, match=r"ending in \.json"):
        blameless.load(tmp_path / "notes.txt")


def test_find_documents_and_load_all(tmp_path: Path) -> None:
    """Folders give their documents in name order; files stay as given."""
    for number, suffix in ((2, ".toml"), (1, ".json"), (3, ".yml")):
        post_mortem = PostMortem(log=LogEntry(number=number))
        blameless.dump(post_mortem, tmp_path / f"pm-{number}{suffix}")
    (tmp_path / "README.txt").write_text("not a document")
    (tmp_path / ".pm-4.json").write_text("{}")
    (tmp_path / "sub.json").mkdir()
    extra = tmp_path / "sub.json" / "pm-9.json"
    blameless.dump(PostMortem(log=LogEntry(number=9)), extra)

    found = blameless.find_documents([tmp_path, extra])
    assert [p.name for p in found] == [
        "pm-1.json",
        "pm-2.toml",
        "pm-3.yml",
        "pm-9.json",
    ]
    numbers = [pm.log.number for _, pm in blameless.load_all([tmp_path])]
    assert numbers == [1, 2, 3]


def test_load_all_stops_at_a_bad_document(tmp_path: Path) -> None:
    """load_all raises at the first bad document, naming it."""
    blameless.dump(PostMortem(), tmp_path / "a.json")
    (tmp_path / "b.json").write_text("[]")
    loaded = blameless.load_all([tmp_path])
    assert next(loaded)[0].name == "a.json"
    with pytest.raises(DocumentError, match=r"b\.json"):
        next(loaded)
