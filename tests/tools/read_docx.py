#!/usr/bin/env python3
"""Read .docx files with python-docx, an independent reader, and print what it finds as JSON.

Usage: python3 tests/tools/read_docx.py FILE.docx [FILE.docx ...]

For each file it prints {"file", "zip_ok", "parts", "paragraphs": [{"style", "text"}...],
"headings": [{"level", "text"}...]} in a JSON list on stdout. Before python-docx opens a file,
Python's own zipfile module checks every entry's CRC-32 and size, and lxml parses every XML part,
so a broken package fails here even if python-docx would be lenient.

Exit codes: 0 all read; 1 a file could not be read (details on stderr); 3 python-docx is missing.
"""

import json
import sys
import zipfile

try:
    import docx  # python-docx
    from lxml import etree
except ImportError:
    sys.stderr.write(
        "python-docx is not installed. Install it with: pip install python-docx\n"
    )
    sys.exit(3)


def read(path):
    with zipfile.ZipFile(path) as archive:
        bad = archive.testzip()  # reads every entry and checks its CRC-32
        if bad is not None:
            raise ValueError(f"zip entry {bad} has a bad CRC-32")
        parts = archive.namelist()
        for name in parts:
            if name.endswith(".xml") or name.endswith(".rels"):
                etree.fromstring(archive.read(name))  # raises on malformed XML
    document = docx.Document(path)
    paragraphs = []
    headings = []
    for p in document.paragraphs:
        style = p.style.name if p.style is not None else None
        paragraphs.append({"style": style, "text": p.text})
        if style and style.startswith("Heading "):
            headings.append({"level": int(style.split(" ")[1]), "text": p.text})
    return {
        "file": path,
        "zip_ok": True,
        "parts": parts,
        "title": document.core_properties.title,
        "author": document.core_properties.author,
        "paragraphs": paragraphs,
        "headings": headings,
    }


def main(paths):
    results = []
    for path in paths:
        try:
            results.append(read(path))
        except Exception as error:  # report which file and why, then fail
            sys.stderr.write(f"{path}: {type(error).__name__}: {error}\n")
            return 1
    json.dump(results, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
