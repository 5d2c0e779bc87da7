#!/usr/bin/env python3
"""Every message key the sources use exists in the catalogue (src/core/catalogue/*.inc).

Usage: check_catalogue.py SRC_DIR. Looks for tr("a.b"), tr_in(lang, "a.b") and
core::tr("a.b") calls and fails listing each key that has no row."""
import pathlib
import re
import sys

src = pathlib.Path(sys.argv[1])
rows = set()
for inc in (src / "core" / "catalogue").glob("*.inc"):
    rows.update(re.findall(r'^\s*\{"([^"]+)"', inc.read_text(encoding="utf-8"), re.M))

use = re.compile(r'\btr(?:_in)?\(\s*(?:[\w:]+\s*,\s*)?"([a-z0-9_]+(?:\.[a-z0-9_]+)+)"')
missing = []
for path in sorted(list(src.rglob("*.cpp")) + list(src.rglob("*.h"))):
    for key in use.findall(path.read_text(encoding="utf-8")):
        if key not in rows:
            missing.append(f"{path.relative_to(src)}: {key}")
if missing:
    print("message keys missing from src/core/catalogue/*.inc:")
    print("\n".join(sorted(set(missing))))
    sys.exit(1)
print(f"check_catalogue: {len(rows)} keys, every key used is in the catalogue")
