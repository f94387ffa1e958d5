"""Module Markdown, parsed once (CommonMark, by markdown-it-py) into plain blocks that every
surface renders its own way: the PDFs (``core.export.markdown``), Qt labels (``html``) and the
projector's pages (``core.presentation.card_layout``)."""
