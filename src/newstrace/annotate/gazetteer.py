"""Name lists a news NER needs and a web-text corpus does not teach: countries (with official names and
everyday aliases), capitals and major cities, news agencies and outlets, international organisations, and
the titles and roles that stand before a person's name.

Every list maps a spelling to a canonical name, so the same tables serve two jobs: EntityRuler patterns
in :mod:`newstrace.annotate.entities` (finding the names) and alias resolution in
:mod:`newstrace.compare.entities` ("DPRK" → "North Korea", "Korean Central News Agency" → "KCNA").

Example:
    >>> canonical_place("Democratic People's Republic of Korea"), canonical_place("DPRK")
    ('North Korea', 'North Korea')
    >>> canonical_org("Korean Central News Agency")
    'KCNA'
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from newstrace.ingest.agencies import AGENCIES


def _words(text: str) -> list[str]:
    """A word list written as one string (keeps long lists compact and readable)."""
    return text.split()


def _names(text: str) -> list[str]:
    """A list of multi-word names written as one ``|``-separated string, line breaks ignored."""
    return [name.strip() for name in text.replace("\n", "|").split("|") if name.strip()]


# pycountry's ISO names are bureaucratic ("Korea, Democratic People's Republic of", "Russian Federation");
# news copy uses these everyday names instead, so they are canonical. alpha-2 → everyday name.
_EVERYDAY_NAMES = {
    "RU": "Russia",
    "US": "United States",
    "GB": "United Kingdom",
    "KR": "South Korea",
    "KP": "North Korea",
    "IR": "Iran",
    "SY": "Syria",
    "VN": "Vietnam",
    "LA": "Laos",
    "TW": "Taiwan",
    "BO": "Bolivia",
    "VE": "Venezuela",
    "TZ": "Tanzania",
    "MD": "Moldova",
    "CZ": "Czech Republic",
    "CD": "Democratic Republic of the Congo",
    "CG": "Republic of the Congo",
    "PS": "Palestine",
    "VA": "Vatican City",
    "BN": "Brunei",
    "CV": "Cape Verde",
    "SZ": "Eswatini",
    "TR": "Turkey",
    "FM": "Micronesia",
    "MK": "North Macedonia",
    "CI": "Ivory Coast",
    "KN": "Saint Kitts and Nevis",
}
# Spellings pycountry lacks: abbreviations, former and short names met in news copy. alpha-2 → spellings.
_COUNTRY_ALIASES: dict[str, tuple[str, ...]] = {
    "US": ("US", "U.S.", "USA", "U.S.A.", "United States of America", "America", "the US", "the U.S."),
    "GB": ("UK", "U.K.", "Britain", "Great Britain"),
    "KP": ("DPRK", "D.P.R.K.", "N. Korea", "North Korea"),
    "KR": ("ROK", "Republic of Korea", "S. Korea", "South Korea"),
    "RU": ("Russia", "Russian Federation"),
    "CN": ("PRC", "People's Republic of China", "mainland China"),
    "AE": ("UAE", "U.A.E.", "Emirates"),
    "NL": ("Holland", "the Netherlands"),
    "CZ": ("Czechia",),
    "MM": ("Burma",),
    "CI": ("Côte d'Ivoire", "Cote d'Ivoire"),
    "TR": ("Türkiye", "Turkiye"),
    "SZ": ("Swaziland",),
    "CD": ("DRC", "DR Congo", "Congo-Kinshasa"),
    "VA": ("the Vatican", "Vatican", "Holy See"),
    "PS": ("Palestinian Territories",),
}

# Capitals and major cities of news datelines, plus regions that recur in international copy. Written
# out rather than pulled from a geonames dump: tens of thousands of small places would tag common words
# ("Mobile", "Reading", "Nice") and cost precision; these are the places wire copy names most.
CITIES = frozenset(
    _names(
        """
        Abu Dhabi|Abuja|Accra|Addis Ababa|Algiers|Amman|Amsterdam|Ankara|Athens|Baghdad|Baku|Bangkok|
        Beijing|Beirut|Belgrade|Berlin|Bern|Bogota|Bogotá|Brasilia|Brasília|Bratislava|Brussels|Bucharest|
        Budapest|Buenos Aires|Cairo|Canberra|Caracas|Chisinau|Colombo|Copenhagen|Damascus|Dhaka|Doha|Dublin|
        Hanoi|Havana|Helsinki|Islamabad|Jakarta|Jerusalem|Kabul|Kathmandu|Khartoum|Kyiv|Kiev|Kinshasa|
        Kuala Lumpur|Kuwait City|Lagos|Lima|Lisbon|Ljubljana|London|Luanda|Madrid|Managua|Manila|
        Mexico City|Minsk|Mogadishu|Montevideo|Moscow|Nairobi|New Delhi|Delhi|Nicosia|Oslo|Ottawa|Paris|
        Phnom Penh|Prague|Pretoria|Pyongyang|Quito|Rabat|Riga|Riyadh|Rome|Santiago|Sarajevo|Seoul|Singapore|
        Skopje|Sofia|Stockholm|Taipei|Tallinn|Tashkent|Tbilisi|Tehran|Tel Aviv|Tirana|Tokyo|Tripoli|Tunis|
        Ulaanbaatar|Vienna|Vilnius|Warsaw|Washington|Wellington|Yerevan|Zagreb|New York|Los Angeles|Chicago|
        Houston|San Francisco|Boston|Miami|Seattle|Atlanta|Dallas|Philadelphia|Toronto|Montreal|Vancouver|
        Sydney|Melbourne|Mumbai|Bombay|Kolkata|Chennai|Bengaluru|Bangalore|Hyderabad|Karachi|Lahore|
        Shanghai|Hong Kong|Guangzhou|Shenzhen|Wuhan|Osaka|Busan|Incheon|Istanbul|Dubai|Jeddah|Mecca|Gaza|
        Ramallah|Aleppo|Mosul|Basra|Kandahar|Johannesburg|Cape Town|Frankfurt|Munich|Hamburg|Milan|Naples|
        Barcelona|Geneva|Zurich|Davos|Marseille|Lyon|Manchester|Edinburgh|Belfast|Glasgow|Brisbane|Perth|
        Auckland|Rio de Janeiro|Sao Paulo|São Paulo|St Petersburg|St. Petersburg|Saint Petersburg|
        Vladivostok|Khabarovsk|Novosibirsk|Ussuriysk|Khasan|Kharkiv|Odesa|Odessa|Lviv|Donetsk|Luhansk|
        Mariupol|Kherson|Crimea|Donbas|Primorsky Krai|Siberia|Far East|Middle East|Gulf|Balkans|Kashmir|
        Tibet|Xinjiang|Taiwan Strait|Korean Peninsula|West Bank|Gaza Strip|Golan Heights|Sahel|Caucasus|
        Arctic|Antarctica|Europe|Asia|Africa|North America|South America|Latin America|Southeast Asia|
        Central Asia|Eastern Europe|Yellow Sea|Sea of Japan|East Sea|South China Sea|Black Sea|Baltic Sea|
        Mediterranean|Red Sea|Persian Gulf|Pacific|Atlantic|Indian Ocean|Tumen River|Amur River|Danube|Nile|
        Yangtze
        """
    )
)

# International organisations and institutions: canonical → spellings (first is canonical).
INSTITUTIONS: dict[str, tuple[str, ...]] = {
    "United Nations": ("United Nations", "UN", "U.N."),
    "UN Security Council": ("UN Security Council", "United Nations Security Council", "UNSC"),
    "NATO": ("NATO", "North Atlantic Treaty Organization", "Nato"),
    "European Union": ("European Union", "EU", "E.U."),
    "IAEA": ("IAEA", "International Atomic Energy Agency"),
    "WHO": ("World Health Organization", "WHO"),
    "IMF": ("IMF", "International Monetary Fund"),
    "World Bank": ("World Bank",),
    "WTO": ("WTO", "World Trade Organization"),
    "ASEAN": ("ASEAN", "Association of Southeast Asian Nations"),
    "African Union": ("African Union", "AU"),
    "OPEC": ("OPEC", "Organization of the Petroleum Exporting Countries"),
    "G7": ("G7", "Group of Seven"),
    "G20": ("G20", "Group of 20"),
    "Kremlin": ("Kremlin", "the Kremlin"),
    "White House": ("White House", "the White House"),
    "Pentagon": ("Pentagon", "the Pentagon"),
    "State Department": ("State Department", "US State Department", "Department of State"),
    "Workers' Party of Korea": ("Workers' Party of Korea", "WPK", "Korean Workers' Party"),
    "International Criminal Court": ("International Criminal Court", "ICC"),
    "Red Cross": ("Red Cross", "ICRC", "International Committee of the Red Cross"),
}

# Outlets that are not agencies but are cited as sources: canonical → spellings.
OUTLETS: dict[str, tuple[str, ...]] = {
    "CNN": ("CNN",),
    "BBC": ("BBC", "British Broadcasting Corporation"),
    "The New York Times": ("The New York Times", "New York Times", "NYT"),
    "The Washington Post": ("The Washington Post", "Washington Post"),
    "The Wall Street Journal": ("The Wall Street Journal", "Wall Street Journal", "WSJ"),
    "The Guardian": ("The Guardian",),
    "Financial Times": ("Financial Times", "FT"),
    "Al Jazeera": ("Al Jazeera", "Al-Jazeera"),
    "Russia Today": ("Russia Today", "RT"),
    "NHK": ("NHK",),
    "Fox News": ("Fox News",),
    "NBC News": ("NBC News", "NBC"),
    "CBS News": ("CBS News", "CBS"),
    "ABC News": ("ABC News",),
    "Sky News": ("Sky News",),
    "Deutsche Welle": ("Deutsche Welle", "DW"),
    "France 24": ("France 24",),
    "Politico": ("Politico",),
    "Axios": ("Axios",),
    "NK News": ("NK News",),
    "Rodong Sinmun": ("Rodong Sinmun",),
    "Global Times": ("Global Times",),
    "Hindustan Times": ("Hindustan Times",),
    "The Times of India": ("The Times of India", "Times of India"),
    "Kommersant": ("Kommersant",),
    "Izvestia": ("Izvestia",),
}

# Titles, roles and honorifics that stand before a name ("President Vladimir Putin", "spokesperson Jeon
# Ha-kyu", "Dr. Lene Aasgaard"). Lower-cased; multi-word roles are matched word by word. A capitalised
# run right after one of these is a person's name (entities.py), and alias resolution strips them.
TITLES = frozenset(
    _words(
        """
        mr mr. mrs mrs. ms ms. miss dr dr. prof prof. sir dame lord lady president vice-president premier
        chancellor king queen prince princess emperor sheikh minister secretary ambassador envoy governor
        mayor senator congressman congresswoman lawmaker legislator judge justice chairman chairwoman chair
        chief commander general gen gen. admiral colonel col col. major captain capt capt. lieutenant
        sergeant officer inspector spokesperson spokesman spokeswoman adviser advisor leader director ceo
        founder pope cardinal bishop rev rev. father sen sen. rep rep. gov gov. supt corporal cpl cpl. sgt
        sgt. lt lt. det det. detective
        """
    )
)

# A title run before a name: "Foreign Minister", "Defense Ministry spokesperson", "National Security
# Adviser". Lower-case words that may sit between the title and the name are not allowed: "leader of the"
# breaks the run.
ROLE_WORDS = frozenset(
    _words(
        """
        foreign defence defense interior finance prime deputy vice first former acting state national
        security adviser advisor press military supreme top senior chief general attorney
        """
    )
)

# Nationality and regional adjectives. UNER (like CoNLL) does not tag them as entities ("a North Korean
# train"), so a span that is only these words, hyphen-joined or not, is dropped.
DEMONYMS = frozenset(
    _words(
        """
        american british english scottish welsh irish french german italian spanish portuguese dutch belgian
        swiss austrian swedish norwegian danish finnish icelandic polish czech slovak hungarian romanian
        bulgarian greek turkish russian ukrainian belarusian georgian armenian azerbaijani kazakh uzbek
        chinese japanese korean north south east west northern southern eastern western mongolian taiwanese
        vietnamese thai cambodian laotian burmese malaysian indonesian filipino singaporean indian pakistani
        afghan bangladeshi sri lankan nepali iranian iraqi syrian lebanese israeli palestinian jordanian
        saudi emirati qatari kuwaiti yemeni omani egyptian libyan tunisian algerian moroccan sudanese
        ethiopian somali kenyan nigerian ghanaian south african congolese canadian mexican cuban brazilian
        argentine argentinian chilean colombian venezuelan peruvian australian european asian african arab
        western soviet
        """
    )
)

# Last words that make a name an organisation whatever the model guessed ("South Korean Defence
# Ministry", "Workers' Party", "National Security Council", "Western Naval Command").
ORG_HEADS = frozenset(
    _words(
        """
        ministry agency council party department office committee commission army navy forces force bank
        university company corp corporation inc ltd group times news post press institute association union
        court parliament assembly congress senate government administration service guard police
        lines airlines airways shipping systems securities holdings partners capital motors energy athletic
        club fc united authority foundation trust network networks media broadcasting hospital board
        command
        """
    )
)

# Lower-case words that do belong inside a person's name ("Ludwig van Beethoven", "Omar al-Bashir").
NAME_PARTICLES = frozenset(_words("de da di del della der den van von la le du dos das al el bin ibn ben"))

# Day and month names: capitalised, often tagged by an undertrained model, never an entity on their own.
CALENDAR_WORDS = frozenset(
    _words(
        """
        monday tuesday wednesday thursday friday saturday sunday january february march april may june
        july august september october november december on
        """
    )
)

# Noise in a spelling for lookups: case, dots, hyphens and spaces all vary between outlets.
_LOOKUP_NOISE = re.compile(r"[.\s\-‐–'’]+")


def lookup_key(name: str) -> str:
    """The spelling ``name`` reduces to when case, dots, hyphens, apostrophes and spacing are ignored."""
    return _cased_key(name).casefold()


def _cased_key(name: str) -> str:
    text = name.strip()
    if text.lower().startswith("the "):
        text = text[4:]
    return _LOOKUP_NOISE.sub("", text)


@cache
def countries() -> dict[str, tuple[str, ...]]:
    """Every country: everyday canonical name → spellings (ISO name, official name, common name, aliases)."""
    import pycountry

    table: dict[str, tuple[str, ...]] = {}
    for country in pycountry.countries:
        code = country.alpha_2
        canonical = _EVERYDAY_NAMES.get(code) or getattr(country, "common_name", None) or country.name
        spellings = [canonical, country.name]
        for attribute in ("official_name", "common_name"):
            value = getattr(country, attribute, None)
            if value:
                spellings.append(value)
        spellings.extend(_COUNTRY_ALIASES.get(code, ()))
        # "Korea, Republic of" is an index form nobody writes in prose.
        table[canonical] = tuple(dict.fromkeys(s for s in spellings if ", " not in s))
    return table


# Listed spellings this short (letters, dots left out) that are written in capitals only ("UN", "US",
# "AP") are matched only when the name is in capitals too: written otherwise they are ordinary words or
# the end of a longer name ("Un" of "Kim Jong Un", "Us" opening a sentence). Longer acronyms keep their
# case-blind match, since outlets write them in title case ("Nato").
CASED_ACRONYM_LETTERS = 3


def _lookup(tables: Iterable[dict[str, tuple[str, ...]]]) -> tuple[dict[str, str], frozenset[str]]:
    """Lookup key → canonical name over ``tables`` (the first table to give a key wins), and the keys
    that only short capitals spellings give (:data:`CASED_ACRONYM_LETTERS`)."""
    lookup: dict[str, str] = {}
    cased: set[str] = set()
    uncased: set[str] = set()
    for table in tables:
        for canonical, spellings in table.items():
            for spelling in spellings:
                key = lookup_key(spelling)
                lookup.setdefault(key, canonical)
                (cased if _is_short_acronym(spelling) else uncased).add(key)
    return lookup, frozenset(cased - uncased)


def _is_short_acronym(spelling: str) -> bool:
    letters = _cased_key(spelling)
    return len(letters) <= CASED_ACRONYM_LETTERS and letters.isalpha() and letters.isupper()


@cache
def _place_lookup() -> tuple[dict[str, str], frozenset[str]]:
    cities: dict[str, tuple[str, ...]] = {city: (city,) for city in sorted(CITIES)}
    return _lookup((countries(), cities))


@cache
def _org_lookup() -> tuple[dict[str, str], frozenset[str]]:
    return _lookup((AGENCIES, OUTLETS, INSTITUTIONS))


def _find(name: str, table: tuple[dict[str, str], frozenset[str]]) -> str | None:
    lookup, cased = table
    key = lookup_key(name)
    if key in cased and not _is_short_acronym(name):
        return None
    return lookup.get(key)


def canonical_place(name: str) -> str | None:
    """The canonical name of a country or listed city spelt ``name``, or None when it is not listed.

    Example:
        >>> canonical_place("U.S."), canonical_place("Us")
        ('United States', None)
    """
    return _find(name, _place_lookup())


def canonical_org(name: str) -> str | None:
    """The canonical name of a listed agency, outlet or institution spelt ``name``, or None.

    Example:
        >>> canonical_org("UN"), canonical_org("Un")
        ('United Nations', None)
    """
    return _find(name, _org_lookup())


# Spellings too ambiguous to tag on sight: they are also ordinary words or other things' abbreviations
# ("AP" classes, "RT" retweets, "WHO" the pronoun in headlines, "Chad" the first name, "Georgia" the state).
_AMBIGUOUS = frozenset(
    _words(
        """
        AA AU CP DW FT PA RT RIA WHO ICC Chad Jordan Georgia Niger Guinea Turkey Gulf Pacific Atlantic Nile
        Mediterranean America Emirates Vatican Arctic Sahel Danube
        """
    )
)


# Nouns that introduce an outlet by name ("news agency RIA", "state broadcaster RT", "the channel DW"):
# right after one of them, an ambiguous outlet spelling is the outlet.
OUTLET_NOUNS = frozenset(
    _words("agency agencies broadcaster channel network newspaper paper daily tabloid outlet wire service")
)


@cache
def guarded_org_spellings() -> tuple[str, ...]:
    """Agency and outlet spellings too ambiguous to tag on sight ("RIA", "RT", "PA"), to be tagged only
    where a noun of :data:`OUTLET_NOUNS` introduces them."""
    spellings = {s for table in (AGENCIES, OUTLETS) for names in table.values() for s in names}
    return tuple(sorted(spellings & _AMBIGUOUS))


@cache
def ruler_patterns() -> tuple[dict[str, object], ...]:
    """EntityRuler phrase patterns: every listed place (LOC) and organisation (ORG) spelling.

    A lower-case "the" is not part of a name in our data ("the Pentagon" → "Pentagon"; "The New York
    Times" keeps its capital "The"), and spellings in the ambiguous list are never tagged on sight.
    """
    patterns: list[dict[str, object]] = []
    seen: set[tuple[str, str]] = set()

    def add(label: str, spelling: str) -> None:
        if spelling.startswith("the "):
            spelling = spelling[4:]
        if spelling in _AMBIGUOUS or (label, spelling) in seen:
            return
        seen.add((label, spelling))
        patterns.append({"label": label, "pattern": spelling})

    for spellings in countries().values():
        for spelling in spellings:
            add("LOC", spelling)
    for city in sorted(CITIES):
        add("LOC", city)
    for table in (AGENCIES, OUTLETS, INSTITUTIONS):
        for spellings in table.values():
            for spelling in spellings:
                add("ORG", spelling)
    return tuple(patterns)
