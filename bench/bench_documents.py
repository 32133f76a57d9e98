"""Speed and memory of post-mortem documents, against pydantic and msgspec.

For 1,000 and 100,000 generated post-mortems this measures, in one run on
the same JSON documents (the ones blameless writes):

- decode with full validation, bytes to objects: ``blameless.loads``,
  pydantic v2's ``model_validate_json`` and msgspec's ``json.decode`` into
  a Struct;
- encode, objects to bytes: ``blameless.dumps`` (canonical, indented
  output), pydantic's ``model_dump_json`` and msgspec's ``json.encode``
  (both compact, which is less work);
- the memory held per decoded post-mortem, by tracemalloc.

The pydantic models and msgspec Structs are equivalent to the model:
the same fields, frozen, unknown keys refused, enums by value, timestamps
parsed from the same strings (with the "approx. " mark) into an object
holding the datetime and the flag, and the same invariants checked (the
order of the incident's times, unique action ids, reviews of existing
items, why-levels 1, 2, 3 ...). Neither refuses duplicate keys, which
blameless does (it parses with orjson and checks that no key was dropped,
as docs/documents.md explains).

The garbage collector is disabled during every timed bulk decode, for all
three alike: with it running, the timings measure the collector's passes
over the growing list more than the decoders.

Run: ``python bench/bench_documents.py [--sizes 1000,100000]``.
"""

from __future__ import annotations

import argparse
import enum
import gc
import random
import statistics
import time
import tracemalloc
from collections.abc import Callable, Sequence
from datetime import date, datetime, timedelta, timezone
from typing import Annotated, Any, Literal

import msgspec
import pydantic

import blameless as bl

# Generated post-mortems -------------------------------------------------

_WORDS = [
    "sync",
    "crm",
    "api",
    "schema",
    "field",
    "email",
    "record",
    "nightly",
    "job",
    "retry",
    "queue",
    "timeout",
    "gateway",
    "payment",
    "alert",
    "monitor",
    "threshold",
    "rollback",
    "deploy",
    "config",
    "cache",
    "database",
    "replica",
    "latency",
    "batch",
    "import",
    "export",
    "webhook",
]


def _text(rng: random.Random, low: int, high: int) -> str:
    return " ".join(rng.choices(_WORDS, k=rng.randint(low, high)))


def _post_mortem(rng: random.Random, number: int) -> bl.PostMortem:
    zone = timezone(timedelta(minutes=rng.choice((-300, 0, 60, 120, 330))))
    start = datetime(2024, 1, 1, tzinfo=zone) + timedelta(
        minutes=rng.randint(0, 1_000_000)
    )
    detected = start + timedelta(minutes=rng.randint(1, 600))
    resolved = detected + timedelta(minutes=rng.randint(5, 900))
    timeline = [
        bl.TimelineEvent(
            at=bl.Timestamp(
                start + (resolved - start) * i / 8,
                approximate=rng.random() < 0.2,
            ),
            description=_text(rng, 4, 14),
        )
        for i in range(rng.randint(4, 8))
    ]
    impacts = [
        bl.Impact(
            category=category,
            severity=rng.choice(list(bl.Severity)),
            notes=_text(rng, 3, 10),
        )
        for category in rng.sample(list(bl.ImpactCategory), rng.randint(1, 4))
    ]
    depth = rng.randint(2, 5)
    whys = bl.FiveWhys(
        whys=[
            bl.Why(level, _text(rng, 5, 12)) for level in range(1, depth + 1)
        ],
        changeable_level=depth,
    )
    system = [f for f in bl.Factor if f.category is bl.FactorCategory.SYSTEM]
    process = [f for f in bl.Factor if f.category is bl.FactorCategory.PROCESS]
    factors = bl.ContributingFactors(
        system=bl.FactorChecklist(
            checked=rng.sample(system, 2), notes=_text(rng, 4, 10)
        ),
        process=bl.FactorChecklist(checked=rng.sample(process, 1)),
    )
    held = resolved.date() + timedelta(days=rng.randint(0, 5))
    actions = [
        bl.ActionItem(
            id=f"{'C' if i < 2 else 'P'}{i + 1}",
            kind=bl.ActionKind.CONTAINMENT
            if i < 2
            else bl.ActionKind.PREVENTION,
            description=_text(rng, 6, 16),
            owner=rng.choice(("Dana", "Lee", "Sam", "Ari")),
            due=held + timedelta(days=rng.randint(1, 40)),
            status=rng.choice(list(bl.ActionStatus)),
            addresses_factors=rng.sample(system, 1),
            addresses_whys=[rng.randint(1, depth)],
        )
        for i in range(rng.randint(3, 6))
    ]
    people = ["Dana", "Lee", "Sam", "Ari"]
    participants = [
        bl.Participant(
            name=name,
            roles=[bl.MeetingRole.FACILITATOR] if i == 0 else [],
            involvement=[bl.Involvement.RESPONSE] if i else [],
            agreed=list(bl.GroundRule),
        )
        for i, name in enumerate(people)
    ]
    return bl.PostMortem(
        log=bl.LogEntry(
            number=number,
            filed_in="wiki/post-mortems",
            held_on=held,
            status=bl.ReviewStatus.REVIEWED,
            severity=bl.Severity.HIGH,
            tags=rng.sample(_WORDS, 2),
        ),
        readiness=bl.Readiness(
            stabilized=True, minutes_blocked=90, participants=participants
        ),
        incident=bl.IncidentReport(
            name=_text(rng, 3, 6),
            summary=_text(rng, 12, 30),
            first_occurrence=bl.approx(start),
            detected=detected,
            resolved=resolved,
            impacts=impacts,
            timeline=timeline,
        ),
        analysis=bl.CausalAnalysis(
            trigger=_text(rng, 8, 16),
            whys=whys,
            factors=factors,
            resilience=bl.Resilience(
                earlier_detection=[bl.EarlierDetection.MONITORING],
                missing_detection=_text(rng, 4, 10),
            ),
        ),
        actions=actions,
        follow_up=bl.FollowUp(
            review_date=held + timedelta(days=14),
            facilitator="Lee",
            reviews=[
                bl.ActionReview(action_id=item.id, status=item.status)
                for item in actions
            ],
        ),
    )


