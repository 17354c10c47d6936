"""What a news URL says on its own: the outlet (its host), a publication date in its path, and its
normalised form, by which the store recognises "the same URL".

Example:
    >>> outlet_from_url("https://www.example-times.com/world/kim-arrives")
    'example-times.com'
    >>> date_from_url("https://example.com/2023/09/12/kim-arrives").iso()
    '2023-09-12'
    >>> normalise_url("HTTPS://Example.com/a?id=3&utm_source=x#top")
    'https://example.com/a?id=3'
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from newstrace.model import Article, PartialDate

# Host prefixes that name a variant of the same site (desktop, mobile, AMP), not another outlet.
_HOST_PREFIXES = ("www.", "m.", "mobile.", "amp.")

# A date in a URL path, delimited by "/", "-" or "_" (or the path's end), in the forms news sites use:
# /2023/09/12/, /2023-09-12-slug, /20230912/, and /2023/09/ (month only). The year is limited to
# 1990-2099 so that article ids such as /12345678/ are not read as dates.
URL_DATE = re.compile(
    r"""(?:^|[/_-])
        (?P<year>199\d|20\d\d)
        (?:
            (?P<sep>[/_-])(?P<month>0?[1-9]|1[0-2])
            (?:(?P=sep)(?P<day>0?[1-9]|[12]\d|3[01]))?
          |
            (?P<cmonth>0[1-9]|1[0-2])(?P<cday>0[1-9]|[12]\d|3[01])
        )
        (?=$|[/_.-])""",
    re.VERBOSE,
)

# Query parameters that only track where a click came from; two URLs differing in them are one page.
_TRACKING_PARAMS = frozenset(
    {"fbclid", "gclid", "dclid", "msclkid", "yclid", "igshid", "mc_cid", "mc_eid", "_ga", "ref_src"}
)


def _host(url: str) -> str | None:
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return None
    return host or None


def outlet_from_url(url: str | None) -> str | None:
    """The outlet a URL belongs to: its host, lower-cased, without ``www.``, ``m.`` or ``amp.``.

    Args:
        url: an absolute URL (``http``/``https``); anything else gives ``None``.

    Returns:
        The host name such as ``"example-times.com"``, or ``None`` when the URL has no host
        (a relative link, a ``file://`` URL, garbage).
    """
    if not url:
        return None
    host = _host(url)
    if host is None:
        return None
    host = host.rstrip(".")
    for prefix in _HOST_PREFIXES:
        if host.startswith(prefix) and host.count(".") >= 2:
            host = host[len(prefix) :]
            break
    return host or None


def date_from_url(url: str | None) -> PartialDate | None:
    """A publication date written in a URL's path, such as ``/2023/09/12/`` or ``/20230912/``.

    Only the path is searched (a date in the query string is more often a filter than a publication
    date). ``/2023/09/`` gives the partial date ``2023-09``; a lone year is not taken, since
    ``/2023/`` is as often a section or archive as a date.

    Args:
        url: any URL or path.

    Returns:
        The first date found, or ``None``.
    """
    if not url:
        return None
    try:
        path = urlsplit(url.strip()).path
    except ValueError:
        return None
    for match in URL_DATE.finditer(path):
        year = int(match["year"])
        day: int | None
        if match["cmonth"]:
            month, day = int(match["cmonth"]), int(match["cday"])
        else:
            month = int(match["month"])
            day = int(match["day"]) if match["day"] else None
        try:
            return PartialDate(year, month, day)
        except ValueError:
            continue
    return None


def normalise_url(url: str) -> str:
    """The form of a URL by which two references to one page compare equal.

    Scheme and host are lower-cased, a default port (``:80`` on http, ``:443`` on https) and the
    fragment are dropped, and so are tracking parameters (``utm_*``, ``fbclid``, ``gclid`` and the
    like). Path and other query parameters are kept as written, in their order: they can select a
    different page.

    Args:
        url: the URL as found.

    Returns:
        The normalised URL; a string that is not a URL comes back stripped but otherwise unchanged.
    """
    text = url.strip()
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError:
        return text
    if not parts.scheme or not parts.netloc:
        return text
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").rstrip(".")
    netloc = f"[{host}]" if ":" in host else host
    if parts.username or parts.password:
        userinfo = parts.username or ""
        if parts.password:
            userinfo += f":{parts.password}"
        netloc = f"{userinfo}@{host}"
    if port is not None and (scheme, port) not in {("http", 80), ("https", 443)}:
        netloc += f":{port}"
    query = parts.query
    if query:
        pairs = parse_qsl(query, keep_blank_values=True)
        kept = [(k, v) for k, v in pairs if not _is_tracking(k)]
        if len(kept) != len(pairs):
            query = urlencode(kept)
    path = parts.path or "/"
    return urlunsplit((scheme, netloc, path, query, ""))


def _is_tracking(name: str) -> bool:
    lowered = name.lower()
    return lowered.startswith("utm_") or lowered in _TRACKING_PARAMS


def fill_from_url(article: Article) -> None:
    """Fill an article's missing outlet and publication date from its URL, marking them as from the URL.

    Values the input stated itself are never replaced: a URL's host or path date is weaker evidence
    than the publisher's own metadata.

    Args:
        article: changed in place.
    """
    if not article.url:
        return
    if not article.outlet:
        outlet = outlet_from_url(article.url)
        if outlet:
            article.outlet, article.outlet_source = outlet, "url"
    if article.published is None:
        published = date_from_url(article.url)
        if published is not None:
            article.published, article.published_source = published, "url"
