"""Words and their parts of speech for the grammar-level rules (:mod:`kit.guide.grammar`):
closed-class tables, the lexicon shipped in the ``lemminflect`` wheel, VADER's valences
(shipped in ``vaderSentiment``), spoken fillers and common typos. Nothing is downloaded."""
from __future__ import annotations

from functools import lru_cache
import os
import re


__all__ = [
    "AUX",
    "COORD",
    "DETS",
    "FILLERS",
    "MODALS",
    "PERSONAL",
    "POSSESSIVES",
    "PREPS",
    "PRONOUNS",
    "SUBORDINATORS",
    "WH",
    "is_base_verb",
    "is_past_verb",
    "lemma",
    "tags",
    "valence",
    "words",
]

FILLERS = {"um", "uh", "er", "erm", "ah", "hmm", "mm", "uhm", "umm", "errm", "eh"}
DETS = {"the", "a", "an", "this", "that", "these", "those", "your", "my", "our", "their", "his",
        "her", "its", "each", "every", "some", "any", "no", "both", "either", "all", "another"}
POSSESSIVES = {"your", "my", "our", "their", "his", "her", "its"}
PRONOUNS = {"i", "you", "we", "they", "he", "she", "it", "me", "us", "them", "him", "one",
            "someone", "anyone", "everyone", "somebody", "anybody", "everybody", "y'all"}
PERSONAL = {"i", "you", "we", "they", "he", "she", "me", "us", "them", "him"}
PREPS = {"about", "above", "across", "after", "against", "along", "among", "around", "as", "at",
         "before", "behind", "below", "beside", "between", "by", "during", "for", "from", "in",
         "inside", "into", "near", "of", "off", "on", "onto", "out", "outside", "over", "since",
         "through", "throughout", "to", "toward", "towards", "under", "until", "up", "upon",
         "with", "within", "without", "via", "per", "like", "than"}
AUX = {"do", "does", "did", "is", "are", "was", "were", "am", "be", "been", "have", "has", "had",
       "can", "could", "will", "would", "should", "shall", "may", "might", "must"}
MODALS = {"can", "could", "will", "would", "should", "shall", "may", "might", "must"}
WH = {"what", "how", "why", "when", "where", "who", "whom", "whose", "which"}
SUBORDINATORS = {"when", "whenever", "if", "because", "while", "after", "before", "until",
                 "unless", "since", "although", "though", "once", "as", "where", "so", "that",
                 "whether"}
COORD = {"and", "&"}
# discourse words that do not belong to either conjunct
_SKIP_AFTER_AND = {"also", "maybe", "perhaps", "separately", "especially", "particularly",
                   "finally", "lastly", "just", "even", "probably"}
# a following "then"/"so" makes "and" a sequence of events, not a second ask
_SEQUENCE = {"then", "so", "afterwards", "next", "now", "yet", "still", "eventually"}
_TOKEN = re.compile(r"[^\W_]+(?:['\-][^\W_]+)*|[?,.;:!()\u2014]")
_CONTRACTIONS = [
    (r"\bwon't\b", "will not"), (r"\bcan't\b", "can not"), (r"\bain't\b", "is not"),
    (r"\blet's\b", "let us"), (r"\b(\w+)n't\b", r"\1 not"),
    (r"\b(i|you|we|they|he|she|it|that|there)'d (been|gone|done|seen|had|got|known|\w+ed)\b", r"\1 had \2"),
    (r"\b(i|you|we|they|he|she|it|that|there)'d\b", r"\1 would"),
    (r"\b(i|you|we|they|he|she|it|that|there|what|who)'ll\b", r"\1 will"),
    (r"\b(\w+)'re\b", r"\1 are"), (r"\b(\w+)'ve\b", r"\1 have"), (r"\bi'm\b", "i am"),
    (r"\b(it|what|that|there|who|how|where|when|why|here|he|she)'s\b", r"\1 is"),
    (r"\b(how|what|where|who|why|when)'d (you|they|we|he|she|it|i|your \w+|the \w+)\b"
     r"(?= (?:\w+ )?(?:be|want|like|need|pay|change|use|choose|do if)\b)", r"\1 would \2"),
    (r"\b(how|what|where|who|why|when)'d\b", r"\1 did"),
]


