"""Session 9 (the newcomer's findings, faults C 9 and 10): an interviewer's logistics request
is not a research question, a pitch spoken in one sentence with its ask is leading, a "Say:"
line of a guide is read as what the interviewer says, and a guide's questions get notes (not
flags) for misspelt words and a missing question mark.

- :func:`logistics`: "Sorry, could you say that in English for the notes?", "Can we contact
  you again?", "Is it OK if I record?": a request about the session (recording, notes,
  contacting the person again, repeating or spelling a word, a break, the screen), which the
  linter leaves unflagged and never rewrites as a story. A question about the person's own
  recording or contacts ("How do you keep your records?", "Who did you contact?") is not one.
- :func:`pitch`: a clause of the asker's side ("our", "we") praising the thing, joined to the
  ask in the same sentence ("Our new platform makes submitting faster and easier than ever,
  and we'd love your thoughts on it."), read as the preamble it is (:mod:`kit.guide.grammar`'s
  preamble rule).
- :func:`spoken_line`: a guide line "Say: ..." is spoken to the participant, so a pitch in it
  is linted (flagged leading) rather than filed as a note.
- :func:`notes`: misspelt words (:func:`kit.guide.spelling.misspellings`, the check the
  question-craft exercise scores rewrites with) and an interrogative line without "?"
  ("What happened the last time you couldn't find your feedback", "Looking ahead, what are you
  planning to do next time": the asked clause after a fronted phrase, session 11).
"""
from __future__ import annotations

import re

__all__ = ["identifier_request", "logistics", "notes", "pitch", "revise", "spoken_line", "spoken_pitch"]

_LEAD = r"^(?:(?:sorry|ok|okay|so|and|just|right|great|thanks|thank you|oh|um|uh|sure|lovely|perfect|before we (?:start|begin|finish|go))[,!.]?\s+)*"
_LOGISTICS = re.compile(
    _LEAD + r"(?:"
    # repeating, spelling or translating what was said, for the notes
    r"(?:could|can|would|will) you (?:please |just )?(?:say|repeat|spell|speak|explain|type|write|put) (?:that|it|this|"
    r"the (?:name|word|last (?:bit|part))|your (?:name|email|answer))\b[^?]*?\b(?:again|in english|"
    r"for (?:me|us|the (?:notes|recording|transcript|record|notetaker|note-taker))|more slowly|slower|louder|up|"
    r"(?:in )?another way)\b"
    r"|(?:could|can|would|will) you (?:please )?(?:speak up|speak more slowly|slow down a (?:bit|little))\b"
    # contacting the person again
    r"|(?:can|could|may|might|would it be (?:ok|okay|alright|all right|fine) if) (?:we|i) (?:contact|email|e-mail|call|"
    r"phone|ring|text|message|reach|follow up with|get back to|get in touch with) you\b"
    r"|would it be (?:ok|okay|alright|all right|fine) if (?:we|i) (?:contacted|emailed|called|phoned|rang|texted|"
    r"followed up|got back to|got in touch|recorded|took notes|shared)\b"
    r"|(?:would|are) you (?:be )?(?:happy|willing|ok|okay|open) (?:for us |for me )?to (?:be contacted|hear from us|"
    r"(?:contact|email|call) you)\b"
    # recording, notes, screen, breaks
    r"|(?:is it|would it be|are you) (?:ok|okay|alright|all right|fine|happy|comfortable)\b[^?]*\b(?:record|recording|"
    r"recorded|take notes|taking notes|notes|screen|camera|pause|break|continue|carry on)\b"
    r"|(?:do|would) you mind (?:if )?(?:i|we|me|us) (?:record|recording|take notes|taking notes|share|sharing|"
    r"pause|pausing)\b"
    r"|(?:can|could|may|shall) (?:i|we) (?:record|start (?:the )?recording|stop (?:the )?recording|take notes|"
    r"share my screen|pause|take a (?:short |quick )?break|move on)\b"
    r"|(?:can|could) you (?:hear|see) (?:me|us|my screen)\b"
    r"|(?:do|would) you (?:need|like|want) (?:a |to take a )?(?:short |quick )?(?:break|pause|glass of water|minute)\b"
    r"|shall we (?:take a (?:short |quick )?break|start|begin|continue|carry on|move on|get started)\b"
    r")", re.I)


def logistics(text: str) -> str:
    """The reason a question is an interviewer's logistics request, or ``""`` (module
    docstring)."""
    s = " ".join(str(text).replace("\u2019", "'").split())
    return "an interviewer's request about the session, not a research question" if _LOGISTICS.search(s) else ""


_CLAUSE_BREAK = re.compile(r",\s+(?:and|so|but)\s+|\s+[-\u2013\u2014]+\s+|;\s+")


