"""The action quality check: is an action item SMART, as the worksheet asks.

Each of the five criteria is judged on its own with a transparent
heuristic and a reason in words, so a person can see why an item failed
and rewrite it:

- Specific and Verifiable read the description's leading verb (or the
  activity it names as a noun), hedges, appeals to care, vague outcomes,
  degrees with no measure ("more closely"), bare things ("Update the
  macro") and measurable thresholds; Specific also asks an amount for
  its value and alerting for its condition.
- Systemic looks for the scope of a whole class of failure ("all
  inbound", "every service", "incidents of this kind") or a mechanism
  that protects against one (alerting, validation, a circuit breaker, a
  condition on a threshold), and for the marks of a one-off fix ("this
  scenario", "the failed run", "affected customers", a stopgap); a
  mechanism named without what it does earns nothing.
- Owned reads the owner: one person, not a team, a role, several people
  or nobody; it tells a name from a team by the vocabularies and by how
  names are written (capitals, no acronyms).
- Time-bound reads the due date: one calendar day, not "soon".
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Iterator
from datetime import date
from functools import lru_cache

import attrs

from blameless._checks._config import CheckConfig
from blameless._checks._dates import read_due
from blameless._model._actions import ActionItem

__all__ = [
    "ActionQuality",
    "Criterion",
    "Verdict",
    "check_action",
    "check_action_item",
    "is_one_person",
]


class Criterion(enum.Enum):
    """The five criteria of the worksheet's action quality check."""

    #: Does the action describe exactly what will change?
    SPECIFIC = "specific"
    #: Does it address a category of failure, not just this one instance?
    SYSTEMIC = "systemic"
    #: Does one specific person own it?
    OWNED = "owned"
    #: Is there a concrete due date?
    TIME_BOUND = "time_bound"
    #: Can someone check it was completed and is working?
    VERIFIABLE = "verifiable"

    @property
    def label(self) -> str:
        """The criterion's name on the worksheet, such as "Time-bound"."""
        return _LABELS[self]


_LABELS = {
    Criterion.SPECIFIC: "Specific",
    Criterion.SYSTEMIC: "Systemic",
    Criterion.OWNED: "Owned",
    Criterion.TIME_BOUND: "Time-bound",
    Criterion.VERIFIABLE: "Verifiable",
}


@attrs.frozen
class Verdict:
    """The judgement of one criterion on one action item.

    Args:
        criterion: Which of the five criteria.
        passed: Whether the item meets it.
        reason: Why, in words, quoting the part of the item it rests on.
    """

    criterion: Criterion
    passed: bool
    reason: str

    def __str__(self) -> str:
        mark = "passes" if self.passed else "fails"
        return f"{self.criterion.label} {mark}: {self.reason}"


@attrs.frozen(kw_only=True)
class ActionQuality:
    """The five verdicts of the action quality check on one action item.

    Iterating gives the verdicts in the worksheet's order.

    Args:
        specific: Does it describe exactly what will change?
        systemic: Does it address a category of failure?
        owned: Does one specific person own it?
        time_bound: Is there a concrete due date?
        verifiable: Can someone check it was done and works?
        due: The due date as read, when there is one.
    """

    specific: Verdict
    systemic: Verdict
    owned: Verdict
    time_bound: Verdict
    verifiable: Verdict
    due: date | None = None

    def __iter__(self) -> Iterator[Verdict]:
        return iter(
            (
                self.specific,
                self.systemic,
                self.owned,
                self.time_bound,
                self.verifiable,
            )
        )

    @property
    def passed(self) -> bool:
        """Whether the item meets all five criteria."""
        return all(verdict.passed for verdict in self)

    @property
    def failed(self) -> tuple[Verdict, ...]:
        """The verdicts the item fails, in the worksheet's order."""
        return tuple(verdict for verdict in self if not verdict.passed)

    def verdict(self, criterion: Criterion) -> Verdict:
        """Return the verdict on one criterion.

        Args:
            criterion: One of the five criteria.
        """
        found: Verdict = getattr(self, criterion.value)
        return found


_DEFAULT_CONFIG = CheckConfig()

# How many words of a description a reason quotes.
_QUOTED_WORDS = 8


def check_action(
    description: str,
    *,
    owner: str = "",
    due: str | date | None = None,
    config: CheckConfig | None = None,
) -> ActionQuality:
    """Run the worksheet's action quality check on plain values.

    Args:
        description: What will change, as written in the action item.
        owner: Who owns it, as written.
        due: The due date, as a date or as text in any unambiguous
            spelling; ``None`` or blank when there is none.
        config: The vocabularies and the order of numeric dates; the
            defaults when ``None``.

    Returns:
        A pass or a fail with its reason for each of the five criteria.
    """
    config = config or _DEFAULT_CONFIG
    text = _Description.read(description, _vocabulary(config))
    shallow = text.shallow()
    unclear = text.unclear(shallow)
    untargeted = text.untargeted()
    day, time_bound = _time_bound(due, config)
    return ActionQuality(
        specific=text.specific(unclear or untargeted),
        systemic=text.systemic(shallow or untargeted),
        owned=_owned(owner, config),
        time_bound=time_bound,
        verifiable=text.verifiable(unclear),
        due=day,
    )


