"""Rules for the post-mortem log."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from blameless._checks._context import Context
from blameless._checks._rules._registry import INFO, WARNING, rule


@rule(
    "L001",
    "no-number",
    WARNING,
    summary="The post-mortem has no number.",
    why=(
        "Post-mortem number: increment from your last one. Numbered, the "
        "log becomes a record in which patterns emerge."
    ),
    failing=(("$.log.number", None),),
    passing=(("$.log.number", 12),),
)
def _no_number(ctx: Context) -> Iterator[tuple[str, str]]:
    if ctx.post_mortem.log.number is None:
        yield (
            "$.log.number",
            "The post-mortem has no number; increment it from your last one.",
        )


@rule(
    "L002",
    "not-filed",
    WARNING,
    summary="The post-mortem does not say where it is filed.",
    why=(
        "Keep all post-mortems in a single, accessible location; when a "
        "new failure comes, check the log first."
    ),
    failing=(("$.log.filed_in", ""),),
    passing=(("$.log.filed_in", "https://wiki.example.com/post-mortems"),),
)
def _not_filed(ctx: Context) -> Iterator[tuple[str, str]]:
    if not ctx.post_mortem.log.filed_in.strip():
        yield (
            "$.log.filed_in",
            (
                "The post-mortem is not filed anywhere; say where it is kept "
                "(shared drive, wiki, project management tool)."
            ),
        )


@rule(
    "L003",
    "no-meeting-date",
    INFO,
    summary="The day the post-mortem meeting was held is not recorded.",
    why=(
        "The follow-up is scheduled from it, no more than two weeks later; "
        "without it, that window cannot be checked."
    ),
    failing=(("$.log.held_on", None),),
    passing=(("$.log.held_on", date(2024, 11, 18)),),
)
def _no_held_on(ctx: Context) -> Iterator[tuple[str, str]]:
    if ctx.post_mortem.log.held_on is None:
        yield (
            "$.log.held_on",
            (
                "The day of the post-mortem is not recorded; record it, so "
                "the follow-up window can be checked."
            ),
        )