def pitch(raw: list[str]) -> str:
    """A clause of the asker's side that praises the thing, before the ask in the same
    sentence: the leading reason, or ``""``."""
    from kit.guide.grammar import _OWN, _preamble_leading
    from kit.guide.lexicon import _tokens

    for sent in raw:
        parts = _CLAUSE_BREAK.split(sent)
        for part in parts[:-1]:
            toks = [t.lower() for t in _tokens(part)]
            while toks and toks[0] in {"so", "and", "well", "now", "right", "ok", "okay", ","}:
                toks = toks[1:]
            if not toks or toks[0] not in _OWN | {"we've", "we're", "we'll"} or "?" in part or \
                    set(toks) & {"would", "could", "if", "should", "might"}:
                continue  # a statement of the asker's side only: not a condition, a plan or the ask itself
            if (r := _preamble_leading(toks)):
                return r.replace("the preamble", "the clause before the ask")
    return ""


def revise(raw: list[str], reasons: dict[str, str]) -> dict[str, str]:
    """Session 9's changes to the flags of a question (its sentences ``raw``)."""
    text = " ".join(raw)
    if reasons and logistics(text) and set(reasons) <= {"closed", "generalizing", "hypothetical"}:
        return {}  # a request about the session: fine to ask as it is, no story to tell
    if "leading" not in reasons and (r := pitch(raw)):
        reasons = {"leading": r, **reasons}
    if "leading" not in reasons and raw and _WHY_NOT_MORE.search(raw[-1]):
        reasons = {"leading": "'why don't you ... more' presumes the participant should (a judgement, asked as a reason)",
                   **reasons}
    if "leading" not in reasons and raw and (r := _pitched_before(raw)):
        reasons = {"leading": r, **reasons}
    return reasons


# "Why don't you use the app more?": the participant is asked to justify not doing what the asker wants
# (newcomer session 15 F14); "Why didn't you renew?" asks about an occasion, and stays open
_WHY_NOT_MORE = re.compile(r"^(?:(?:so|and|but|ok|okay),?\s+)?why (?:don't|do not|dont|won't|wouldn't|doesn't|aren't)"
                           r" (?:you|they|people|customers|your \w+)\b[^?.!]*\b(?:more|more often|again|instead|anymore)\b",
                           re.I)


def _pitched_before(raw: list[str]) -> str:
    """The leading reason when what is said before the ask pitches the product (:func:`spoken_pitch`):
    the sentences before the asked one and, in the asked one, the clause before its last comma ("Hi!
    Thanks for popping in. Our portal makes booking so much easier, we'd love your thoughts.": newcomer
    session 15 F13), or ``""``."""
    before = [p for p in raw[:-1] + ([raw[-1].rsplit(",", 1)[0]] if "," in raw[-1] else [])
              if "?" not in p and not _asks(p)]  # statements only: an ask of its own is judged by the rules
    if not before or not spoken_pitch(" ".join(before)):
        return ""
    return "the words before the ask pitch the product (praise of it, or a call to act on it)"


_SAY = re.compile(r"^\s*(?:[-*\u2022]\s*)?(?:say|script|read aloud|read out|intro|introduction|welcome)\s*[:\-\u2013]\s*(.+)$",
                  re.I)
# a call to act on the product, said to the participant: "remember you can download X for free", "book in
# seconds", "download it today" (newcomer session 15 F3)
_CALL_TO_ACTION = re.compile(
    r"\b(?:remember|don't forget|do not forget|why not|be sure)\b[^.!?]{0,40}\b(?:download|install|sign up|subscribe|"
    r"try|use|book|register|get|join)\b|\b(?:download|install|sign up|subscribe|try|register|upgrade|book|order|join)\b"
    r"[^.!?]{0,60}\b(?:today|right now|for free|free of charge|in seconds|in minutes|in one click|in a few clicks)\b",
    re.I)


# thanks and courtesy said by the asker's side: not praise of the product
_COURTESY = frozenset({"thank", "thanks", "grateful", "appreciate", "appreciated", "welcome", "glad", "sorry", "kind",
                       "happy", "pleased", "help", "helpful", "free", "safe", "secure", "confidential"})
_PRAISING_VERBS = frozenset({"is", "are", "was", "were", "'s", "makes", "make", "made", "feels", "looks", "gets", "become",
                             "becomes", "been", "be"})


