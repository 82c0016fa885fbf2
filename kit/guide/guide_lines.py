"""Reading a guide file for ``lint-guide``: which kind of file it is, and what each line is.

- :func:`content_problem`: a file whose content does not match its name (a plain-text file
  renamed ``.docx``, a Word document named ``.txt``, a PDF, an image) is a located problem
  (``path: message``, line 0: the whole file), never read as a guide. The kind of content is
  told by the file's signature (its first bytes: ZIP, PDF, OLE2, RTF, PNG, JPEG, GIF, gzip)
  and, for a ZIP, by the parts it holds (``word/document.xml``, ``xl/``, ``ppt/``, an
  OpenDocument ``mimetype``).
- :func:`docx_lines`: the paragraphs of a real Word guide (``.docx``), one line per paragraph,
  read with python-docx.
- :func:`wrong_kind`: a file that reads as an interview note (front matter with the note
  template's keys) or a transcript (caption timing lines, or speaker labels on most lines) is
  no guide: a problem at line 1, never linted line by line.
- :func:`classify`: every non-blank line of a guide is a question, a heading, an interviewer
  note, a timing note or the ``# format:`` directive; nothing is dropped unrecorded. Headings
  as guides write them: markdown (``# Warm-up``), numbered sections ("Section 1: Warm-up",
  "Part 2 – Core questions (3 min)", "Block B"), a label alone on its line ("Opener:",
  "Core questions:"), a short title with no question or sentence mark ("Wrap-up (2 min)");
  interviewer notes in brackets ("[thank them, stop the recording]"), labelled notes ("Note:
  ...", "Say: ..."), instructions to the interviewer ("Thank them for their time."), statements said to the
  participant that ask nothing (no "you", no request: "Thanks for joining, our new app makes
  booking easy."), rules ("---"); timing alone ("(5 min)"). A role label before a question ("Opener: Tell me about
  ...", "Probe: Why was that?", "Q3. How ...") is taken off and gives the question's role.
"""
from __future__ import annotations

import bisect
import io
import re
import zipfile

__all__ = ["LINE_KINDS", "MARKUP", "NOTE_KEYS", "classify", "content_problem", "docx_lines", "wrong_kind"]

#: The kinds of guide line that are not questions, recorded in a result's ``notes``.
LINE_KINDS = ("heading", "note", "timing", "format")

_TEXT_SUFFIXES = {"", ".txt", ".text", ".md", ".markdown", ".yml", ".yaml", ".csv", ".guide"}
_NAMES = {".docx": "a Word document (.docx)", ".doc": "an old Word document (.doc)", ".pdf": "a PDF file",
          ".odt": "an OpenDocument text file (.odt)", ".rtf": "a Rich Text file (.rtf)", ".pages": "a Pages document",
          ".xlsx": "an Excel workbook (.xlsx)", ".xls": "an Excel workbook (.xls)", ".pptx": "a PowerPoint file (.pptx)",
          ".png": "an image", ".jpg": "an image", ".jpeg": "an image", ".gif": "an image", ".zip": "a ZIP archive",
          ".gz": "a gzip archive"}
_FIX = "save the guide as plain text (.txt, one question a line), as guide.yml or as a Word document (.docx)"


def _content(data: bytes) -> str:
    """What the bytes are, by their signature: ``text`` or a phrase naming the kind of file."""
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                names = archive.namelist()
        except zipfile.BadZipFile:
            return "a damaged ZIP or Office file"
        if "word/document.xml" in names:
            return "a Word document (.docx)"
        if any(n.startswith("xl/") for n in names):
            return "an Excel workbook (.xlsx)"
        if any(n.startswith("ppt/") for n in names):
            return "a PowerPoint file (.pptx)"
        if "mimetype" in names:
            return "an OpenDocument file"
        return "a ZIP archive"
    for sig, what in ((b"%PDF", "a PDF file"), (b"\xd0\xcf\x11\xe0", "an old Office document (.doc, .xls)"),
                      (b"{\\rtf", "a Rich Text file (.rtf)"), (b"\x89PNG", "an image"), (b"\xff\xd8\xff", "an image"),
                      (b"GIF8", "an image"), (b"\x1f\x8b", "a gzip archive")):
        if data.startswith(sig):
            return what
    return "text"


