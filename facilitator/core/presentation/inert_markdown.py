"""Module Markdown made inert before Qt renders it.

Qt's Markdown (md4c into a QTextDocument) understands images and raw HTML, and it loads an
image by reading the named file when it lays the text out: a module could show any picture on
this computer on the projector, or freeze the session by naming ``/dev/zero`` (reading never
ends). Remote addresses are never fetched (Qt's text engine has no network access), but the
module format has no images or HTML at all, so both are turned into plain characters here:
``<`` becomes the entity ``&lt;`` (no tag, comment or autolink can start) and ``![`` becomes
``&#33;[`` (at most a link, which loads nothing). Entities cannot be undone by a backslash
in front of them, unlike a backslash escape.

The projector no longer uses this: it shows ``core.markdown.html`` output, which is written
from parsed blocks and holds no image or link at all. The console's leader notes still call
it before ``QTextBrowser.setMarkdown``; they should switch to ``markdown_html`` + ``setHtml``
(one parser everywhere), and then this file can go.
"""

from __future__ import annotations


def inert_markdown(text: str) -> str:
    return text.replace("<", "&lt;").replace("![", "&#33;[")