def _praises_own(toks: list[str]) -> bool:
    """Whether "our <thing>" is praised in the words ``toks``: a positive evaluative adjective right after
    "our" ("our amazing new app") or after the thing and a copula or "makes" ("our new portal is brilliant",
    "our app makes booking so much easier")."""
    from kit.guide.grammar import tags, valence

    for i, w in enumerate(toks):
        if w != "our":
            continue
        window = toks[i + 1:i + 9]
        for k, x in enumerate(window):
            if x in _COURTESY or valence(x) < 1.3 or "ADJ" not in tags(x):
                continue
            if k <= 1 or not _PRAISING_VERBS.isdisjoint(window[:k]):
                return True
    return False
_EASE = re.compile(r"\b(?:makes?|made|making|lets?)\b[^.!?]{0,40}\b(?:easy|easier|simple|simpler|faster|quicker|"
                   r"effortless|seamless|painless|a breeze)\b", re.I)


def spoken_pitch(said: str) -> str:
    """Why words said to the participant ("Say: ...", "Intro: ...") pitch the product, or ``""``:
    a sentence of the asker's side ("our ...") praising the thing or claiming it makes things easy
    ("Our new portal is brilliant", "our app makes booking easy"), how hard the team worked on it, or
    a call to act on it ("remember you can download the app for free"). Said before or between the
    questions, a pitch tells the participant what answer is welcome, as a leading preamble does; thanks
    and what the session is ("We are recording so I can take notes") are not pitches."""
    from kit.guide.grammar import _EFFORT
    from kit.guide.lexicon import _tokens

    text = str(said).replace("\u2019", "'")
    if _CALL_TO_ACTION.search(text):
        return "said to the participant, it promotes the product (a call to act on it): leave it out"
    for sent in re.split(r"(?<=[.!?])\s+|,\s+(?:and|so|but)\s+|\s+[-\u2013\u2014]+\s+|;\s+", text):
        toks = [t.lower() for t in _tokens(sent)]
        if "our" not in toks and not _EFFORT.search(" ".join(toks)):
            continue
        if _EFFORT.search(" ".join(toks)) and not re.search(r"\b(?:proud|excited|thrilled|delighted|pleased|happy)\b",
                                                            " ".join(toks)):
            return "said to the participant, it tells them how much work went into the product (a pitch): leave it out"
        if "our" in toks and (_EASE.search(sent) or _praises_own(toks)):
            return "said to the participant, it praises the product (a pitch): leave it out"
    for sent in re.split(r"(?<=[.!?])\s+", text):
        if _praising_superlative([t.lower() for t in _tokens(sent)]):
            return "said to the participant, it praises the organisation or the product (a pitch): leave it out"
    return ""


def _praising_superlative(toks: list[str]) -> bool:
    """Session 17 (newcomer session 16 F11): a sentence said to the participant that names something "the
    <superlative of praise>" ("Thanks for banking with Riverside, the friendliest credit union in the valley",
    "We are the most trusted lender in town"): a superlative or "most" + an adjective whose valence (VADER) is
    clearly positive, after "the", in a sentence that addresses no one ("you" only in thanks), so a story
    prompt ("Think of the best meal you had") is not one."""
    from kit.guide.grammar import tags, valence

    addressed = [i for i, t in enumerate(toks) if t in {"you", "your", "u", "ur"} and not (i and toks[i - 1] == "thank")]
    if addressed:
        return False
    for i, w in enumerate(toks[2:], 2):
        if toks[i - 1] != "the" or toks[i - 2] not in {",", "is", "are", "'s", "'re", "be", "being", "as", "-", "\u2014"}:
            continue  # the superlative in apposition or as the predicate ("X, the friendliest ...", "we are the best ...")
        if w == "most" and i + 1 < len(toks) and valence(toks[i + 1]) >= 1.5 and (
                "ADJ" in tags(toks[i + 1]) or toks[i + 1].endswith("ed")):
            return True
        if w.endswith("est") and "ADJ" in tags(w) and valence(w) >= 1.5 and w not in _COURTESY:
            return True
    return False


def spoken_line(line: str) -> str | None:
    """The words of a guide line "Say: ..." when the linter flags them (a pitch spoken to the
    participant is leading), else None: an ordinary script line ("Say: Thanks for joining")
    stays a note."""
    from kit.guide.lint import flags_of

    m = _SAY.match(str(line))
    if not m:
        return None
    said = m.group(1).strip()
    return said if "leading" in flags_of(said) or spoken_pitch(said) else None


_ASKS = re.compile(r"^(?:(?:so|and|ok|okay|right|now|then|but),?\s+)?(?:what|what's|whats|how|how's|why|who|whom|whose|"
                   r"where|when|which|is|are|was|were|do|does|did|have|has|had|can|could|would|will|should|"
                   r"shall|may|might|isn't|aren't|wasn't|don't|doesn't|didn't|haven't|hasn't|can't|couldn't|"
                   r"wouldn't|won't)\b", re.I)