# Shared parts of the equivalent models -----------------------------------


class _Stamp:
    """A timestamp of the other libraries: the moment and the mark."""

    __slots__ = ("approximate", "at")

    def __init__(self, at: datetime, *, approximate: bool) -> None:
        self.at = at
        self.approximate = approximate


def _parse_stamp(text: str) -> _Stamp:
    approximate = text.startswith("approx. ")
    moment = datetime.fromisoformat(text[8:] if approximate else text)
    if moment.utcoffset() is None:
        message = "naive time"
        raise ValueError(message)
    return _Stamp(moment, approximate=approximate)


def _write_stamp(stamp: _Stamp) -> str:
    text = stamp.at.isoformat()
    return "approx. " + text if stamp.approximate else text


_ORDER = (
    ("first_occurrence", "detected"),
    ("first_occurrence", "resolved"),
    ("detected", "acknowledged"),
    ("detected", "resolved"),
    ("mitigated", "resolved"),
)


def _check_order(report: object) -> None:
    for earlier, later in _ORDER:
        start, end = getattr(report, earlier), getattr(report, later)
        if start is not None and end is not None and end.at < start.at:
            message = f"{later} before {earlier}"
            raise ValueError(message)


def _check_whys(whys: Sequence[Any]) -> None:
    for index, why in enumerate(whys):
        if why.level != index + 1:
            message = "why-levels skip"
            raise ValueError(message)


def _check_actions(actions: Sequence[Any], reviews: Sequence[Any]) -> None:
    ids = {item.id for item in actions}
    if len(ids) != len(actions):
        message = "repeated id"
        raise ValueError(message)
    if any(review.action_id not in ids for review in reviews):
        message = "unknown review"
        raise ValueError(message)


# pydantic ---------------------------------------------------------------

_Stamped = pydantic.PlainSerializer(_write_stamp, return_type=str)


def _stamp_validator(value: object) -> _Stamp:
    if not isinstance(value, str):
        message = "expected a string"
        raise TypeError(message)
    return _parse_stamp(value)


PStamp = Annotated[
    _Stamp,
    pydantic.PlainValidator(_stamp_validator),
    _Stamped,
]

_FROZEN = pydantic.ConfigDict(
    frozen=True, extra="forbid", strict=True, arbitrary_types_allowed=True
)


