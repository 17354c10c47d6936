"""Places a statement names: after a locative preposition, as a named feature of the land, or as a village,
town or city.

Split from :mod:`newstrace.compare.values` (the other values of a statement); conflict detection
(:mod:`newstrace.compare.conflicts`) compares each kind only with its own kind, since a ridge, a village
and a country are no alternatives to one another. Each value keeps its span in the article text.
"""

from __future__ import annotations

import functools
import re

from newstrace.compare.names import NOT_NAMES
from newstrace.compare.values import _SHORT_MONTHS, Mention

# Places after a locative preposition: "in Sallow", "at Khasan station", "near Port Halvard".
# A region word before the name ("in southern Iran") is not read: the region of a country is no
# alternative to a sea or a town in it ("in southern Iran" / "an island in the Persian Gulf" was a false
# conflict on ECB+ news text), nor is a compass point before "of" ("900 hectares of forest south of Corrow":
# a false conflict on a tuned set). A name glued or hyphened to more letters is none ("outside the Co-op",
# "at the TallGrass party": "Co" and "Tall" were false places).
PLACE = re.compile(
    r"\b(?:in|at|near|outside)\s+(?:the\s+)?(?P<place>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)(?![\w-])"
)
# People named by where they work: "analysts at Fjordbank", "a spokesman at Kestrun", "a researcher at the
# University of Lowmoor", "a physiotherapist at Corrin General Hospital": an employer, not a place.
EMPLOYEES = re.compile(
    r"\b(?:analysts?|economists?|officials?|staff|workers?|employees?|researchers?|scientists?|engineers?|"
    r"executives?|spokes(?:man|woman|person)|managers?|directors?|doctors?|nurses?|teachers?|colleagues|"
    r"physiotherapists?|surgeons?|consultants?|lecturers?|professors?|students?|paramedics?|pharmacists?)\s+at\s+"
    r"(?:the\s+)?$",
    re.IGNORECASE,
)


# A named feature of the land, its kind after the name: "on the Skarvet ridge", "on the Tarn road", "on Mill
# Street". Only with such a word: a bare "on the <Name>" is a ship, a newspaper or a programme as often as a
# place.
FEATURE = re.compile(
    r"\bon\s+(?:the\s+)?(?P<place>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+(?P<kind>ridge|glacier|mountain|peak|pass|"
    r"plateau|road|street|motorway|highway|river|lake|estate|island|Road|Street|Avenue|Lane)\b"
)


# A named spot on a road, its kind after the name: "at the Corbie Bend", "on the Lintmill bend of Skelloch
# Hill", "at Mill Corner". A spot on a road near a town is no alternative to the town: it is compared only
# with another spot (:func:`land_features`), never read as a place named "in"/"at".
ROAD_SPOT = re.compile(
    r"\b(?:on|at)\s+(?:the\s+)?(?P<place>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+"
    r"(?P<kind>bend|corner|junction|roundabout|hairpin|Bend|Corner|Junction|Roundabout)\b"
)
_SPOT_WORDS = frozenset("Bend Corner Junction Roundabout".split())


# Names that open a publication's title, not a place's: "published in the Journal of Subterranean Biology",
# "told in the Gazette".
PUBLICATIONS = frozenset(
    "Journal Review Proceedings Bulletin Annals Gazette Magazine Times Herald Telegraph Chronicle "
    "Tribune Guardian".split()
)


# A name followed by one of these words names a stretch of country around the story's towns ("in the
# Fellside hills", "one of the first buyouts in the Fellside area"), not a place that rivals one of them.
REGION = re.compile(
    r"\s+(?:area|areas|region|district|hills|valley|countryside|county|coast|borough|peninsula|province|"
    r"uplands|lowlands|dales)\b"
)


