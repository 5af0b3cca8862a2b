"""Exit 1 when makemessages found strings that the committed Danish catalogue lacks."""

import sys

import polib  # type: ignore[import-untyped]


def keys(path: str) -> set[tuple[str, str, str]]:
    return {
        (entry.msgctxt or "", entry.msgid, entry.msgid_plural or "")
        for entry in polib.pofile(path)
        if not entry.obsolete
    }


def main(committed: str, extracted: str) -> int:
    missing = keys(extracted) - keys(committed)
    stale = keys(committed) - keys(extracted)
    for _ctx, msgid, _plural in sorted(missing):
        print(f"not in {committed}: {msgid!r}")
    for _ctx, msgid, _plural in sorted(stale):
        print(f"no longer used: {msgid!r}")
    if missing or stale:
        print("Run `make messages`, translate the new strings and commit the .po file.")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
