"""Store the example post-mortems as JSON documents in examples/log/.

The post-mortems are written in ``log_builders/`` and collected by
``example_log.build_log``; this script turns each into a document named
after its number and incident, such as
``0004-payment-gateway-timeout-nov-14.json``::

    python examples/write_log.py            # say whether log/ is current
    python examples/write_log.py --write    # rewrite log/ from the builder

Without ``--write`` it changes nothing, and exits with status 1 when a
document is missing, different or no longer built.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from example_log import build_log

from blameless import PostMortem, dump, dumps

#: The folder of the example log, next to this script.
LOG = Path(__file__).with_name("log")


def file_name(post_mortem: PostMortem) -> str:
    """Return the document's file name: number, then a slug of the name.

    Args:
        post_mortem: A post-mortem with a number in its log entry.
    """
    slug = re.sub(r"[^a-z0-9]+", "-", post_mortem.incident.name.lower())
    return f"{post_mortem.log.number:04d}-{slug.strip('-')}.json"


def expected_documents() -> dict[str, str]:
    """Return the text of every document the builder makes, by file name."""
    return {file_name(pm): dumps(pm) for pm in build_log()}


def stale_documents(folder: Path) -> list[str]:
    """Return the names of documents in *folder* that differ from the builder.

    A document is stale when it is missing, when its text differs, or when
    the builder no longer makes it.

    Args:
        folder: The folder of the stored log.
    """
    expected = expected_documents()
    stored = {path.name: path for path in folder.glob("*.json")}
    stale = [
        name
        for name, text in expected.items()
        if name not in stored
        or stored[name].read_text(encoding="utf-8") != text
    ]
    stale += [name for name in stored if name not in expected]
    return sorted(stale)


def write_log(folder: Path) -> None:
    """Write every post-mortem of the builder into *folder*.

    Documents the builder no longer makes are removed, so a renamed
    incident does not leave its old file behind.

    Args:
        folder: The folder of the stored log; created if missing.
    """
    folder.mkdir(exist_ok=True)
    post_mortems = build_log()
    names = {file_name(pm) for pm in post_mortems}
    for path in folder.glob("*.json"):
        if path.name not in names:
            path.unlink()
    for post_mortem in post_mortems:
        dump(post_mortem, folder / file_name(post_mortem))


def main(argv: list[str] | None = None) -> int:
    """Check or rewrite the stored example log.

    Args:
        argv: The command-line arguments, without the program name.

    Returns:
        0 when the log is current (or was just rewritten), 1 when not.
    """
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--write",
        action="store_true",
        help="rewrite examples/log/ from example_log.py",
    )
    arguments = parser.parse_args(argv)

    if arguments.write:
        write_log(LOG)
        print(f"wrote {len(expected_documents())} documents to {LOG}")
        return 0

    stale = stale_documents(LOG)
    if stale:
        print(f"{LOG} is out of date; run with --write. Differing:")
        print("\n".join(f"  {name}" for name in stale))
        return 1
    print(f"{LOG}: all {len(expected_documents())} documents are current")
    return 0


if __name__ == "__main__":
    sys.exit(main())