def check_action_item(
    item: ActionItem, *, config: CheckConfig | None = None
) -> ActionQuality:
    """Run the worksheet's action quality check on an action item.

    Args:
        item: The action item, containment or prevention.
        config: The vocabularies; the defaults when ``None``.

    Returns:
        A pass or a fail with its reason for each of the five criteria.
    """
    return check_action(
        item.description, owner=item.owner, due=item.due, config=config
    )


# Time-bound ---------------------------------------------------------------


def _time_bound(
    due: str | date | None, config: CheckConfig
) -> tuple[date | None, Verdict]:
    if isinstance(due, date):
        day = due
        reason = f"due on {day.isoformat()}"
    elif due is None:
        day, reason = None, "there is no due date"
    else:
        read = read_due(due, date_order=config.date_order)
        day, reason = read.day, read.reason
    if day is None:
        reason += (
            "; the worksheet asks for a date, not 'soon' or 'next sprint'"
        )
    verdict = Verdict(
        Criterion.TIME_BOUND, passed=day is not None, reason=reason
    )
    return day, verdict


# Owned --------------------------------------------------------------------

_NOBODY = frozenset(
    {
        "",
        "-",
        "?",
        "all",
        "anybody",
        "anyone",
        "everybody",
        "everyone",
        "n/a",
        "na",
        "no one",
        "nobody",
        "none",
        "someone",
        "somebody",
        "tba",
        "tbc",
        "tbd",
        "them",
        "they",
        "unassigned",
        "unknown",
        "us",
        "we",
    }
)
_SEVERAL = re.compile(r"\s+(?:and|or|und|et|y)\s+|[,;&+/|]")
_ASIDE = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_TOKEN = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
# The humps of a word written in camel case: "SecOps" is "Sec" and "Ops".
_HUMP = re.compile(r"[A-Z][a-z]+")
# A word this short ending in "s" is not read as a plural ("Ops", "Gus").
_SHORT_WORD = 3
# Small words that belong to names: "Ludwig van Beethoven", "Oscar de la
# Hoya", "Fatima bint Ali".
_PARTICLES = frozenset(
    {
        "al",
        "bin",
        "bint",
        "da",
        "das",
        "de",
        "del",
        "della",
        "den",
        "der",
        "di",
        "do",
        "dos",
        "du",
        "el",
        "ibn",
        "jr",
        "la",
        "le",
        "sr",
        "st",
        "ten",
        "ter",
        "van",
        "von",
        "y",
        "zu",
    }
)


def _owned(owner: str, config: CheckConfig) -> Verdict:
    named = " ".join(_ASIDE.sub(" ", owner).split())
    lowered = named.lower()
    if lowered.strip(".") in _NOBODY or not _TOKEN.search(lowered):
        return _owner_fails(f"nobody is named ({owner!r})")
    if _SEVERAL.search(named) and "@" not in named:
        return _owner_fails(f"{owner!r} names more than one person")

    words = dict(_words_of(named))
    team = sorted(word for word in words if word in config.team_words)
    if team or lowered.startswith("the "):
        return _owner_fails(
            f"{owner!r} is a team or group ({words[team[0]]!r})"
            if team
            else f"{owner!r} is not a name"
        )
    role = lowered in config.role_words or any(
        word in config.role_words for word in words
    )
    if role or "on call" in lowered:
        return _owner_fails(f"{owner!r} is a role, not a person")
    unlike = _unlike_a_name(named)
    if unlike:
        return _owner_fails(f"{owner!r} is a team or a role: {unlike}")
    return Verdict(
        Criterion.OWNED, passed=True, reason=f"one person owns it: {named!r}"
    )


def is_one_person(owner: str, config: CheckConfig) -> bool:
    """Whether *owner* names exactly one person, as the Owned check reads it.

    Args:
        owner: An owner or a name, as written.
        config: The vocabularies of teams and roles.
    """
    return _owned(owner, config).passed


def _words_of(named: str) -> Iterator[tuple[str, str]]:
    """The owner's words in lower case, each with the word as written.

    Each word comes whole and by its parts: "SecOps" gives "secops",
    "sec" and "ops"; a plural comes as its singular too ("supervisors"
    and "supervisor"), so the vocabularies need list singulars only.
    """
    for token in _TOKEN.findall(named):
        parts = [token]
        if "-" in token:
            parts += token.split("-")
        if not token.islower():
            parts += _HUMP.findall(token)
        for part in parts:
            lowered = part.lower()
            yield lowered, token
            if len(lowered) > _SHORT_WORD and lowered.endswith("s"):
                yield _singular(lowered), token


