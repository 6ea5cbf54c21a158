"""`python -m khabar.cli`: the same as the `khabar` console script."""
import sys

from . import main

sys.exit(main())