# Last words of names that are no places: divisions of a sport ("in the Eastern Conference", "at the
# Atlantic Division"), events and companies named after their town ("at the Kellbridge Regatta", "the
# Gatehouse Lecture", "drivers at Tarnbridge Buses"), not where anything happened. The events and
# companies were three of the false place conflicts on the tuned gold sets (round eighteen).
NOT_PLACE_HEADS = frozenset(
    "Division Conference League Cup Championship Series Awards Lecture Regatta Festival Marathon Games "
    "Buses Airways Airlines".split()
)


# A place first in a list ("its cinemas in Harlow Cross and Denby"): places of several things, none of
# them the one place of the other report's fact.
LIST_AFTER = re.compile(r"(?:,\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)*,?\s+(?:and|or)\s+(?:the\s+)?[A-Z][a-z]")
# A body's name that runs on past the two words a place is read as: "kept at the National Geological
# Collection" names an institution, not a town.
LONGER_NAME = re.compile(
    r"\s+(?:Collection|Museum|Trust|Society|Council|Board|Services?|Company|Group|University|College|"
    r"Library|Archives?|Institute|Authority|Agency|Association|Foundation|Commission|Fund|Office|"
    r"Department|Ministry|Partnership|Club)\b"
)


# What after a name shows it is no place: an owner of a thing in common words ("in Hugh Hefner's new
# magazine", two false place conflicts on ECB+ news beside the name's own spelling conflict; "at St Aldric's
# Church" stays a place), or the first word of a longer name that a particle joins ("at Stade de Suisse"
# against "in Bern", ECB+).
OWNER_OR_RUN_ON = re.compile(r"['\u2019]s\s+[a-z]|\s+(?:de|du|des|del|della|di|da|dos|la|le|von|van)\s+[A-Z]")


# A month as wire style shortens it ("the Dec. 6 killing", read as a place on ECB+ news).
SHORT_MONTH = re.compile(rf"{_SHORT_MONTHS}$")


def places(text: str, offset: int = 0) -> list[Mention]:
    """Capitalised names after "in", "at", "near", "outside" (months, weekdays, the titles of publications,
    demonyms, divisions of a sport and the names of regions excluded; a weekday or month after a one-word
    name is no part of it: "in Cleveland Friday")."""
    out = []
    titles = [t.span() for t in TITLE.finditer(text) if _title_case(t.group("title"))]
    for m in PLACE.finditer(text):
        words = m.group("place").split()
        if words[0] in NOT_NAMES | PUBLICATIONS or EMPLOYEES.search(text, 0, m.start("place")):
            continue
        if any(a < m.start() < b for a, b in titles):
            continue  # in a title: the painting "Harbour Light at Orme" hangs elsewhere
        if len(words) == 2 and words[1] in NOT_NAMES:
            words = words[:1]
        if words[-1] in NOT_PLACE_HEADS or words[-1] in _SPOT_WORDS:
            continue
        if len(words) == 1 and words[0].lower() in _demonyms():
            continue
        start = m.start("place")
        end = start + len(words[0]) if len(words) == 1 else m.end("place")
        if REGION.match(text, end) or LIST_AFTER.match(text, end):
            continue
        if LONGER_NAME.match(text, end) and len(words) == 2:
            continue  # "kept at the National Geological Collection": a longer name, cut at two words
        if SHORT_MONTH.match(text, start, end + 1):
            continue  # "angry at the Dec. 6 killing": a month, shortened
        if OWNER_OR_RUN_ON.match(text, end):
            continue  # "in Hugh Hefner's new magazine": an owner; "at Stade de Suisse": a longer name
        out.append(Mention(text[start:end], offset + start, offset + end))
    return out


# A short quoted run of words, a title if its longer words are all capitalised (:func:`_title_case`): a
# painting's, a book's or a song's ("Harbour Light at Orme"), whose places are no place of the story.
TITLE = re.compile(
    r"[\"\u201c\u2018](?P<title>[A-Z][^\"\u201c\u201d\u2018\u2019.!?,;]{2,60})[\"\u201d\u2019]"
)


def _title_case(title: str) -> bool:
    """Whether a quoted run of up to eight words capitalises all its words of four letters or more."""
    words = title.split()
    return len(words) <= 8 and all(w[0].isupper() for w in words if len(w) >= 4)


