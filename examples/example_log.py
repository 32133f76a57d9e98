"""The example post-mortem log: thirteen incidents of one imagined company.

The post-mortems are invented, but written the way real teams write them:
some complete and closed, some still drafts, some with action items that
slipped, a couple held without every prerequisite met. They run from June
2025 to November 2026 and were recorded in the time zones of the offices
that handled them.

Each is built in a module of its own in ``log_builders/``, section by
section of the worksheet. :func:`build_log` returns them in the order of
their post-mortem numbers. ``write_log.py`` stores them as JSON documents
in ``log/``; change them there, then run
``python examples/write_log.py --write``.
"""

from __future__ import annotations

from collections.abc import Callable

from log_builders import (
    attachment_bucket,
    backup_coverage,
    crm_sync,
    dst_payments,
    exchange_rates,
    inventory_import,
    invoice_emails,
    partner_certificate,
    payment_gateway,
    push_backlog,
    search_disk,
    sso_rollout,
    webhook_migration,
)

from blameless import PostMortem

__all__ = ["build_log"]

#: The builder of each post-mortem, in the order of their numbers.
BUILDERS: tuple[Callable[[], PostMortem], ...] = (
    crm_sync.build,
    partner_certificate.build,
    backup_coverage.build,
    payment_gateway.build,
    invoice_emails.build,
    search_disk.build,
    sso_rollout.build,
    exchange_rates.build,
    push_backlog.build,
    attachment_bucket.build,
    inventory_import.build,
    dst_payments.build,
    webhook_migration.build,
)


def build_log() -> list[PostMortem]:
    """Build the example post-mortems, numbered from 1, oldest first."""
    return [build() for build in BUILDERS]


if __name__ == "__main__":
    for post_mortem in build_log():
        print(f"{post_mortem.log.number:>4}  {post_mortem.incident.name}")
