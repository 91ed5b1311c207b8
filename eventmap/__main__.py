"""``python -m eventmap``: the same command line as the ``eventmap`` script."""

import sys

from eventmap.cli import main

if __name__ == "__main__":
    sys.exit(main())