@functools.cache
def _demonyms() -> frozenset[str]:
    from newstrace.annotate.gazetteer import DEMONYMS

    return DEMONYMS


def land_features(text: str, offset: int = 0) -> list[Mention]:
    """Named features of the land with their kind ("on the Skarvet ridge"), the value "<kind>: <name>" so
    that only features of one kind are compared: a ridge is no alternative to a village named "in …" (the
    climbers set off from a village and were stranded on a ridge). "The border town of Khasan" is no
    alternative to "in Russia" either: a place named by its kind of settlement is read by
    :func:`settlements` and compared only with another settlement."""
    return [
        Mention(
            f"{m.group('kind').lower()}: {m.group('place')}",
            offset + m.start("place"),
            offset + m.end("place"),
        )
        for pattern in (FEATURE, ROAD_SPOT)
        for m in pattern.finditer(text)
        if m.group("place").split()[0] not in NOT_NAMES and not EMPLOYEES.search(text, 0, m.start("place"))
    ]


# Where a person was taken, a capitalised name after a verb of taking someone somewhere: "taken to
# Dunmere General Hospital", "airlifted to Kettleby Royal Infirmary", "transferred to Holm Prison". Up to
# four words, for hospitals' names; where a flight or a ship was sent instead ("diverted to Brekkavik" /
# "were sent to Stornes"). Read apart from "in"/"at" places: where someone was taken is no alternative
# to where something happened ("hurt in Varlow" and "taken to Ostry Hospital" are both true).
DESTINATION = re.compile(
    r"\b(?:taken|rushed|flown|airlifted|ferried|transferred|admitted|diverted|rerouted|redirected|sent)"
    r"(?:\s+by\s+(?:ambulance|air|road|boat|helicopter|lifeboat))?\s+to\s+(?:the\s+)?"
    r"(?P<place>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,3})"
)
# Where a company or a body is based: "a company based in Tessaly", "the Lindmark-based company".
BASED_IN = re.compile(r"\bbased\s+in\s+(?:the\s+)?(?P<place>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)")
BASED = re.compile(r"\b(?P<place>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)-based\b")
# Where a journey set out from: "The last flight, from Skellow, landed", "the 7:10 ferry from Orsk".
DEPARTURE = re.compile(
    r"\b(?:flight|service|train|ferry|sailing|bus|coach|plane)\s*,?\s+from\s+(?:the\s+)?"
    r"(?P<place>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2})"
)


def destinations(text: str, offset: int = 0) -> list[Mention]:
    """Places someone was taken to (:data:`DESTINATION`), the value "taken to: <name>", places a journey
    set out from (:data:`DEPARTURE`), "from: <name>", and where a body is based (:data:`BASED_IN`,
    :data:`BASED`), "based in: <name>", so that each is compared only with its own kind."""
    return [
        Mention(f"{kind}: {m.group('place')}", offset + m.start("place"), offset + m.end("place"))
        for kind, pattern in (
            ("taken to", DESTINATION),
            ("from", DEPARTURE),
            ("based in", BASED_IN),
            ("based in", BASED),
        )
        for m in pattern.finditer(text)
        if m.group("place").split()[0] not in NOT_NAMES
    ]


# Kinds of settlement a report names a place by.
_SETTLEMENT = r"(?:village|town|city|hamlet|suburb|port town|market town)"
# A settlement named by its kind: "the village of Elsby", "the neighbouring town of Lindby".
SETTLEMENT_OF = re.compile(rf"\b{_SETTLEMENT}\s+of\s+(?P<place>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)")
# A place called a settlement in apposition: "Ferrow, a village on higher ground", "Orsk, the nearest town".
SETTLEMENT_APPOSED = re.compile(
    rf"\b(?P<place>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?),\s+(?:a|an|the)\s+(?:[a-z-]+\s+){{0,2}}{_SETTLEMENT}\b"
)