def _enum(kind: type[enum.Enum]) -> Any:  # noqa: ANN401 - a type
    return Annotated[kind, pydantic.Field(strict=False)]


class PLog(pydantic.BaseModel):
    """The pydantic twin of ``LogEntry``."""

    model_config = _FROZEN
    number: int | None = None
    filed_in: str = ""
    held_on: Annotated[date, pydantic.Field(strict=False)] | None = None
    status: _enum(bl.ReviewStatus) = bl.ReviewStatus.DRAFT  # type: ignore[valid-type]
    severity: _enum(bl.Severity) | None = None  # type: ignore[valid-type]
    tags: frozenset[str] = frozenset()
    near_miss: bool = False


class PParticipant(pydantic.BaseModel):
    """The pydantic twin of ``Participant``."""

    model_config = _FROZEN
    name: str
    roles: frozenset[_enum(bl.MeetingRole)] = frozenset()  # type: ignore[valid-type]
    involvement: frozenset[_enum(bl.Involvement)] = frozenset()  # type: ignore[valid-type]
    attendance: _enum(bl.Attendance) = bl.Attendance.PRESENT  # type: ignore[valid-type]
    most_senior: bool = False
    agreed: frozenset[_enum(bl.GroundRule)] = frozenset()  # type: ignore[valid-type]


class PReadiness(pydantic.BaseModel):
    """The pydantic twin of ``Readiness``."""

    model_config = _FROZEN
    stabilized: bool = False
    minutes_blocked: int | None = None
    participants: tuple[PParticipant, ...] = ()


class PImpact(pydantic.BaseModel):
    """The pydantic twin of ``Impact``."""

    model_config = _FROZEN
    category: _enum(bl.ImpactCategory)  # type: ignore[valid-type]
    applies: bool = True
    severity: _enum(bl.Severity) | None = None  # type: ignore[valid-type]
    notes: str = ""


class PEvent(pydantic.BaseModel):
    """The pydantic twin of ``TimelineEvent``."""

    model_config = _FROZEN
    at: PStamp | None = None
    description: str = ""
    evidence: str | None = None


class PIncident(pydantic.BaseModel):
    """The pydantic twin of ``IncidentReport``."""

    model_config = _FROZEN
    name: str = ""
    summary: str = ""
    first_occurrence: PStamp | None = None
    detected: PStamp | None = None
    acknowledged: PStamp | None = None
    mitigated: PStamp | None = None
    resolved: PStamp | None = None
    impacts: tuple[PImpact, ...] = ()
    timeline: tuple[PEvent, ...] = ()

    @pydantic.model_validator(mode="after")
    def _order(self) -> PIncident:
        _check_order(self)
        return self


class PWhy(pydantic.BaseModel):
    """The pydantic twin of ``Why``."""

    model_config = _FROZEN
    level: Annotated[int, pydantic.Field(ge=1, le=5)]
    answer: str = ""


class PWhys(pydantic.BaseModel):
    """The pydantic twin of ``FiveWhys``."""

    model_config = _FROZEN
    whys: tuple[PWhy, ...] = ()
    changeable_level: int | None = None

    @pydantic.model_validator(mode="after")
    def _levels(self) -> PWhys:
        _check_whys(self.whys)
        return self


class PChecklist(pydantic.BaseModel):
    """The pydantic twin of ``FactorChecklist``."""

    model_config = _FROZEN
    checked: frozenset[_enum(bl.Factor)] = frozenset()  # type: ignore[valid-type]
    other: str = ""
    notes: str = ""


class PFactors(pydantic.BaseModel):
    """The pydantic twin of ``ContributingFactors``."""

    model_config = _FROZEN
    system: PChecklist = PChecklist()
    process: PChecklist = PChecklist()
    assumption: PChecklist = PChecklist()


class PResilience(pydantic.BaseModel):
    """The pydantic twin of ``Resilience``."""

    model_config = _FROZEN
    earlier_detection: frozenset[_enum(bl.EarlierDetection)] = frozenset()  # type: ignore[valid-type]
    missing_detection: str = ""
    smaller_blast_radius: frozenset[_enum(bl.SmallerBlastRadius)] = frozenset()  # type: ignore[valid-type]
    missing_containment: str = ""


