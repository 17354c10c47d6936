"""Cue words and speaker phrases: the small lexicon and parsing shared by quotes and attributions.

Who said something is read from the phrase around a cue verb ("said", "told", "according to") with
patterns, not a parser: news attribution is formulaic (the inverted "…, said X, a teacher" included), and
regexes keep an article under a millisecond. The lexicon is English newswire's; a cue outside it is missed
rather than guessed.

- :func:`parse_mention` reads a speaker phrase ("Kremlin spokesperson Dmitry Peskov", "an official at
  South Korea's Defence Ministry", "she") into a :class:`Mention`;
- :func:`origin_key` normalises a source name for matching across articles ("South Korea's Defense
  Ministry" and "the South Korean Defence Ministry" → one key).

Example:
    >>> m = parse_mention("Kremlin spokesperson Dmitry Peskov")
    >>> m.name, m.kind, m.role
    ('Dmitry Peskov', 'person', 'Kremlin spokesperson')
    >>> origin_key("South Korea's Defense Ministry") == origin_key("the South Korean Defence Ministry")
    True
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from newstrace.ingest.agencies import canonical_agency

# Speech and reporting verbs, past and present. "reported"/"confirmed" also attribute facts, not speech.
CUE_VERBS = (
    "said|says|told|tells|added|adds|warned|warns|underscored|stressed|stresses|noted|notes|confirmed|"
    "confirms|announced|announces|stated|states|explained|wrote|writes|insisted|claimed|claims|argued|"
    "urged|reported|reports|emphasised|emphasized|declared|acknowledged|admitted|cautioned|promised|"
    "revealed|recalled|predicted|suggested|maintained|asserted|replied|remarked|conceded|estimated|"
    "posted|tweeted|gave an assessment"
)
# A cue verb as a whole word (group "verb").
CUE_VERB = re.compile(rf"\b(?P<verb>{CUE_VERBS})\b")

# Adverbs and auxiliaries allowed between a speaker and its verb: "Peskov further said", "had reported".
BETWEEN = (
    r"(?:(?:also|further|later|earlier|previously|separately|again|then|had|has|have|once|repeatedly)\s+)*"
)

# Verbs that attribute facts rather than speech: their subject is a source, their object is not a quote.
REPORTING_VERBS = frozenset({"reported", "reports", "confirmed", "confirms", "posted", "tweeted"})

# "told X": X is an audience, not a channel, when it is one of these.
AUDIENCES = re.compile(
    r"^(?:reporters|journalists|the media|media|the press|a news conference|a press conference|"
    r"a press briefing|a briefing|a news briefing|lawmakers|parliament|a rally|supporters|staff|"
    r"a meeting|an audience|the audience|a crowd|the crowd|a conference|a forum)\b",
    re.IGNORECASE,
)

# Words that make a capitalised run a title, not a name: "US National Security Adviser Jake Sullivan".
ROLE_WORDS = frozenset(
    [
        "spokesperson",
        "spokesman",
        "spokeswoman",
        "minister",
        "president",
        "governor",
        "director",
        "chief",
        "commander",
        "leader",
        "adviser",
        "advisor",
        "secretary",
        "official",
        "officials",
        "chairman",
        "chairwoman",
        "chair",
        "head",
        "mayor",
        "ambassador",
        "executive",
        "manager",
        "analyst",
        "economist",
        "investigator",
        "master",
        "captain",
        "coach",
        "editor",
        "correspondent",
        "superintendent",
        "prosecutor",
        "lawyer",
        "attorney",
        "solicitor",
        "barrister",
        "judge",
        "senator",
        "representative",
        "premier",
        "chancellor",
        "king",
        "queen",
        "prince",
        "general",
        "colonel",
        "admiral",
        "officer",
        "deputy",
        "envoy",
        "aide",
        "source",
        "sources",
        "expert",
        "experts",
        "researcher",
        "professor",
        "dr",
        "dr.",
        "doctor",
        "police",
        "inspector",
        "founder",
        "ceo",
        "cfo",
    ]
)
# Words that make a name an organisation: "Estmark Coast Guard", "Halvard Sound Lines", "the Kremlin".
ORG_WORDS = frozenset(
    [
        "ministry",
        "agency",
        "guard",
        "council",
        "kremlin",
        "lines",
        "bank",
        "board",
        "institute",
        "association",
        "party",
        "times",
        "news",
        "media",
        "post",
        "daily",
        "courier",
        "house",
        "office",
        "department",
        "government",
        "administration",
        "committee",
        "commission",
        "service",
        "services",
        "company",
        "corporation",
        "corp",
        "inc",
        "ltd",
        "group",
        "union",
        "court",
        "police",
        "army",
        "navy",
        "force",
        "forces",
        "tass",
        "cnn",
        "ria",
        "ians",
        "kcna",
        "yonhap",
        "reuters",
        "systems",
        "securities",
        "parliament",
        "embassy",
        "command",
        "authority",
        "authorities",
        "broadcaster",
        "radio",
        "television",
        "tv",
        "channel",
        "network",
        "press",
        "federation",
        "university",
        "hospital",
        "fund",
        "organisation",
        "organization",
        "alliance",
        "statistics",
        "infirmary",
        "trust",
        "school",
        "academy",
        "college",
        "foundation",
        "charity",
        "club",
        "museum",
        "society",
        "centre",
        "center",
        "airport",
        "airline",
        "airways",
    ]
)
# Last words of a street's name: "Wexcombe Road" opening a sentence is where, never who, speaks.
STREET_WORDS = frozenset("road street lane avenue square terrace crescent".split())
# Heads of anonymous sources: "a railway source", "officials", "an official at …", "two diplomats".
ANONYMOUS_HEADS = frozenset(
    [
        "source",
        "sources",
        "official",
        "officials",
        "diplomat",
        "diplomats",
        "person",
        "people",
        "insider",
        "insiders",
        "witness",
        "witnesses",
        "analyst",
        "analysts",
        "expert",
        "experts",
        "observer",
        "observers",
        "resident",
        "residents",
        "economists",
        "passengers",
        "survivors",
        "investigators",
        "lawmakers",
        "scientists",
        "doctors",
        "authorities",
        "prosecutors",
        "firefighters",
        "rescuers",
        "paramedics",
        "organisers",
        "organizers",
        "researchers",
    ]
)
# Determiners that open an anonymous phrase: "a", "an", "some", "several", "two", …
ANONYMOUS_OPENERS = frozenset(
    ["a", "an", "some", "several", "two", "three", "many", "other", "unnamed", "senior", "one"]
)

# Capitalised sentence adverbs that open a sentence before its speaker ("Still, Gray's sister said …"):
# alone before a comma they are no speaker, though "Still" may be a surname elsewhere.
OPENING_ADVERBS = frozenset(
    "still yet instead indeed nonetheless nevertheless separately additionally furthermore similarly "
    "likewise again finally besides otherwise thus hence then now so".split()
)
# Words that cannot sit inside a speaker phrase: they open a clause, so the phrase before a cue verb that
# holds one is not its subject ("Hours after the report, Jeon …" is cut after the comma).
CLAUSE_WORDS = frozenset(
    [
        "that",
        "which",
        "who",
        "whom",
        "whose",
        "was",
        "were",
        "is",
        "are",
        "be",
        "been",
        "being",
        "would",
        "will",
        "could",
        "should",
        "might",
        "may",
        "must",
        "after",
        "before",
        "when",
        "while",
        "as",
        "if",
        "because",
        "since",
        "but",
        "not",
        "there",
        "than",
        "meanwhile",
        "however",
        "moreover",
        "also",
        "earlier",
        "later",
        "last",
        "week",
        "yesterday",
        "today",
        "tonight",
        "ago",
        "during",
        "although",
        "though",
        "despite",
        "hours",
        "days",
        "minutes",
        "it",
        "this",
        "these",
        "those",
        "so",
        "thus",
        "then",
        "until",
        "where",
        "why",
        "how",
        "in",
        "on",
        "by",
    ]
)

# Pronouns that stand for the last speaker named.
PRONOUNS = frozenset({"he", "she", "they", "it", "we"})

# A capitalised word of a name: "Ha-kyou", "O'Neill", "Jong-un", "McDonald", "KCNA", "Dr." (Unicode
# letters, so "Ærø" and "Łukasz" count).
NAME_WORD = r"(?:[A-Z\u00c0-\u00de\u0100-\u017f][\w'’.\-]*)"
# A run of capitalised words, with the lowercase glue of names ("of", "for", "the", "de", "bin").
NAME_RUN = re.compile(rf"{NAME_WORD}(?:\s+(?:(?:of|for|the|de|van|von|bin|al|and|on)\s+)?{NAME_WORD})*")

# An acronym in brackets after a full name: "Korean Central News Agency (KCNA)".
BRACKETED_ACRONYM = re.compile(r"^(?P<full>.+?)\s*\((?P<short>[A-Z][A-Z0-9\-]{1,9})\)$")

# Spelling variants folded before matching origins: US and British spellings, "South Korea's" vs
# "South Korean", "armoured/armored".
_SPELLINGS = (
    (re.compile(r"\bdefense\b"), "defence"),
    (re.compile(r"\b(\w+)ization\b"), r"\1isation"),
    (re.compile(r"\b(\w+)or\b(?=\s+(?:general|office))"), r"\1our"),
    (re.compile(r"\b(korea|russia|america|india|china)'s\b"), r"\1n"),
    (re.compile(r"\bchina\b|\bchinan\b"), "chinese"),
)
# Leading words dropped from a source name before matching: determiners and generic descriptors
# ("Russian state news agency RIA" → "RIA", "North Korean news agency KCNA" → "KCNA").
DESCRIPTOR = re.compile(
    r"^(?:the\s+|a\s+|an\s+)?(?:(?:[A-Z][\w\-]*\s+){0,2}(?:(?:state|official|private|media)\s+)?"
    r"(?:news agency|media outlet|news outlet|broadcaster|newspaper|daily|outlet|agency|tv channel|"
    r"television channel|radio station|regional broadcaster)\s+)(?=[A-Z\"“])",
)

# Determiners and possessives opening a phrase; a capital letter after a sentence start is not a name.
DETERMINERS = frozenset({"the", "a", "an", "its", "his", "her", "their", "our", "this", "that"})
# A possessive ending: "Korea's", "Kim’s".
POSSESSIVE = re.compile(r"['’]s$")
# Words that introduce a named outlet: 'Russian media outlet "Vesti Primorye"'.
OUTLET_DESCRIPTOR = re.compile(r"\b(?:outlet|newspaper|broadcaster|agency|channel|daily|magazine|tabloid)\b")

MentionKind = Literal["person", "org", "pronoun", "role", "anonymous", "other"]


@dataclass(frozen=True, slots=True)
class Mention:
    """A speaker or source phrase, read: the name in it, what kind of mention it is, role, affiliation.

    ``offset``/``length`` locate ``name`` inside the parsed phrase (-1 when the phrase names nobody).
    """

    text: str
    kind: MentionKind
    name: str | None
    role: str | None = None
    affiliation: str | None = None
    offset: int = -1


def parse_mention(phrase: str) -> Mention:
    """Read a speaker or source phrase.

    Args:
        phrase: the words before or after a cue verb, e.g. "Jeon Ha-kyou, a spokesperson at the South
            Korean Defence Ministry" or "the ministry" or "a railway source".

    Returns:
        A :class:`Mention`: ``person`` (a name, with role/affiliation when given), ``org`` (a named
        organisation), ``pronoun``, ``role`` (a definite description to resolve: "the spokesperson",
        "the ministry"), ``anonymous`` (kept, with its affiliation), or ``other``.
    """
    text = phrase.strip().strip(",").strip()
    low = text.lower()
    if low in PRONOUNS:
        return Mention(text, "pronoun", None)
    if text == "police":
        # "…, police said" inside a sentence: as "the police" (opening one, "Police" reads as a name)
        return Mention(text, "role", None, role=text)
    parts = [p.strip() for p in text.split(",") if p.strip()]
    if len(parts) > 1:
        return _appositive(text, parts)
    words = low.split()
    if not words:
        return Mention(text, "other", None)
    affiliation = _affiliation(text)
    if words[0] in ANONYMOUS_HEADS and not NAME_RUN.search(text[len(words[0]) :]):
        # "Passengers interviewed by the broadcaster", "Officials" opening a sentence
        return Mention(text, "anonymous", None, affiliation=_affiliation(text))
    if words[0] in ANONYMOUS_OPENERS or (words[0] in ANONYMOUS_HEADS and len(words) <= 2):
        head = _head(text)
        unnamed = not NAME_RUN.search(text[len(words[0]) :])
        if head in ANONYMOUS_HEADS or unnamed:
            return Mention(text, "anonymous", None, affiliation=affiliation)
    if len(words) >= 2 and words[-1] in ANONYMOUS_HEADS and not _capitalised(text.split()[-1]):
        # "hospital officials", "Western diplomats", "railway sources"
        return Mention(text, "anonymous", None, affiliation=text.rsplit(" ", 1)[0] or None)
    return _named(text, affiliation)


def _appositive(text: str, parts: list[str]) -> Mention:
    """ "Jeon Ha-kyou, a spokesperson at …" or "the hospital's medical director, Dr. Lene Aasgaard"."""
    named = [(i, parse_mention(p)) for i, p in enumerate(parts)]
    for i, m in named:
        if m.kind == "person":
            others = [p for j, p in enumerate(parts) if j != i]
            desc = ", ".join(others)
            affiliation = m.affiliation or next((_affiliation(p) for p in others if _affiliation(p)), None)
            role = desc or m.role
            return Mention(text, "person", m.name, role, affiliation, text.find(m.name or ""))
    for _i, m in named:
        if m.kind in ("org", "anonymous", "role"):
            return Mention(text, m.kind, m.name, m.role, m.affiliation, text.find(m.name) if m.name else -1)
    return Mention(text, "other", None)


def _named(text: str, affiliation: str | None) -> Mention:
    words = text.split()
    low0 = _bare(words[0])
    # A determiner opens the phrase ("The company", "Her son"): names are searched after it.
    skip = len(words[0]) + 1 if low0 in DETERMINERS and len(words) > 1 else 0
    if OUTLET_DESCRIPTOR.search(text):
        quoted = re.search(r"[\"“](?P<n>[^\"”]+)[\"”]", text)
        if quoted:
            return Mention(text, "org", quoted.group("n"), offset=quoted.start("n"))
    runs = [r for r in NAME_RUN.finditer(text, skip)]
    if not runs:
        if low0 in DETERMINERS:
            return Mention(text, "role", None, role=text.split(None, 1)[-1])
        return Mention(text, "other", None)
    run = runs[-1]
    rest = text[run.end() :].strip()
    if rest and POSSESSIVE.search(run.group()):
        # "Lindsay Lohan's lawyer", "the mayor's spokesman": the speaker is the one the role names, not
        # the owner; resolved like "the lawyer" to the person introduced with that role, if any.
        return Mention(text, "role", None, role=rest, affiliation=POSSESSIVE.sub("", run.group()))
    run_words = run.group().split()
    if _bare(run_words[-1]) in STREET_WORDS:
        return Mention(text, "other", None)
    # A title inside the run: the name is what follows its last role word ("… Adviser Jake Sullivan").
    role_at = max((k for k, w in enumerate(run_words) if _bare(w) in ROLE_WORDS), default=-1)
    name_words = run_words[role_at + 1 :]
    is_org = any(_bare(w) in ORG_WORDS for w in run_words) or _is_agency(run.group())
    if name_words and not any(_bare(w) in ORG_WORDS for w in name_words) and (role_at >= 0 or not is_org):
        if len(name_words) == 1 and text.lower().startswith(("the ", "its ")) and role_at < 0:
            return Mention(text, "org", run.group(), offset=run.start())
        name = " ".join(name_words)
        prefix = text[: text.find(name)].strip() if name in text else ""
        role = prefix or None
        aff = affiliation or (_org_part(prefix) if prefix else None)
        return Mention(text, "person", name, role, aff, text.find(name))
    if is_org or len(runs) >= 1:
        name = run.group()
        if name.lower().startswith("the "):
            name = name[4:]
        return Mention(text, "org", name, offset=text.find(name))
    return Mention(text, "other", None)


def _org_part(prefix: str) -> str | None:
    """ "South Korean Defense Ministry spokesperson" → "South Korean Defense Ministry"."""
    words = prefix.split()
    keep: list[str] = []
    for w in words:
        if _bare(w) in ROLE_WORDS or not _capitalised(w):
            break
        keep.append(w)
    org = " ".join(keep)
    if org and (any(_bare(w) in ORG_WORDS for w in keep) or _is_agency(org)):
        return org
    return None


def _affiliation(text: str) -> str | None:
    """The organisation after "at", "of", "for", "from" in a phrase: "an official at South Korea's …"."""
    m = re.search(r"\b(?:at|of|for|from|with)\s+(?:the\s+)?(?P<org>" + NAME_RUN.pattern + r")", text)
    if m and any(_bare(w) in ORG_WORDS for w in m.group("org").split()):
        return m.group("org")
    if m and _is_agency(m.group("org")):
        return m.group("org")
    return None


def _head(text: str) -> str:
    """The head noun of a simple phrase: the last word before "at"/"of"/"in"/"for"/"from"/"with"."""
    m = re.split(r"\s+(?:at|of|in|for|from|with|close to|familiar with)\s+", text, maxsplit=1)
    return m[0].split()[-1].lower() if m[0].split() else ""


def _bare(word: str) -> str:
    """A word lowercased without its possessive and final dot: "Korea's" → "korea", "Dr." → "dr"."""
    return POSSESSIVE.sub("", word.lower()).rstrip(".,")


def _capitalised(word: str) -> bool:
    return bool(word) and word[0].isupper()


def _is_agency(name: str) -> bool:
    return canonical_agency(name) is not None


def canonical_source(name: str) -> str:
    """A source name as the brief shows it: agencies by their canonical name, descriptors dropped.

    Example:
        >>> canonical_source("Korean Central News Agency (KCNA)")
        'KCNA'
        >>> canonical_source("Russian state news agency RIA")
        'RIA Novosti'
    """
    text = name.strip().strip(",.").strip('"“”')
    bracket = BRACKETED_ACRONYM.match(text)
    if bracket:
        text = canonical_agency(bracket.group("short")) or bracket.group("short")
    text = DESCRIPTOR.sub("", text).strip('"“” ')
    if text.lower().startswith("the ") and len(text.split()) > 1 and text.split()[1][:1].isupper():
        text = text[4:]
    return canonical_agency(text) or text


def origin_key(name: str) -> str:
    """A key under which two spellings of one source meet (case, "the", US/UK spelling, "Korea's")."""
    low = canonical_source(name).lower().replace("’", "'")
    low = re.sub(r"^the\s+", "", low)
    for pattern, repl in _SPELLINGS:
        low = pattern.sub(repl, low)
    return re.sub(r"[^\w]+", " ", low).strip()
