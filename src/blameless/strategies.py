"""Hypothesis strategies for every public type of the model.

Each strategy produces valid objects only, from across the whole space the
model allows: drafts with blank parts as well as complete post-mortems,
approximate times, times in named zones around their DST changes (in the
gap and in the fold), fixed offsets and UTC, and any Unicode text.
Collections are kept small so that property tests stay fast.

This module imports Hypothesis; install it with
``pip install 'blameless[strategies]'``. Once the package is installed,
Hypothesis loads its registration hook through an entry point, so
``hypothesis.strategies.from_type(PostMortem)`` works in any test suite.

Strategies of a part of the worksheet take ``complete``: ``None`` (the
default) mixes drafts and complete ones, ``True`` gives only complete
ones with every field filled in sensibly, and ``False`` gives only drafts
that leave at least one field of the worksheet blank.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Collection, Sequence
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from typing import TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import attrs

from blameless import (
    MAX_WHY_LEVEL,
    MINIMUM_MINUTES,
    ActionItem,
    ActionKind,
    ActionReview,
    ActionStatus,
    Attendance,
    CausalAnalysis,
    ContributingFactors,
    EarlierDetection,
    Factor,
    FactorCategory,
    FactorChecklist,
    FiveWhys,
    FollowUp,
    GroundRule,
    Impact,
    ImpactCategory,
    IncidentReport,
    Involvement,
    Lessons,
    LogEntry,
    MeetingRole,
    Participant,
    PostMortem,
    Prerequisite,
    Readiness,
    Resilience,
    ReviewStatus,
    Severity,
    SmallerBlastRadius,
    Span,
    TimelineEvent,
    Timestamp,
    UnmetPrerequisite,
    Why,
)


def _hypothesis_setup_hook() -> None:
    """Register a strategy for every public model type with Hypothesis.

    Hypothesis calls this through the ``hypothesis`` entry point of the
    installed package, so that ``st.from_type(PostMortem)`` and
    ``st.builds`` with annotated arguments draw valid objects in any test
    suite. Importing this module registers them too.
    """
    # Imported before Hypothesis, this module triggers Hypothesis' first
    # import below, which runs this hook while the module is half-loaded;
    # the module then registers the strategies itself, at its end.
    register = globals().get("_register_types")
    if register is not None:
        register()


# After the hook, so that Hypothesis finds it even mid-import.
from hypothesis import strategies as st  # noqa: E402

__all__ = [
    "NAMED_ZONES",
    "action_items",
    "action_reviews",
    "aware_datetimes",
    "causal_analyses",
    "contributing_factors",
    "factor_checklists",
    "five_whys",
    "follow_ups",
    "impacts",
    "incident_reports",
    "lessons",
    "log_entries",
    "participants",
    "post_mortem_logs",
    "post_mortems",
    "readinesses",
    "resiliences",
    "spans",
    "timeline_events",
    "timestamps",
    "unmet_prerequisites",
    "whys",
]

T = TypeVar("T")

#: The IANA zones that times are drawn in, besides UTC and fixed offsets:
#: an hour of DST in Europe and North America, half an hour on Lord Howe
#: Island, DST in the southern summer, and a zone without DST.
NAMED_ZONES = (
    "Europe/Berlin",
    "America/New_York",
    "Australia/Lord_Howe",
    "America/Santiago",
    "Asia/Kolkata",
)

# Whole years around today, so that zone rules are the current ones and
# datetime arithmetic never nears the limits of the datetime type.
_EARLIEST = datetime(1990, 1, 1)  # noqa: DTZ001  (a wall time in any zone)
_LATEST = datetime(2099, 12, 31)  # noqa: DTZ001
_TRANSITION_YEARS = range(2016, 2031)

# Small sizes keep a whole property test suite within minutes.
_TEXT_SIZE = 12
_LIST_SIZE = 3

_ANY_TEXT = st.text(max_size=_TEXT_SIZE)
_FILLED_TEXT = st.text(min_size=1, max_size=_TEXT_SIZE).filter(str.strip)
_DATES = st.dates(min_value=_EARLIEST.date(), max_value=_LATEST.date())
_SEVERITIES = st.sampled_from(Severity)
_SETTLED_STATUSES = (ActionStatus.COMPLETE, ActionStatus.NOT_DOING)


def _optional(strategy: st.SearchStrategy[T]) -> st.SearchStrategy[T | None]:
    return st.none() | strategy


def _flag(*, value: bool | None) -> st.SearchStrategy[bool]:
    return st.booleans() if value is None else st.just(value)


@functools.cache
def _days(low: int, high: int) -> st.SearchStrategy[timedelta]:
    return st.integers(low, high).map(lambda n: timedelta(days=n))


# Zones and times -------------------------------------------------------


@functools.cache
def _available_zones() -> tuple[ZoneInfo, ...]:
    found = []
    for name in NAMED_ZONES:
        try:
            found.append(ZoneInfo(name))
        except ZoneInfoNotFoundError:
            # Without the IANA database (Windows without the tzdata
            # package), fixed offsets and UTC still cover most cases.
            continue
    return tuple(found)


def _offset_at(zone: tzinfo, moment: datetime) -> timedelta | None:
    return moment.astimezone(zone).utcoffset()


def _bisect_change(zone: tzinfo, low: datetime, high: datetime) -> datetime:
    """Narrow down, to the second, the instant the offset changes."""
    before = _offset_at(zone, low)
    while high - low > timedelta(seconds=1):
        middle = low + (high - low) / 2
        if _offset_at(zone, middle) == before:
            low = middle
        else:
            high = middle
    return high.replace(microsecond=0)


@functools.cache
def _transitions(zone: ZoneInfo) -> tuple[datetime, ...]:
    """Return the UTC instants at which *zone* changes its offset."""
    found = []
    day = timedelta(days=1)
    moment = datetime(_TRANSITION_YEARS[0], 1, 1, tzinfo=UTC)
    end = datetime(_TRANSITION_YEARS[-1] + 1, 1, 1, tzinfo=UTC)
    while moment < end:
        following = moment + day
        if _offset_at(zone, moment) != _offset_at(zone, following):
            found.append(_bisect_change(zone, moment, following))
        moment = following
    return tuple(found)


@st.composite
def _near_transitions(draw: st.DrawFn) -> datetime:
    """Draw a wall time close to a DST change: in its gap, its fold, or by.

    The wall time is read with either fold, as a person would write it;
    a wall time in the gap does not exist and is resolved by its fold.
    """
    zones = [zone for zone in _available_zones() if _transitions(zone)]
    if not zones:
        return draw(_instants())
    zone = draw(st.sampled_from(zones))
    change = draw(st.sampled_from(_transitions(zone)))
    before = _offset_at(zone, change - timedelta(seconds=1))
    assert before is not None  # noqa: S101  (a ZoneInfo always has one)
    wall = (change + before).replace(tzinfo=None)
    shift = draw(st.integers(-90 * 60, 90 * 60).map(_seconds))
    fold = draw(st.sampled_from((0, 1)))
    return (wall + shift).replace(tzinfo=zone, fold=fold)


def _seconds(count: int) -> timedelta:
    return timedelta(seconds=count)


def _fixed_zones() -> st.SearchStrategy[tzinfo]:
    # Real offsets run from -12:00 to +14:00, in whole minutes.
    minutes = st.integers(-12 * 60, 14 * 60)
    return st.just(UTC) | minutes.map(lambda m: timezone(timedelta(minutes=m)))


def _zones() -> st.SearchStrategy[tzinfo]:
    named = st.deferred(lambda: st.sampled_from(_available_zones() or (UTC,)))
    return _fixed_zones() | named


# Built once: strategies made inside a draw are validated on every draw.
_ANY_ZONE = _zones()


def _zone_near(draw: st.DrawFn, zone: tzinfo | None) -> tzinfo:
    """Draw *zone* itself, or any other zone."""
    if zone is not None and draw(st.booleans()):
        return zone
    return draw(_ANY_ZONE)


# Seconds since the epoch: one draw, where st.datetimes takes a dozen.
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_SECONDS = st.integers(
    int((_EARLIEST.replace(tzinfo=UTC) - _EPOCH).total_seconds()),
    int((_LATEST.replace(tzinfo=UTC) - _EPOCH).total_seconds()),
)
_MICROSECONDS = st.just(0) | st.integers(0, 999_999)


@st.composite
def _instants(draw: st.DrawFn) -> datetime:
    """Draw a real instant, as read in some zone."""
    seconds = draw(_SECONDS)
    micro = draw(_MICROSECONDS)
    moment = _EPOCH + timedelta(seconds=seconds, microseconds=micro)
    return moment.astimezone(draw(_ANY_ZONE))


def aware_datetimes() -> st.SearchStrategy[datetime]:
    """Timezone-aware datetimes, including awkward ones around DST changes.

    The zones are UTC, fixed offsets from -12:00 to +14:00, and the named
    zones of :data:`NAMED_ZONES`. About half of the times fall within an
    hour and a half of a DST change of a named zone, in its gap (a wall
    time that does not exist) or its fold (one that happens twice) with
    either ``fold`` value. Years run from 1990 to 2099.
    """
    return _instants() | _near_transitions()


def timestamps(
    *, approximate: bool | None = None
) -> st.SearchStrategy[Timestamp]:
    """Timestamps at any aware datetime of :func:`aware_datetimes`.

    Args:
        approximate: ``True`` or ``False`` to draw only approximate or
            only exact times; both when ``None``.
    """
    return st.builds(
        Timestamp, aware_datetimes(), approximate=_flag(value=approximate)
    )


def _gaps() -> st.SearchStrategy[timedelta]:
    """Non-negative durations: none, seconds, minutes up to a week."""
    return _GAPS


_GAPS = st.one_of(
    st.just(timedelta(0)),
    st.integers(0, 3600).map(_seconds),
    st.integers(0, 7 * 24 * 60).map(lambda m: timedelta(minutes=m)),
)


@st.composite
def _after(draw: st.DrawFn, start: datetime, gap: timedelta) -> Timestamp:
    """Draw a timestamp *gap* after *start*, in its zone or another one.

    Staying in the start's zone is what crosses DST changes; moving to
    another zone shows that order is by instant, not by wall time.
    """
    zone = _zone_near(draw, start.tzinfo)
    instant = Timestamp(start).utc + gap
    return Timestamp(instant.astimezone(zone), approximate=draw(st.booleans()))


@st.composite
def _chain(draw: st.DrawFn, length: int) -> list[Timestamp]:
    """Draw *length* timestamps, each no earlier than the one before."""
    start = draw(aware_datetimes())
    found = [Timestamp(start, approximate=draw(st.booleans()))]
    elapsed = timedelta(0)
    for _ in range(length - 1):
        elapsed += draw(_gaps())
        found.append(draw(_after(start, elapsed)))
    return found


@st.composite
def _spans(draw: st.DrawFn) -> Span:
    report = draw(_ordered_times(blanks=False))
    name = draw(
        st.sampled_from(
            (
                "detection_gap",
                "time_to_acknowledge",
                "time_to_mitigate",
                "time_to_resolve",
                "total_duration",
            )
        )
    )
    span: Span | None = getattr(report, name)
    assert span is not None  # noqa: S101  (every time is recorded)
    return span


def spans() -> st.SearchStrategy[Span]:
    """Spans derived from incident reports, as the model derives them.

    Each is one of the report's durations (detection gap, time to
    acknowledge, mitigate or resolve, total duration); a time to mitigate
    may be negative, when the mitigation came before the detection.
    """
    return _spans()


# Section 1: the incident report ----------------------------------------


def impacts(
    *,
    category: ImpactCategory | None = None,
    complete: bool | None = None,
) -> st.SearchStrategy[Impact]:
    """Rows of the impact assessment.

    Args:
        category: The row to draw; any row when ``None``.
        complete: ``True`` for rows that apply, with a severity and notes;
            ``False`` for rows that apply but lack one of them; any row
            when ``None``.
    """
    categories = (
        st.sampled_from(ImpactCategory)
        if category is None
        else st.just(category)
    )
    filled = st.builds(
        Impact,
        category=categories,
        applies=st.just(value=True),
        severity=st.sampled_from(Severity),
        notes=_FILLED_TEXT,
    )
    if complete is None:
        return _any_impacts(categories) | filled
    if complete:
        return filled
    return filled.flatmap(_one_blanked)


def _any_impacts(
    categories: st.SearchStrategy[ImpactCategory],
) -> st.SearchStrategy[Impact]:
    return st.builds(
        Impact,
        category=categories,
        applies=st.booleans(),
        severity=_optional(st.sampled_from(Severity)),
        notes=_ANY_TEXT,
    )


def _one_blanked(row: Impact) -> st.SearchStrategy[Impact]:
    """The row without its severity, or without its notes."""
    return st.sampled_from(
        (attrs.evolve(row, severity=None), attrs.evolve(row, notes=""))
    )


def timeline_events(
    *, at: st.SearchStrategy[Timestamp | None] | None = None
) -> st.SearchStrategy[TimelineEvent]:
    """Rows of the timeline: a time or none, a description, evidence.

    Args:
        at: Where the times come from; any timestamp or ``None`` when not
            given.
    """
    return st.builds(
        TimelineEvent,
        at=_optional(timestamps()) if at is None else at,
        description=_ANY_TEXT,
        evidence=_optional(_ANY_TEXT),
    )


# The recorded times of an incident report, in the worksheet's order.
_TIME_FIELDS = (
    "first_occurrence",
    "detected",
    "acknowledged",
    "mitigated",
    "resolved",
)


@st.composite
def _ordered_times(draw: st.DrawFn, *, blanks: bool) -> IncidentReport:
    """Draw the five recorded times in a possible order, some blank.

    The mitigation follows the first occurrence but may come before the
    detection, as an automatic one does.
    """
    first, detected, acknowledged, resolved = draw(_chain(4))
    mitigated = draw(_after(first.at, draw(_gaps())))
    if mitigated.utc > resolved.utc:
        mitigated, resolved = resolved, mitigated
    times: dict[str, Timestamp | None] = dict(
        zip(
            _TIME_FIELDS,
            (first, detected, acknowledged, mitigated, resolved),
            strict=True,
        )
    )
    if blanks:
        for field in _TIME_FIELDS:
            if draw(st.booleans()):
                times[field] = None
    return IncidentReport(
        first_occurrence=times["first_occurrence"],
        detected=times["detected"],
        acknowledged=times["acknowledged"],
        mitigated=times["mitigated"],
        resolved=times["resolved"],
    )


@st.composite
def _any_incident(draw: st.DrawFn) -> IncidentReport:
    times = draw(_ordered_times(blanks=True))
    return attrs.evolve(
        times,
        name=draw(_ANY_TEXT),
        summary=draw(_ANY_TEXT),
        impacts=draw(
            st.lists(
                impacts(),
                max_size=_LIST_SIZE,
                unique_by=lambda row: row.category,
            )
        ),
        timeline=draw(st.lists(timeline_events(), max_size=_LIST_SIZE)),
    )


@st.composite
def _complete_impacts(draw: st.DrawFn) -> tuple[Impact, ...]:
    """All seven rows; at least one applies, and those that do are full."""
    applying = draw(st.frozensets(st.sampled_from(ImpactCategory), min_size=1))
    rows = []
    for category in ImpactCategory:
        if category in applying:
            rows.append(
                Impact(
                    category=category,
                    severity=draw(_SEVERITIES),
                    notes=draw(_FILLED_TEXT),
                )
            )
        else:
            rows.append(Impact(category=category, applies=False))
    return tuple(rows)


@st.composite
def _window_timeline(
    draw: st.DrawFn, start: Timestamp, end: Timestamp
) -> tuple[TimelineEvent, ...]:
    """Draw three to five events in order between *start* and *end*."""
    window = int((end.utc - start.utc).total_seconds())
    offsets = sorted(
        draw(st.lists(st.integers(0, window), min_size=3, max_size=5))
    )
    events = []
    for offset in offsets:
        instant = start.utc + _seconds(offset)
        zone = _zone_near(draw, start.at.tzinfo)
        at = Timestamp(
            instant.astimezone(zone), approximate=draw(st.booleans())
        )
        events.append(
            TimelineEvent(
                at=at,
                description=draw(_FILLED_TEXT),
                evidence=draw(_optional(_FILLED_TEXT)),
            )
        )
    return tuple(events)


@st.composite
def _complete_incident(draw: st.DrawFn) -> IncidentReport:
    """Every field filled, the five times in their natural order."""
    first, detected, acknowledged, mitigated, resolved = draw(_chain(5))
    return IncidentReport(
        name=draw(_FILLED_TEXT),
        summary=draw(_FILLED_TEXT),
        first_occurrence=first,
        detected=detected,
        acknowledged=acknowledged,
        mitigated=mitigated,
        resolved=resolved,
        impacts=draw(_complete_impacts()),
        timeline=draw(_window_timeline(first, resolved)),
    )


_INCIDENT_BLANKS: Sequence[Callable[[IncidentReport], IncidentReport]] = (
    lambda r: attrs.evolve(r, name=""),
    lambda r: attrs.evolve(r, summary=""),
    lambda r: attrs.evolve(r, detected=None),
    lambda r: attrs.evolve(r, resolved=None),
    lambda r: attrs.evolve(r, impacts=()),
    lambda r: attrs.evolve(r, timeline=()),
)


def _mixed(
    anything: st.SearchStrategy[T],
    complete: st.SearchStrategy[T],
    blanks: Sequence[Callable[[T], T]],
    *,
    choice: bool | None,
) -> st.SearchStrategy[T]:
    """Pick the strategy that the ``complete`` option asks for.

    Drafts (``False``) are drafts or complete ones with one part blanked,
    so that each blank also shows up alone.
    """
    if choice is None:
        return anything | complete
    if choice:
        return complete
    blank = st.sampled_from(blanks)
    return st.tuples(anything | complete, blank).map(lambda p: p[1](p[0]))


def incident_reports(
    *, complete: bool | None = None
) -> st.SearchStrategy[IncidentReport]:
    """Section 1 of the worksheet: incident reports.

    Recorded times are always in a possible order; each is approximate or
    not, in its own zone. A complete report has a name, a summary, all
    five times with first occurrence <= detected <= acknowledged <=
    mitigated <= resolved, all seven impact rows (at least one applies,
    with a severity and notes) and three to five timeline events in order
    between the first occurrence and the resolution.

    Args:
        complete: See the module's description.
    """
    return _mixed(
        _any_incident(),
        _complete_incident(),
        _INCIDENT_BLANKS,
        choice=complete,
    )


# Section 2: the causal analysis ----------------------------------------


def whys(*, level: int | None = None) -> st.SearchStrategy[Why]:
    """Single levels of the 5 Whys, with any answer, blank included.

    Args:
        level: The level to draw; any of 1 to 5 when ``None``.
    """
    levels = st.integers(1, MAX_WHY_LEVEL) if level is None else st.just(level)
    return st.builds(Why, levels, _ANY_TEXT)


@st.composite
def _five_whys(draw: st.DrawFn, *, min_depth: int, answered: bool) -> FiveWhys:
    depth = draw(st.integers(min_depth, MAX_WHY_LEVEL))
    answers = _FILLED_TEXT if answered else _ANY_TEXT
    chain = [Why(level, draw(answers)) for level in range(1, depth + 1)]
    changeable: int | None = depth
    if not answered:
        levels = st.integers(1, depth) if depth else st.nothing()
        changeable = draw(_optional(levels))
    return FiveWhys(whys=chain, changeable_level=changeable)


def _blank_last_answer(chain: FiveWhys) -> FiveWhys:
    if not chain.whys:
        return chain
    last = attrs.evolve(chain.whys[-1], answer="")
    return attrs.evolve(chain, whys=(*chain.whys[:-1], last))


def five_whys(*, complete: bool | None = None) -> st.SearchStrategy[FiveWhys]:
    """5 Whys drill-downs: levels 1 to n without a gap.

    A complete one answers three to five levels and marks the last as the
    level where the team reached a factor it can change.

    Args:
        complete: See the module's description.
    """
    blanks: Sequence[Callable[[FiveWhys], FiveWhys]] = (
        lambda _: FiveWhys(),
        lambda w: attrs.evolve(w, changeable_level=None),
        _blank_last_answer,
    )
    return _mixed(
        _five_whys(min_depth=0, answered=False),
        _five_whys(min_depth=3, answered=True),
        blanks,
        choice=complete,
    )


@st.composite
def _checklist(
    draw: st.DrawFn, category: FactorCategory | None, *, filled: bool
) -> FactorChecklist:
    if category is None:
        category = draw(st.sampled_from(FactorCategory))
    boxes = st.sampled_from(Factor.of(category))
    if not filled:
        return FactorChecklist(
            checked=draw(st.frozensets(boxes, max_size=_LIST_SIZE)),
            other=draw(_ANY_TEXT),
            notes=draw(_ANY_TEXT),
        )
    checked = draw(st.frozensets(boxes, min_size=1, max_size=_LIST_SIZE))
    has_other = any(box.is_other for box in checked)
    return FactorChecklist(
        checked=checked,
        other=draw(_FILLED_TEXT) if has_other else "",
        notes=draw(_FILLED_TEXT),
    )


def factor_checklists(
    category: FactorCategory | None = None, *, complete: bool | None = None
) -> st.SearchStrategy[FactorChecklist]:
    """The checklist of one factor category, with only its own boxes.

    A complete checklist has at least one box checked, its notes, and the
    text of "other" exactly when the "other" box is checked.

    Args:
        category: The category of the boxes; any one when ``None``.
        complete: See the module's description.
    """
    blanks: Sequence[Callable[[FactorChecklist], FactorChecklist]] = (
        lambda c: attrs.evolve(c, notes=""),
        lambda c: attrs.evolve(c, checked=frozenset()),
    )
    return _mixed(
        _checklist(category, filled=False),
        _checklist(category, filled=True),
        blanks,
        choice=complete,
    )


@st.composite
def _factors(draw: st.DrawFn, *, filled: bool) -> ContributingFactors:
    if not filled:
        lists = {
            category.value: draw(_checklist(category, filled=False))
            for category in FactorCategory
        }
        return ContributingFactors(**lists)
    used = draw(st.frozensets(st.sampled_from(FactorCategory), min_size=1))
    lists = {
        category.value: draw(_checklist(category, filled=True))
        for category in used
    }
    return ContributingFactors(**lists)


def contributing_factors(
    *, complete: bool | None = None
) -> st.SearchStrategy[ContributingFactors]:
    """The three checklists of contributing factors.

    A complete one has boxes checked in one to three categories, each of
    them complete (see :func:`factor_checklists`); the other categories
    are empty.

    Args:
        complete: See the module's description.
    """
    return _mixed(
        _factors(filled=False),
        _factors(filled=True),
        (lambda _: ContributingFactors(),),
        choice=complete,
    )


def _answers(
    together: Sequence[T], alone: Sequence[T], *, answered: bool
) -> st.SearchStrategy[frozenset[T]]:
    """Answers to one resilience question that the worksheet allows."""
    given = st.frozensets(st.sampled_from(together), min_size=1) | (
        st.sampled_from(alone).map(lambda a: frozenset((a,)))
    )
    return given if answered else st.just(frozenset[T]()) | given


@st.composite
def _resilience(draw: st.DrawFn, *, filled: bool) -> Resilience:
    detection = draw(
        _answers(
            (EarlierDetection.MONITORING, EarlierDetection.MANUAL_CHECK),
            (EarlierDetection.UNFORESEEABLE, EarlierDetection.PARTIALLY),
            answered=filled,
        )
    )
    blast = draw(
        _answers(
            (
                SmallerBlastRadius.CIRCUIT_BREAKER,
                SmallerBlastRadius.ISOLATION,
                SmallerBlastRadius.ROLLBACK,
            ),
            (SmallerBlastRadius.SYSTEM_WIDE,),
            answered=filled,
        )
    )
    answer = Resilience(
        earlier_detection=detection, smaller_blast_radius=blast
    )
    if not filled:
        return attrs.evolve(
            answer,
            missing_detection=draw(_ANY_TEXT),
            missing_containment=draw(_ANY_TEXT),
        )
    mechanism = _FILLED_TEXT
    return attrs.evolve(
        answer,
        missing_detection=(
            draw(mechanism) if answer.could_detect_earlier else ""
        ),
        missing_containment=(
            draw(mechanism) if answer.could_limit_blast_radius else ""
        ),
    )


def resiliences(
    *, complete: bool | None = None
) -> st.SearchStrategy[Resilience]:
    """Answers to the resilience question, combined as the worksheet allows.

    The "yes" answers of a question combine; "no" and "partially" stand
    alone. A complete one answers both questions and names the missing
    mechanism exactly when the answer is "yes" or "partially".

    Args:
        complete: See the module's description.
    """
    blanks: Sequence[Callable[[Resilience], Resilience]] = (
        lambda r: attrs.evolve(
            r, earlier_detection=frozenset(), missing_detection=""
        ),
        lambda r: attrs.evolve(
            r, smaller_blast_radius=frozenset(), missing_containment=""
        ),
    )
    return _mixed(
        _resilience(filled=False),
        _resilience(filled=True),
        blanks,
        choice=complete,
    )


def lessons(*, complete: bool | None = None) -> st.SearchStrategy[Lessons]:
    """Lessons learned: what went well, what went wrong, where we got lucky.

    A complete one has at least one non-blank line of what went well and
    of what went wrong.

    Args:
        complete: See the module's description.
    """
    lines = st.lists(_ANY_TEXT, max_size=_LIST_SIZE)
    filled = st.lists(_FILLED_TEXT, min_size=1, max_size=_LIST_SIZE)
    return _mixed(
        st.builds(Lessons, went_well=lines, went_wrong=lines, got_lucky=lines),
        st.builds(
            Lessons,
            went_well=filled,
            went_wrong=filled,
            got_lucky=st.lists(_FILLED_TEXT, max_size=2),
        ),
        (
            lambda x: attrs.evolve(x, went_well=()),
            lambda x: attrs.evolve(x, went_wrong=()),
        ),
        choice=complete,
    )


def causal_analyses(
    *, complete: bool | None = None
) -> st.SearchStrategy[CausalAnalysis]:
    """Section 2 of the worksheet: causal analyses.

    A complete one has a trigger, and a complete 5 Whys, contributing
    factors, resilience answers and lessons.

    Args:
        complete: See the module's description.
    """
    anything = st.builds(
        CausalAnalysis,
        trigger=_ANY_TEXT,
        whys=five_whys(),
        factors=contributing_factors(),
        resilience=resiliences(),
        lessons=lessons(),
    )
    filled = st.builds(
        CausalAnalysis,
        trigger=_FILLED_TEXT,
        whys=five_whys(complete=True),
        factors=contributing_factors(complete=True),
        resilience=resiliences(complete=True),
        lessons=lessons(complete=True),
    )
    blanks: Sequence[Callable[[CausalAnalysis], CausalAnalysis]] = (
        lambda a: attrs.evolve(a, trigger=""),
        lambda a: attrs.evolve(a, whys=FiveWhys()),
        lambda a: attrs.evolve(a, factors=ContributingFactors()),
        lambda a: attrs.evolve(a, resilience=Resilience()),
        lambda a: attrs.evolve(a, lessons=Lessons()),
    )
    return _mixed(anything, filled, blanks, choice=complete)


# Before the meeting: readiness -----------------------------------------


def participants(
    *, name: st.SearchStrategy[str] | None = None
) -> st.SearchStrategy[Participant]:
    """People taking part, with any roles, involvement and agreement.

    Args:
        name: Where the names come from; any text when not given.
    """
    return st.builds(
        Participant,
        name=_ANY_TEXT if name is None else name,
        roles=st.frozensets(st.sampled_from(MeetingRole)),
        involvement=st.frozensets(st.sampled_from(Involvement)),
        attendance=st.sampled_from(Attendance),
        most_senior=st.booleans(),
        agreed=st.frozensets(st.sampled_from(GroundRule)),
    )


@st.composite
def _any_readiness(draw: st.DrawFn) -> Readiness:
    people = draw(
        st.lists(
            participants(),
            max_size=_LIST_SIZE + 1,
            unique_by=lambda p: p.name,
        )
    )
    return Readiness(
        stabilized=draw(st.booleans()),
        minutes_blocked=draw(_optional(st.integers(0, 600))),
        participants=people,
    )


_ALL_RULES = frozenset(GroundRule)


@st.composite
def _ready(draw: st.DrawFn) -> Readiness:
    """A meeting with every prerequisite met."""
    names = draw(st.lists(_FILLED_TEXT, min_size=2, max_size=5, unique=True))
    facilitator, note_taker, *others = names
    people = [
        _chair(draw, facilitator, MeetingRole.FACILITATOR, involved=False),
        # A ready meeting has someone involved; the note-taker is sure to be.
        _chair(draw, note_taker, MeetingRole.NOTE_TAKER, involved=True),
    ]
    people += [_attendee(draw, name) for name in others]

    senior = draw(st.integers(0, len(people) - 1))
    if senior:
        people[senior] = attrs.evolve(people[senior], most_senior=True)
    return Readiness(
        stabilized=True,
        minutes_blocked=draw(st.integers(MINIMUM_MINUTES, 240)),
        participants=draw(st.permutations(people)),
    )


def _chair(
    draw: st.DrawFn, name: str, role: MeetingRole, *, involved: bool
) -> Participant:
    """Draw the facilitator or the note-taker, who agreed to every rule."""
    involvement = st.frozensets(
        st.sampled_from(Involvement), min_size=int(involved)
    )
    return Participant(
        name=name,
        roles={role},
        involvement=draw(involvement),
        agreed=_ALL_RULES,
    )


def _attendee(draw: st.DrawFn, name: str) -> Participant:
    """Draw someone else, present (and agreed) or sending written input."""
    attendance = draw(
        st.sampled_from((Attendance.PRESENT, Attendance.WRITTEN_INPUT))
    )
    return Participant(
        name=name,
        involvement=draw(st.frozensets(st.sampled_from(Involvement))),
        attendance=attendance,
        agreed=_ALL_RULES
        if attendance is Attendance.PRESENT
        else draw(st.frozensets(st.sampled_from(GroundRule))),
    )


def readinesses(
    *, complete: bool | None = None
) -> st.SearchStrategy[Readiness]:
    """The quick check before the meeting, with unique participant names.

    A complete one is ready: stabilized, at least 60 minutes blocked, one
    facilitator who is not the most senior person, a different
    note-taker, someone involved in the incident, nobody involved absent,
    and everyone present agreed to the three ground rules.

    Args:
        complete: See the module's description.
    """
    blanks: Sequence[Callable[[Readiness], Readiness]] = (
        lambda r: attrs.evolve(r, stabilized=False),
        lambda r: attrs.evolve(r, minutes_blocked=None),
        lambda r: attrs.evolve(r, participants=()),
    )
    return _mixed(_any_readiness(), _ready(), blanks, choice=complete)


def unmet_prerequisites() -> st.SearchStrategy[UnmetPrerequisite]:
    """Unmet prerequisites with a reason.

    These are the rows :meth:`~blameless.Readiness.unmet` returns.
    """
    return st.builds(
        UnmetPrerequisite, st.sampled_from(Prerequisite), _FILLED_TEXT
    )


# Section 3: actions -----------------------------------------------------

_ACTION_IDS = st.one_of(
    st.builds("{}{}".format, st.sampled_from("CP"), st.integers(1, 20)),
    _FILLED_TEXT,
)


@st.composite
def _any_action(
    draw: st.DrawFn, kind: ActionKind | None, action_id: str | None
) -> ActionItem:
    return ActionItem(
        id=draw(_ACTION_IDS) if action_id is None else action_id,
        kind=draw(st.sampled_from(ActionKind)) if kind is None else kind,
        description=draw(_ANY_TEXT),
        owner=draw(_ANY_TEXT),
        due=draw(_optional(_DATES)),
        status=draw(st.sampled_from(ActionStatus)),
        reason=draw(_ANY_TEXT),
        completed_on=draw(_optional(_DATES)),
        ticket=draw(_optional(_ANY_TEXT)),
        addresses_factors=draw(
            st.frozensets(st.sampled_from(Factor), max_size=_LIST_SIZE)
        ),
        addresses_whys=draw(
            st.frozensets(st.integers(1, MAX_WHY_LEVEL), max_size=_LIST_SIZE)
        ),
    )


@st.composite
def _filled_action(  # noqa: PLR0913  (the context of a filled-in row)
    draw: st.DrawFn,
    kind: ActionKind | None,
    action_id: str | None,
    *,
    held_on: date | None = None,
    factors: Collection[Factor] = tuple(Factor),
    depth: int = MAX_WHY_LEVEL,
    settled: bool = False,
) -> ActionItem:
    """Draw an owned, dated item that addresses a factor or a why-level."""
    start = draw(_DATES) if held_on is None else held_on
    statuses = _SETTLED_STATUSES if settled else tuple(ActionStatus)
    status = draw(st.sampled_from(statuses))
    choices = sorted(factors, key=lambda f: f.value)
    addressed = draw(st.frozensets(st.sampled_from(choices), max_size=2))
    levels = draw(st.frozensets(st.integers(1, depth), max_size=2))
    if not (addressed or levels):
        levels = frozenset((depth,))
    return ActionItem(
        id=draw(_ACTION_IDS) if action_id is None else action_id,
        kind=draw(st.sampled_from(ActionKind)) if kind is None else kind,
        description=draw(_FILLED_TEXT),
        owner=draw(_FILLED_TEXT),
        due=start + draw(_days(1, 60)),
        status=status,
        reason=draw(_FILLED_TEXT)
        if status in (ActionStatus.BLOCKED, ActionStatus.NOT_DOING)
        else "",
        completed_on=start + draw(_days(0, 30))
        if status is ActionStatus.COMPLETE
        else None,
        ticket=draw(_optional(_FILLED_TEXT)),
        addresses_factors=addressed,
        addresses_whys=levels,
    )


def action_items(
    *,
    kind: ActionKind | None = None,
    action_id: str | None = None,
    complete: bool | None = None,
) -> st.SearchStrategy[ActionItem]:
    """Containment and prevention action items.

    A complete item has a description, an owner, a due date, a reason
    when it is blocked or not being done, a completion date when it is
    complete, and names a factor or why-level it addresses.

    Args:
        kind: Containment or prevention; either when ``None``.
        action_id: The id to give the item; a drawn one when ``None``.
        complete: See the module's description.
    """
    blanks: Sequence[Callable[[ActionItem], ActionItem]] = (
        lambda a: attrs.evolve(a, owner=""),
        lambda a: attrs.evolve(a, due=None),
        lambda a: attrs.evolve(a, description=""),
    )
    return _mixed(
        _any_action(kind, action_id),
        _filled_action(kind, action_id),
        blanks,
        choice=complete,
    )


# Section 4: follow-up ---------------------------------------------------


@st.composite
def _filled_review(
    draw: st.DrawFn, action_id: str | None, status: ActionStatus | None
) -> ActionReview:
    if status is None:
        status = draw(st.sampled_from(ActionStatus))
    blocked = status is ActionStatus.BLOCKED
    return ActionReview(
        action_id=draw(_ACTION_IDS) if action_id is None else action_id,
        status=status,
        blocked_reason=draw(_FILLED_TEXT) if blocked else "",
        new_due=draw(_optional(_DATES)) if status.is_open else None,
    )


def action_reviews(
    *, action_id: str | None = None, complete: bool | None = None
) -> st.SearchStrategy[ActionReview]:
    """Rows of the follow-up agenda.

    A complete row gives the reason exactly when the item is blocked, and
    a new due date only for an item still open.

    Args:
        action_id: The id of the reviewed item; a drawn one when ``None``.
        complete: See the module's description.
    """
    ids = _ACTION_IDS if action_id is None else st.just(action_id)
    anything = st.builds(
        ActionReview,
        action_id=ids,
        status=st.sampled_from(ActionStatus),
        blocked_reason=_ANY_TEXT,
        new_due=_optional(_DATES),
    )
    blanks: Sequence[Callable[[ActionReview], ActionReview]] = (
        lambda r: attrs.evolve(
            r, status=ActionStatus.BLOCKED, blocked_reason=""
        ),
    )
    return _mixed(
        anything, _filled_review(action_id, None), blanks, choice=complete
    )


# Built once, on first use: strategies made inside a draw are validated
# again on every draw, which made whole post-mortems several times slower.
_ANY_REVIEW = st.deferred(action_reviews)
_ANY_ACTIONS = st.deferred(
    lambda: st.lists(
        action_items(), max_size=_LIST_SIZE + 1, unique_by=lambda a: a.id
    )
)
_ANY_SECTIONS = st.deferred(
    lambda: st.tuples(
        log_entries(), readinesses(), incident_reports(), causal_analyses()
    )
)
_COMPLETE_ANALYSIS = st.deferred(lambda: causal_analyses(complete=True))


@st.composite
def _any_follow_up(
    draw: st.DrawFn, action_ids: Collection[str] | None
) -> FollowUp:
    if action_ids is None:
        ids = draw(st.lists(_ACTION_IDS, max_size=_LIST_SIZE, unique=True))
    elif action_ids:
        known = sorted(action_ids)
        ids = draw(st.lists(st.sampled_from(known), unique=True))
    else:
        ids = []
    return FollowUp(
        review_date=draw(_optional(_DATES)),
        facilitator=draw(_ANY_TEXT),
        reviews=[attrs.evolve(draw(_ANY_REVIEW), action_id=i) for i in ids],
    )


@st.composite
def _filled_follow_up(
    draw: st.DrawFn, action_ids: Collection[str] | None
) -> FollowUp:
    if action_ids is None:
        ids = draw(
            st.lists(_ACTION_IDS, min_size=1, max_size=_LIST_SIZE, unique=True)
        )
    else:
        ids = list(action_ids)
    return FollowUp(
        review_date=draw(_DATES),
        facilitator=draw(_FILLED_TEXT),
        reviews=[draw(_filled_review(i, None)) for i in ids],
    )


def follow_ups(
    action_ids: Collection[str] | None = None,
    *,
    complete: bool | None = None,
) -> st.SearchStrategy[FollowUp]:
    """Follow-up meetings that review each action item at most once.

    A complete one has a review date, a facilitator, and a complete
    review of every action item.

    Args:
        action_ids: The ids of the post-mortem's action items; only these
            are reviewed. Any ids when ``None``.
        complete: See the module's description.
    """
    blanks: Sequence[Callable[[FollowUp], FollowUp]] = (
        lambda f: attrs.evolve(f, review_date=None),
        lambda f: attrs.evolve(f, facilitator=""),
    )
    return _mixed(
        _any_follow_up(action_ids),
        _filled_follow_up(action_ids),
        blanks,
        choice=complete,
    )


# The log entry and the whole post-mortem -------------------------------

_NUMBERS = st.integers(1, 10_000)
_PAST_DRAFT = tuple(s for s in ReviewStatus if s is not ReviewStatus.DRAFT)


def log_entries(
    *, complete: bool | None = None
) -> st.SearchStrategy[LogEntry]:
    """Entries of the post-mortem log.

    A complete one has a number, a place it is filed in, the date it was
    held, a status past draft, an overall severity and at least one tag.

    Args:
        complete: See the module's description.
    """
    anything = st.builds(
        LogEntry,
        number=_optional(_NUMBERS),
        filed_in=_ANY_TEXT,
        held_on=_optional(_DATES),
        status=st.sampled_from(ReviewStatus),
        severity=_optional(st.sampled_from(Severity)),
        tags=st.frozensets(_ANY_TEXT, max_size=_LIST_SIZE),
        near_miss=st.booleans(),
    )
    filled = st.builds(
        LogEntry,
        number=_NUMBERS,
        filed_in=_FILLED_TEXT,
        held_on=_DATES,
        status=st.sampled_from(_PAST_DRAFT),
        severity=st.sampled_from(Severity),
        tags=st.frozensets(_FILLED_TEXT, min_size=1, max_size=_LIST_SIZE),
        near_miss=st.booleans(),
    )
    blanks: Sequence[Callable[[LogEntry], LogEntry]] = (
        lambda e: attrs.evolve(e, number=None),
        lambda e: attrs.evolve(e, filed_in=""),
        lambda e: attrs.evolve(e, held_on=None),
    )
    return _mixed(anything, filled, blanks, choice=complete)


@st.composite
def _any_post_mortem(draw: st.DrawFn) -> PostMortem:
    actions = draw(_ANY_ACTIONS)
    ids = [item.id for item in actions]
    log, readiness, incident, analysis = draw(_ANY_SECTIONS)
    return PostMortem(
        log=log,
        readiness=readiness,
        incident=incident,
        analysis=analysis,
        actions=actions,
        follow_up=draw(follow_ups(ids)),
    )


@st.composite
def _complete_actions(
    draw: st.DrawFn,
    held_on: date,
    analysis: CausalAnalysis,
    *,
    settled: bool,
) -> list[ActionItem]:
    """Draw one to three items of each kind, with unique ids."""
    found: list[ActionItem] = []
    for kind, letter in (
        (ActionKind.CONTAINMENT, "C"),
        (ActionKind.PREVENTION, "P"),
    ):
        count = draw(st.integers(1, _LIST_SIZE))
        for number in range(1, count + 1):
            found.append(  # noqa: PERF401  (each item is drawn)
                draw(
                    _filled_action(
                        kind,
                        f"{letter}{number}",
                        held_on=held_on,
                        factors=analysis.factors.checked,
                        depth=len(analysis.whys.whys),
                        settled=settled,
                    )
                )
            )
    return found


@st.composite
def _complete_post_mortem(draw: st.DrawFn) -> PostMortem:
    """Every section filled in, and the sections consistent with each other.

    The meeting is held after the resolution, items fall due after it, the
    follow-up comes within two weeks, the overall severity is the worst
    impact, and a closed post-mortem has every item settled.
    """
    incident = draw(_complete_incident())
    assert incident.resolved is not None  # noqa: S101  (complete)
    held_on = incident.resolved.date + draw(_days(0, 10))
    analysis = draw(_COMPLETE_ANALYSIS)
    status = draw(st.sampled_from(_PAST_DRAFT))
    actions = draw(
        _complete_actions(
            held_on, analysis, settled=status is ReviewStatus.CLOSED
        )
    )
    readiness = draw(_ready())
    follow_up = draw(_complete_follow_up(held_on, readiness, actions))
    log = LogEntry(
        number=draw(_NUMBERS),
        filed_in=draw(_FILLED_TEXT),
        held_on=held_on,
        status=status,
        severity=incident.highest_severity,
        tags=draw(st.frozensets(_FILLED_TEXT, min_size=1, max_size=3)),
        near_miss=draw(st.booleans()),
    )
    return PostMortem(
        log=log,
        readiness=readiness,
        incident=incident,
        analysis=analysis,
        actions=actions,
        follow_up=follow_up,
    )


@st.composite
def _complete_follow_up(
    draw: st.DrawFn,
    held_on: date,
    readiness: Readiness,
    actions: list[ActionItem],
) -> FollowUp:
    """Draw a follow-up within two weeks, led by someone of the meeting."""
    names = [person.name for person in readiness.participants]
    return FollowUp(
        review_date=held_on + draw(_days(1, 14)),
        facilitator=draw(st.sampled_from(names)),
        reviews=[
            draw(_filled_review(item.id, item.status)) for item in actions
        ],
    )


def _without_actions(post_mortem: PostMortem) -> PostMortem:
    return attrs.evolve(
        post_mortem,
        actions=(),
        follow_up=attrs.evolve(post_mortem.follow_up, reviews=()),
    )


_POST_MORTEM_BLANKS: Sequence[Callable[[PostMortem], PostMortem]] = (
    lambda p: attrs.evolve(p, incident=attrs.evolve(p.incident, name="")),
    lambda p: attrs.evolve(
        p, incident=attrs.evolve(p.incident, resolved=None)
    ),
    lambda p: attrs.evolve(p, incident=attrs.evolve(p.incident, impacts=())),
    lambda p: attrs.evolve(
        p, analysis=attrs.evolve(p.analysis, whys=FiveWhys())
    ),
    lambda p: attrs.evolve(p, analysis=attrs.evolve(p.analysis, trigger="")),
    lambda p: attrs.evolve(
        p, analysis=attrs.evolve(p.analysis, resilience=Resilience())
    ),
    _without_actions,
    lambda p: attrs.evolve(p, follow_up=FollowUp()),
    lambda p: attrs.evolve(p, log=attrs.evolve(p.log, number=None)),
    lambda p: attrs.evolve(p, log=attrs.evolve(p.log, filed_in="")),
    lambda p: attrs.evolve(p, readiness=Readiness()),
)


def post_mortems(
    *, complete: bool | None = None
) -> st.SearchStrategy[PostMortem]:
    """Whole post-mortems: drafts, complete ones, or both.

    A complete post-mortem has every section complete (see the strategy
    of each section) and consistent: one to three containment items
    ``C1``, ``C2``... and prevention items ``P1``... that address checked
    factors or answered why-levels, the meeting held on the day of the
    resolution or up to ten days later, items due after it, a follow-up
    within two weeks that reviews every item, the overall severity equal
    to the worst impact, and, when closed, every item complete or not
    being done.

    A draft leaves at least one part blank: a name, the resolution, the
    impacts, the whys, the trigger, the resilience answers, the action
    items, the follow-up, the log number or place, or the participants.

    Args:
        complete: See the module's description.
    """
    return _mixed(
        _any_post_mortem(),
        _complete_post_mortem(),
        _POST_MORTEM_BLANKS,
        choice=complete,
    )


@st.composite
def _logs(
    draw: st.DrawFn, min_size: int, max_size: int, *, complete: bool | None
) -> list[PostMortem]:
    found = draw(
        st.lists(
            post_mortems(complete=complete),
            min_size=min_size,
            max_size=max_size,
        )
    )
    numbers = draw(
        st.lists(
            _NUMBERS, min_size=len(found), max_size=len(found), unique=True
        )
    )
    return [
        attrs.evolve(pm, log=attrs.evolve(pm.log, number=number))
        for pm, number in zip(found, numbers, strict=True)
    ]


def post_mortem_logs(
    min_size: int = 0,
    max_size: int = 5,
    *,
    complete: bool | None = None,
) -> st.SearchStrategy[list[PostMortem]]:
    """Lists of post-mortems, as a log holds them: numbered, no two alike.

    Every post-mortem has a log number, unique within the list; numbers
    are neither sorted nor dense.

    Args:
        min_size: The fewest post-mortems in a list.
        max_size: The most post-mortems in a list.
        complete: See the module's description; it applies to each one.
    """
    return _logs(min_size, max_size, complete=complete)


# Registration -----------------------------------------------------------


def _register_types() -> None:
    """Register the strategy of each public model type with Hypothesis."""
    st.register_type_strategy(Timestamp, timestamps())
    st.register_type_strategy(Span, spans())
    st.register_type_strategy(Impact, impacts())
    st.register_type_strategy(TimelineEvent, timeline_events())
    st.register_type_strategy(IncidentReport, incident_reports())
    st.register_type_strategy(Why, whys())
    st.register_type_strategy(FiveWhys, five_whys())
    st.register_type_strategy(FactorChecklist, factor_checklists())
    st.register_type_strategy(ContributingFactors, contributing_factors())
    st.register_type_strategy(Resilience, resiliences())
    st.register_type_strategy(Lessons, lessons())
    st.register_type_strategy(CausalAnalysis, causal_analyses())
    st.register_type_strategy(Participant, participants())
    st.register_type_strategy(Readiness, readinesses())
    st.register_type_strategy(UnmetPrerequisite, unmet_prerequisites())
    st.register_type_strategy(ActionItem, action_items())
    st.register_type_strategy(ActionReview, action_reviews())
    st.register_type_strategy(FollowUp, follow_ups())
    st.register_type_strategy(LogEntry, log_entries())
    st.register_type_strategy(PostMortem, post_mortems())


_register_types()
