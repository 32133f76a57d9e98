"""Print what blameless derives from the example post-mortem log.

Run it from anywhere::

    python examples/derive.py

It loads the documents in ``examples/log/``, as any tool of the log would.
For each post-mortem it shows the incident date, the detection gap (first
occurrence to detection), the time to resolve (detection to resolution),
the total duration (first occurrence, or detection when that is unknown,
to resolution), the highest severity in the impact assessment, how many
readiness prerequisites were unmet, and how many action items were still
open and overdue on a fixed date, so that the output never changes with
the day it is run.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from blameless import PostMortem, Span, load_all

#: The example log, next to this script.
LOG = Path(__file__).with_name("log")

#: The day open action items are judged on.
AS_OF = date(2026, 12, 1)

HEADER = (
    "No.",
    "Date",
    "Detection gap",
    "To resolve",
    "Total",
    "Severity",
    "Unmet",
    "Open",
    "Overdue",
    "Name",
)


def format_duration(span: Span | None) -> str:
    """Write a span as days, hours and minutes, marking approximate ones.

    Args:
        span: The derived span, or ``None`` when one of its times is not
            recorded.

    Returns:
        Text such as ``"1d 10h 15m"``, ``"~4h 25m"`` for a span that rests
        on an approximate time, or ``"-"`` for no span.
    """
    if span is None:
        return "-"
    text = _days_hours_minutes(span.duration)
    return f"~{text}" if span.approximate else text


def _days_hours_minutes(duration: timedelta) -> str:
    minutes = int(duration.total_seconds()) // 60
    days, minutes = divmod(minutes, 24 * 60)
    hours, minutes = divmod(minutes, 60)
    parts = [f"{days}d"] if days else []
    if days or hours:
        parts.append(f"{hours}h")
    parts.append(f"{minutes}m")
    return " ".join(parts)


def row(post_mortem: PostMortem) -> list[str]:
    """Return the derived values of one post-mortem, as table cells.

    Args:
        post_mortem: One post-mortem of the log.
    """
    incident = post_mortem.incident
    severity = incident.highest_severity
    incident_date = incident.incident_date
    open_items = [item for item in post_mortem.actions if item.status.is_open]
    return [
        str(post_mortem.log.number or "-"),
        incident_date.isoformat() if incident_date else "-",
        format_duration(incident.detection_gap),
        format_duration(incident.time_to_resolve),
        format_duration(incident.total_duration),
        severity.value if severity else "-",
        str(len(post_mortem.readiness.unmet())),
        str(len(open_items)),
        str(len(post_mortem.overdue(AS_OF))),
        incident.name,
    ]


def table(post_mortems: list[PostMortem]) -> str:
    """Lay the rows out in aligned columns under a header.

    Args:
        post_mortems: The post-mortems to show, in log order.
    """
    rows = [list(HEADER), *(row(pm) for pm in post_mortems)]
    widths = [max(len(cells[i]) for cells in rows) for i in range(len(HEADER))]
    lines = (
        "  ".join(
            cell.ljust(width)
            for cell, width in zip(cells, widths, strict=True)
        )
        for cells in rows
    )
    return "\n".join(line.rstrip() for line in lines)


def main() -> None:
    """Load the example log and print its derived values."""
    post_mortems = [post_mortem for _, post_mortem in load_all([LOG])]
    overdue = sum(len(pm.overdue(AS_OF)) for pm in post_mortems)
    not_ready = sum(1 for pm in post_mortems if not pm.readiness.ready)

    print(f"{len(post_mortems)} post-mortems; actions judged on {AS_OF}.")
    print("~ marks a duration resting on an approximate time; - unknown.")
    print()
    print(table(post_mortems))
    print()
    print(f"Overdue action items across the log: {overdue}")
    print(f"Post-mortems held with a prerequisite unmet: {not_ready}")


if __name__ == "__main__":
    main()
