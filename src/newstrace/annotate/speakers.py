"""Speaker resolution for quotes: who "she", "the ministry" and "Watson" are, in text order.

:class:`SpeakerResolver` reads the speaker mentions of one article in order and resolves each to a name:
pronouns to the last person speaker, surnames to the full name introduced earlier, definite descriptions
("the ministry", "the spokesperson") to the last organisation or person they describe. Anonymous sources
stay anonymous. Used by :func:`newstrace.annotate.quotes.extract_quotes`.
"""

from __future__ import annotations

import re

from newstrace.annotate.cues import NAME_RUN, Mention, canonical_source, parse_mention
from newstrace.model import Span

# A person named at the start of a sentence ("Prime Minister Aurelia Vind arrived …"): pronouns after it
# refer to them.
SUBJECT = re.compile(r"(?:[A-Z][\w'’.\-]*\s+|(?:[a-z]+\s+){0,3}?){0,5}?[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+)+")

# Words of a pronoun speaker or a definite description, read as references to an earlier speaker.
GENERIC_ORGS = {
    "company": ("lines", "systems", "company", "inc", "ltd", "corp", "group", "securities", "bank"),
    "firm": ("lines", "systems", "company", "inc", "ltd", "corp", "group", "securities"),
    "operator": ("lines", "company", "operator"),
    "ministry": ("ministry",),
    "agency": ("agency", "kcna", "tass", "yonhap"),
    "government": ("government", "kremlin", "administration"),
    "bank": ("bank",),
    "board": ("board",),
    "council": ("council",),
    "hospital": ("hospital",),
    "coast guard": ("coast guard",),
    "police": ("police",),
}


class SpeakerResolver:
    """Resolves speaker mentions in text order: names, surnames, pronouns, roles, organisations.

    Example:
        >>> r = SpeakerResolver()
        >>> r.resolve(parse_mention("Adrienne Watson, spokesperson for the NSC"))
        'Adrienne Watson'
        >>> r.resolve(parse_mention("she"))
        'Adrienne Watson'
    """

    def __init__(self) -> None:
        self.people: list[Mention] = []
        self.orgs: list[str] = []
        self.last_person: str | None = None
        self.last_speaker: str | None = None
        self.text = ""
        self.pos = 0
        self.affiliations: dict[str, str] = {}  # person → the organisation they were introduced with

    def resolve(self, mention: Mention) -> str | None:
        """The name ``mention`` stands for, or None (anonymous, or nothing it can refer to)."""
        if mention.kind == "pronoun":
            if mention.text.lower() in ("it", "they", "we"):
                return self.last_speaker
            return self.last_person
        if mention.kind == "person" and mention.name:
            full = self._full_name(mention.name)
            if full == mention.name:
                self.people.append(mention)
            if mention.affiliation:
                self._add_org(mention.affiliation)
                self.affiliations.setdefault(full, mention.affiliation)
            self.last_person = self.last_speaker = full
            return full
        if mention.kind == "org" and mention.name:
            name = canonical_source(mention.name)
            self._add_org(name)
            self.last_speaker = name
            return name
        if mention.kind == "role" and mention.role:
            found = self._described(mention.role.lower())
            if found:
                self.last_speaker = found
            return found
        if mention.kind == "anonymous" and mention.affiliation:
            self._add_org(mention.affiliation)
        return None

    def note_subject(self, text: str, sent: Span) -> None:
        """Remember a person named as a sentence's subject, so a later "she said" can refer to them."""
        self.text = text
        self.pos = sent.start
        m = SUBJECT.match(text, sent.start, sent.end)
        if m and not _inside_quotation(text, sent.start):
            mention = parse_mention(m.group())
            if mention.kind == "person" and mention.name and len(mention.name.split()) >= 2:
                self.people.append(mention)
                self.last_person = mention.name

    def _full_name(self, name: str) -> str:
        words = name.split()
        if len(words) == 1:
            for person in reversed(self.people):
                if person.name and words[0] in person.name.split():
                    return person.name
            # introduced earlier outside a cue ("According to governor Tomas Brekke, …")
            before = self.text[: self.pos]
            pattern = rf"(?:[A-Z][\w'’\-]+\s+){{1,2}}{re.escape(name)}\b|\b{re.escape(name)}\s+[A-Z][\w'’\-]+"
            found = [m.group() for m in re.finditer(pattern, before)]
            for candidate in reversed(found):
                mention = parse_mention(candidate)
                if mention.kind == "person" and mention.name and len(mention.name.split()) >= 2:
                    self.people.append(mention)
                    return mention.name
        return name

    def _add_org(self, org: str) -> None:
        if org not in self.orgs:
            self.orgs.append(org)

    def _described(self, role: str) -> str | None:
        """ "the spokesperson" → the last person with that role; "the ministry" → the last ministry."""
        head = role.split()[-1]
        for person in reversed(self.people):
            if person.role and head in person.role.lower().split():
                return person.name
        keys = GENERIC_ORGS.get(role) or GENERIC_ORGS.get(head) or (role,)
        for org in reversed(self.orgs):
            low = org.lower()
            if any(k in low for k in keys):
                return org
        # an organisation named earlier outside a cue ("operated by Halvard Sound Lines")
        for m in reversed(list(NAME_RUN.finditer(self.text, 0, self.pos))):
            low = m.group().lower()
            if len(low.split()) >= 2 and any(re.search(rf"\b{re.escape(k)}\b", low) for k in keys):
                mention = parse_mention(m.group())
                if mention.kind == "person" and mention.name and len(mention.name.split()) >= 2:
                    # "Lawyer Mark Heller" named before "the lawyer said": the person, not an organisation
                    self.people.append(mention)
                    return mention.name
                name = m.group()[4:] if m.group().startswith("The ") else m.group()
                self._add_org(name)
                return name
        # a known kind of institution named by its kind only ("the coast guard said"): keep that name
        return role if role in GENERIC_ORGS and role not in ("company", "firm") else None


def _inside_quotation(text: str, pos: int) -> bool:
    """Whether ``pos`` lies inside a quotation opened earlier in its paragraph: a sentence a speaker says
    ('"My second came in 40 minutes. If I'd had to go to Harwick …"') names no subject of the report."""
    before = text[text.rfind("\n", 0, pos) + 1 : pos]
    return before.count('"') % 2 == 1 or before.count("\u201c") > before.count("\u201d")