def _singular(word: str) -> str:
    return word[:-3] + "y" if word.endswith("ies") else word[:-1]


def _unlike_a_name(named: str) -> str:
    """Why the words of *named* are not those of a person's name, if so.

    A name is written with capitals (apart from particles such as "van"),
    so a common word in lower case beside capitalized ones ("Shift
    supervisors", "Head of Data") names a role or a team, and so does an
    acronym that no name follows ("CISO", "AP supervisor"). Lower case
    throughout ("hiroshi") and all capitals throughout ("DANA REYES") say
    nothing either way.
    """
    if "@" in named or (named.isupper() and " " in named):
        return ""
    tokens = named.split()
    capital = not named.islower()
    for index, token in enumerate(tokens):
        after = tokens[index + 1] if index + 1 < len(tokens) else ""
        # "H." is an initial; "CISO" and "Q/A" are acronyms.
        acronym = token.isupper() and len(token.strip(".")) > 1
        if acronym and not after[:1].isupper():
            return f"{token!r} is an acronym, not part of a name"
        common = token.isalpha() and token.islower()
        if capital and common and token not in _PARTICLES:
            return f"{token!r} is a common word, not part of a name"
    return ""


def _owner_fails(reason: str) -> Verdict:
    return Verdict(
        Criterion.OWNED,
        passed=False,
        reason=f"{reason}; the worksheet asks for one name",
    )


# Specific, Systemic, Verifiable --------------------------------------------

_MARKER = re.compile(
    r"^\s*(?:[-*•\u2013·>]+\s*)?(?:\[[ xX]?\]\s*)?(?:\d+[.)]\s+)?"
)
# A one-word label before the action: "Postmortem: ...", "PAY-4412: ...".
_LABEL = re.compile(r"^[^\W_]+(?:-[^\W_]+)*:\s+")
_FROM_NOW = r"(?:(?:going|moving) forward|from now on|in future),?\s+"
_SUBJECT = re.compile(
    rf"^{_FROM_NOW}"
    r"|^(?:(?:we|i|you|they|the team|let's|let us|please)\s+)?"
    r"(?:(?:will|shall|must|need to|are going to|'ll|to)\s+)?"
)
# "Finance and Treasury to align on ...": who will act, then the action;
# read as such when its first word is a team or a role.
_ASSIGNEE = re.compile(r"^([^\s,;:]+)(?:\s+[^\s,;:]+){0,3}?\s+to\s+(?!be\b)")
# "Work with the vendor to ...": the action is what follows "to".
_TOGETHER = re.compile(
    r"^(?:work|partner|collaborate|coordinate|liaise|engage|team up)\s+"
    r"with\s+[^,;:]{1,60}?\s+to\s+"
)
_PASSIVE = re.compile(
    r"\b(?:will|shall|must|should|to|is|are)\s+be\s+([a-z]+)\b"
)