def content_problem(suffix: str, data: bytes, fix: str = _FIX) -> str | None:
    """The message when a file named with ``suffix`` (".txt", ".docx", ...) holds content of
    another kind, or of a kind no guide is read from; None when the content matches a guide
    the kit reads (text in a text file, a Word document in a .docx). ``fix`` ends the
    message (what to save the file as: the transcript reader gives its own)."""
    suffix = suffix.lower()
    _FIX = fix  # noqa: N806  (the messages below name it)
    what = _content(data)
    if suffix == ".docx":
        if what == "a Word document (.docx)":
            return None
        if what == "text":
            return "named .docx but holds plain text, not a Word document: rename the file to .txt"
        return f"named .docx but is {what}, not a Word document: {_FIX}"
    if suffix in _TEXT_SUFFIXES or suffix not in _NAMES:
        if what == "text":
            return None
        return f"named {suffix or 'without an extension'} but is {what}, not text: {_FIX}"
    if what == "text":
        return f"named {suffix} but holds plain text: rename the file to .txt"
    return f"{_NAMES[suffix]} is not read as a guide: {_FIX}"


def docx_lines(data: bytes) -> tuple[str | None, str | None]:
    """``(text, None)``: the paragraphs of a Word guide, one line per paragraph (a line break
    inside a paragraph starts a new line; table rows are read cell by cell); ``(None, message)``
    when python-docx cannot read it, or when :func:`kit.docx_guard.docx_problem` refuses it first (a
    zip bomb, never inflated; a document type in an XML part, with its part and line: attacker s17 A9, A10)."""
    from kit.docx_guard import GUIDE_LIMIT, docx_problem

    if (refused := docx_problem(data, "", "a guide", GUIDE_LIMIT)) is not None:
        return None, refused.message
    try:
        import docx
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises many kinds for damaged files
        return None, f"cannot read this Word document ({type(exc).__name__}): save it again, or as .txt"
    lines: list[str] = []
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.extend(docx.text.paragraph.Paragraph(child, document).text.split("\n"))
        elif tag == "tbl":
            for row in docx.table.Table(child, document).rows:
                lines.extend(c.text.strip() for c in dict.fromkeys(row.cells) if c.text.strip())
    return "\n".join(lines), None


_MARKER = re.compile(r"^(?:\d+[.)]|[-*\u2022\u2013\u25aa\u25cf]|[a-z][.)])\s+", re.I)
_SECTION = re.compile(r"^(?:section|part|block|stage|phase|step|module|round|topic|theme|segment|chapter|act|"
                      r"activity|exercise|task)\s+(?:\d+|[ivxlc]+|[a-h]|one|two|three|four|five|six|seven|eight|nine|"
                      r"ten)\b", re.I)
# (each run of digits or spaces read one way only: "1111...", a run of spaces, in linear time)
_TIMING = re.compile(r"^[(\[]?\s*(?:~|about |approx\.? |c\. )?\d+(?:\.\d+)?(?:\s*(?:[-\u2013\u2014/]|to)(?:\s*\d+)?|\s+\d+)?"
                     r"\s*(?:min|mins|minutes|m|sec|secs|seconds|s|hrs?|hours?)\.?\s*[)\]]?\.?$", re.I)
_TRAILING_TIMING = re.compile(r"[(\[]\s*(?:~|about |approx\.? )?\d+(?:\s*[-\u2013\u2014]\s*\d+)?\s*"
                              r"(?:min|mins|minutes|m|sec|secs|seconds|s)\.?\s*[)\]]\s*:?$", re.I)
_BRACKETED = re.compile(r"^(?:\[[^\]]*\]|\([^)]*\)|<[^>]*>|\{[^}]*\})\.?$")
_RULE = re.compile(r"^[-=_*~#.\u2013\u2014\u2500]{3,}$")
# a markdown table pasted as a guide (attacker session 15 A2): the rule under its header row, and a row's cells
_TABLE_RULE = re.compile(r"^\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?$")
_NUMBER_CELL = re.compile(r"^(?:#|no\.?|nr\.?|q?\d{1,3}[.)]?|[a-z][.)])$", re.I)
#: HTML markup: a script's or style's element with its content, or a tag (a guide pasted from a web form).
MARKUP = re.compile(r"<(script|style)\b[^>]*>.*?(?:</\1\s*>|$)|</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>", re.I | re.S)