def settlements(text: str, offset: int = 0) -> list[Mention]:
    """Places named by their kind of settlement ("in the neighbouring town of Lindby"): the name alone.
    A settlement that a distance or a bearing is measured from ("some 40 miles west of the county town of
    Harlow") is a landmark, not where anything happened (:data:`LANDMARK`)."""
    return [
        Mention(m.group("place"), offset + m.start("place"), offset + m.end("place"))
        for m in SETTLEMENT_OF.finditer(text)
        if m.group("place").split()[0] not in NOT_NAMES
        and not LANDMARK.search(text, max(0, m.start() - 60), m.start())
    ]


# What stands before a settlement that a place is placed by: "40 miles west of the county town of",
# "north of the market town of", "outside" not included (the place itself may be "outside the village of").
LANDMARK = re.compile(
    r"\b(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west|miles|kilometres|km)"
    r"\s+(?:of|from)\s+(?:the\s+)?(?:[a-z]+\s+){0,2}$"
)


@functools.lru_cache(maxsize=256)
def settlement_names(text: str) -> frozenset[str]:
    """Every name an article calls a village, town or city ("the village of Elsby", "Ferrow, a village"),
    so that a place it names bare elsewhere ("in Ferrow") is known to be one. Kept: one article text meets
    every statement of its story."""
    named = {m.group("place") for m in SETTLEMENT_OF.finditer(text)}
    named |= {m.group("place") for m in SETTLEMENT_APPOSED.finditer(text)}
    return frozenset(p for p in named if p.split()[0] not in NOT_NAMES)


# A part of a site named by a common noun: "inside the dosing building", "in the delivery bay", "behind the
# east stand", "at the north end"; and a venue so named, after an owner or a town ("at the resort's base
# lodge", "at Kelderton leisure centre", "in the pub garden"). A modifier and a head noun of a building or
# ground are needed: "in the building" alone says no more than the story's other sentences do. A show's
# tents count ("beside the benching tent" / "in the hound tent").
SITE_PART = re.compile(
    r"\b(?:in|inside|at|outside|behind|beside|under|beneath)\s+(?:(?:the|its|their)\s+"
    r"(?:[a-z]+['\u2019]s\s+)?|(?:the\s+)?[A-Z][a-z]+\s+)"
    r"(?P<part>(?P<mod>[a-z]+)\s+(?P<head>building|bay|hall|stand|wing|ward|room|yard|shed|depot|gate|"
    r"entrance|block|floor|basement|platform|terminal|warehouse|annexe?|tower|end|centre|center|lodge|"
    r"caf[eé]|garden|square|tent|marquee|canteen))\b"
)
# Modifiers that say which of two parts no better than "the" does, or that are no modifier at all.
_VAGUE = frozenset("same other whole entire main old new first last next far near one two".split())
COMPASS = frozenset("north south east west northern southern eastern western".split())


def site_parts(text: str, offset: int = 0) -> list[Mention]:
    """Parts of a site named by a common noun and a modifier (:data:`SITE_PART`): "dosing building"."""
    return [
        Mention(m.group("part"), offset + m.start("part"), offset + m.end("part"))
        for m in SITE_PART.finditer(text)
        if m.group("mod") not in _VAGUE
    ]


def same_side(x: str, y: str) -> bool:
    """Whether two parts of a site lie on one side of it: "the north end" holds "the north stand"."""
    return x.split()[0] in COMPASS and x.split()[0] == y.split()[0]


