"""Danish text helpers."""

# Python compares code points, which puts å before æ and ø; Danish order is æ, ø, å (and aa = å).
_DANISH_ORDER = str.maketrans({"æ": "{", "ø": "|", "å": "}", "ä": "{", "ö": "|", "ü": "y"})


def danish_sort_key(text: str) -> str:
    """Sort key giving Danish alphabetical order: ... x, y, z, æ, ø, å."""
    return text.casefold().replace("aa", "å").translate(_DANISH_ORDER)
