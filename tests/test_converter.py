"""Tests of the converter: documents as plain dicts, in and out."""

from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import attrs
import cattrs
import pytest
from hypothesis import given

import blameless
from blameless import (
    ActionItem,
    ActionKind,
    DocumentError,
    EarlierDetection,
    Factor,
    FactorChecklist,
    IncidentReport,
    LogEntry,
    PostMortem,
    Severity,
    approx,
)
from blameless._documents._walk import walk
from blameless.strategies import post_mortems

BERLIN = timezone(timedelta(hours=1))
DETECTED = datetime(2026, 11, 14, 9, 12, tzinfo=BERLIN)


def _document(**parts: object) -> dict[str, Any]:
    return {"schema": "blameless/1", **parts}


def _problems(document: object) -> list[tuple[str, str]]:
    with pytest.raises(DocumentError) as caught:
        blameless.from_dict(document)
    return [(p.path, p.message) for p in caught.value.problems]


# Writing ------------------------------------------------------------------


def test_blank_post_mortem_is_only_its_version() -> None:
    """A blank draft writes as the schema key alone: defaults are left out."""
    assert blameless.to_dict(PostMortem()) == {"schema": "blameless/1"}


def test_schema_key_comes_first_then_model_order() -> None:
    """Keys follow the model's field order, after the schema key."""
    post_mortem = PostMortem(
        follow_up=blameless.FollowUp(facilitator="Lee"),
        log=LogEntry(number=3),
        incident=IncidentReport(name="Sync failure"),
    )
    keys = list(blameless.to_dict(post_mortem))
    assert keys == ["schema", "log", "incident", "follow_up"]


def test_values_are_written_as_documented() -> None:
    """Enums by value, sets sorted, dates and marked timestamps as text."""
    post_mortem = PostMortem(
        log=LogEntry(
            held_on=date(2026, 11, 16),
            severity=Severity.HIGH,
            tags={"sync", "crm"},
        ),
        incident=IncidentReport(
            first_occurrence=approx(DETECTED - timedelta(hours=7)),
            detected=DETECTED,
        ),
        actions=[
            ActionItem(
                id="C1",
                kind=ActionKind.CONTAINMENT,
                addresses_factors={
                    Factor.NO_MONITORING,
                    Factor.ERROR_HANDLING,
                },
                addresses_whys={3, 1},
            )
        ],
    )
    document = blameless.to_dict(post_mortem)
    assert document["log"] == {
        "held_on": "2026-11-16",
        "severity": "high",
        "tags": ["crm", "sync"],
    }
    assert document["incident"] == {
        "first_occurrence": "approx. 2026-11-14T02:12:00+01:00",
        "detected": "2026-11-14T09:12:00+01:00",
    }
    assert document["actions"] == [
        {
            "id": "C1",
            "kind": "containment",
            "addresses_factors": [
                "system.error_handling",
                "system.no_monitoring",
            ],
            "addresses_whys": [1, 3],
        }
    ]


def test_non_default_false_and_none_defaults_are_kept() -> None:
    """A value differing from its default is written, even a false one."""
    impact = blameless.Impact(
        category=blameless.ImpactCategory.DATA_LOSS, applies=False
    )
    post_mortem = PostMortem(incident=IncidentReport(impacts=[impact]))
    document = blameless.to_dict(post_mortem)
    assert document["incident"]["impacts"] == [
        {"category": "data_loss", "applies": False}
    ]


@given(post_mortem=post_mortems())
def test_round_trip_through_dicts(post_mortem: PostMortem) -> None:
    """Reading the dict of a post-mortem gives the same post-mortem."""
    assert blameless.from_dict(blameless.to_dict(post_mortem)) == post_mortem


@given(post_mortem=post_mortems())
def test_walk_agrees_with_the_fast_path(post_mortem: PostMortem) -> None:
    """The detailed walk reads a valid document as the fast path does."""
    result, problems = walk(blameless.to_dict(post_mortem))
    assert problems == []
    assert result == post_mortem


