"""Fictional texts for the grouping tests, written for them: a wire dispatch, its copies, other reports."""

from __future__ import annotations

import random

from newstrace.model import Article, Credit, PartialDate, SourceRef

# A fictional wire dispatch (about 260 words): a landslide in an invented mountain town.
WIRE = (
    "VELMORA, June 3 (Tarn Press) - A landslide buried part of the mountain town of Velmora before dawn on "
    "Tuesday, killing at least seven people and leaving nineteen missing, the regional rescue service said. "
    "Heavy rain had soaked the slopes above the town for nine days, and the mud slid down onto the old "
    "quarter at about four in the morning while most residents were asleep. Rescue teams with dogs and "
    "thermal cameras searched the debris through the day, and a field hospital was set up at the railway "
    "station. Mayor Oskar Fenwright said the town had asked the provincial government for two more "
    'excavators and for engineers to check whether the rest of the hillside was stable. "We are digging '
    'with our hands where the machines cannot reach," he told reporters at the edge of the slide. About '
    "three hundred people were moved from houses below the slope to a school gymnasium in the lower town. "
    "The provincial governor, Lida Marrow, flew over the area by helicopter in the afternoon and promised "
    "emergency funds for the families who had lost their homes. Geologists from the university in Ostrel "
    "warned that more rain was forecast for Thursday and that further slides could not be ruled out. The "
    "last major landslide in the valley, in 1987, destroyed the old mill and killed four workers. Velmora, "
    "a town of about eleven thousand people, lies at the end of a narrow valley road that was itself cut "
    "by mud in two places on Tuesday, so supplies had to be brought in by a single lane kept open by the "
    "army. Reporting by Ana Quill for Tarn Press."
)

# An independent report of the same event, in its own words, quoting the same mayor.
INDEPENDENT = (
    "Families in Velmora spent Tuesday waiting outside the railway station for news of relatives after a "
    "wall of mud swept through the old quarter in the early hours. Officials put the death toll at seven, "
    "with nineteen people unaccounted for. Mayor Oskar Fenwright, who has led the town for twelve years, "
    "said volunteers were digging by hand. Residents said the slope had been cracking for days and that "
    "they had warned the council in the spring. A teacher, Mira Holt, said her street had vanished. The "
    "army reopened one lane of the valley road by evening, and a convoy of trucks carrying blankets and "
    "food reached the school where evacuated families were sleeping on mats."
)

# A report of another event entirely.
UNRELATED = (
    "The central bank of Ostrel kept its main interest rate unchanged at three percent on Wednesday, "
    "saying inflation was slowing but wages were still rising faster than expected. Governor Petra Lund "
    "told a news conference that the bank would wait for the autumn figures before deciding on a cut. "
    "Markets had priced in no change, and the currency barely moved after the announcement."
)

LOCAL = (
    "Council members in the twin town of Harrowgate met on Tuesday evening to discuss how to help. The "
    "council voted to send its two snow ploughs and a team of volunteers to the valley, and the local "
    "football club opened its clubhouse as a collection point for clothes and tinned food. The deputy "
    "mayor, Colm Reddy, said the town had family ties to Velmora going back generations and that a "
    "book of condolences would be placed in the town hall from Wednesday. "
)


def edit_words(text: str, share: float, seed: int = 1) -> str:
    """Replace ``share`` of the words of ``text`` with other words (a light rewrite), deterministically."""
    rng = random.Random(seed)
    tokens = text.split()
    for index in rng.sample(range(len(tokens)), int(len(tokens) * share)):
        tokens[index] = rng.choice(["reportedly", "several", "nearby", "local", "officials", "early"])
    return " ".join(tokens)


def truncate(text: str, share: float) -> str:
    """The first ``share`` of the words of ``text``."""
    tokens = text.split()
    return " ".join(tokens[: int(len(tokens) * share)])


def article(
    article_id: int,
    text: str,
    *,
    title: str | None = None,
    outlet: str | None = None,
    published: PartialDate | None = None,
    credits: tuple[str, ...] = (),
) -> Article:
    """A stored, cleaned article."""
    return Article(
        raw_text=text,
        text=text,
        source=SourceRef(f"inbox/{article_id}.txt", "text"),
        title=title,
        outlet=outlet,
        published=published,
        credits=[Credit(c, "inputs_from", f"(With inputs from {c})") for c in credits],
        id=article_id,
    )
