"""Names, and the titles and roles written next to them, read out of statements.

:mod:`newstrace.compare.wording` compares these between two statements: a name spelt two ways, one person
given two roles, one speaker quoted twice. Each value keeps its span in the article text, as the values of
:mod:`newstrace.compare.values` do.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newstrace.compare.values import NOT_NOUNS, Mention

# A run of capitalised words, hyphenated parts included: "Jeon Ha-kyou", "Ingrid Salvesen", "Port Halvard".
# A function word after a hyphen is a dash written without its spaces ("Malibu, California-the same
# facility"), not a part of the name.
_HYPHEN_PART = (
    r"(?:-(?!(?:the|and|a|an|of|to|in|on|at|for|was|were|is|are|who|which|that|but|or)\b)[A-Za-z][a-z]+)?"
)
# A Scottish or Irish prefix before a second capital is part of the word: "McLachlan", "MacNeil", "O'Hara".
_WORD = r"(?:Ma?c|O['\u2019])?[A-Z][a-z]+"
NAME = re.compile(rf"\b{_WORD}{_HYPHEN_PART}(?:\s+{_WORD}{_HYPHEN_PART})*")
# Roles that precede or follow a name: "deputy minister", "spokesperson", "coach", "chief executive".
ROLE = re.compile(
    r"\b(?P<role>(?:deputy |vice |acting |former |interim |assistant |chief |senior |head )?"
    r"(?:prime minister|minister|president|chairman|chairwoman|chair|chief executive|ceo|director|"
    r"spokesperson|spokesman|spokeswoman|governor|mayor|commander|coach|captain|manager|secretary|"
    r"ambassador|general|colonel|judge|prosecutor|inspector|superintendent|chief|editor|leader))\b",
    re.IGNORECASE,
)
# Sentence-initial and function words that are capitalised without being names.
NOT_NAMES = frozenset(
    "The A An In On At By For From With And But Or If As Of To It Its He She They We I This That These "
    "Those There Their His Her Our Your After Before During Since While When Where Meanwhile However "
    "Moreover Also Earlier Later Monday Tuesday Wednesday Thursday Friday Saturday Sunday January "
    "February March April May June July August September October November December".split()
)


def names(text: str, offset: int = 0) -> list[Mention]:
    """Runs of capitalised words that look like names (sentence-initial function words and leading titles
    such as "Deputy Chief Justice" dropped: they are roles, see :func:`titled_names`)."""
    found = []
    for m in NAME.finditer(text):
        words = m.group().split()
        lead = 0
        while lead < len(words) and (words[lead] in NOT_NAMES or words[lead].lower() in TITLE_WORDS):
            lead += 1
        if lead == len(words):
            continue
        if m.start() == 0 and len(words) - lead == 1 and lead == 0:
            continue  # one capitalised word opening the sentence ("Rescuers", "Officials"): not a name
        start = m.start() + len(" ".join(words[:lead])) + (1 if lead else 0)
        found.append(Mention(" ".join(words[lead:]), offset + start, offset + m.end()))
    return found


@dataclass(frozen=True, slots=True)
class TitledName:
    """A name with the role written next to it: "deputy district governor Tomas Ekdal"."""

    name: str
    role: str
    start: int  # span of the role words
    end: int


# Words of a role or title written before a name, capitalised or not. Police and military ranks and
# elected offices are here too: without "detective" and "sergeant", "Detective Inspector Lars Bekk" and
# "Detective Sergeant Lars Bekk" were one role.
TITLE_WORDS = frozenset(
    "deputy vice acting former interim assistant chief senior head district regional national foreign "
    "defence defense prime minister president chairman chairwoman chair justice judge governor mayor "
    "commander coach captain manager secretary general director spokesperson spokesman spokeswoman "
    "executive officer superintendent inspector ambassador colonel dr mr mrs ms professor detective "
    "sergeant constable lieutenant commissioner admiral brigadier corporal marshal sheriff councillor "
    "councilor senator treasurer chancellor "
    # Heads of a school, a site or a newsroom and the professions a report names people by: without them
    # "Ines Varo, the headteacher," and "Ines Varo, the deputy head" gave no role to compare.
    "principal headteacher headmaster headmistress dean curator warden ranger editor leader prosecutor "
    "attorney lawyer solicitor barrister surgeon doctor nurse consultant engineer pilot skipper owner "
    "founder administrator supervisor coordinator organiser organizer trustee analyst economist "
    "teacher vet veterinarian medic paramedic regulator auditor ombudsman pharmacist chemist midwife "
    "farmer firefighter cox "
    # A lecturer and a member of a cabinet or a board (MEMBER_BODIES) hold posts too: "the council's
    # cabinet member for housing" / "the council's deputy leader" are two offices (four role conflicts
    # on the tuned gold).
    "lecturer member "
    # Officials of a game, a show or a register: "Chief arbiter Pavel Denk", "referee Ola Berg", "Chief
    # steward Moira Flett" (against "head judge Moira Flett"), "assistant trainer Declan Rourke".
    "arbiter referee umpire registrar clerk steward trainer "
    # Academic ranks: "Associate Professor Hanna Lindqvist" and "Professor Hanna Lindqvist" are two ranks,
    # as "assistant" and "deputy" make two offices.
    "associate adjunct".split()
)
# The bodies whose members hold a post as members: "cabinet member", not "a senior member of the party".
MEMBER_BODIES = frozenset({"cabinet", "board", "committee", "council", "panel"})
# Title words that address a person without naming an office.
HONORIFICS = frozenset("dr mr mrs ms".split())
# Role words (hyphenated ones whole: "vice-captain") then a capitalised name: "deputy district governor
# Tomas Ekdal", "Chief Justice Mara Oyelaran".
TITLED = re.compile(
    r"(?P<role>(?:\b[A-Za-z]+(?:-[A-Za-z]+)*\s+){1,4}?)"
    r"(?P<name>[A-Z][a-z]+(?:-[A-Za-z][a-z]+)?(?:\s+[A-Z][a-z]+(?:-[A-Za-z][a-z]+)?)+)"
)
# A name then its role in apposition: "Tomi Arvelo, Riverside's captain," / "Jonas Brevik, the chief
# executive," / "Marit Solberg, Kestrun's head of product safety," (an owner of one to three words, "Harrow
# Foods' ") / "Tomas Brandt, the mayor of Coldwater Mills," (the place after "of", group ``of``, says where
# the office is, not which office, and may end in common words, "of the Varrick Valley mountain rescue
# team", or join its words, "of the Federation of Mine and Quarry Workers") / "Dana Reyes-Holt, head of
# cyber security at the hospital," (where the person works, group ``at``, is left out of the role as the
# place of an office is).
APPOSED = re.compile(
    r"(?P<name>[A-Z][a-z]+(?:\s+[A-Z][a-z]+(?:-[A-Z][a-z]+)?)*),\s+"
    r"(?:(?:the\s+)?(?:[a-z]+\s+)?[a-z]+(?:['\u2019]s|s['\u2019])\s+|the\s+|a\s+|(?:[A-Z][a-z]+\s+){0,2}[A-Z][a-z]+(?:['\u2019]s|s['\u2019])\s+)?"
    r"(?!(?:whose|who|which)\s)(?P<role>(?:[a-z]+\s+){0,3}?[a-z]+(?:-[a-z]+)*)(?P<of>\s+of\s+(?:the\s+)?(?:[A-Z][A-Za-z]+(?:\s+(?:(?:of|and|for|the)\s+)?[A-Z][A-Za-z]+)*"
    r"(?:\s+[a-z]+){0,3}|(?:[a-z]+\s+)?[a-z]+(?:['\u2019]s|s['\u2019])(?:\s+[a-z]+){1,2}|(?:[a-z]+\s+){0,2}"
    r"(?:council|association|society|committee|board|trust|club|union|authority|federation|charity|panel)))?"
    r"(?P<at>(?:\s+(?:at|for|with|in)\s+(?:the\s+|a\s+)?[A-Za-z]+(?:\s+[A-Za-z]+){0,5}?){1,2})?(?=[,.])"
)
# A role in apposition before the name, after its owner: "Lisle's chairman, Gustav Renn, said", "The
# company's chief executive, Jonas Brevik, told staff", "said its chairman, Clive Ansty.", "Save Gorsey
# Moor, whose secretary, Clive Ansty, told …" (one to three role words; the last a title word).
PREPOSED = re.compile(
    r"(?:\b[A-Za-z]+(?:['\u2019]s|s['\u2019])\s+|\b(?:[Tt]he|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|whose)\s+)"
    r"(?P<role>(?:[a-z]+\s+){0,2}[a-z]+(?:-[a-z]+)*),\s+(?P<name>[A-Z][a-z]+(?:\s+[A-Z][a-z]+(?:-[A-Z][a-z]+)?)+)"
    r"(?=[,.])"
)
# A role opening the sentence, with or without the body it serves, then the name in apposition: "Vice-chair
# of the hospital trust, Peter Lyle, said", "Chief executive Dana Holt" is a TITLED name.
OPENING_ROLE = re.compile(
    r"^(?P<role>[A-Z][a-z]+(?:-[a-z]+)*(?:\s+[a-z]+(?:-[a-z]+)*){0,2})"
    r"(?:\s+of\s+(?:the\s+)?[A-Za-z]+(?:\s+[A-Za-z]+){0,3}?)?,\s+"
    r"(?P<name>[A-Z][a-z]+(?:\s+[A-Z][a-z]+(?:-[A-Z][a-z]+)?)+)(?=[,.])"
)
# A role told by its verb: "Maureen Ashdown, who chairs the society," / "Moira Bain, who leads the team".
VERB_ROLE = re.compile(
    r"(?P<name>[A-Z][a-z]+(?:\s+[A-Z][a-z]+(?:-[A-Z][a-z]+)?)+),\s+who\s+(?:now\s+)?"
    r"(?P<role>chairs|leads|heads|manages|coaches|directs|edits|captains|owns|founded|co-founded)\b"
    # What one leads for a while is no office: "who leads the inquiry", "who led the campaign".
    r"(?!\s+(?:the\s+|an?\s+)?(?:[a-z]+\s+)?(?:inquiry|investigation|search|operation|campaign|review|probe|"
    r"talks|negotiations|effort|appeal|protest|team's\s+search)\b)"
)
# The office each verb of VERB_ROLE names.
VERB_OFFICES = {
    "chairs": "chair", "leads": "leader", "heads": "head", "manages": "manager", "coaches": "coach",
    "directs": "director", "edits": "editor", "captains": "captain", "owns": "owner", "founded": "founder",
    "co-founded": "co-founder",
}  # fmt: skip
# Words that stand before a role without qualifying it: verbs of saying and naming.
NOT_MODIFIERS = frozenset("said says told added named appointed elected became become replaced new".split())
# Words before a role's modifier that show the modifier belongs to the role ("the returning officer",
# "deputy returning officer"); after any other word ("said returning officer …") it is left out.
MODIFIER_BEFORE = frozenset({"the", "a", "an", "its", "their", "his", "her"})


def titled_names(text: str, offset: int = 0) -> list[TitledName]:
    """Names with the role words written right before them or in apposition after them."""
    found = []
    for m in TITLED.finditer(text):
        keep = _title_run(m.group("role").split(), text[: m.start()])
        name_words = m.group("name").split()
        while len(name_words) > 1 and name_words[0].lower() in TITLE_WORDS:
            keep.append(name_words.pop(0).lower())  # "Chief Justice" inside the capitalised run
        if keep and not set(keep) <= HONORIFICS:  # "Dr Rhys Penwarden": a form of address, no office
            role = " ".join(keep)
            role_end = m.end("name") - len(" ".join(name_words)) - 1
            found.append(
                TitledName(" ".join(name_words), role, offset + role_end - len(role), offset + role_end)
            )
    for m in [*PREPOSED.finditer(text), *OPENING_ROLE.finditer(text)]:
        # "Its governor, Helen Askew," opens a sentence and is a preposed role too: read once, as "governor".
        role = re.sub(r"^(?:its|the|their|his|her)\s+", "", m.group("role").lower())
        read = {(t.name, t.role) for t in found}
        if is_title_word(role.split()[-1]) and (m.group("name"), role) not in read:
            start = m.end("role") - len(role)
            found.append(TitledName(m.group("name"), role, offset + start, offset + m.end("role")))
    for m in VERB_ROLE.finditer(text):
        name_words = m.group("name").split()
        while len(name_words) > 2 and is_title_word(name_words[0]):
            name_words.pop(0)  # "Detective Sergeant Lars Bekk, who leads …": the rank is his role
        if len(name_words) < len(m.group("name").split()):
            continue
        role = VERB_OFFICES[m.group("role")]
        found.append(TitledName(m.group("name"), role, offset + m.start("role"), offset + m.end("role")))
    for m in APPOSED.finditer(text):
        role_words = m.group("role").split()
        # "head of product safety", "assistant curator of invertebrates": a title word, then the department
        # it heads.
        of = role_words.index("of") if "of" in role_words[1:-1] else 0
        headed = bool(of) and is_title_word(role_words[of - 1])
        # "principal second violin of the Brennock Symphony Orchestra": a post of a named body, its title
        # word first (a modifier alone, "a senior member of …", names no post).
        post = bool(m.group("of")) and any(is_title_word(w) and w not in ROLE_MODIFIERS for w in role_words)
        if role_words[-1:] == ["member"] and (len(role_words) < 2 or role_words[-2] not in MEMBER_BODIES):
            continue  # "a senior member of the Orrin Party": a member of a body holds no post of it
        if role_words and (is_title_word(role_words[-1]) or headed or post):
            name_words = m.group("name").split()
            while len(name_words) > 2 and is_title_word(name_words[0]):
                name_words.pop(0)  # "Dr Rhys Penwarden, the charity's lead vet,": the name is Rhys Penwarden
            name, role = " ".join(name_words), m.group("role")
            found.append(TitledName(name, role, offset + m.start("role"), offset + m.end("role")))
    return found


def _title_run(words: list[str], before: str) -> list[str]:
    """The role in the words before a name, lower-cased: the run of title words that ends them, with one
    modifier before the run's head when what precedes the modifier shows it is part of the role ("Deputy
    returning officer", "The returning officer", or the sentence's first words "Returning officer"): the
    deputy and the returning officer are two different offices, and both would read "officer" without it.
    """
    keep: list[str] = []
    modifier = False
    for n in range(len(words) - 1, -1, -1):
        word = words[n]
        if is_title_word(word):
            keep.insert(0, word.lower())
            continue
        sentence_start = not n and not before.strip()
        if modifier or not keep or not word.isalpha() or not (word.islower() or sentence_start):
            break
        if word.lower() in NOT_NOUNS or word.lower() in NOT_MODIFIERS:
            break  # "after vice-captain Tomi Okonjo", "said chief executive …": no part of the role
        previous = words[n - 1] if n else (re.findall(r"[\w'\u2019]+$", before.rstrip()) or [""])[0]
        if not (sentence_start or previous.lower() in MODIFIER_BEFORE or is_title_word(previous)):
            break
        keep.insert(0, word.lower())
        modifier = True
    return keep


# A role given to "he" or "she" rather than to a name: "where he served as vice-captain", "she was named
# chief executive". The role words themselves are checked against TITLE_WORDS.
PRONOUN_ROLE = re.compile(
    r"\b(?:he|she)\s+(?:had\s+|has\s+|was\s+|is\s+|been\s+){0,2}"
    r"(?:served|serves|serving|worked|works|acted|acts|named|appointed|made|was|is)\s+(?:as\s+)?"
    r"(?:the\s+|a\s+|an\s+|its\s+|their\s+|[A-Z][a-z]+'s\s+)?"
    r"(?P<role>[a-z]+(?:-[a-z]+)*(?:\s+[a-z]+(?:-[a-z]+)*){0,3})",
)


def pronoun_roles(text: str, offset: int = 0) -> list[Mention]:
    """Roles given to "he"/"she" ("where he served as vice-captain"): the longest run of title words right
    after the verb, lower-cased, with its span; a run that does not end on a title word is no role."""
    found = []
    for m in PRONOUN_ROLE.finditer(text):
        words = m.group("role").split()
        run = 0
        while run < len(words) and is_title_word(words[run]):
            run += 1
        while run and words[run - 1].lower() in ROLE_MODIFIERS:
            run -= 1  # "he was senior to her", "she was general in her praise": no role noun
        if run:
            role = " ".join(words[:run])
            start = offset + m.start("role")
            found.append(Mention(role, start, start + len(role)))
    return found


# Title words that qualify a role without being one: a role given to "he"/"she" must end on another.
ROLE_MODIFIERS = frozenset(
    "deputy vice acting former interim assistant senior chief head district regional national foreign "
    "defence defense prime general associate adjunct".split()
)


def is_title_word(word: str) -> bool:
    """A word of a role: in TITLE_WORDS, or hyphenated from them ("vice-captain", "co-chair" is not)."""
    return all(part in TITLE_WORDS for part in word.lower().split("-"))


def roles(text: str, offset: int = 0) -> list[Mention]:
    return [
        Mention(m.group("role").lower(), offset + m.start(), offset + m.end()) for m in ROLE.finditer(text)
    ]