# Strictness ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("log", "path", "message"),
    [
        (
            {"filed_in": None},
            "$.log.filed_in",
            "expected a string, found None",
        ),
        (
            {"number": 1.9},
            "$.log.number",
            "expected a whole number, found 1.9",
        ),
        ({"number": True}, "$.log.number", "a whole number, found True"),
        ({"number": "3"}, "$.log.number", "a whole number, found '3'"),
        ({"near_miss": "false"}, "$.log.near_miss", "true or false"),
        ({"near_miss": 0}, "$.log.near_miss", "true or false, found 0"),
        ({"tags": "db"}, "$.log.tags", "expected a list, found 'db'"),
        ({"tags": ["a", "a"]}, "$.log.tags[1]", "each value once"),
        ({"tags": [1]}, "$.log.tags[0]", "expected a string, found 1"),
        ({"held_on": "2026-11-31"}, "$.log.held_on", "a real calendar date"),
        ({"held_on": "20261130"}, "$.log.held_on", "'YYYY-MM-DD'"),
        ({"status": "Draft"}, "$.log.status", "did you mean 'draft'"),
        ({"severity": "critical"}, "$.log.severity", "'low', 'medium'"),
        ({"number": 2**63}, "$.log.number", "64-bit range"),
        ({"filed_in": "\ud800"}, "$.log.filed_in", "lone surrogates"),
    ],
)
def test_lenient_cattrs_values_are_refused(
    log: dict[str, Any], path: str, message: str
) -> None:
    """Values that cattrs would coerce by default are refused instead."""
    [(found_path, found_message)] = _problems(_document(log=log))
    assert found_path == path
    assert message in found_message


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2026-11-14T09:12:00", "with offset"),
        ("2026-11-14 09:12:00+01:00", "ISO 8601 time with offset"),
        ("2026-11-14T09:12+01:00", "ISO 8601 time with offset"),
        ("2026-11-14T25:12:00+01:00", "a real time of day"),
        ("approx 2026-11-14T09:12:00+01:00", "marked 'approx. '"),
        ("2026-11-14T09:12:00.1234567+01:00", "ISO 8601"),
    ],
)
def test_bad_timestamps_are_refused(text: str, message: str) -> None:
    """Naive, malformed and impossible times are refused with their path."""
    [(path, found)] = _problems(_document(incident={"detected": text}))
    assert path == "$.incident.detected"
    assert message in found


def test_naive_time_gets_a_hint() -> None:
    """A time without offset is told how to add one."""
    [(_, message)] = _problems(
        _document(incident={"detected": "2026-11-14T09:12:00"})
    )
    assert "add the offset it was read at" in message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-11-14T09:12:00Z", datetime(2026, 11, 14, 9, 12, tzinfo=UTC)),
        (
            "2026-11-14T09:12:00.5-05:00",
            datetime(
                2026,
                11,
                14,
                9,
                12,
                0,
                500000,
                tzinfo=timezone(timedelta(hours=-5)),
            ),
        ),
    ],
)
def test_other_rfc_3339_forms_are_read(text: str, expected: datetime) -> None:
    """A ``Z`` offset and short fractions are read, and written canonically."""
    post_mortem = blameless.from_dict(_document(incident={"detected": text}))
    detected = post_mortem.incident.detected
    assert detected is not None
    assert detected.at == expected
    assert detected.at.utcoffset() == expected.utcoffset()


def test_null_means_blank_for_optional_values() -> None:
    """``null`` is read as the blank of a field that may be blank."""
    post_mortem = blameless.from_dict(
        _document(log={"number": None, "severity": None})
    )
    assert post_mortem == PostMortem()


def test_unknown_key_suggests_the_near_miss() -> None:
    """An unknown key is refused, with the known key it resembles."""
    [(path, message)] = _problems(_document(incident={"detcted": "x"}))
    assert path == "$.incident.detcted"
    assert message == "unknown key 'detcted'; did you mean 'detected'?"


def test_unknown_key_without_near_miss_lists_the_keys() -> None:
    """Far from any key, the message lists the keys that are allowed."""
    [(_, message)] = _problems(_document(log={"zzz": 1}))
    assert message.startswith("unknown key 'zzz'; the keys here are number")


def test_non_string_key_is_refused() -> None:
    """A key that is not a string (YAML allows them) is refused."""
    [(path, message)] = _problems(_document(log={1: "x"}))
    assert path == "$.log[1]"
    assert "unknown key 1" in message


def test_missing_required_key() -> None:
    """A missing required key is named with its path."""
    [(path, message)] = _problems(_document(actions=[{"kind": "prevention"}]))
    assert path == "$.actions[0].id"
    assert message == "missing key 'id', which is required"


def test_every_problem_is_listed() -> None:
    """All problems of a document are listed, in document order."""
    document = _document(
        log={"number": "3", "numbr": 3},
        incident={"detected": "yesterday"},
        actions=[{"id": "C1", "kind": "containment", "due": "soon"}, 7],
    )
    paths = [path for path, _ in _problems(document)]
    assert paths == [
        "$.log.numbr",
        "$.log.number",
        "$.incident.detected",
        "$.actions[0].due",
        "$.actions[1]",
    ]