class PLessons(pydantic.BaseModel):
    """The pydantic twin of ``Lessons``."""

    model_config = _FROZEN
    went_well: tuple[str, ...] = ()
    went_wrong: tuple[str, ...] = ()
    got_lucky: tuple[str, ...] = ()


class PAnalysis(pydantic.BaseModel):
    """The pydantic twin of ``CausalAnalysis``."""

    model_config = _FROZEN
    trigger: str = ""
    whys: PWhys = PWhys()
    factors: PFactors = PFactors()
    resilience: PResilience = PResilience()
    lessons: PLessons = PLessons()


class PAction(pydantic.BaseModel):
    """The pydantic twin of ``ActionItem``."""

    model_config = _FROZEN
    id: str
    kind: _enum(bl.ActionKind)  # type: ignore[valid-type]
    description: str = ""
    owner: str = ""
    due: Annotated[date, pydantic.Field(strict=False)] | None = None
    status: _enum(bl.ActionStatus) = bl.ActionStatus.NOT_STARTED  # type: ignore[valid-type]
    reason: str = ""
    completed_on: Annotated[date, pydantic.Field(strict=False)] | None = None
    ticket: str | None = None
    addresses_factors: frozenset[_enum(bl.Factor)] = frozenset()  # type: ignore[valid-type]
    addresses_whys: frozenset[int] = frozenset()


class PReview(pydantic.BaseModel):
    """The pydantic twin of ``ActionReview``."""

    model_config = _FROZEN
    action_id: str
    status: _enum(bl.ActionStatus) = bl.ActionStatus.NOT_STARTED  # type: ignore[valid-type]
    blocked_reason: str = ""
    new_due: Annotated[date, pydantic.Field(strict=False)] | None = None


class PFollowUp(pydantic.BaseModel):
    """The pydantic twin of ``FollowUp``."""

    model_config = _FROZEN
    review_date: Annotated[date, pydantic.Field(strict=False)] | None = None
    facilitator: str = ""
    reviews: tuple[PReview, ...] = ()


class PPostMortem(pydantic.BaseModel):
    """The pydantic twin of ``PostMortem``."""

    model_config = _FROZEN
    schema_: Literal["blameless/1"] = pydantic.Field(alias="schema")
    log: PLog = PLog()
    readiness: PReadiness = PReadiness()
    incident: PIncident = PIncident()
    analysis: PAnalysis = PAnalysis()
    actions: tuple[PAction, ...] = ()
    follow_up: PFollowUp = PFollowUp()

    @pydantic.model_validator(mode="after")
    def _ids(self) -> PPostMortem:
        _check_actions(self.actions, self.follow_up.reviews)
        return self


# msgspec ----------------------------------------------------------------

_STRUCT = {
    "frozen": True,
    "forbid_unknown_fields": True,
    "omit_defaults": True,
}


class MLog(msgspec.Struct, **_STRUCT):
    """The msgspec twin of ``LogEntry``."""

    number: int | None = None
    filed_in: str = ""
    held_on: date | None = None
    status: bl.ReviewStatus = bl.ReviewStatus.DRAFT
    severity: bl.Severity | None = None
    tags: frozenset[str] = frozenset()
    near_miss: bool = False


class MParticipant(msgspec.Struct, **_STRUCT):
    """The msgspec twin of ``Participant``."""

    name: str
    roles: frozenset[bl.MeetingRole] = frozenset()
    involvement: frozenset[bl.Involvement] = frozenset()
    attendance: bl.Attendance = bl.Attendance.PRESENT
    most_senior: bool = False
    agreed: frozenset[bl.GroundRule] = frozenset()


class MReadiness(msgspec.Struct, **_STRUCT):
    """The msgspec twin of ``Readiness``."""

    stabilized: bool = False
    minutes_blocked: int | None = None
    participants: tuple[MParticipant, ...] = ()


class MImpact(msgspec.Struct, **_STRUCT):
    """The msgspec twin of ``Impact``."""

    category: bl.ImpactCategory
    applies: bool = True
    severity: bl.Severity | None = None
    notes: str = ""


class MEvent(msgspec.Struct, **_STRUCT):
    """The msgspec twin of ``TimelineEvent``."""

    at: _Stamp | None = None
    description: str = ""
    evidence: str | None = None


