"""Rules for Section 1 of the worksheet: the incident report."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime
from itertools import pairwise

from blameless._checks._context import Context
from blameless._checks._rules._registry import INFO, WARNING, rule
from blameless._model._incident import (
    Impact,
    ImpactCategory,
    Severity,
    TimelineEvent,
)
from blameless._model._time import Timestamp

_TIMELINE = "$.incident.timeline"


def _at(hour: int, minute: int = 0) -> datetime:
    return datetime(2024, 11, 14, hour, minute, tzinfo=UTC)


@rule(
    "I001",
    "no-incident-name",
    WARNING,
    summary="The incident has no name.",
    why=(
        "A clear, descriptive name lets anyone on the team recognize the "
        "incident later, in the post-mortem log."
    ),
    failing=(("$.incident.name", ""),),
    passing=(("$.incident.name", "Payment Gateway Timeout — Nov 14"),),
)
def _no_name(ctx: Context) -> Iterator[tuple[str, str]]:
    if not ctx.post_mortem.incident.name.strip():
        yield (
            "$.incident.name",
            (
                "The incident has no name; give it a clear, descriptive name "
                "anyone on the team can recognize later."
            ),
        )


@rule(
    "I002",
    "no-summary",
    WARNING,
    summary="The incident has no summary.",
    why=(
        "One to two sentences, written for a colleague who was not "
        "involved, give everyone the same picture of what happened."
    ),
    failing=(("$.incident.summary", ""),),
    passing=(("$.incident.summary", "Checkout timed out for 40 minutes."),),
)
def _no_summary(ctx: Context) -> Iterator[tuple[str, str]]:
    if not ctx.post_mortem.incident.summary.strip():
        yield (
            "$.incident.summary",
            (
                "The incident has no summary; describe what happened in one "
                "to two sentences, for a colleague who was not involved."
            ),
        )


# A full stop after one of these does not end a sentence.
_ABBREVIATIONS = re.compile(
    r"\b(?:e\.g|i\.e|approx|etc|vs|ca|cf|mr|mrs|ms|dr|no|jan|feb|mar|apr|"
    r"jun|jul|aug|sep|sept|oct|nov|dec)\.",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?]+(?=\s+\S|\s*$)")


def count_sentences(text: str) -> int:
    """Count the sentences of a text, ignoring common abbreviations."""
    plain = _ABBREVIATIONS.sub("", text.strip())
    return len(_SENTENCE_END.findall(plain)) or (1 if plain else 0)


@rule(
    "I003",
    "long-summary",
    WARNING,
    summary="The summary is longer than two sentences.",
    why=(
        "The worksheet asks for one to two sentences; the details belong "
        "in the timeline and the causal analysis."
    ),
    failing=(
        (
            "$.incident.summary",
            (
                "Checkout timed out. Customers could not pay. Support was "
                "flooded with tickets."
            ),
        ),
    ),
    passing=(
        (
            "$.incident.summary",
            (
                "Checkout timed out for 40 minutes, e.g. for card payments. "
                "Customers could not pay."
            ),
        ),
    ),
)
def _long_summary(ctx: Context) -> Iterator[tuple[str, str]]:
    count = count_sentences(ctx.post_mortem.incident.summary)
    if count > 2:  # noqa: PLR2004  # the worksheet's "one to two sentences"
        yield (
            "$.incident.summary",
            (
                f"The summary has {count} sentences; keep it to one or two "
                "and move the details to the timeline."
            ),
        )


@rule(
    "I004",
    "no-detection-time",
    WARNING,
    summary="The time the incident was detected is not recorded.",
    why=(
        "Time Detected is one of the incident's key times; the detection "
        "gap and the time to resolve are measured from it."
    ),
    failing=(("$.incident.detected", None),),
    passing=(("$.incident.detected", Timestamp(_at(3, 10))),),
)
def _no_detection(ctx: Context) -> Iterator[tuple[str, str]]:
    if ctx.post_mortem.incident.detected is None:
        yield (
            "$.incident.detected",
            (
                "The time detected is not recorded; record when someone or "
                'something noticed the failure (mark it "approx." if unsure).'
            ),
        )


@rule(
    "I005",
    "no-resolution-time",
    WARNING,
    summary="The time the incident was resolved is not recorded.",
    why=(
        "Time Resolved closes the incident's window and gives its total "
        "duration."
    ),
    failing=(("$.incident.resolved", None),),
    passing=(("$.incident.resolved", Timestamp(_at(5, 30))),),
)
def _no_resolution(ctx: Context) -> Iterator[tuple[str, str]]:
    if ctx.post_mortem.incident.resolved is None:
        yield (
            "$.incident.resolved",
            (
                "The time resolved is not recorded; record when the incident "
                'was over (mark it "approx." if unsure).'
            ),
        )


@rule(
    "I006",
    "no-first-occurrence",
    WARNING,
    summary=(
        "The time of first occurrence is not recorded, so the detection "
        "gap is unknown."
    ),
    why=(
        "Time detected and time of first occurrence often differ; the gap "
        "between them shows how long the failure went unnoticed."
    ),
    failing=(("$.incident.first_occurrence", None),),
    passing=(("$.incident.first_occurrence", Timestamp(_at(2))),),
)
def _no_first_occurrence(ctx: Context) -> Iterator[tuple[str, str]]:
    incident = ctx.post_mortem.incident
    if incident.first_occurrence is None and incident.detected is not None:
        yield (
            "$.incident.first_occurrence",
            (
                "The time of first occurrence is not recorded, so the "
                "detection gap is unknown; record when the failure started, "
                "even approx., or the detection time if it started then."
            ),
        )


@rule(
    "I007",
    "no-impact",
    WARNING,
    summary="No impact category is checked.",
    why=(
        "Be honest about the severity: underreporting impact leads to "
        "under-prioritized fixes."
    ),
    failing=(("$.incident.impacts", ()),),
    passing=(
        (
            "$.incident.impacts",
            (
                Impact(
                    category=ImpactCategory.INTERNAL_PROCESS,
                    severity=Severity.LOW,
                ),
            ),
        ),
    ),
)
def _no_impact(ctx: Context) -> Iterator[tuple[str, str]]:
    if not ctx.post_mortem.incident.applicable_impacts:
        yield (
            "$.incident.impacts",
            (
                "No impact category is checked; check every category that "
                "applies and rate its severity."
            ),
        )


@rule(
    "I008",
    "impact-without-severity",
    WARNING,
    summary="An impact category is checked but its severity is not rated.",
    why="Every checked impact gets a severity: low, medium or high.",
    failing=(("$.incident.impacts[0].severity", None),),
    passing=(("$.incident.impacts[0].severity", Severity.LOW),),
)
def _no_severity(ctx: Context) -> Iterator[tuple[str, str]]:
    for index, impact in enumerate(ctx.post_mortem.incident.impacts):
        if impact.applies and impact.severity is None:
            yield (
                f"$.incident.impacts[{index}].severity",
                (
                    f"{impact.category.label!r} is checked without a "
                    "severity; rate it low, medium or high."
                ),
            )


def _timed(ctx: Context) -> list[tuple[int, Timestamp]]:
    timeline = ctx.post_mortem.incident.timeline
    return [(i, e.at) for i, e in enumerate(timeline) if e.at is not None]


@rule(
    "I009",
    "timeline-out-of-order",
    WARNING,
    summary="A timeline event comes before the event listed above it.",
    why=(
        "The timeline is the sequence of events from the earliest known "
        "trigger to the resolution, earliest first."
    ),
    failing=(("$.incident.timeline[2].at", Timestamp(_at(1))),),
    passing=(("$.incident.timeline[2].at", Timestamp(_at(3, 10))),),
)
def _out_of_order(ctx: Context) -> Iterator[tuple[str, str]]:
    latest: Timestamp | None = None
    for index, at in _timed(ctx):
        if latest is not None and at.utc < latest.utc:
            yield (
                f"{_TIMELINE}[{index}].at",
                (
                    f"Event {index + 1} ({at}) comes before the event above "
                    f"it ({latest}); list the events earliest first."
                ),
            )
        if latest is None or at.utc > latest.utc:
            latest = at


@rule(
    "I010",
    "timeline-after-resolution",
    WARNING,
    summary="A timeline event is dated after the incident was resolved.",
    why=(
        "The timeline runs from the earliest known trigger through "
        "detection, response and resolution; a later event means a time is "
        "wrong, or the incident was not resolved when the report says."
    ),
    failing=(("$.incident.timeline[5].at", Timestamp(_at(7))),),
    passing=(("$.incident.timeline[5].at", Timestamp(_at(5, 30))),),
)
def _after_resolution(ctx: Context) -> Iterator[tuple[str, str]]:
    end = ctx.post_mortem.incident.resolved
    if end is None:
        return
    for index, at in _timed(ctx):
        if at.utc > end.utc:
            yield (
                f"{_TIMELINE}[{index}].at",
                (
                    f"Event {index + 1} ({at}) is after the incident was "
                    f"resolved ({end}); correct the time, or the time "
                    "resolved."
                ),
            )


@rule(
    "I011",
    "timeline-gap",
    INFO,
    summary=(
        "During the response, from detection to resolution, two "
        "consecutive timeline events are further apart than the timeline "
        "gap threshold (two hours by default)."
    ),
    why=(
        "The more granular the timeline, the more useful the causal "
        "analysis; a long silence during the response often hides a step "
        "nobody wrote down. Before detection, silence is the detection gap."
    ),
    failing=(("$.incident.timeline[4].at", Timestamp(_at(3, 25))),),
    passing=(("$.incident.timeline[4].at", Timestamp(_at(4))),),
)
def _gap(ctx: Context) -> Iterator[tuple[str, str]]:
    incident = ctx.post_mortem.incident
    start, end = incident.detected, incident.resolved
    timed = [
        (index, at)
        for index, at in _timed(ctx)
        if (start is None or at.utc >= start.utc)
        and (end is None or at.utc <= end.utc)
    ]
    limit = ctx.config.timeline_gap
    for (_, before), (index, after) in pairwise(timed):
        gap = after.utc - before.utc
        if gap > limit:
            yield (
                f"{_TIMELINE}[{index}].at",
                (
                    f"Nothing is recorded for {gap} before event {index + 1}; "
                    "add the events in between, or note that nothing happened."
                ),
            )


# "approx." anywhere; "about" and "around" only before a time of day, since
# "about 300 ms" is a measurement, not an uncertain time.
_CLOCK = r"\d{1,2}(?::\d{2}|\s*(?:am|pm|h)\b)"
_APPROX = re.compile(
    rf"(?<!\w)(?:approx\.?|approximately|circa|ca\.|roughly {_CLOCK}|"
    rf"(?:around|about) {_CLOCK}|~\s*{_CLOCK})",
    re.IGNORECASE,
)


@rule(
    "I012",
    "approx-in-text",
    INFO,
    summary=(
        'A timeline event says "approx." in its text while its time is '
        "not marked approximate."
    ),
    why=(
        'The worksheet asks to note unknown times with "approx."; marked on '
        "the time itself, every duration derived from it says it is a guess."
    ),
    failing=(
        (
            "$.incident.timeline[2]",
            TimelineEvent(
                at=_at(3, 10), description="approx. the bounce alert fires"
            ),
        ),
    ),
    passing=(
        (
            "$.incident.timeline[2]",
            TimelineEvent(
                at=Timestamp(_at(3, 10), approximate=True),
                description="The bounce alert fires.",
            ),
        ),
    ),
)
def _approx_text(ctx: Context) -> Iterator[tuple[str, str]]:
    for index, event in enumerate(ctx.post_mortem.incident.timeline):
        found = _APPROX.search(event.description)
        if found and (event.at is None or not event.at.approximate):
            yield (
                f"{_TIMELINE}[{index}].at",
                (
                    f"Event {index + 1} says {found.group()!r} in its text; "
                    "mark its time approximate instead "
                    "(blameless.approx(...))."
                ),
            )


@rule(
    "I013",
    "event-without-time",
    WARNING,
    summary="A timeline event has no timestamp.",
    why=(
        "Use precise timestamps where possible; if the exact time is "
        'unknown, note it with "approx." rather than leaving it out.'
    ),
    failing=(("$.incident.timeline[4].at", None),),
    passing=(
        ("$.incident.timeline[4].at", Timestamp(_at(4), approximate=True)),
    ),
)
def _no_time(ctx: Context) -> Iterator[tuple[str, str]]:
    for index, event in enumerate(ctx.post_mortem.incident.timeline):
        if event.at is None:
            yield (
                f"{_TIMELINE}[{index}].at",
                (
                    f"Event {index + 1} has no time; record it, marked "
                    "approximate if the exact time is unknown."
                ),
            )


@rule(
    "I014",
    "no-timeline",
    WARNING,
    summary="The timeline of key events is empty.",
    why=(
        "A clear, factual, shared timeline is the outcome of Section 1; "
        "the causal analysis builds on it."
    ),
    failing=(("$.incident.timeline", ()),),
    passing=(
        (
            "$.incident.timeline",
            (TimelineEvent(at=_at(3, 10), description="The alert fires."),),
        ),
    ),
)
def _no_timeline(ctx: Context) -> Iterator[tuple[str, str]]:
    if not ctx.post_mortem.incident.timeline:
        yield (
            _TIMELINE,
            (
                "The timeline is empty; list the events from the earliest "
                "known trigger through detection, response and resolution."
            ),
        )


@rule(
    "I015",
    "event-without-description",
    WARNING,
    summary="A timeline event has no description.",
    why="Each row of the timeline says what happened, as a fact.",
    failing=(("$.incident.timeline[1].description", ""),),
    passing=(
        ("$.incident.timeline[1].description", "The nightly sync starts."),
    ),
)
def _no_description(ctx: Context) -> Iterator[tuple[str, str]]:
    for index, event in enumerate(ctx.post_mortem.incident.timeline):
        if not event.description.strip():
            yield (
                f"{_TIMELINE}[{index}].description",
                (
                    f"Event {index + 1} does not say what happened; describe "
                    "it as a fact, not an interpretation."
                ),
            )
