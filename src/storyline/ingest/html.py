"""HTML pages: trafilatura finds the main text and the page's own metadata."""

from __future__ import annotations

import logging

from ..errors import EmptyInputError, UnsupportedFormatError
from ..models import RawDocument
from .dates import date_from_url, parse_publication_date


def read_html(html: str, source: str, url: str | None = None, fmt: str = "html") -> RawDocument:
    """Extract one article. Raises an InputError when the page yields no main text."""
    import trafilatura

    # trafilatura logs every unparseable page at ERROR level; the Failure we
    # return already says it once, in the user's terms.
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    # The URL is withheld from trafilatura on purpose: htmldate would read a
    # date out of it and we could no longer tell page metadata ("metadata")
    # from a guess based on the address ("url").
    try:
        document = trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as err:  # trafilatura/lxml raise many kinds on broken markup
        raise UnsupportedFormatError(
            f"HTML could not be parsed ({type(err).__name__}); check that the file is a complete web page"
        ) from None
    text = (getattr(document, "text", None) or "").strip() if document is not None else ""
    if not text:
        raise EmptyInputError(
            "no article text found in the HTML (empty, broken, or not an article page); "
            "save the article page itself, or give its text as a .txt file"
        )
    title = _clean_field(getattr(document, "title", None))
    page_url = url or getattr(document, "url", None)
    published, basis = getattr(document, "date", None), "metadata"
    if not parse_publication_date(published):
        published, basis = date_from_url(page_url), "url"
    return RawDocument(
        source=source,
        text=text,
        format=fmt,
        title=title,
        published=published,
        published_basis=basis if published else "unknown",
        publisher=_clean_field(getattr(document, "sitename", None)),
        url=page_url,
    )


def _clean_field(value: object) -> str | None:
    if not value:
        return None
    text = " ".join(str(value).split())
    return text or None