_HEDGES = re.compile(
    r"\b(?:should(?! have)|probably|maybe|perhaps|possibly|hopefully|"
    r"might|could|at some point|some ?time|if possible|when possible|"
    r"if we can|try to|attempt to|aim to|where feasible)\b"
)
_ATTITUDE = re.compile(
    r"\b(?:be (?:more |extra |very )?(?:careful|vigilant|mindful|aware|"
    r"diligent|cautious|attentive)|(?:more |extra )?carefully|pay (?:\w+ )?"
    r"attention|take (?:more |extra )?"
    r"care|do better|try harder|double[- ]check|do it right|get it right|"
    r"remember to|think twice)\b"
)
# "Engineers should always ...": a rule for people, which only people can
# keep; the change it names may be specific, but no system enforces it.
_PEOPLE_SUBJECT = (
    r"(?:engineers|developers|people|everyone|everybody|staff|operators|"
    r"admins|on-?call|responders|the team|we|you)"
)
_MODALS = ("should", "must", "need to", "have to", "shall", "always", "never")
_PEOPLE_MODAL = rf"(?:{'|'.join(_MODALS)})\b"
_PEOPLE_RULE = re.compile(
    rf"^{_PEOPLE_SUBJECT}\s+{_PEOPLE_MODAL}"
    r"(?:\s+(?:always|never)\b)?\s*"
)
# The same rule in a later clause: "...; everyone on rotation must check".
_PEOPLE_CLAUSE = re.compile(
    rf"(?:[;:,]|\band)\s+(?:{_FROM_NOW})?{_PEOPLE_SUBJECT}"
    rf"(?:\s+[\w-]+){{0,3}}?\s+{_PEOPLE_MODAL}"
)
_PEOPLE = re.compile(
    r"^(?:remind|tell|ask|encourage|urge|educate|train|coach|nudge)\b|"
    r"\b(?:knows?|aware of|awareness|remind(?:s|ed)?)\b"
)
# Work done by a person's own hand can be checked, but guards nothing.
_BY_HAND = re.compile(r"\b(?:personally|by hand)\b")
# A second action that builds, after one that repairs: "Restore the
# table, then add a nightly restore test".
_BUILDS = re.compile(
    r"(?:,|;|\band)\s+(?:then\s+)?(?:add|build|implement|enforce|require|"
    r"automate|introduce|create|set up|configure|deploy|schedule)\b"
)
# "Do a weekly sanity check of ...", "Take a hard look at ...", "Weekly
# review of ...": an activity named as a noun says no more than its verb.
_ACTIVITY = (
    r"(?:look|review|check|pass|sweep|deep[- ]dive|discussion|"
    r"conversation|refresher|retro(?:spective)?)"
)
_NOMINAL = re.compile(
    r"^(?:(?:do|hold|run|conduct|perform|carry out|take|have|give)\s+"
    r"(?:(?:a|an|the|another|some|our)\s+)?(?:[\w-]+\s+){0,2}?"
    r"|(?:(?:a|an)\s+)?(?:weekly|daily|monthly|quarterly|yearly|annual|"
    r"regular|periodic|ongoing|further|thorough|proper|closer)\s+"
    r"(?:[\w-]+\s+)?)"
    rf"{_ACTIVITY}(?=$|\s+(?:of|at|on|into|about|over|across|with)\b)"
)
# A degree with no measure: "monitor more closely", "add more tests",
# "communicate better". Read in the main clause only, so that "change the
# tool to remove capacity more slowly" keeps its concrete change.
_DEGREE = re.compile(
    r"\b(?:(?:more|less) (?:\w+ly|often)|more|less|fewer|better|closer|"
    r"closely|faster|quicker|sooner|earlier|harder|nicer|tighter|stricter|"
    r"stronger|clearer|smarter)\b"
    r"(?! than)"
)
_CLAUSE_END = re.compile(
    r"\s(?:to|so|that|which|by|until|if|when|unless|in order)\b|[,;:(—]"
)
# Verbs that say a thing will change without saying how; led by one, the
# item must say more than the bare thing ("Update the macro").
_GENERIC_CHANGES = frozenset(
    {
        "adjust",
        "change",
        "clean",
        "fix",
        "harden",
        "modify",
        "optimise",
        "optimize",
        "overhaul",
        "patch",
        "refactor",
        "revamp",
        "rework",
        "secure",
        "strengthen",
        "streamline",
        "tune",
        "tweak",
        "update",
        "upgrade",
    }
)
_BARE_THING = re.compile(
    r"^(?:(?:the|our|a|an|its|their|this|that|these|those|all)\s+)?"
    r"[^\W\d_]+(?:-[^\W\d_]+)*(?:\s+[^\W\d_]+(?:-[^\W\d_]+)*)?$"
)
# Verbs that move an amount; led by one, the item must say to what.
_AMOUNTS = frozenset(
    {"bump", "decrease", "grow", "increase", "lower", "raise", "shrink"}
)
_TARGET = re.compile(r"\d|\s(?:to|by)\s")
# Alerting added with no condition: the worksheet's "Add alerting for
# data sync error rates exceeding 1% of processed records" says when.
_ALERT_ONLY = re.compile(
    r"^(?:add|set up|create|configure|enable|introduce|implement|build)\s+"
    r"(?:(?:a|an|the|some|new|basic)\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:alert(?:s|ing)?|alarms?|paging)\b"
)
_FIRES = re.compile(
    r"\b(?:when|whenever|if|unless|once|on (?:any|every|each)|exceed\w*|"
    r"breach\w*|rout(?:e|es|ed|ing)|older than|more than|less than|"
    r"fewer than)\b|#"
)
_WEAK_VERBS = frozenset({"make", "get", "have", "become", "keep", "render"})
_VAGUE_OUTCOME = re.compile(
    r"\b(?:gracefully|better|more (?:robust|reliable|resilient|stable|"
    r"secure|efficient)|robust|reliable|resilient|stable|safer|faster|"
    r"properly|correctly|smoother|easier|simpler|available)\b"
)
_VAGUE_THING = re.compile(
    r"(?<![/\w])(?:everything|anything|stuff|things|whatever|somehow|etc)"
    r"(?![/\w])"
)
_VAGUE_PROCESS = re.compile(
    r"^(?:establish|create|define|set up|put in place|introduce|adopt|"
    r"formalize|formalise|develop)\b(?:\s+(?:a|an|the|our|some))?"
    r"(?:\s+(?:formal|regular|new|better|clear|proper|general|robust))*"
    r"\s+(?:process|culture|mindset|approach|strategy|framework|practice|"
    r"plan|way)\b"
)
_PRONOUN_OBJECT = re.compile(
    r"^(?:it|this|that|them|these|those|the (?:issue|problem|bug|thing|"
    r"incident|outage))$"
)
_THRESHOLD = re.compile(
    r"\d+(?:[.,]\d+)?\s*(?:%|(?:percent|ms|s|sec|seconds?|minutes?|min|"
    r"hours?|h|days?|k|m|gb|mb|tb|x|rps|qps|requests?|records?|rows?)\b)|"
    r"[<>≤≥]=?\s*\d|\b(?:more|less|fewer|greater|higher|lower) than \d|"
    r"\b(?:above|below|exceed(?:s|ing)?|under|over|within|at most|"
    r"at least) \d"
)
_DIGIT = re.compile(r"\d")
_RESCUE = re.compile(r"(?::|—| - | by (?=[a-z]+ing\b)|, so that )(.+)$")