# --------------------------------------------------------------------------------------
# Words and their parts of speech
# --------------------------------------------------------------------------------------
def _normalise(text: str) -> str:
    return (str(text).replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"')
            .replace("\u201d", '"').replace("\u2014", " , ").replace("\u2013", " , ")
            .replace(" - ", " , "))


def words(text: str) -> list[str]:
    """Lower-cased tokens with contractions expanded and spoken fillers removed ("um",
    "uh", "er"; "you know" and "like" between commas or after "and")."""
    return list(_words(str(text)))


@lru_cache(maxsize=8192)
def _words(text: str) -> tuple:
    low = _normalise(text).lower()
    low = re.sub(r'"[^"]*"', " quoted ", low)
    for pattern, repl in _CONTRACTIONS:
        low = re.sub(pattern, repl, low)
    toks = [_correct(t) for t in _TOKEN.findall(low)]
    out: list[str] = []
    i = 0
    while i < len(toks):
        t = toks[i]
        if t in FILLERS:
            i += 1
            continue
        if t == "you" and i + 1 < len(toks) and toks[i + 1] == "know" and (
                i + 2 >= len(toks) or toks[i + 2] in {",", "the", "a", "an", "?"}) and (
                not out or out[-1] in {",", "and", "the", "or"}):
            i += 2
            continue
        if t == "like" and (not out or out[-1] in {",", "and", "or", "so", "you"} and (
                i + 1 < len(toks) and toks[i + 1] in DETS | {","} | PRONOUNS)) and not (
                out and out[-1] in {"you", "i", "we", "they", "would", "feel", "look", "looks"}):
            i += 1
            continue
        out.append(t)
        i += 1
    # commas left next to "and" by the fillers: "the delivery and, um, the packaging"
    clean: list[str] = []
    for k, t in enumerate(out):
        if t == "," and clean and clean[-1] in COORD:
            continue
        if t == "," and k + 1 < len(out) and out[k + 1] in COORD:
            continue
        clean.append(t)
    return tuple(clean)


_CORRECTABLE = sorted(AUX | WH | PREPS | {"the", "your", "about", "usually", "normally", "typically",
                                        "generally", "often", "always", "think", "what", "would",
                                        "receive", "really", "quality", "price", "prices", "great",
                                        "awful", "easier", "features", "through", "frequently"})


_KNOWN = DETS | PRONOUNS | FILLERS | {"and", "or", "but", "nor", "not", "yes", "no", "ok", "okay", "yeah",
                                    "hmm", "let", "etc", "via", "app", "apps", "gp", "nhs", "vat", "hr"}


@lru_cache(maxsize=20000)
def _correct(token: str) -> str:
    """A common typo of a function word or cue word ("wuold", "abuot", "ususally", "teh") put
    right; other words unchanged. Only words unknown to the lexicon are corrected."""
    if len(token) < 3 or not token.isalpha() or token in _CORRECTABLE or token in _KNOWN:
        return token
    get_all, _ = _lemma_api()
    if get_all is not None and get_all(token):
        return token
    if token in _vader():
        return token
    import difflib
    swapped = [w for w in _CORRECTABLE if len(w) == len(token) and sorted(w) == sorted(token)
               and sum(a != b for a, b in zip(w, token)) == 2]
    if swapped:
        return swapped[0]  # "teh" -> "the", "abuot" -> "about"
    close = difflib.get_close_matches(token, _CORRECTABLE, n=1, cutoff=0.8)
    if close:
        return close[0]
    strong = [w for w, v in _vader().items() if abs(v) >= 1.5 and w.isalpha() and abs(len(w) - len(token)) <= 1]
    close = difflib.get_close_matches(token, strong, n=1, cutoff=0.85)
    return close[0] if close else token


@lru_cache(maxsize=1)
@lru_cache(maxsize=1)
def _lemma_api():
    try:
        from lemminflect import getAllLemmas, getInflection
    except ImportError:  # pragma: no cover - a declared dependency
        return None, None
    return getAllLemmas, getInflection


