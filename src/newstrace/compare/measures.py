"""What an amount of money measures, read from the words before it: a worth, a price, a sum raised or a
gift. Two amounts that measure two things ("valued at 2 million crowns" / "bought for 40,000 crowns") are
not two figures for one (:func:`newstrace.compare.counts.number_differences`). Split from
:mod:`newstrace.compare.counts`.
"""

from __future__ import annotations

import re

from newstrace.compare import values as v
from newstrace.model import Citation

# What an amount of money measures, read from the words just before it: what something is worth, or
# what was paid for it. A painting "valued at about 2 million crowns" and "bought in 1987 for 40,000
# crowns" are two facts, not two figures for one. An offer that "values each share at 68 crowns" (the
# active verb) states its price, as "will pay 64 crowns a share" does: two figures for one. "Estimated"
# says neither: "the cost of policing, estimated at £40,000" is a price.
VALUATION = re.compile(r"\b(?:valued?|worth|appraised|insured)\b", re.I)
PRICE = re.compile(
    r"\b(?:bought|sold|paid|pays|purchased|acquired|fee|price|cost|costs|values|valuing)\b", re.I
)
# ... or what was raised in all, or given by one donor: "The appeal had raised £1.1 million" and "a final
# donation of £40,000 from a local building firm" are two amounts of one appeal.
RAISED = re.compile(r"\b(?:raised|raising|collected)\b", re.I)
GIFT = re.compile(r"\b(?:donation|donated|gift|grant|bequest|backed by)\b", re.I)
# "for" right before an amount gives what was paid: "was completed on Friday, for £285,000" (not after a
# worth: "was insured for £1.8 million").
PAID_FOR = re.compile(
    r"(?<!insured )(?<!valued )(?<!appraised )\bfor\s+"
    r"(?:(?:about|around|nearly|some|almost|just over|just under)\s+)?$",
    re.I,
)
# How far before an amount (in characters, inside its statement) its measure word may stand: "bought by
# the town in 1987 for 40,000 crowns" has it 31 characters before.
MEASURE_WINDOW = 40


def measure(statement: Citation, q: v.Quantity) -> str | None:
    """ "value", "price", "raised" or "gift" for an amount of money with such a word just before it, else
    ``None``."""
    at = q.start - statement.start
    before = statement.text[max(0, at - MEASURE_WINDOW) : at]
    found = [(m.start(), "value") for m in VALUATION.finditer(before)]
    found += [(m.start(), "price") for m in PRICE.finditer(before)]
    found += [(m.start(), "raised") for m in RAISED.finditer(before)]
    found += [(m.start(), "gift") for m in GIFT.finditer(before)]
    found += [(m.start(), "price") for m in PAID_FOR.finditer(before)]
    return max(found)[1] if found else None