def _table_cells(s: str) -> str | None:
    """The text of a markdown table's row ``| 1 | Tell me about ... |`` (its cells that are not a
    number or a timing, joined as "label: text"), "" for the rule under the header, or None for a
    line that is no table row."""
    if not (s.startswith("|") and s.count("|") >= 2):
        return None
    if _TABLE_RULE.match(s):
        return ""
    cells = [c.strip() for c in s.strip("|").split("|")]
    kept = [c for c in cells if c and not _NUMBER_CELL.match(c) and not _TIMING.match(c)]
    return ": ".join(kept)


def _has_words(s: str) -> bool:
    """Whether a line holds a word (a letter outside markup): a line of emoji, signs or tags asks nothing
    (attacker session 15 A3)."""
    return any(ch.isalpha() for ch in (MARKUP.sub(" ", s) if "<" in s else s))
_NOTE_LABEL = re.compile(r"^(?:note|notes|nb|n\.b\.|interviewer|interviewer note|say|script|read aloud|read out|"
                         r"intro|introduction|consent|reminder|tip|do not|don't|instructions?|setup|set-up|"
                         r"materials|goal|goals|objective|aim|purpose|context|background)\s*[:\-\u2013]\s*", re.I)
_ROLE_LABELS = {"opener": "opener", "opening": "opener", "opening question": "opener", "story": "opener",
                "story question": "opener", "closer": "future", "closing": "future", "closing question": "future",
                "future": "future", "future question": "future", "wrap-up": "future", "wrap up": "future",
                "last question": "future", "final question": "future", "probe": "probe", "probes": "probe",
                "follow-up": "probe", "follow up": "probe", "followup": "probe", "prompt": "probe",
                "targeted": "targeted", "targeted question": "targeted", "core": "targeted",
                "core question": "targeted"}
_PLAIN_LABEL = re.compile(r"^(?:q|question)\s*\d+\s*[:.)\-\u2013]\s*", re.I)
_LABEL = re.compile(r"^([A-Za-z][\w' -]{0,30}?)\s*(?:\([^)]*\)\s*)?[:\u2013\u2014]\s*(.*)$")
_ASKING = {"how", "what", "why", "when", "where", "who", "whom", "whose", "which", "tell", "walk", "talk", "take",
           "describe", "explain", "share", "give", "say", "do", "did", "does", "is", "are", "was", "were", "can",
           "could", "would", "will", "have", "has", "had", "should", "shall", "may", "might", "any", "anything",
           "go", "and", "so", "then", "please", "okay", "ok", "imagine", "suppose", "picture", "think", "if",
           "in", "on", "looking", "thinking", "before", "after", "since", "last", "during", "over", "i", "we",
           "you", "your", "isn't", "aren't", "don't", "doesn't", "didn't", "wasn't", "won't", "wouldn't",
           "can't", "couldn't", "haven't", "hasn't", "remember", "help", "let's", "lets", "show", "compared"}
_FILLERS = {"um", "umm", "uh", "uhh", "er", "erm", "hmm", "mm", "ah", "oh", "like", "right", "well", "yeah", "sorry"}
_INSTRUCTION = {"thank", "stop", "start", "begin", "end", "close", "introduce", "remind", "confirm", "check",
                "ask", "note", "pause", "turn", "switch", "hand", "offer", "mention", "read", "record", "skip",
                "move", "allow", "leave", "spend", "keep", "use", "explain", "summarise", "summarize", "repeat",
                "probe", "listen", "wait", "watch", "observe", "capture", "write", "make"}


# A sentence that asks nothing of the participant: no "you" in it and no word of a request
# ("Thanks for joining, our new app makes booking easy.") is said to them, not asked.
_ADDRESSED = {"you", "your", "yours", "you're", "you've", "you'd", "you'll", "yourself", "u", "ur", "ya", "yall"}
_REQUEST = re.compile(r"\b(?:tell|walk|describe|recount|hear|curious|wonder(?:ing)?|interested|share|explain|talk|"
                      r"take|show|know|understand|love|keen|remember|recall|think|feel|felt|happened|story|"
                      r"experience|example|time when|last time)\b", re.I)