@lru_cache(maxsize=20000)
def tags(word: str) -> frozenset:
    """The parts of speech a word can have: closed classes from the tables above (DET,
    PRON, PREP, AUX, WH, CONJ, PUNCT), open classes from lemminflect's lexicon (NOUN, VERB,
    ADJ, ADV). An unknown word (a name, a typo) is taken for a NOUN."""
    w = word.lower()
    out = set()
    if not re.match(r"[a-z0-9]", w):
        return frozenset({"PUNCT"})
    if w in DETS:
        out.add("DET")
    if w in PRONOUNS:
        out.add("PRON")
    if w in PREPS:
        out.add("PREP")
    if w in AUX:
        out.add("AUX")
    if w in WH:
        out.add("WH")
    if w in {"and", "or", "&", "but", "nor"}:
        out.add("CONJ")
    if out and w not in {"like", "out", "up", "before", "after", "since", "as", "that", "this",
                         "these", "those", "one", "will", "can", "may", "must", "do", "have",
                         "be", "been", "over", "off"}:
        return frozenset(out)
    get_all, _ = _lemma_api()
    if "-" in w:
        parts = w.split("-")
        head = tags(parts[-1]) & {"NOUN", "ADJ"}
        if parts[-1].endswith(("ing", "ed")) or parts[0] in {"well", "self", "high", "low", "long",
                                                             "short", "top", "best", "world"}:
            return frozenset(out | {"ADJ"})
        return frozenset(out | (head or {"NOUN"}))
    if get_all is not None:
        found = get_all(w)
        for upos in found:
            if upos in {"NOUN", "VERB", "ADJ", "ADV"}:
                out.add(upos)
            elif upos == "PROPN":
                out.add("NOUN")
            elif upos == "AUX":
                out.add("AUX")
        if "VERB" in out and "NOUN" not in out and w.endswith("s"):
            base = found["VERB"][0]
            if "NOUN" in get_all(base):
                out.add("NOUN")  # "lectures": a plural noun as well as a verb form
    if w in {"bar", "bars"}:
        out.add("NOUN")  # session 9: lemminflect's lexicon has "bar" as a verb only ("the progress bar")
    if w.isdigit():
        out.add("NUM")
    if not out:
        out.add("ADV" if w.endswith("ly") else "NOUN")
    return frozenset(out)


@lru_cache(maxsize=65536)
def lemma(word: str, upos: str) -> str:
    """``word``'s lemma as ``upos`` in lemminflect's lexicon (cached: lemminflect deep-copies
    its whole entry on every call), or the word itself when it has none."""
    get_all, _ = _lemma_api()
    if get_all is None:
        return word
    found = get_all(word).get(upos)
    return found[0] if found else word


def is_base_verb(word: str) -> bool:
    return "VERB" in tags(word) and lemma(word, "VERB") == word


def is_past_verb(word: str) -> bool:
    return "VERB" in tags(word) and lemma(word, "VERB") != word and not word.endswith(("ing", "s"))


@lru_cache(maxsize=1)
def _vader() -> dict:
    text = ""
    try:
        import vaderSentiment
        path = os.path.join(os.path.dirname(vaderSentiment.__file__), "vader_lexicon.txt")
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
    except (ImportError, OSError):  # pragma: no cover - a declared dependency
        return {}
    lex = {}
    for line in text.splitlines():
        parts = line.split("\t")
        if len(parts) >= 2:
            try:
                lex[parts[0]] = float(parts[1])
            except ValueError:
                continue
    return lex


# Words VADER scores that describe a fact about the thing rather than judge it.
_DESCRIPTIVE = {"free", "clean", "safe", "clear", "secure", "fair", "no", "yes", "ok", "okay",
                "like", "want", "wanted", "please", "help", "helps", "support", "thanks", "thank",
                "care", "hard", "difficult", "difficulty", "problem", "problems", "wrong", "worried",
                "hope", "hoping", "important", "true", "trust", "share", "well", "sure", "matter",
                "interested", "interest", "chance", "fine", "kind", "right", "pretty", "top",
                "join", "joined", "agree", "lost", "loss", "fail", "failed", "miss", "missed",
                "late", "sick", "pain", "risk", "cancel", "cancelled", "complain", "complaint",
                "stop", "stopped", "damage", "damaged", "broke", "broken", "leave", "left", "no one",
                "popular", "save", "saved", "saving", "savings", "benefit", "benefits", "credit",
                "challenge", "challenging", "accept", "accepted", "ready", "reach", "win", "ideal",
                "perfect", "dream", "welcome", "good", "bad", "fun", "nice", "honest", "honestly"}


_NOT_EXCESS = {"overall", "overseas", "overtime", "overnight", "overhead", "overview", "overdraft",
               "overtake", "overcome", "overlap", "overlaps", "overlapped", "overlook", "overlooking",
               "overhaul", "overhauled", "overseen", "oversee", "overboard", "overdue", "overture"}