_CLASS = re.compile(
    r"\b(?:all|every|each|any|across|always|never|whenever|general|"
    r"generic|entire|continuous(?:ly)?|regular(?:ly)?|hourly|daily|weekly|"
    r"monthly|quarterly|yearly|annual(?:ly)?|"
    r"exclusively|of this kind|remaining|"
    r"of this type|this class|such|similar|forever|(?:other|future) "
    r"(?:\w+ )?(?:changes|incidents|failures|outages))\b"
)
_FAILURE_CLASS = re.compile(
    r"\b(?:errors|failures|faults|timeouts|outages|incidents|regressions|"
    r"conditions|modes|changes|updates|deploy(?:s|ments)|inputs|records|"
    r"requests|hosts|services|clusters|regions|zones|vendors|users|jobs)\b"
)
_MECHANISM = re.compile(
    r"\b(?:automat\w*|alert(?:s|ing)?|pages?|paged|paging|"
    r"monitor(?:s|ing)?|dashboards?|"
    r"validat(?:e|es|ion|ing)|schema|circuit[- ]breakers?|fallbacks?|"
    r"failover|redundan(?:t|cy)|replica(?:s|tion)?|backups?|snapshots?|"
    r"rollback|roll-back|canary|feature[- ]flags?|isolat(?:e|ion)|"
    r"partition(?:s|ing)?|cells?|rate[- ]limit(?:s|ing)?|quotas?|"
    r"throttl(?:e|ing)|retr(?:y|ies)|back-?off|timeouts?|idempoten(?:t|cy)|"
    r"guard(?:rail)?s?|checklists?|runbooks?|playbooks?|process|policy|"
    r"protocol|test suite|automated tests?|tests?|ci|linters?|lint|"
    r"profil(?:er|ing)|pre-commit|approvals?|approvers?|reviewers?|"
    r"permissions?|access control|hash(?:es|ing)?|redact(?:s|ion)?|"
    r"encrypt(?:s|ion)?|sanitiz(?:e|es|ation)|tool(?:s|ing)?|system|"
    r"engine|guarantees?|limits?|thresholds?|load|balanc(?:e|er|ing)|"
    r"cap(?:s|ped)?|capacity|bulkheads?|pools?|queues?|rout(?:e|es|ing)|"
    r"separate|dedicated|(?:their|its) own|"
    r"multi-region|multiple|disaster recovery|dependence|dependency|"
    r"dependencies|harden(?:s|ing)?|refuse[sd]?|prevent(?:s|ed)?|"
    r"block(?:s|ed)?|enforce[sd]?|reject(?:s|ed)?|requir(?:e|es|ed|ing)|"
    r"retention)\b|"
    r"\bso (?:that )?.*\b(?:not|never|cannot|can't|no longer)\b"
)
_ONE_OFF = re.compile(
    r"\b(?:this (?:scenario|incident|outage|case|one|time|instance|bug|"
    r"error|failure|problem|issue)|the (?:failed|broken|"
    r"corrupted|affected|lost|compromised|leaked|expired|faulty|stuck|"
    r"misconfigured|new \w+ (?:name|field|value))|affected|corrupted|"
    r"compromised|today|tonight|tomorrow|again|follow-up (?:review|meeting)|"
    # "the billing-sync outage" is one outage; "the incident intake form"
    # is a form, so the noun must end its phrase.
    r"the (?:[\w-]+ ){0,2}(?:issue|problem|bug|incident|outage|failure|"
    r"breach|leak|crash|regression)(?=$|[.,;:)]|\s(?:on|in|of|"
    r"for|from|at|with|and|or|that|which|is|was|so|to|until|when|by)\b)|"
    r"(?:\d{1,2} (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
    r"|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]* \d{1,2}))\b"
)
# A stopgap holds only until the real fix, however wide its scope.
_TEMPORARY = re.compile(
    r"\b(?:temporar(?:y|ily)|for now|stopgap|stop the bleeding|"
    r"in the meantime|as a workaround|until (?:the |this |it )?"
    r"[^.;]{0,40}?(?:is|are|has been|have been) (?:fixed|resolved|patched|"
    r"released|deployed))\b"
)
# A condition that acts by itself on a measure ("if the total exceeds
# 110%") is a guard, whatever it is called.
_CONDITION = re.compile(r"\b(?:if|when|whenever|unless|once)\b")
_QUOTE_MARKS = ("'", '"', "`", "\u201c", "\u2018")
_QUOTED = re.compile(
    r"(?<!\w)'[^']*'(?!\w)|\"[^\"]*\"|`[^`]*`|\u201c[^\u201d]*\u201d|"
    r"\u2018[^\u2019]*\u2019"
)
_ONE_OFF_VERBS = frozenset(
    {
        "apologize",
        "apologise",
        "backfill",
        "bump",
        "call",
        "clean",
        "close",
        "contact",
        "correct",
        "delete",
        "disable",
        "email",
        "fix",
        "follow",
        "inform",
        "notify",
        "own",
        "patch",
        "purge",
        "reach",
        "reboot",
        "redeploy",
        "refund",
        "reimport",
        "reindex",
        "renew",
        "reopen",
        "remind",
        "remove",
        "rename",
        "repair",
        "replay",
        "reprocess",
        "rerun",
        "re-run",
        "resend",
        "reset",
        "restart",
        "restore",
        "reverse",
        "revert",
        "revoke",
        "rotate",
        "schedule",
        "tell",
        "update",
        "upgrade",
    }
)