_ENGLISH = {"the", "our", "we", "is", "are", "this", "for", "to", "and", "of", "it", "will", "be", "with", "today"}


_WH = {"how", "what", "why", "when", "where", "who", "whom", "whose", "which", "whats", "hows", "whys"}
_CONTACT = {"call", "ring", "phone", "email", "e-mail", "text", "pay", "refer", "direct", "forward"}


def _instruction(ws: list[str]) -> bool:
    """Whether a line (its words, no "?") tells the interviewer what to do: an interviewer's verb first
    ("Thank them ...", "Call 01234 ... if they want to complain", "Give them the voucher"), never addressed
    to the participant ("you")."""
    if not ws or not _ADDRESSED.isdisjoint(ws):
        return False
    third = len(ws) > 1 and ws[1] in {"them", "him", "her", "the", "their", "each", "every"}
    return ws[0] in _INSTRUCTION or ws[0] in _CONTACT or (ws[0] in {"give", "tell", "let", "send", "hand"} and third)


def _title_or_instruction(body: str, ws: list[str]) -> str | None:
    """For a line with no "?": ``note`` for an instruction to the interviewer ("Call ... if they want to
    complain", "Give them the voucher": newcomer s17 F5), ``heading`` for a title (no question word, not
    addressed to "you", no request, no sentence mark at its end: "Rider interview guide - v3 (Tom,
    Marketing)", newcomer s17 F4), else None."""
    if _instruction(ws):
        return "note"
    if ws and ws[0] not in _ASKING and _WH.isdisjoint(ws) and _ADDRESSED.isdisjoint(ws) and \
            not re.search(r"[.!:;,]\s*$", body) and not _REQUEST.search(body):
        return "heading"
    return None


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z][a-z'-]*", text.lower())


_MARKS = re.compile(r"(?=(\*\*|__))")
_SPACE = re.compile(r"\s")


def _unbold(line: str) -> str:
    """One line without bold: what ``re.sub(r"(\\*\\*|__)(?=\\S)(.+?)(?<=\\S)\\1", r"\\2", line)`` gives,
    in time linear in the line (the regex scanned to the line's end from each opening mark
    with no closing one: a line of "**a " repeated was quadratic). Each opening mark, followed
    by a non-space, pairs with the first same mark at least one character on that follows a
    non-space."""
    marks = [(m.start(), m.group(1)) for m in _MARKS.finditer(line)]
    closing = {d: [p for p, mark in marks if mark == d and p and not _SPACE.match(line[p - 1])] for d in ("**", "__")}
    out, pos = [], 0
    for p, mark in marks:
        if p < pos or p + 2 >= len(line) or _SPACE.match(line[p + 2]):
            continue
        ends = closing[mark]
        k = bisect.bisect_left(ends, p + 3)
        if k < len(ends):
            out += [line[pos:p], line[p + 2:ends[k]]]
            pos = ends[k] + 2
    return "".join(out) + line[pos:]


def _unwrapped(text: str) -> str:
    """``text`` without the italics or code marks around all of it, layer by layer (``*_x_*``):
    what repeating ``re.match(r"^([*_`])(?=\\S)(.+)(?<=\\S)\\1$", text.strip())`` gives, in time
    linear in the text (a line of 50,000 stars around a word took one pass per star)."""
    s = text.strip()
    i, j = 0, len(s)
    breaks = [k for k, c in enumerate(s) if c == "\n"]  # '.' matches no line break
    peeled = False
    while j - i >= 3 and s[i] in "*_`" and s[j - 1] == s[i] and not _SPACE.match(s[i + 1]) and \
            not _SPACE.match(s[j - 2]):
        k = bisect.bisect_left(breaks, i + 1)
        if k < len(breaks) and breaks[k] <= j - 2:
            break
        i, j, peeled = i + 1, j - 1, True
        while i < j and _SPACE.match(s[i]):
            i += 1
        while j > i and _SPACE.match(s[j - 1]):
            j -= 1
    return s[i:j] if peeled else text


def _unemphasised(text: str) -> str:
    """``text`` without Markdown emphasis: bold anywhere (``**Opener:** Tell me…``), and italics
    or code marks around the whole line (``*Tell me about…*``): a guide kept in Markdown asks
    the same question as the plain line (its flags, kind and rewrite were different)."""
    if "**" in text or "__" in text:  # a bold span never crosses a line break
        text = "\n".join(_unbold(line) for line in text.split("\n"))
    return _unwrapped(text)


def classify(line: str, strict: bool = False) -> tuple[str, str, str | None]:
    """``(kind, text, role)`` for one non-blank line of a guide: ``kind`` is ``question`` or
    one of :data:`LINE_KINDS`; ``text`` the question without its list marker and role label
    (the whole line for the other kinds, without a leading ``#``); ``role`` the role a label
    gave (``opener``, ``targeted``, ``probe``, ``future``) or None. With ``strict`` (items of a
    guide.yml, where every item is meant as a question) only unmistakable headings and notes
    are recognised: markdown, numbered sections, brackets, timing and rules."""
    s = line.strip()
    if (cells := _table_cells(s)) is not None:
        if not cells:
            return "note", s, None  # the rule under a table's header row
        s = cells
    if not _has_words(s):
        return "note", s, None  # emoji, signs or markup alone: no question
    if s.startswith("#"):
        if re.match(r"#\s*format\s*:", s, re.I):
            return "format", s, None
        return "heading", s.lstrip("#").strip() or s, None
    if _RULE.match(s):
        return "note", s, None
    body = _unemphasised(_MARKER.sub("", _unemphasised(s)).strip() or s)
    if _TIMING.match(body):
        return "timing", body, None
    if _BRACKETED.match(body):
        return "note", body, None
    asks = "?" in body
    if _SECTION.match(body) and not asks:
        return "heading", body, None
    if _NOTE_LABEL.match(body) and not (asks and re.match(r"^(?:say|script|read aloud|read out)\b", body, re.I)):
        return "note", body, None
    m = _PLAIN_LABEL.match(body)
    if m and body[m.end():].strip():  # "Q5. Call 01234 ... if they want to complain": a note (newcomer s17 F5)
        rest = body[m.end():].strip()
        told = not asks and not strict and _instruction(_words(rest))
        return ("note", body, None) if told else ("question", rest, None)
    m = _LABEL.match(body)
    if m:
        label, rest = m.group(1).strip().lower(), m.group(2).strip()
        role = _ROLE_LABELS.get(label)
        if not rest and len(label.split()) <= 5:
            return "heading", body, None
        if role and rest:
            return "question", rest, role
    if not asks and _TRAILING_TIMING.search(body):
        return "heading", body, None
    if strict:
        return "question", body, None
    ws = _words(body)
    while len(ws) > 1 and ws[0] in _FILLERS:  # "um why was that": spoken, without its question mark
        ws = ws[1:]
    if ws and "'" in ws[0] and ws[0].split("'")[0] in _ASKING:  # "how's he been", "what's next"
        ws = [ws[0].split("'")[0]] + ws[1:]
    if ws and ws[0] in {"whats", "hows", "whos", "wheres", "whens", "whys"}:  # "Whats the worst ...": no apostrophe
        ws = [ws[0][:-1]] + ws[1:]
    if not asks and (kind := _title_or_instruction(body, ws)):
        return kind, body, None
    if not asks and ws and ws[0] not in _ASKING:
        if ws[0] in _INSTRUCTION or (ws[0] == "let" and len(ws) > 1 and ws[1] in {"them", "the", "him", "her"}):
            return "note", body, None
        if len(ws) <= 6 and not re.search(r"[.!]\s*$", body):
            return "heading", body, None
        if (re.search(r"[.!]\s*$", body) and _ADDRESSED.isdisjoint(ws) and not _REQUEST.search(body)
                and not _ENGLISH.isdisjoint(ws)):  # English: a question in another language stays one
            return "note", body, None  # a statement to the participant ("Thanks for joining, our app ...")
    return "question", body, None


# -- files of another kind: an interview note, a transcript ---------------------------------
#: The keys of an interview note's front matter (templates/interview-note.md).
NOTE_KEYS = frozenset({"id", "date", "participant", "interviewer", "note_taker", "duration", "transcript",
                       "stage", "thank_you_sent", "debriefed", "notes_written"})
_FRONT_KEY = re.compile(r"^\s*([A-Za-z_][\w-]*)\s*:")
_CUE_TIMING = re.compile(r"^\s*\[?\d{1,3}:\d{1,2}(?::\d{1,2})?(?:[.,;]\d+)?\]?\s*-->\s*\[?\d")
_TIMESTAMP = re.compile(r"^\s*[\[(]?\d{1,3}:\d{2}(?::\d{2})?(?:[.,]\d+)?[\])]?\s*(?:$|[-\u2013:|]?\s*\S)")
_SPEAKER_TIME = re.compile(r"^[^\W\d_][\w .'-]{0,40}?\s{1,4}[(\[]?\d{1,3}:\d{2}(?::\d{2})?(?:[.,]\d+)?[)\]]?:?\s*$")
# Labels a transcript's speakers have that are also a guide's note labels.
_ROLE_SPEAKERS = {"interviewer", "moderator", "researcher", "participant", "respondent", "customer", "user"}
_SPEAKER = re.compile(r"^\s*(?:\[?\d{1,2}:\d{2}(?::\d{2})?\]?\s*)?([A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,3}"
                      r"|[Ss]peaker \d+)(?:\s*(?:\([^)]{0,30}\)|\[[^\]]{0,30}\]))?\s*:\s+\S")


def _front_matter_keys(lines: list[str]) -> set[str]:
    """The keys of a front matter block (``---`` lines around it) at the start of a file."""
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None or lines[first].strip() != "---":
        return set()
    keys = set()
    for line in lines[first + 1:first + 60]:
        if line.strip() in ("---", "..."):
            return keys
        m = _FRONT_KEY.match(line)
        if m and not line.startswith((" ", "\t")):
            keys.add(m.group(1).lower())
    return set()  # never closed: not front matter


def _speaker_label(line: str) -> str | None:
    """The speaker label a transcript line starts with (``Jordan:``, ``Alex Morgan:``,
    ``Speaker 1:``), not a guide's role, question or note label (``Probe:``, ``Q3:``, ``Note:``)."""
    m = _SPEAKER.match(line)
    if m is None:
        return None
    label = m.group(1).strip()
    low = label.lower()
    if (low in _ROLE_LABELS or _PLAIN_LABEL.match(label + ":") or _SECTION.match(label)
            or (_NOTE_LABEL.match(label + ":") and low not in _ROLE_SPEAKERS)):
        return None
    return low


def wrong_kind(text: str) -> str | None:
    """The message when a guide file's text reads as another kind of file: an interview note
    (front matter holding at least two of :data:`NOTE_KEYS`, and no ``questions`` key) or a
    transcript (a caption timing line ``00:00:01.000 --> 00:00:04.000``; or, of at least four
    non-blank lines, most starting with a timestamp, or speaker labels of at least two
    speakers on most lines (a speaker's name alone on its line counted), or Otter's ``Name  0:05`` headers on a third). None for a guide."""
    lines = text.split("\n")
    keys = _front_matter_keys(lines)
    if len(keys & NOTE_KEYS) >= 2 and "questions" not in keys:
        found = ", ".join(k for k in sorted(NOTE_KEYS) if k in keys)
        return (f"this looks like an interview note (front matter with {found}), not a guide: lint-guide reads "
                "a guide.yml, a text file with one question a line or a Word .docx")
    body = [line for line in lines if line.strip()]
    kind = None
    if any(_CUE_TIMING.match(line) for line in body[:200]):
        kind = "caption timing lines"
    elif len(body) >= 4:
        labels = [_speaker_label(line) for line in body]
        seen = {label for label in labels if label}
        # a speaker's name alone on its line (Word and Teams exports put it above the words)
        named = [label or line.strip().rstrip(":").lower() for label, line in zip(labels, body)
                 if label or line.strip().rstrip(":").lower() in seen]
        timed = sum(1 for line in body if _TIMESTAMP.match(line) or _SPEAKER_TIME.match(line))
        headers = sum(1 for line in body if _SPEAKER_TIME.match(line))
        if len(named) * 2 > len(body) and len(set(named)) >= 2:
            kind = f"speaker labels on {len(named)} of {len(body)} lines"
        elif timed * 2 > len(body) or headers * 3 >= len(body):
            kind = f"times on {timed} of {len(body)} lines"
    if kind is None:
        return None
    return (f"this looks like an interview transcript ({kind}), not a guide: lint-guide reads a guide.yml, "
            "a text file with one question a line or a Word .docx")
