"""Folders and glob patterns expanded into the files they hold, in a stable order."""
from __future__ import annotations

import glob
from pathlib import Path

from ..errors import InputError

# The suffixes a folder is searched for; a named file is read whatever its suffix.
KNOWN_SUFFIXES = (".txt", ".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz", ".html", ".htm", ".html.gz",
                  ".xml", ".rss", ".atom", ".warc", ".warc.gz", ".arc.gz")
_GLOB_CHARS = set("*?[")


def expand(name: str) -> list[str]:
    """The files an input names: itself, a folder's known files (recursively), or a glob's matches."""
    path = Path(name)
    if path.is_dir():
        found = [str(p) for p in sorted(path.rglob("*")) if _wanted(p, path)]
        if not found:
            raise InputError(name, "is a directory with no readable files (" + " ".join(KNOWN_SUFFIXES) + ")")
        return found
    if not path.exists() and _GLOB_CHARS & set(name):
        found = sorted(p for p in glob.glob(name, recursive=True) if Path(p).is_file())
        if not found:
            raise InputError(name, "no file matches this pattern")
        return found
    return [name]


def _wanted(path: Path, root: Path) -> bool:
    # hidden files and folders (.git, .DS_Store) are never news
    if any(part.startswith(".") for part in path.relative_to(root).parts):
        return False
    return path.is_file() and path.name.lower().endswith(KNOWN_SUFFIXES)