def test_model_invariants_surface_at_their_path() -> None:
    """An impossible order of times is a problem at the later time."""
    document = _document(
        incident={
            "detected": "2026-11-14T09:12:00+01:00",
            "resolved": "2026-11-14T08:00:00+01:00",
        }
    )
    [(path, message)] = _problems(document)
    assert path == "$.incident.resolved"
    assert "cannot be resolved before it was detected" in message


def test_invariants_of_the_whole_post_mortem() -> None:
    """A review of an unknown action item is reported at the review."""
    document = _document(
        actions=[{"id": "C1", "kind": "containment"}],
        follow_up={"reviews": [{"action_id": "C2"}]},
    )
    [(path, message)] = _problems(document)
    assert path == "$.follow_up.reviews[0].action_id"
    assert "does not exist" in message


def test_invariant_of_a_list_item() -> None:
    """A repeated impact category is reported at the repeated row."""
    row = {"category": "data_loss"}
    [(path, _)] = _problems(_document(incident={"impacts": [row, row]}))
    assert path == "$.incident.impacts[1]"


@pytest.mark.parametrize(
    "document", [None, [], "blameless/1", 3, {"schema": 1}, {}]
)
def test_not_a_document(document: object) -> None:
    """Values that are not a versioned object are refused with one problem."""
    [(path, _)] = _problems(document)
    assert path in ("$", "$.schema")


def test_newer_version_is_refused_for_what_it_is() -> None:
    """A newer document says its version and the one this library reads."""
    document = {"schema": "blameless/2", "later": {"things": 1}}
    [(path, message)] = _problems(document)
    assert path == "$.schema"
    assert "'blameless/2'" in message
    assert "newer format than this version of blameless reads" in message
    assert "(blameless/1)" in message


def test_missing_version() -> None:
    """A document without its version says how it must start."""
    [(path, message)] = _problems({"log": {}})
    assert path == "$.schema"
    assert message.startswith("missing key 'schema'")


def test_error_names_the_source() -> None:
    """The source given is kept on the error and named in its message."""
    with pytest.raises(DocumentError, match=r"1 problem in pm\.json:") as e:
        blameless.from_dict([], source="pm.json")
    assert e.value.source == "pm.json"


# The converter ------------------------------------------------------------


def test_make_converter_gives_independent_converters() -> None:
    """Hooks registered on one converter do not reach another."""
    first = blameless.make_converter()
    second = blameless.make_converter()
    first.register_unstructure_hook(Severity, lambda s: s.value.upper())
    post_mortem = PostMortem(log=LogEntry(severity=Severity.LOW))
    assert first.unstructure(post_mortem)["log"] == {"severity": "LOW"}
    assert second.unstructure(post_mortem)["log"] == {"severity": "low"}
    assert blameless.to_dict(post_mortem)["log"] == {"severity": "low"}


def test_configure_converter_on_an_app_converter() -> None:
    """An app's converter learns documents, inside its own classes too."""

    @attrs.frozen
    class Ticket:
        key: str
        post_mortem: PostMortem

    conv = cattrs.Converter()
    blameless.configure_converter(conv)
    ticket = Ticket("OPS-1", PostMortem(log=LogEntry(number=4)))
    data = conv.unstructure(ticket)
    assert data == {
        "key": "OPS-1",
        "post_mortem": {"schema": "blameless/1", "log": {"number": 4}},
    }
    assert conv.structure(data, Ticket) == ticket


def test_converter_structure_is_strict() -> None:
    """The converter refuses what from_dict refuses, at the first problem."""
    conv = blameless.make_converter()
    with pytest.raises(Exception, match="a whole number"):
        conv.structure(_document(log={"number": "3"}), PostMortem)


def test_sets_of_enums_read_back() -> None:
    """Checklists and resilience answers, written sorted, read back."""
    post_mortem = PostMortem(
        analysis=blameless.CausalAnalysis(
            factors=blameless.ContributingFactors(
                system=FactorChecklist(
                    checked={Factor.NO_FALLBACK, Factor.CAPACITY}
                )
            ),
            resilience=blameless.Resilience(
                earlier_detection={
                    EarlierDetection.MONITORING,
                    EarlierDetection.MANUAL_CHECK,
                }
            ),
        )
    )
    document = blameless.to_dict(post_mortem)
    assert document["analysis"]["resilience"] == {
        "earlier_detection": ["yes_manual_check", "yes_monitoring"]
    }
    assert blameless.from_dict(document) == post_mortem