# A place that says where some other thing is, named by an indefinite article: "a ransomware attack on a
# clinic in Brisley" (the story's background), against "shut down the computer systems at St Aldric's
# Hospital"; "after passing a medical at Kestrel's training ground". Between two statements of different
# claims such a place is no answer to where the other statement's event happened: on ECB+ news text they
# were 17 false conflicts ("a prison in Beaumont" / "escaped from a prison van near Houston", "a bank in
# Greece" / "a bank in Athens").
# A place after such a place is one too ("an eight-year contract at the Winter Meetings in Las Vegas"), and
# the noun may carry a name ("a Kraft plant in Philadelphia" / "the Kraft plant in Northeast Philly", "a
# West Coast Bank branch in Woodburn"; "an inmate at California Institution for Men in Chino").
BACKGROUND = re.compile(
    r"\b(?:[Aa]|[Aa]n|[Aa]nother)\s+(?:[A-Za-z][\w'-]*\s+){1,4}?(?:in|at|near|outside)\s+(?:the\s+)?"
    r"(?:(?:[A-Z][\w'-]*\s+(?:(?:of|for)\s+)?){1,4}(?:in|at|near|outside)\s+(?:the\s+)?)?$"
)
# How far before a place its indefinite noun may begin.
BACKGROUND_WINDOW = 60


def background(text: str, start: int) -> bool:
    """Whether the place at ``start`` of ``text`` follows an indefinite noun (:data:`BACKGROUND`)."""
    return BACKGROUND.search(text, max(0, start - BACKGROUND_WINDOW), start) is not None


@functools.cache
def _country_names() -> frozenset[str]:
    from newstrace.annotate.gazetteer import countries

    return frozenset(countries())


# Kinds of ISO 3166-2 subdivision that are wide areas (a state, a province, a county), not towns.
REGION_KINDS = frozenset(
    {
        "State", "Province", "Region", "County", "Two-tier county", "Land", "Autonomous community",
        "Autonomous region", "Territory", "Governorate", "Prefecture", "Regional state",
        "Administrative region", "Canton", "Voivodship",
    }
)  # fmt: skip


@functools.cache
def _region_names() -> frozenset[str]:
    """Names of the wide subdivisions of countries ("Surrey", "Texas", "Ontario"), listed cities left out."""
    import pycountry

    from newstrace.annotate.gazetteer import CITIES

    return frozenset(s.name for s in pycountry.subdivisions if s.type in REGION_KINDS) - CITIES


# Last words that make a name a region ("Genesee County", "Kerman Province") or a street ("Banstead High
# Street"), whatever lists say.
REGION_HEADS = frozenset("County Province Region District State Prefecture Governorate Oblast Shire".split())
STREET_HEADS = frozenset("Street Road Avenue Lane Drive Square Boulevard".split())


@functools.cache
def scale(name: str) -> int:
    """How wide a named place is: 2 for a country ("Greece", "DPRK"), 1 for a state, province or county
    ("Texas", "Surrey", "Genesee County"), -1 for a street ("High Street"), 0 for anything else (a town, a
    building)."""
    from newstrace.annotate.gazetteer import canonical_place

    if canonical_place(name) in _country_names():
        return 2
    last = name.split()[-1] if name.split() else ""
    if last in STREET_HEADS:
        return -1
    if last.endswith("shire") and last != "shire":
        return 1  # "Midshire", "Yorkshire": a county
    return 1 if name in _region_names() or last in REGION_HEADS else 0


def without_wider(mentions: list[Mention], others: list[Mention]) -> list[Mention]:
    """``mentions`` without the places wider than the narrowest place ``others`` names: a street is in some
    town, a town in some county and some country, and "in Greece" / "in Athens", "Turkmenistan" /
    "Ashgabat", "Surrey" / "Banstead" or "Banstead" / "High Street" (false conflicts on ECB+) are one place at
    two scales. Places of one scale stay rivals ("in
    Switzerland" / "in Germany", "Texas" / "California", two towns)."""
    if not others:
        return mentions
    narrowest = min(scale(m.value) for m in others)
    return [m for m in mentions if scale(m.value) <= narrowest]


# What stands between a named place and the town it is in: "the Grand Marine Hotel in Saltport".
IN_TOWN = re.compile(r"(?:\s+[A-Z][\w'\u2019-]*){0,2}\s+in\s+$")