class MIncident(msgspec.Struct, **_STRUCT):
    """The msgspec twin of ``IncidentReport``."""

    name: str = ""
    summary: str = ""
    first_occurrence: _Stamp | None = None
    detected: _Stamp | None = None
    acknowledged: _Stamp | None = None
    mitigated: _Stamp | None = None
    resolved: _Stamp | None = None
    impacts: tuple[MImpact, ...] = ()
    timeline: tuple[MEvent, ...] = ()

    def __post_init__(self) -> None:
        _check_order(self)


class MWhy(msgspec.Struct, **_STRUCT):
    """The msgspec twin of ``Why``."""

    level: int
    answer: str = ""

    def __post_init__(self) -> None:
        if not 1 <= self.level <= 5:
            message = "level"
            raise ValueError(message)


class MWhys(msgspec.Struct, **_STRUCT):
    """The msgspec twin of ``FiveWhys``."""

    whys: tuple[MWhy, ...] = ()
    changeable_level: int | None = None

    def __post_init__(self) -> None:
        _check_whys(self.whys)


class MChecklist(msgspec.Struct, **_STRUCT):
    """The msgspec twin of ``FactorChecklist``."""

    checked: frozenset[bl.Factor] = frozenset()
    other: str = ""
    notes: str = ""


class MFactors(msgspec.Struct, **_STRUCT):
    """The msgspec twin of ``ContributingFactors``."""

    system: MChecklist = MChecklist()
    process: MChecklist = MChecklist()
    assumption: MChecklist = MChecklist()


class MResilience(msgspec.Struct, **_STRUCT):
    """The msgspec twin of ``Resilience``."""

    earlier_detection: frozenset[bl.EarlierDetection] = frozenset()
    missing_detection: str = ""
    smaller_blast_radius: frozenset[bl.SmallerBlastRadius] = frozenset()
    missing_containment: str = ""


class MLessons(msgspec.Struct, **_STRUCT):
    """The msgspec twin of ``Lessons``."""

    went_well: tuple[str, ...] = ()
    went_wrong: tuple[str, ...] = ()
    got_lucky: tuple[str, ...] = ()


class MAnalysis(msgspec.Struct, **_STRUCT):
    """The msgspec twin of ``CausalAnalysis``."""

    trigger: str = ""
    whys: MWhys = MWhys()
    factors: MFactors = MFactors()
    resilience: MResilience = MResilience()
    lessons: MLessons = MLessons()


class MAction(msgspec.Struct, **_STRUCT):
    """The msgspec twin of ``ActionItem``."""

    id: str
    kind: bl.ActionKind
    description: str = ""
    owner: str = ""
    due: date | None = None
    status: bl.ActionStatus = bl.ActionStatus.NOT_STARTED
    reason: str = ""
    completed_on: date | None = None
    ticket: str | None = None
    addresses_factors: frozenset[bl.Factor] = frozenset()
    addresses_whys: frozenset[int] = frozenset()


class MReview(msgspec.Struct, **_STRUCT):
    """The msgspec twin of ``ActionReview``."""

    action_id: str
    status: bl.ActionStatus = bl.ActionStatus.NOT_STARTED
    blocked_reason: str = ""
    new_due: date | None = None


class MFollowUp(msgspec.Struct, **_STRUCT):
    """The msgspec twin of ``FollowUp``."""

    review_date: date | None = None
    facilitator: str = ""
    reviews: tuple[MReview, ...] = ()


class MPostMortem(msgspec.Struct, **_STRUCT):
    """The msgspec twin of ``PostMortem``."""

    schema: Literal["blameless/1"]
    log: MLog = MLog()
    readiness: MReadiness = MReadiness()
    incident: MIncident = MIncident()
    analysis: MAnalysis = MAnalysis()
    actions: tuple[MAction, ...] = ()
    follow_up: MFollowUp = MFollowUp()

    def __post_init__(self) -> None:
        _check_actions(self.actions, self.follow_up.reviews)


def _dec_hook(kind: type, value: object) -> object:
    if kind is _Stamp and isinstance(value, str):
        return _parse_stamp(value)
    message = f"unsupported {kind}"
    raise NotImplementedError(message)


def _enc_hook(value: object) -> object:
    if isinstance(value, _Stamp):
        return _write_stamp(value)
    message = f"unsupported {type(value)}"
    raise NotImplementedError(message)


_M_DECODER = msgspec.json.Decoder(MPostMortem, dec_hook=_dec_hook)
_M_ENCODER = msgspec.json.Encoder(enc_hook=_enc_hook)


