"""Fill the Danish catalogue from a Python file: T = {msgid: str}, P = {msgid: (one, many)}.

Used by developers after `make messages`; entries not in the file are left as they are.
"""

import runpy
import sys

import polib  # type: ignore[import-untyped]


def main(po_path: str, translations_path: str) -> int:
    data = runpy.run_path(translations_path)
    singular, plural = data.get("T", {}), data.get("P", {})
    po = polib.pofile(po_path)
    missing = []
    for entry in po:
        if entry.obsolete:
            continue
        if entry.msgid_plural and entry.msgid in plural:
            one, many = plural[entry.msgid]
            entry.msgstr_plural = {0: one, 1: many}
        elif not entry.msgid_plural and entry.msgid in singular:
            entry.msgstr = singular[entry.msgid]
        elif "fuzzy" in entry.flags:
            # msgmerge's guess from a similar msgid is usually wrong (other placeholders):
            # never let it pass as a translation.
            entry.msgstr = ""
            entry.msgstr_plural = dict.fromkeys(entry.msgstr_plural, "")
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
        if not entry.translated():
            missing.append(entry.msgid)
    po.metadata["Language"] = "da"
    po.metadata["Plural-Forms"] = "nplurals=2; plural=(n != 1);"
    po.metadata["Content-Type"] = "text/plain; charset=UTF-8"
    po.save(po_path)
    for msgid in missing:
        print("untranslated:", repr(msgid))
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
