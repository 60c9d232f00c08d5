"""``python -m newsgraph build ...``: the command line, as the ``newsgraph`` script runs it."""
import sys

from newsgraph.cli import main

sys.exit(main())