def where_shared(text: str, values: list[Mention], shared: set[str]) -> list[Mention]:
    """The places of ``values`` named as where a place of ``shared`` (one both statements name) is: two
    statements that name one hotel, one in Saltport and one in Kingsmere, disagree on where it is."""
    return [
        m
        for m in values
        if m.value not in shared
        and any(
            n.value in shared and n.end <= m.start and IN_TOWN.fullmatch(text, n.end, m.start) for n in values
        )
    ]


# A named place right before the street it stands on: "Sandhu's Pharmacy on Market Street", "the Red Lion
# on Mill Lane".
ADDRESSES = frozenset({"street", "road", "lane", "avenue"})
PREMISES = re.compile(r"((?:[A-Z][\w'’&-]*\s+){1,4})on\s+(?:the\s+)?$")


def same_premises(text_a: str, x: Mention, text_b: str, y: Mention) -> bool:
    """Whether two streets are given for one named place: the same capitalised name right before "on" in
    both ("inside Sandhu's Pharmacy on Bridge Street" / "the window of Sandhu's Pharmacy on Market
    Street"). Names say what two sentences are about, not which question a value answers (the anchors of
    :mod:`newstrace.compare.conflicts` read lower-case words only), but a street after a place's own name
    answers one question: where that place is."""
    if not {x.value.split(":")[0], y.value.split(":")[0]} <= ADDRESSES:
        return False
    a = PREMISES.search(text_a, max(0, x.start - 80), x.start)
    b = PREMISES.search(text_b, max(0, y.start - 80), y.start)
    return bool(a and b and a.group(1).split() == b.group(1).split())


# A building or ground named with the noun that says what it is, where something happened or where people
# were taken: "in the sports hall at Lumsey Academy", "taken by minibus to Lumsey Leisure Centre", "outside
# Pellington town hall", "outside the college's Quarry Road campus", "at St Bede's Primary School". The
# name is one to four capitalised words ("St Bede's", "Kestrel Bay General"); the noun is capitalised as
# part of the name or lower-case after a town's name ("Aldwick leisure centre").
_VENUE_NOUNS = (
    "academy|school|college|hospital|infirmary|hotel|centre|center|hall|exchange|church|cathedral|chapel|"
    "museum|library|stadium|arena|ground|station|depot|theatre|institute|house|prison|airport|campus|"
    "terminal|pavilion|gallery|barracks|clinic|surgery|showground|racecourse|embassy|mosque|synagogue"
)
VENUE = re.compile(
    r"\b(?:(?:in|at|outside|inside)|(?:taken|moved|brought|rushed|flown|transferred|ferried|bussed|driven|"
    r"evacuated|relocated|admitted|carried|marched|walked)(?:\s+[a-z]+){0,2}\s+to)\s+"
    r"(?:the\s+|(?:the\s+)?[a-z]+['\u2019]s\s+)?"
    r"(?P<place>(?:(?:St\.?|[A-Z][\w'\u2019-]*)\s+){1,4}"
    rf"(?:(?:[a-z]+\s+)?(?:{_VENUE_NOUNS})|(?i:{_VENUE_NOUNS})))\b"
)


# People named by where they work or study, before "at": "a physiotherapist at Corrin General Hospital",
# "drivers at the Fenwick depot", "pupils at St Bede's": a workplace, not where the story's event was.
WORKPLACE = re.compile(
    r"\b(?:[a-z]+(?:ers?|ors?|ists?|ians?)|staff|nurses?|doctors?|pupils?|students?|patients?|residents?|"
    r"inmates?|prisoners?|members?)\s+at\s+$"
)


def venues(text: str, offset: int = 0) -> list[Mention]:
    """Named buildings and grounds (:data:`VENUE`), the value "venue: <name>" so that they are compared
    only with one another: a school is no alternative to the town it stands in."""
    out = []
    for m in VENUE.finditer(text):
        words = m.group("place").split()
        if words[0] in NOT_NAMES or WORKPLACE.search(text, max(0, m.start() - 60), m.start() + 3):
            continue
        out.append(Mention(f"venue: {' '.join(words)}", offset + m.start("place"), offset + m.end("place")))
    return out
