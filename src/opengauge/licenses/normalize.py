"""License text -> normalized tokens, following the SPDX matching guidelines.

What is made equivalent: letter case; white space and line breaks; quote marks and
apostrophes; dashes and hyphens (hyphenated words are joined, also across a line break);
bullets and list numbering such as `1.`, `(a)`, `iv.`; Markdown and HTML markup (headings,
emphasis, links, escapes, tags); copyright notice lines and "all rights reserved"; URL schemes
(`https://www.` is dropped so a bare host matches a link); Chinese and Japanese characters
are one token each (their lines can be re-wrapped anywhere); the copyright signs `(c)` and `©`
with the years after them, anywhere; and a few spelling variants (`licence`/`license`, ...).

Every rule is applied the same way wherever the text sits on a line, so re-wrapping a text
never changes its tokens. Each token keeps the 1-based line it starts on, for line ranges.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Callable

from opengauge.licenses.lazyre import Lazy

VERSION = 4
"""Bumped when normalization changes: prebuilt indexes of another version are rebuilt."""

_CRLF = re.compile(r"\r\n?")
_MD_LINK = re.compile(r"!?\[([^\]\n]*)\]\([^)\n]*\)")
_MD_ESCAPE = re.compile(r"\\([\\_*\[\]#`|~>.\-!(){}+])")
_HTML_TAG = re.compile(r"<[a-z!/?][^<>]{0,200}>")
_COPYRIGHT_WORD = re.compile(r"copyright\s*(?=\(c\)|©)")
_COPYRIGHT_SIGN = re.compile(r"(?:\(c\)|©)(?:\s*\d{4}(?:\s*[-,–]\s*\d{2,4})*)?"
                             r"(?:\s*[\[<{][^\]>}\n]{1,40}[\]>}])*")
_URL_PREFIXES = ("https://www.", "http://www.", "ftp://www.", "https://", "http://", "ftp://", "www.")
_APOSTROPHE = re.compile(r"['’‘`´](?<=[^\W_]['’‘`´])(?=[^\W_])")
_HYPHEN = re.compile(r"[-‐‑](?<=[^\W\d_][-‐‑])(?=[^\W\d_])")
_BROKEN_WORD = re.compile(r"[^\W\d_][-‐‑]$")
_HYPHEN_BREAK = re.compile(r"[-‐‑](?<=[^\W\d_][-‐‑])[ \t]*\n[ \t]*(?=[^\W\d_])")
_HYPHENS = ("-", "‐", "‑")
_COPYRIGHT_LINE = re.compile(
    r"^[ \t>*#\-+|]*(?:copyright\b|©|\(c\)\s*\d)[^\n]*|^[ \t>*#\-+|]*all rights reserved\.?[ \t]*$",
    re.MULTILINE,
)
_NOTICE_SIGNS = re.compile(r"\d{4}|©|\(c\)|all rights reserved|[\[<{]")
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f"
_CJK_FIRST = "\u3040"
"""No character of `_CJK` sorts before this one."""
_TOKEN = Lazy(rf"\(?(?:[a-z]|[ivx]{{2,5}}|\d{{1,3}})[.)](?=\s|$)|([{_CJK}]|[^\W_{_CJK}]+(?:\.\d+)*)")
"""A word, or a list marker (`a.`, `(iv)`, `12.` before white space), which yields "" and is
dropped: list numbering is ignored wherever it stands."""
_TOKEN_NO_CJK = Lazy(r"\(?(?:[a-z]|[ivx]{2,5}|\d{1,3})[.)](?=\s|$)|([^\W_]+(?:\.\d+)*)")
"""`_TOKEN` for a text without a CJK character: the same tokens, and ten times quicker to
compile (the CJK ranges make `_TOKEN` the costliest pattern of a new process)."""
_HAS_CJK = Lazy(f"[{_CJK}]")


def _has_cjk(text: str) -> bool:
    return bool(text) and max(text) >= _CJK_FIRST and _HAS_CJK.search(text) is not None


def _token_findall(text: str) -> Callable[[str], list[str]]:
    """`findall` of the token pattern for `text` (and any part of it)."""
    return (_TOKEN if _has_cjk(text) else _TOKEN_NO_CJK).compiled().findall

EQUIVALENT = {
    "licence": "license", "licences": "licenses", "licenced": "licensed",
    "acknowledgment": "acknowledgement",
    "acknowledgments": "acknowledgements", "analogue": "analog", "authorisation": "authorization",
    "authorised": "authorized", "centre": "center", "favour": "favor", "offence": "offense",
    "organisation": "organization", "organisations": "organizations", "practise": "practice",
    "recognised": "recognized", "utilise": "utilize", "utilisation": "utilization",
    "whilst": "while", "behaviour": "behavior", "honour": "honor", "defence": "defense",
    "programme": "program", "programmes": "programs", "colour": "color", "artefact": "artifact",
    "artefacts": "artifacts", "fulfil": "fulfill", "sublicence": "sublicense",
}


class Normalized:
    """Tokens of a text and the 1-based line each one starts on.

    Lines are worked out on first use: a word-for-word copy of a known license needs only
    the lines of its first and last words.
    """

    __slots__ = ("_cleaned", "_lines", "_source", "tokens")

    def __init__(self, tokens: list[str] | None = None, lines: list[int] | None = None,
                 cleaned: str | None = None, source: str | None = None) -> None:
        self.tokens = tokens if tokens is not None else []
        self._lines = lines
        self._cleaned = cleaned
        self._source = source

    def __len__(self) -> int:
        return len(self.tokens)

    def __repr__(self) -> str:
        return f"Normalized(tokens={self.tokens!r}, lines={self.lines!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Normalized) and (self.tokens, self.lines) == (other.tokens,
                                                                               other.lines)

    __hash__ = None  # type: ignore[assignment]

    @property
    def lines(self) -> list[int]:
        """The line of every token."""
        if self._lines is None:
            self._lines = _by_line(self._cleaned or "")[1]
        return self._lines

    def notice_words(self, first: int, last: int) -> set[str]:
        """The words of the copyright notice lines that normalization dropped within lines
        first..last (1-based, inclusive) of the text."""
        if not self._source:
            return set()
        found: set[str] = set()
        for line in self._source.splitlines()[max(0, first - 1):last]:
            m = _COPYRIGHT_LINE.match(_HTML_TAG.sub(" ", line.lower()))
            if m is not None and not _copyright_line(m):
                found.update(_words(m.group(0)))
        return found

    def lines_of(self, indexes: set[int]) -> dict[int, int]:
        """The lines of the tokens at `indexes` (counting tokens line by line, stopping early)."""
        if self._lines is not None or self._cleaned is None:
            return {i: self.lines[i] for i in indexes}
        found: dict[int, int] = {}
        wanted = sorted(i for i in indexes if i >= 0)
        at = count = 0
        for number, line in enumerate(self._cleaned.split("\n"), 1):
            if at == len(wanted):
                break
            count += len(_words(line))
            while at < len(wanted) and wanted[at] < count:
                found[wanted[at]] = number
                at += 1
        return found

    def line_range(self, start: int, end: int) -> list[int]:
        """[first line, last line] of tokens start..end-1 (end exclusive)."""
        if not self.tokens:
            return [1, 1]
        start = max(0, min(start, len(self.tokens) - 1))
        end = max(start + 1, min(end, len(self.tokens)))
        if self._lines is None and start == 0 and end == len(self.tokens):
            return _edge_lines(self._cleaned or "")
        return [self.lines[start], self.lines[end - 1]]


def _blank(match: re.Match[str]) -> str:
    """Remove a match but keep its line breaks (line numbers stay right)."""
    return " " + "\n" * match.group().count("\n")


def _copyright_line(match: re.Match[str]) -> str:
    line = match.group(0)
    if len(line) <= 160 and ("all rights reserved" in line or _NOTICE_SIGNS.search(line)):
        return ""
    return line


def clean(text: str, *, join_breaks: bool = False) -> str:
    """The text with markup, notices and list numbering removed, lower case.

    Lines are kept unless `join_breaks` joins words broken by a hyphen at a line end.
    """
    text = _CRLF.sub("\n", text)
    if not text.isascii() and not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    text = text.lower()
    if "&" in text:
        text = html.unescape(text)
    if "](" in text:
        text = _MD_LINK.sub(r"\1", text)
    if "\\" in text:
        text = _MD_ESCAPE.sub(r"\1", text)
    if "<" in text:
        text = _HTML_TAG.sub(_blank, text)
    if "://" in text or "www." in text:
        for prefix in _URL_PREFIXES:
            text = text.replace(prefix, "")
    if "'" in text or "’" in text or "‘" in text or "`" in text or "´" in text:
        text = _APOSTROPHE.sub("", text)
    if "-" in text or "‐" in text or "‑" in text:
        text = _HYPHEN.sub("", text)
    if join_breaks:
        text = _HYPHEN_BREAK.sub("", text)
    text = _COPYRIGHT_LINE.sub(_copyright_line, text)
    if "(c)" in text or "©" in text:
        text = _COPYRIGHT_SIGN.sub(" ", _COPYRIGHT_WORD.sub("", text))
    return text


def normalize(text: str) -> Normalized:
    """Normalized tokens of `text`, each with its line.

    A word broken by a hyphen at the end of a line is joined with the start of the next line.
    """
    cleaned = clean(text)
    if _HYPHEN_BREAK.search(cleaned) is None:
        return Normalized(_equivalents(_words(cleaned)), None, cleaned, text)
    words, lines = _by_line(cleaned)
    return Normalized(_equivalents(words), lines, source=text)


def _words(cleaned: str) -> list[str]:
    """The tokens of a cleaned text (`_TOKEN`'s words, list markers dropped).

    No token spans white space, so the text is read chunk by chunk between white space: a
    chunk of letters and digits alone is one word as it stands, only the others go through
    `_TOKEN` (a text with Chinese or Japanese characters, which are words on their own,
    goes through `_TOKEN` whole).
    """
    if not cleaned.isascii() and _has_cjk(cleaned):
        return list(filter(None, _TOKEN.compiled().findall(cleaned)))
    findall = _TOKEN_NO_CJK.compiled().findall
    words: list[str] = []
    append = words.append
    for chunk in cleaned.split():
        if chunk.isalnum():
            append(chunk)
        else:
            words += filter(None, findall(chunk))
    return words


def _by_line(cleaned: str) -> tuple[list[str], list[int]]:
    """Tokens of a cleaned text, line by line, with their lines (words broken by a hyphen at
    a line end joined)."""
    words: list[str] = []
    lines: list[int] = []
    broken = False
    for number, line in enumerate(cleaned.split("\n"), 1):
        found = _words(line)
        if not found:
            broken = False
            continue
        if broken and line.lstrip()[:1].isalpha():
            words[-1] += found.pop(0)
        words += found
        lines += [number] * len(found)
        broken = line.rstrip().endswith(_HYPHENS) and _BROKEN_WORD.search(line.rstrip()) is not None
    return words, lines


def _edge_lines(cleaned: str) -> list[int]:
    """The lines of the first and the last token of a cleaned text."""
    rows = cleaned.split("\n")
    findall = _token_findall(cleaned)
    has_token = (number for number, line in enumerate(rows, 1) if any(findall(line)))
    first = next(has_token, 1)
    last = next((number for number in range(len(rows), 0, -1)
                 if any(findall(rows[number - 1]))), first)
    return [first, last]


def _equivalents(words: list[str]) -> list[str]:
    if EQUIVALENT.keys().isdisjoint(words):
        return words
    get = EQUIVALENT.get
    return [get(w, w) for w in words]


def tokens(text: str) -> list[str]:
    """Just the normalized tokens of `text`, faster than `normalize` (no line numbers)."""
    return _equivalents(_words(clean(text, join_breaks=True)))