@attrs.frozen
class _Vocabulary:
    vague: re.Pattern[str]
    vague_forms: frozenset[str]
    # The team and role words, for "QA to test ..." in a description.
    groups: frozenset[str]


@lru_cache(maxsize=16)
def _compile_vocabulary(
    verbs: frozenset[str], groups: frozenset[str]
) -> _Vocabulary:
    forms = frozenset(form for verb in verbs for form in _forms(verb))
    multi = sorted((f for f in forms if " " in f), key=len, reverse=True)
    pattern = "|".join(re.escape(f) for f in multi) or r"(?!x)x"
    return _Vocabulary(re.compile(rf"^(?:{pattern})\b"), forms, groups)


def _vocabulary(config: CheckConfig) -> _Vocabulary:
    return _compile_vocabulary(
        config.vague_verbs, config.team_words | config.role_words
    )


def _forms(verb: str) -> Iterable[str]:
    """The spellings of a verb the description may use: look, looking..."""
    head, _, rest = verb.partition(" ")
    tail = f" {rest}" if rest else ""
    stems = {head, head + "s", head + "ed", head + "ing"}
    if head.endswith("e"):
        stems |= {head + "d", head[:-1] + "ing"}
    if head.endswith("y"):
        stems |= {head[:-1] + "ies", head[:-1] + "ied"}
    return {stem + tail for stem in stems}


def _cleaned(description: str, vocabulary: _Vocabulary) -> str:
    """The description in lower case, from the verb of its action on.

    List markers, a one-word label ("Postmortem:"), "we will", "going
    forward", who will act ("QA to ...") and whom with ("work with the
    vendor to ...") are left out, so the action's own verb leads.
    """
    text = _MARKER.sub("", " ".join(description.split()))
    text = _LABEL.sub("", text, count=1).rstrip(" .;").lower()
    text = _SUBJECT.sub("", text, count=1)
    assignee = " to " in text and _ASSIGNEE.match(text)
    if assignee and _group_word(assignee.group(1), vocabulary.groups):
        text = text[assignee.end() :]
    together = _TOGETHER.match(text)
    return text[together.end() :] if together else text


def _group_word(word: str, groups: frozenset[str]) -> bool:
    letters = "".join(c for c in word if c.isalnum() or c == "-")
    return letters in groups or letters.removesuffix("s") in groups


