"""Choosing the post-mortems a trend is computed over."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime, time, tzinfo

import attrs

from blameless._errors import InvariantError
from blameless._metrics._periods import zone
from blameless._model._incident import IncidentReport, Severity
from blameless._model._post_mortem import PostMortem
from blameless._model._time import Timestamp

__all__ = ["LogFilter", "impact_start", "severity_of"]


def impact_start(incident: IncidentReport) -> Timestamp | None:
    """Return when the incident began: its first occurrence, else detection.

    This is the time that places a post-mortem in a calendar period.
    """
    return incident.first_occurrence or incident.detected


def severity_of(post_mortem: PostMortem) -> Severity | None:
    """Return a post-mortem's overall severity.

    It is the severity of its log entry, or, when that is not set, the
    highest severity of the impact rows that apply.
    """
    return post_mortem.log.severity or post_mortem.incident.highest_severity


def _tags(value: Iterable[str]) -> frozenset[str]:
    if isinstance(value, str):
        raise InvariantError(
            where="LogFilter.tags",
            problem="expected a collection of tags, not a single string",
            values={"tags": value},
            hint=f"wrap it in a tuple: ({value!r},)",
        )
    return frozenset(value)


def _severities(
    value: Iterable[Severity | None] | None,
) -> frozenset[Severity | None] | None:
    return None if value is None else frozenset(value)


_Bound = date | datetime | None


def _aware(
    _: object, attribute: attrs.Attribute[_Bound], value: _Bound
) -> None:
    if isinstance(value, datetime) and value.utcoffset() is None:
        raise InvariantError(
            where=f"LogFilter.{attribute.name}",
            problem="a naive datetime has no time zone, so its instant "
            "is unknown",
            values={attribute.name: value},
            hint="attach a zone, or pass a date to use the report's zone",
        )


def _instant(value: date | datetime | None, tz: tzinfo) -> datetime | None:
    if value is None or isinstance(value, datetime):
        return value
    return datetime.combine(value, time(), tzinfo=tz)


@attrs.frozen(kw_only=True)
class LogFilter:
    """Which post-mortems to count: by date, tags, severity, near miss.

    Every condition given must hold; a condition left at its default
    keeps everything.

    Args:
        since: Keep incidents that began at or after this instant; a date
            means midnight at its start in the report's time zone (UTC
            for the functions that take no zone).
        until: Keep incidents that began before this instant (the end is
            excluded); a date is read as for *since*. An incident without
            a recorded start is left out once either bound is given.
        tags: Keep post-mortems that carry every one of these tags.
        severities: Keep post-mortems whose overall severity (see
            :func:`~blameless.metrics.severity_of`) is one of these;
            ``None`` in the set keeps the unrated ones.
        near_miss: Keep only near misses (``True``) or only incidents
            that did harm (``False``).

    Raises:
        InvariantError: If a bound is a naive datetime, or *tags* is a
            single string.
    """

    since: date | datetime | None = attrs.field(default=None, validator=_aware)
    until: date | datetime | None = attrs.field(default=None, validator=_aware)
    tags: frozenset[str] = attrs.field(default=frozenset(), converter=_tags)
    severities: frozenset[Severity | None] | None = attrs.field(
        default=None, converter=_severities
    )
    near_miss: bool | None = None

    @property
    def dated(self) -> bool:
        """Whether a date range is set."""
        return self.since is not None or self.until is not None

    def range(self, tz: str | tzinfo = "UTC") -> tuple[datetime | None, ...]:
        """Return the date range as aware instants, dates read in *tz*.

        Args:
            tz: The time zone that gives a date its midnight.
        """
        where = zone(tz)
        return _instant(self.since, where), _instant(self.until, where)

    def predicate(
        self, tz: str | tzinfo = "UTC"
    ) -> Callable[[PostMortem], bool]:
        """Return a function that tells whether a post-mortem is kept.

        Args:
            tz: The time zone that gives a date its midnight.
        """
        # Read once here, not once per post-mortem by the closures.
        since, until = self.range(tz)
        tags = self.tags
        severities = self.severities
        near_miss = self.near_miss
        dated = self.dated

        def in_range(post_mortem: PostMortem) -> bool:
            """Whether the incident started within the date range."""
            start = impact_start(post_mortem.incident)
            if start is None:
                return False
            after = since is None or start.at >= since
            return after and (until is None or start.at < until)

        def keep(post_mortem: PostMortem) -> bool:
            """Whether the post-mortem passes every part of the filter."""
            entry = post_mortem.log
            if near_miss is not None and entry.near_miss is not near_miss:
                return False
            if tags and not tags <= entry.tags:
                return False
            if (
                severities is not None
                and severity_of(post_mortem) not in severities
            ):
                return False
            return not dated or in_range(post_mortem)

        return keep

    def matches(
        self, post_mortem: PostMortem, tz: str | tzinfo = "UTC"
    ) -> bool:
        """Return whether one post-mortem passes the filter.

        Args:
            post_mortem: The post-mortem to test.
            tz: The time zone that gives a date its midnight.
        """
        return self.predicate(tz)(post_mortem)

    def apply(
        self, log: Iterable[PostMortem], tz: str | tzinfo = "UTC"
    ) -> Iterator[PostMortem]:
        """Yield the post-mortems of a log that pass, lazily, in order.

        Args:
            log: Any iterable of post-mortems.
            tz: The time zone that gives a date its midnight.
        """
        return filter(self.predicate(tz), log)