# Measuring --------------------------------------------------------------


def _timed(
    runs: dict[str, Callable[[], object]], repeat: int
) -> dict[str, float]:
    """Return the best wall time of each run, taking turns, gc disabled.

    The contenders take turns within each round, so that a slow spell of a
    shared machine does not fall on one of them only.
    """
    best = dict.fromkeys(runs, float("inf"))
    for _ in range(repeat):
        for name, run in runs.items():
            gc.collect()
            gc.disable()
            try:
                start = time.perf_counter()
                result = run()
                elapsed = time.perf_counter() - start
            finally:
                gc.enable()
            best[name] = min(best[name], elapsed)
            del result
    return best


def _held(build: Callable[[], object], count: int) -> float:
    """Return the bytes held per object built, by tracemalloc."""
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    objects = build()
    after = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    del objects
    return (after - before) / count


def _row(name: str, values: Sequence[float], base: Sequence[float]) -> str:
    cells = [f"{name:<28}"]
    for value, reference in zip(values, base, strict=True):
        cells.append(f"{value:10.1f} {value / reference:6.2f}x")
    return " ".join(cells)


def run(size: int, repeat: int) -> None:
    """Measure one size and print its table."""
    rng = random.Random(size)
    post_mortems = [_post_mortem(rng, n + 1) for n in range(size)]
    documents = [bl.dumps(pm).encode() for pm in post_mortems]
    mean = statistics.mean(len(d) for d in documents)
    print(f"\n{size:,} post-mortems, {mean:,.0f} bytes of JSON on average")

    decode: dict[str, Callable[[], object]] = {
        "blameless": lambda: [bl.loads(d) for d in documents],
        "pydantic": lambda: [
            PPostMortem.model_validate_json(d) for d in documents
        ],
        "msgspec": lambda: [_M_DECODER.decode(d) for d in documents],
    }
    us = 1e6 / size
    dec = {k: v * us for k, v in _timed(decode, repeat).items()}

    p_objects = [PPostMortem.model_validate_json(d) for d in documents]
    m_objects = [_M_DECODER.decode(d) for d in documents]
    encode: dict[str, Callable[[], object]] = {
        "blameless": lambda: [bl.dumps(pm) for pm in post_mortems],
        "pydantic": lambda: [
            p.model_dump_json(by_alias=True, exclude_defaults=True)
            for p in p_objects
        ],
        "msgspec": lambda: [_M_ENCODER.encode(m) for m in m_objects],
    }
    enc = {k: v * us for k, v in _timed(encode, repeat).items()}
    p_objects.clear()
    m_objects.clear()

    # Memory is the same per object at any size: tracemalloc slows the
    # decoding down, so it is measured on the first thousand documents.
    sample = documents[:1000]
    held = {
        "blameless": _held(lambda: [bl.loads(d) for d in sample], len(sample)),
        "pydantic": _held(
            lambda: [PPostMortem.model_validate_json(d) for d in sample],
            len(sample),
        ),
        "msgspec": _held(
            lambda: [_M_DECODER.decode(d) for d in sample], len(sample)
        ),
    }
    held = {k: v / 1024 for k, v in held.items()}

    head = f"{'':<28}" + "".join(
        f" {'blameless':>17} {'pydantic':>17} {'msgspec':>17}".split("|")
    )
    print(head)
    print(f"{'':<28} {'value, ratio to pydantic':>53}")
    names = ("blameless", "pydantic", "msgspec")
    for label, table in (
        ("decode + validate, us/doc", dec),
        ("encode, us/doc", enc),
        ("memory held, KiB/doc", held),
    ):
        values = [table[n] for n in names]
        print(_row(label, values, [table["pydantic"]] * 3))
    print(
        "blameless / msgspec: "
        f"decode {dec['blameless'] / dec['msgspec']:.2f}x,"
        f" encode {enc['blameless'] / enc['msgspec']:.2f}x,"
        f" memory {held['blameless'] / held['msgspec']:.2f}x"
    )


def main() -> None:
    """Run the benchmark for each size asked for."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1000,100000")
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    for size in (int(s) for s in args.sizes.split(",")):
        run(size, args.repeat if size <= 10_000 else 2)


if __name__ == "__main__":
    main()