_LESS_DESCRIPTIVE = {"wire", "contact", "cord", "home", "stain", "sugar", "gluten", "fat", "cash", "paper", "key",
                     "hand", "hands", "sleeve", "strap", "blade", "frame", "brush", "leaf", "weight", "motion",
                     "touch", "sound", "water", "air", "head", "name", "age", "count", "end", "time", "price",
                     "rent", "job", "work", "land", "child", "parent", "sleep", "wind", "tooth", "bottom", "fuel",
                     "seed", "line", "shoe", "top", "back", "cap", "tube", "lead", "mother", "father", "penni",
                     "bound", "speech", "breath", "list", "ink", "scent", "colour", "color", "odour", "odor",
                     "salt", "meat", "milk", "alcohol", "caffeine", "dairy", "tax", "fee", "charge"}
_LESS_PRAISE = {"seam", "spot", "effort", "tire", "fault", "flaw", "pain", "harm", "fear", "blame", "hassle",
                "worry", "stress", "trouble", "self"}


def _derived_valence(w: str) -> float:
    """Valence of a word VADER does not list, from its parts: British spelling
    ("disorganised" -> "disorganized"), excess ("overpriced", "overcrowded": over- + a
    participle), negation of a positive quality ("unintuitive", "unhelpful", "dishonest")."""
    us = re.sub(r"is(e|ed|es|ing|ation|ations)$", r"iz\1", w)
    if us != w and us in _vader():
        return _vader()[us]
    if w.startswith("over") and len(w) > 7 and w not in _NOT_EXCESS and w.endswith(("ed", "ated")) and \
            tags(w[4:]) & {"VERB", "ADJ"}:
        return -1.5
    for prefix in ("un", "dis", "non-", "non"):
        stem = w[len(prefix):]
        if w.startswith(prefix) and len(stem) > 3 and stem not in _DESCRIPTIVE:
            v = valence(stem)
            if v == 0.0:
                from kit.guide.lexicon import QUALITY_ADJ
                v = 1.3 if stem in QUALITY_ADJ or re.sub(r"is(e|ed)$", r"iz\1", stem) in QUALITY_ADJ else 0.0
            if v >= 0.8:
                return -max(1.3, v)
    if w.endswith("less") and len(w) > 6 and tags(w[:-4]) & {"NOUN", "VERB"}:
        # privative "-less" (Hu & Liu's opinion lexicon lists most such words; it is not shipped
        # offline): lacking something valued is blame ("pointless", "tactless"), lacking something
        # bad is praise ("effortless"); a plain feature ("wireless") is neither
        stem = w[:-4]
        if stem in _LESS_DESCRIPTIVE:
            return 0.0
        return 2.0 if stem in _LESS_PRAISE or _vader().get(stem, 0.0) < 0 else -2.0
    if w.endswith("y") and len(w) > 4 and w[:-1] in _vader() and _vader()[w[:-1]] < 0:
        return _vader()[w[:-1]]  # "filthy" <- "filth"
    return 0.0


def valence(word: str) -> float:
    """VADER valence of a word (-4..4), also through its adjective lemma ("coolest" ->
    "cool"); 0.0 when the word is not in the lexicon or only describes a fact."""
    w = word.lower()
    if w in _DESCRIPTIVE:
        return 0.0
    lex = _vader()
    if w in lex:
        return lex[w]
    base = lemma(w, "ADJ")
    if base != w and base not in _DESCRIPTIVE and base in lex:
        return lex[base]
    if w.endswith("ly") and len(w) > 4:  # "poorly" -> "poor", "happily" -> "happy"
        for stem in (w[:-2], w[:-3] + "y", w[:-2] + "e"):
            if stem in lex and stem not in _DESCRIPTIVE:
                return lex[stem]
    if re.match(r"(one|two|three|four|five|\d)-star|(top|highest|best)-rated|award-winning|world-class|"
                r"market-leading|best-selling|state-of-the-art|top-notch|first-class", w):
        return 2.0
    if "-" in w:
        head, _, tail = w.rpartition("-")
        if tail in {"free", "proof"} and head and valence(head) < 0:  # "stress-free", "hassle-free": without the bad
            return -valence(head)
        vals = [valence(p) for p in w.split("-")]
        return max(vals, key=abs) if vals else 0.0
    return _derived_valence(w)