@attrs.frozen
class _Description:
    """A description, cleaned once and read by the three criteria."""

    original: str
    text: str
    lead: str
    rest: str
    vague_verb: str
    # What in the text leaves the change to people, if anything.
    people: str
    # The measurable target in the text, if any ("exceeding 1%").
    threshold: str

    @classmethod
    def read(cls, description: str, vocabulary: _Vocabulary) -> _Description:
        """Clean *description* and read what the criteria share in it."""
        text = _cleaned(description, vocabulary)
        rule = _PEOPLE_RULE.match(text)
        if rule:
            text = text[rule.end() :]
        people = rule.group().strip() if rule else _people(text)
        lead, _, rest = text.partition(" ")
        threshold = _threshold(text)
        vague = _vague_verb(text, vocabulary, threshold)
        return cls(description, text, lead, rest, vague, people, threshold)

    def _rescued(self) -> bool:
        """Whether a clause after the vague verb says what will change."""
        found = _RESCUE.search(self.text)
        if found is None:
            return False
        clause = found.group(1)
        return bool(_THRESHOLD.search(clause) or _MECHANISM.search(clause))

    def unclear(self, shallow: str) -> str:
        """Why the description does not say what will change, if it does not.

        The reasons are shared by Specific and Verifiable.

        Args:
            shallow: What :meth:`shallow` says, the last reason to give.
        """
        if not self.text:
            return "there is no description of what will change"
        attitude = _ATTITUDE.search(self.text)
        if attitude:
            return (
                f"{attitude.group()!r} asks people to behave differently "
                "instead of changing the system"
            )
        hedge = _HEDGES.search(self.text)
        if hedge:
            return f"{hedge.group()!r} hedges; it commits to no change"
        if self.vague_verb and not self._rescued():
            return (
                f"{self.vague_verb!r} names an activity, not a change; "
                "say exactly what will change"
            )
        return self._unclear_object() or shallow

    def _unclear_object(self) -> str:
        if self.lead in _WEAK_VERBS:
            outcome = _VAGUE_OUTCOME.search(self.rest)
            if outcome and not self.threshold:
                return (
                    f"it names a wish ({outcome.group()!r}), not the "
                    "change that brings it about"
                )
        thing = _VAGUE_THING.search(self.text)
        if thing:
            return f"{thing.group()!r} is too broad to say what will change"
        if not self.rest or _PRONOUN_OBJECT.match(self.rest):
            return f"{self.text!r} does not say what will change"
        return ""

    def shallow(self) -> str:
        """Why the description names a thing but not its change, if so.

        "Add more tests" and "Update the macro" name what will be touched,
        not what will be different; Specific and Verifiable fail them, and
        Systemic gives no credit for the mechanism they name.
        """
        degree = _DEGREE.search(self.text)
        # Only a degree in the main clause, before any "to", "so that"...
        main = degree and not _CLAUSE_END.search(self.text, 0, degree.start())
        if degree and main and not (self.threshold or self._rescued()):
            return (
                f"{degree.group()!r} asks for a degree with no measure; "
                "say what will change"
            )
        if self.lead in _GENERIC_CHANGES and _BARE_THING.match(self.rest):
            return (
                f"{self.text!r} names what will be touched, not what "
                "will change in it"
            )
        return ""

    def untargeted(self) -> str:
        """Why the change has no target or condition, if it has none.

        Only Specific reads these: the change can still be checked.
        """
        if self.lead in _AMOUNTS and not _TARGET.search(self.text):
            return (
                f"{self.lead!r} says which way, not how far; give the "
                "new value"
            )
        if _ALERT_ONLY.match(self.text) and not (
            self.threshold or _FIRES.search(self.text)
        ):
            return (
                "it adds alerting without saying when it fires, as in "
                "'error rates exceeding 1% of processed records'"
            )
        return self._vague_process()

    def _vague_process(self) -> str:
        process = _VAGUE_PROCESS.search(self.text)
        if process and not _MECHANISM.search(self.text[process.end() :]):
            return (
                f"{process.group()!r} does not say what the process is "
                "or how it runs"
            )
        return ""

    def specific(self, unclear: str) -> Verdict:
        """Judge Specific; *unclear* says why the change is unclear, if so."""
        if unclear:
            return Verdict(Criterion.SPECIFIC, passed=False, reason=unclear)
        return Verdict(
            Criterion.SPECIFIC,
            passed=True,
            reason=f"it names the change: {self._head()}",
        )

    def verifiable(self, unclear: str) -> Verdict:
        """Judge Verifiable; a measurable target outweighs *unclear*.

        A rule that relies on people remembering fails, whatever it says.

        Args:
            unclear: Why the description does not say what will change,
                or blank when it says.
        """
        people = self.people
        if people:
            return Verdict(
                Criterion.VERIFIABLE,
                passed=False,
                reason=f"{people!r} relies on people remembering; "
                "there is nothing to check that it works",
            )
        threshold = self.threshold
        if unclear and threshold and not _HEDGES.search(self.text):
            return Verdict(
                Criterion.VERIFIABLE,
                passed=True,
                reason=f"it sets a measurable target: {threshold!r}",
            )
        if unclear:
            return Verdict(Criterion.VERIFIABLE, passed=False, reason=unclear)
        return Verdict(
            Criterion.VERIFIABLE,
            passed=True,
            reason=f"someone can check that it was done: {self._head()}",
        )

    def systemic(self, shallow: str) -> Verdict:
        """Judge Systemic; *shallow* says why a named mechanism is no guard.

        Args:
            shallow: Why the description names a mechanism without what it
                does, or blank when it says.
        """
        failing = self._one_off()
        if failing:
            return Verdict(Criterion.SYSTEMIC, passed=False, reason=failing)
        scope = _CLASS.search(self.text)
        if scope:
            reason = f"it covers a class of failure: {scope.group()!r}"
            return Verdict(Criterion.SYSTEMIC, passed=True, reason=reason)
        if shallow:
            reason = (
                f"{shallow}; a mechanism named without what it does "
                "addresses no category of failure"
            )
            return Verdict(Criterion.SYSTEMIC, passed=False, reason=reason)
        mechanism = self._mechanism()
        if mechanism:
            return Verdict(Criterion.SYSTEMIC, passed=True, reason=mechanism)
        if not self._guarded():
            reason = (
                f"{self.lead!r} fixes the one thing that broke; add what "
                "stops the whole category from happening again"
            )
            return Verdict(Criterion.SYSTEMIC, passed=False, reason=reason)
        reason = (
            "it names no class of failure and no mechanism (alerting, "
            "validation, a circuit breaker) that guards against one"
        )
        return Verdict(Criterion.SYSTEMIC, passed=False, reason=reason)

    def _guarded(self) -> str:
        """The part of the text that may name a guard.

        After a verb that repairs one thing ("fix", "force-update"), only
        a second action that builds ("... and add a check that ...") may.
        """
        lead = self.lead
        if lead not in _ONE_OFF_VERBS and (
            lead.rpartition("-")[2] not in _ONE_OFF_VERBS
        ):
            return self.text
        builds = _BUILDS.search(self.text)
        return self.text[builds.start() :] if builds else ""

    def _one_off(self) -> str:
        """Why the description is tied to one instance, if it is.

        A scope that covers a class ("all", "of this kind") outweighs the
        marks of a single instance, unless the verb only repairs ("revoke
        all sessions of the compromised account"); a stopgap and reliance
        on people outweigh both.
        """
        text = self.text
        if not text:
            return "there is no description to judge"
        temporary = _TEMPORARY.search(text)
        if temporary:
            return (
                f"{temporary.group()!r} makes it a stopgap for this "
                "instance; address the whole category of failure"
            )
        # Quoted words, such as a message shown to users, are not the
        # action's own words.
        quoted = any(mark in text for mark in _QUOTE_MARKS)
        unquoted = _QUOTED.sub(" ", text) if quoted else text
        one_off = _ONE_OFF.search(unquoted)
        if one_off and (not self._guarded() or not _CLASS.search(unquoted)):
            return (
                f"{one_off.group()!r} ties it to this one instance; "
                "address the whole category of failure"
            )
        if self.people or _ATTITUDE.search(text) or _BY_HAND.search(text):
            return "it relies on people, not on a change to the system"
        return ""

    def _mechanism(self) -> str:
        text = self._guarded()
        if not text:
            return ""
        found = _MECHANISM.search(text) or _FAILURE_CLASS.search(text)
        if found is not None:
            return f"it adds or changes a mechanism: {found.group()!r}"
        condition = self.threshold and _CONDITION.search(text)
        if not condition:
            return ""
        threshold = _THRESHOLD.search(text, condition.end())
        if threshold is None:
            return ""
        acts = text[condition.start() : threshold.end()]
        return f"it acts by itself on a condition: {acts!r}"

    def _head(self) -> str:
        words = self.original.split()
        shown = " ".join(words[:_QUOTED_WORDS])
        more = " ..." if len(words) > _QUOTED_WORDS else ""
        return repr(shown + more)


def _people(text: str) -> str:
    """What in *text* leaves the change to people, if anything."""
    if any(modal in text for modal in _MODALS):
        clause = _PEOPLE_CLAUSE.search(text)
        if clause:
            return clause.group().lstrip(";:, ")
    people = _PEOPLE.search(text)
    return people.group().strip() if people else ""


def _threshold(text: str) -> str:
    # Every form of a threshold has a digit; most descriptions have none.
    if not _DIGIT.search(text):
        return ""
    found = _THRESHOLD.search(text)
    return found.group() if found else ""


def _vague_verb(text: str, vocabulary: _Vocabulary, threshold: str) -> str:
    multi = vocabulary.vague.match(text)
    if multi:
        return multi.group()
    lead = text.partition(" ")[0]
    if lead in vocabulary.vague_forms:
        return lead
    passive = _PASSIVE.search(text)
    if passive and passive.group(1) in vocabulary.vague_forms:
        return passive.group(1)
    nominal = _NOMINAL.match(text)
    if nominal and not (threshold or _FIRES.search(text)):
        return nominal.group()
    return ""
