"""The frozen app's entry point: the same `facilitator` command as the virtualenv's."""

import sys

from facilitator.cli import main

if __name__ == "__main__":
    sys.exit(main())