# a clause before the asked one: a subordinate clause ("When you got home, ...": "when" not followed by
# an auxiliary, as in "When did you ..."), read past like any other fronted phrase ("Looking ahead, ...")
_SUBORDINATE = re.compile(r"^(?:(?:so|and|but|now),?\s+)?(?:when|whenever|where|wherever|while|once|since|after|"
                          r"before|as|if|because)\s+(?!(?:(?:exactly|else|then|roughly|usually|normally|typically)\s+)?"
                          r"(?:do|does|did|is|are|was|were|have|has|had|can|could|would|will|should|shall|may|"
                          r"might)\b)", re.I)
_REQUEST = re.compile(r"^(?:(?:so|and|ok|okay|now|please|then),?\s+)*(?:tell|walk|talk|describe|explain|share|show|"
                      r"give|take|go)\b", re.I)


def _asks(sentence: str) -> bool:
    """Whether a sentence reads as a question: its asked clause, after up to three fronted
    phrases or subordinate clauses each ending in a comma ("Looking ahead, what are you
    planning ...", "If you could change one thing, what would it be", "When you got home,
    what did you do"), starts with a question word or an auxiliary; a request ("Tell me
    ...", "When you got home, tell me ...") does not."""
    clause = sentence.strip()
    for _ in range(4):
        if _REQUEST.match(clause):
            return False
        if _ASKS.match(clause) and not _SUBORDINATE.match(clause):
            return True
        clause = clause.partition(",")[2].strip()
        if not clause:
            return False
    return False


_PERSONAL = (r"(?:(?:full |first |last |sur|maiden |user ?)?name|e-?mail(?: address)?|(?:phone|mobile|cell|telephone)(?: number)?|"
             r"(?:home |postal |street )?address|post ?code|zip(?: code)?|date of birth|birthday|d\.?o\.?b\.?|"
             r"(?:[\w-]+ ){0,2}?[\w-]*(?:client|customer|account|member|membership|policy|patient|reference|card|order|"
             r"booking|ticket|id|employee|staff|national insurance|social security|tax|nhs|passport|licen[cs]e|registration|"
             r"pass|claim|case|loyalty|rewards?|flyer|seat|plate|meter|contract|invoice|student|library)"
             r" (?:number|no\.?|num|id|code|reference))")  # session 17 F3: "your Smartcard number", "your loyalty card number"
_IDENTIFIER_ASK = re.compile(
    r"^(?:(?:so|and|ok|okay|first|firstly|first of all|before we start),?\s+)*(?:what(?:'s| is| are)|(?:can|could|would|may|will)"
    r" (?:you|i) (?:tell|give|send|confirm|spell|share|have)(?: (?:me|us))?(?: with)?|please (?:tell|give|confirm|spell)"
    r"(?: (?:me|us))?|confirm) (?:your|the participant's|their) (?:(?:pet|dog|cat|child|kid|son|daughter)'s )?"
    + _PERSONAL + r"\b", re.I)


def identifier_request(question: str) -> bool:
    """Whether a question asks the participant for their own personal details ("What's your customer
    number?", "Can you tell me your pet's name and your client number so I can look you up?"): a
    request the interviewer should settle before the call, not a research question to rewrite as a
    story (newcomer session 15 F4)."""
    return _IDENTIFIER_ASK.search(" ".join(str(question).replace("\u2019", "'").split())) is not None


def notes(question: str) -> list[str]:
    """Notes on a guide question (not flags): misspelt words with their likeliest
    correction, and a question without its question mark (:func:`_asks`: also after a
    fronted phrase, "Looking ahead, what ...")."""
    from kit.guide.lint import _CONTROL, masked
    from kit.guide.spelling import misspellings, spelling_note

    out = []
    text = masked(str(question).strip())  # no spelling notes on an address, a link or markup
    if (note := spelling_note(misspellings(text))):
        out.append(note)
    if _CONTROL.search(str(question)) or "\\x1b" in str(question):  # lint's one class of control characters
        out.append("holds control characters (a terminal code pasted from another tool, shown escaped): delete them")
    if identifier_request(text):
        out.append("asks for personal details: what is said ends up in the recording and the notes; look them up "
                   "before the interview instead (outputs redact them, the recording does not)")
    last = re.split(r"(?<=[.!?])\s+", text)[-1] if text else ""
    if last and not last.rstrip("\"'\u201d)").endswith("?") and not last.endswith(("!", ":")) and \
            _asks(last) and len(last.split()) >= 3:
        out.append("no question mark: it reads as a question, so end it with '?' (or make it a request, "
                   "'Tell me about ...')")
    return out
