"""The pre-session check on screen: what to check (``source``), the films played unseen for
a few seconds (``media``), and the dialog that shows each item as it comes (``dialog``)."""
