import sys
from pathlib import Path

# The helpers module sits beside the tests, which are plain files without a package.
sys.path.insert(0, str(Path(__file__).resolve().parent))
