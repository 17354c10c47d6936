"""The news agencies (and the few outlets that sign copy like one) that credits name, with their spellings.

One table, :data:`AGENCIES`: canonical name → the spellings met in bylines, datelines, captions and credit
lines. :func:`canonical_agency` maps any of them (case, dots and hyphens aside) to the canonical name.

Example:
    >>> canonical_agency("Agence France-Presse"), canonical_agency("a.p."), canonical_agency("Foo")
    ('AFP', 'AP', None)
"""

from __future__ import annotations

import re
from functools import cache

# Canonical name → spellings. The first spelling is the canonical one. Wire agencies first, then photo
# agencies (they sign captions) and the broadcasters that open copy with an agency-style "(CNN) —".
AGENCIES: dict[str, tuple[str, ...]] = {
    "AP": ("AP", "Associated Press", "The Associated Press", "A.P."),
    "AFP": ("AFP", "Agence France-Presse", "Agence France Presse"),
    "Reuters": ("Reuters", "REUTERS", "Thomson Reuters"),
    "Yonhap": ("Yonhap", "YONHAP", "Yonhap News Agency", "Yonhap News"),
    "Xinhua": ("Xinhua", "XINHUA", "Xinhua News Agency"),
    "TASS": ("TASS", "Tass", "ITAR-TASS"),
    "RIA Novosti": ("RIA Novosti", "RIA-Novosti", "RIA"),
    "IANS": ("IANS", "Indo-Asian News Service"),
    "ANI": ("ANI", "Asian News International"),
    "PTI": ("PTI", "Press Trust of India"),
    "UNI": ("UNI", "United News of India"),
    "Kyodo": ("Kyodo", "KYODO", "Kyodo News"),
    "Jiji": ("Jiji", "Jiji Press"),
    "dpa": ("dpa", "DPA", "Deutsche Presse-Agentur"),
    "EFE": ("EFE", "Agencia EFE"),
    "ANSA": ("ANSA",),
    "Anadolu": ("Anadolu", "Anadolu Agency", "AA"),
    "Bernama": ("Bernama", "BERNAMA"),
    "KCNA": ("KCNA", "Korean Central News Agency"),
    "Interfax": ("Interfax", "INTERFAX"),
    "Bloomberg": ("Bloomberg", "Bloomberg News"),
    "UPI": ("UPI", "United Press International"),
    "AAP": ("AAP", "Australian Associated Press"),
    # Taiwan's Central News Agency; Singapore's Channel NewsAsia also signs "CNA", so the abbreviation
    # is kept as written rather than resolved to one of them.
    "CNA": ("CNA", "Central News Agency"),
    "PA Media": ("PA Media", "PA", "Press Association"),
    "Canadian Press": ("Canadian Press", "The Canadian Press", "CP"),
    "Antara": ("Antara", "ANTARA"),
    "PNA": ("PNA", "Philippine News Agency"),
    "IRNA": ("IRNA", "Islamic Republic News Agency"),
    "Tasnim": ("Tasnim", "Tasnim News Agency"),
    "Fars": ("Fars", "Fars News Agency"),
    "WAM": ("WAM", "Emirates News Agency"),
    "SPA": ("SPA", "Saudi Press Agency"),
    "QNA": ("QNA", "Qatar News Agency"),
    "KUNA": ("KUNA", "Kuwait News Agency"),
    "MENA": ("MENA", "Middle East News Agency"),
    "APP": ("APP", "Associated Press of Pakistan"),
    "BSS": ("BSS", "Bangladesh Sangbad Sangstha"),
    "Ukrinform": ("Ukrinform",),
    "UNIAN": ("UNIAN",),
    "BelTA": ("BelTA",),
    "Sputnik": ("Sputnik",),
    "China News Service": ("China News Service", "CNS"),
    "Prensa Latina": ("Prensa Latina",),
    "ANP": ("ANP",),
    "Belga": ("Belga",),
    "APA": ("APA", "Austria Presse Agentur"),
    "PAP": ("PAP", "Polish Press Agency"),
    "CTK": ("CTK", "ČTK"),
    "MTI": ("MTI",),
    "Lusa": ("Lusa",),
    "Europa Press": ("Europa Press",),
    "AGI": ("AGI",),
    "NTB": ("NTB",),
    "Ritzau": ("Ritzau",),
    "EPA": ("EPA", "European Pressphoto Agency", "EPA-EFE"),
    "Getty Images": ("Getty Images", "Getty"),
    "Shutterstock": ("Shutterstock",),
    "CNN": ("CNN",),
    # "(With inputs from agencies)": several unnamed agencies, a source all the same.
    "agencies": ("agencies", "Agencies", "news agencies", "wire agencies", "wires"),
}

# Characters ignored when looking a name up: "A.P." is "AP", "RIA-Novosti" is "RIA Novosti".
_LOOKUP_NOISE = re.compile(r"[.\s\-‐–]+")


@cache
def _lookup() -> dict[str, str]:
    table: dict[str, str] = {}
    for canonical, spellings in AGENCIES.items():
        for spelling in (canonical, *spellings):
            table[_key(spelling)] = canonical
    return table


def _key(name: str) -> str:
    name = name.strip().casefold()
    name = name.removeprefix("the ")
    return _LOOKUP_NOISE.sub("", name)


def canonical_agency(name: str) -> str | None:
    """The canonical name of a known agency, whatever the spelling, or ``None`` for an unknown name.

    Args:
        name: a name as written in a credit ("Associated Press", "REUTERS", "Yonhap News Agency").

    Returns:
        The canonical name from :data:`AGENCIES`, or ``None``.
    """
    return _lookup().get(_key(name)) if name.strip() else None


def _alternation(spellings: list[str]) -> str:
    # Longest first, so "Yonhap News Agency" wins over "Yonhap".
    return "|".join(re.escape(s) for s in sorted(set(spellings), key=len, reverse=True))


@cache
def agency_mention() -> re.Pattern[str]:
    """A known agency spelling as a whole word, case as written (``"AFP"`` in ``"Jane Doe/AFP"``)."""
    spellings = [s for group in AGENCIES.values() for s in group if s != "agencies" and s[0].isupper()]
    return re.compile(rf"(?<![\w-])(?:{_alternation(spellings)})(?![\w-])")


@cache
def glued_agency() -> re.Pattern[str]:
    """A known agency spelling glued to the end of a caption line: the ``"IANS"`` of ``"…With PutinIANS"``.

    The glue point is a lower-case letter, digit or closing bracket right before the name, which
    ordinary words never show. Two-letter spellings other than "AP" ("AA", "PA", "CP") and lower-case
    ones are left out: too many words and abbreviations end that way for glue to be evidence.
    """
    spellings = [
        s
        for group in AGENCIES.values()
        for s in group
        if s[0].isupper() and (len(s) > 2 or s == "AP") and s != "Agencies"
    ]
    return re.compile(rf"(?<=[a-z0-9ß-ÿ)\]'’])(?P<agency>{_alternation(spellings)})$")
