"""The question linter and the discussion-guide structure check.

``lint_question(text)`` looks at one interview question and flags the four classic faults
of customer-interview questions, says what kind of question it is, and proposes a rewrite
in the story-based pattern ("Tell me about the last time you ...").

==================  ==========================================================================
flag                fires on
==================  ==========================================================================
``leading``         agreement-seeking negative openers and tags ("Don't you think...",
                    "Isn't it...", "..., right?", "..., don't you?", "Wouldn't you agree"),
                    emotive or evaluative words that presuppose a feeling ("How much did you
                    enjoy", "What did you love", "How frustrating/easy/great was"), a priming
                    statement before the question ("Most people find X hard. Do you?"),
                    presupposing adverbs ("obviously", "clearly", "surely", "of course").
``closed``          a yes/no question (auxiliary or modal opener with no wh-word, a tag
                    question, a statement with a question mark) or an offered choice
                    ("..., cash or card?"). Polite requests ("Can you walk me through",
                    "Could you tell me about", "Would you mind telling me") are not closed.
``hypothetical``    a prediction of the person's own future behaviour or a judgement of an
                    imagined feature or price ("Would you use", "How much would you pay",
                    "If we built X...", "Imagine/Suppose...", "How likely are you to",
                    "Will you", "Do you think you would"). Not: aspirational closers ("If you
                    could change one thing...", "magic wand", "ideal"), habitual "would"
                    ("What would you normally do when..."), "would you say/describe/rate".
``double-barreled`` two asks in one: two question marks, "and/or" followed by a second
                    wh-word or a second "do you" clause, two verbs joined by "and/or" after
                    a wh-word ("How do you plan sprints and track bugs?"), two evaluative
                    adjectives ("Was it fast and reliable?"). Not: noun pairs ("your team and
                    your manager"), "you and your co-founder", "between X and Y", fixed pairs
                    ("pros and cons", "back and forth", "terms and conditions").
==================  ==========================================================================

Kinds: ``story`` (a specific past episode), ``open`` (an open question or request that is
not about one episode), ``probe`` (a follow-up: "Say more about that", "Why was that?"),
``future`` (aspirations, concerns, plans; also open questions about an imagined future),
``closed`` (yes/no or a pick among offered options).

Everything here is plain regular expressions and small word lists: nothing is downloaded.

``lint_guide(source)`` checks a whole guide (guide.yml, a .txt file with one question per
line, or a list of strings): every question, the structure of the chosen format and the
time budget. ``lint_file(path)`` does the same but returns the file's problems as
:class:`kit.errors.Problem` instead of raising.
"""
from __future__ import annotations

import difflib
import re
from pathlib import Path
from typing import Iterable

from kit.errors import Problem, StudyError

FLAGS = ("leading", "closed", "hypothetical", "double-barreled")
KINDS = ("story", "open", "probe", "future", "closed")
ROLES = ("opener", "targeted", "future", "probe")
FORMATS = ("micro", "full")

# --------------------------------------------------------------------------------------
# Time budget. Minutes per question, (low, high), by format and role. A micro-interview
# is 3-7 minutes: a story opener takes longest, each targeted follow-up a minute or so,
# the future closer under a minute, and a probe a few seconds to half a minute. A full
# interview is 45-60 minutes with 5-8 core questions of 6-9 minutes each.
# --------------------------------------------------------------------------------------
MINUTES = {
    "micro": {"opener": (1.5, 2.5), "targeted": (1.0, 1.5), "future": (0.5, 1.0), "probe": (0.25, 0.5)},
    "full": {"opener": (6.0, 9.0), "targeted": (6.0, 9.0), "future": (6.0, 9.0), "probe": (1.0, 2.0)},
}
TARGET_MINUTES = {"micro": (3.0, 7.0), "full": (45.0, 60.0)}
# How many targeted questions each format allows (opener and closer come on top).
TARGETED_RANGE = {"micro": (2, 3), "full": (3, 6)}
CORE_RANGE = {"micro": (4, 5), "full": (5, 8)}
# Near-duplicate questions: token Jaccard or difflib ratio at or above these.
DUPLICATE_JACCARD = 0.7
DUPLICATE_RATIO = 0.85

# --------------------------------------------------------------------------------------
# Word lists
# --------------------------------------------------------------------------------------
WH = {"what", "how", "why", "when", "where", "who", "whom", "whose", "which"}
AUX_BASE = {
    "do": "do", "does": "do", "did": "do", "is": "be", "are": "be", "was": "be", "were": "be",
    "am": "be", "have": "have", "has": "have", "had": "have", "can": "modal", "could": "modal",
    "will": "modal", "would": "modal", "should": "modal", "may": "modal", "might": "modal",
    "must": "modal", "shall": "modal",
}
NEG_AUX = {
    "don't", "doesn't", "didn't", "isn't", "aren't", "wasn't", "weren't", "haven't", "hasn't",
    "hadn't", "can't", "couldn't", "won't", "wouldn't", "shouldn't", "mustn't", "ain't",
}
SUBJECT_PRONOUNS = {"you", "they", "we", "he", "she", "i", "it", "people", "everyone", "y'all"}
DETERMINERS = {
    "a", "an", "the", "your", "my", "our", "their", "his", "her", "its", "this", "that", "these",
    "those", "some", "any", "each", "every", "all", "no", "more", "other", "another", "it",
    "them", "him", "me", "us", "what", "how", "which", "whatever",
}
PREPOSITIONS = {
    "about", "above", "across", "after", "against", "along", "among", "around", "at", "before",
    "behind", "below", "beside", "between", "by", "during", "for", "from", "in", "inside",
    "into", "like", "near", "of", "off", "on", "onto", "out", "over", "per", "since", "through",
    "throughout", "to", "toward", "towards", "under", "until", "up", "upon", "via", "with",
    "within", "without",
}
# Words that open a subordinate clause: a conjunction after one of these joins parts of
# the condition, not two asks.
SUBORDINATORS = {
    "when", "whenever", "if", "because", "while", "after", "before", "since", "unless",
    "until", "although", "though", "once", "whether", "so", "as", "that", "who", "which",
    "where", "than",
}
DISCOURSE = {
    "so", "and", "okay", "ok", "now", "well", "alright", "right", "then", "but", "also", "oh",
    "just", "great", "cool", "thanks", "thank", "hmm", "um", "uh", "yeah", "yes", "sure",
    "actually", "anyway", "first", "firstly", "next", "finally", "lastly", "honestly",
}
POLITE_VERBS = {
    "tell", "walk", "describe", "share", "explain", "talk", "take", "show", "give", "say",
    "expand", "elaborate", "go", "recall", "remember", "think", "recount", "help", "list",
    "paint", "run", "clarify", "unpack", "summarise", "summarize", "outline", "point",
    "guide", "lead", "mention", "add", "speak", "reflect", "send",
}
# Strong, feeling-laden words: a question built on one presupposes the feeling.
EMOTIVE = {
    "love", "loved", "loves", "loving", "enjoy", "enjoyed", "enjoys", "enjoying", "enjoyable",
    "hate", "hated", "hates", "adore", "adored", "loathe", "frustrating", "frustrated",
    "frustration", "annoying", "annoyed", "irritating", "irritated", "infuriating", "stressful",
    "painful", "exciting", "excited", "amazing", "awesome", "wonderful", "fantastic",
    "terrible", "awful", "horrible", "horrendous", "great", "nightmare", "delightful",
    "delighted", "thrilled", "dreadful", "disappointing", "disappointed", "brilliant",
    "fabulous", "incredible", "superb", "perfect", "outstanding",
}
# Evaluative adjectives: "How <adj> was it?" presupposes the evaluation.
EVALUATIVE = EMOTIVE | {
    "easy", "easier", "hard", "harder", "difficult", "simple", "simpler", "helpful", "useful",
    "valuable", "intuitive", "convenient", "smooth", "seamless", "fun", "happy", "satisfied",
    "satisfying", "pleased", "upset", "angry", "worried", "nervous", "scary", "boring",
    "tedious", "tiresome", "overwhelming", "overwhelmed", "clunky", "confusing", "confused",
    "nice", "good", "better", "bad", "worse", "lovely", "pleasant", "unpleasant", "comfortable",
    "uncomfortable", "worthwhile", "impressive", "impressed", "cool", "glad", "proud",
    "embarrassing", "inconvenient", "cumbersome", "stupid", "clear", "clearer", "friendly",
    "user-friendly", "straightforward", "beneficial", "rewarding", "challenging", "costly",
    "unfair", "fair", "unhappy", "sad", "relieved", "grateful", "excellent", "poor", "messy",
    "complicated", "stressed", "anxious", "hopeful", "essential", "reliable", "unreliable",
    "efficient", "inefficient", "effective", "ineffective",
}
# Adjectives in "How <adj>" that measure rather than judge.
MEASURE_ADJ = {
    "long", "often", "many", "much", "far", "big", "large", "small", "old", "soon", "quickly",
    "fast", "early", "late", "frequently", "recently", "well", "tall", "deep", "wide", "high",
    "low", "expensive", "cheap", "quick", "slow", "slowly", "important", "likely", "sure",
    "close", "busy", "full", "regularly", "heavy", "hot", "cold", "warm", "come", "so",
    "open", "closed", "available", "free", "ready", "empty", "twice", "once",
}
# Quality adjectives: two of them joined by "and" in a question ask two judgements.
QUALITY_ADJ = EVALUATIVE | {
    "fast", "quick", "slow", "cheap", "expensive", "accurate", "safe", "secure", "affordable",
    "accessible", "flexible", "polite", "knowledgeable", "engaging", "responsive", "clean",
    "informative", "professional", "organised", "organized", "relevant", "timely", "honest",
    "consistent", "competent", "courteous", "attentive", "thorough", "fresh", "tasty",
    "modern", "reliable", "punctual", "kind", "caring", "patient", "reasonable", "acceptable",
    "ok", "okay", "adequate", "sufficient", "available", "accurate", "correct", "complete",
}
PRESUPPOSING_ADVERBS = {
    "obviously", "clearly", "surely", "undoubtedly", "naturally", "certainly", "presumably",
    "evidently", "definitely", "unquestionably", "admittedly",
}
FIXED_PAIRS = {
    ("pros", "cons"), ("back", "forth"), ("terms", "conditions"), ("salt", "pepper"),
    ("trial", "error"), ("up", "running"), ("checks", "balances"), ("bread", "butter"),
    ("black", "white"), ("rock", "roll"), ("nuts", "bolts"), ("hit", "miss"),
    ("sooner", "later"), ("more", "less"), ("give", "take"), ("now", "then"), ("time", "again"),
    ("on", "off"), ("ins", "outs"), ("wear", "tear"), ("by", "large"), ("odds", "ends"),
    ("ups", "downs"), ("fish", "chips"), ("friends", "family"), ("ladies", "gentlemen"),
    ("research", "development"), ("profit", "loss"), ("sales", "marketing"), ("safe", "sound"),
    ("short", "sweet"), ("quick", "dirty"), ("nice", "easy"), ("loud", "clear"),
    ("fair", "square"), ("try", "error"), ("over", "over"), ("rules", "regulations"),
    ("dos", "don'ts"), ("do's", "don'ts"), ("questions", "answers"), ("supply", "demand"),
    ("cause", "effect"), ("here", "there"), ("peace", "quiet"), ("law", "order"),
    ("health", "safety"), ("hustle", "bustle"), ("pick", "choose"), ("wait", "see"),
    ("try", "see"), ("come", "go"), ("give", "receive"), ("buy", "sell"), ("plug", "play"),
    ("click", "collect"), ("drag", "drop"), ("copy", "paste"), ("cut", "paste"),
    ("bed", "breakfast"), ("arts", "crafts"), ("food", "drink"), ("knife", "fork"),
    ("mum", "dad"), ("mom", "dad"), ("husband", "wife"), ("wife", "husband"), ("day", "night"),
    ("first", "foremost"), ("one", "two"), ("two", "three"), ("once", "twice"), ("more", "more"),
    ("again", "again"), ("true", "false"), ("yes", "no"), ("right", "wrong"), ("win", "lose"),
    ("mergers", "acquisitions"), ("learning", "development"), ("diversity", "inclusion"),
    ("pick", "pack"), ("dine", "dash"), ("buy", "now"), ("stop", "start"), ("start", "stop"),
    ("tried", "tested"), ("quick", "easy"), ("simple", "easy"), ("spick", "span"),
}
AFTER_CONJ_FILLERS = {
    "so", "on", "forth", "such", "stuff", "things", "everything", "all", "anything",
    "something", "whatever", "not", "else", "the", "like", "also",
}

# --------------------------------------------------------------------------------------
# A small verb lexicon (base forms). Used to tell a second verb ("... and track bugs")
# from a second noun ("... and receipts") and to put a phrase into the past tense.
# --------------------------------------------------------------------------------------
_VERBS = """
accept access achieve act add adjust admit adopt advertise advise afford agree aim allocate
allow analyse analyze announce answer apply appoint approach approve argue arrange arrive ask
assess assign attach attend attract audit authorise authorize automate avoid back bake bank
be become begin believe belong bill book borrow break bring browse budget build burn buy
calculate call cancel care carry catch change charge chase chat check choose claim clean
clear click close coach collect combine come comment commit communicate compare compete
complain complete comply compute confirm connect consider consult contact continue contract
contribute control convert convince cook coordinate cope copy correct cost count cover
create cross cut deal debug decide declare decline deduct define delay delegate delete
deliver demand deploy deposit describe design destroy detect develop diagnose die dig
disagree discharge discover discuss dislike dismiss dispatch display dispute distribute
divide do document download draft drag draw dress drink drive drop earn eat edit educate
email employ enable encourage end engage enjoy enrol enroll ensure enter escalate establish
estimate evaluate examine exchange exercise expand expect experience explain explore export
extend fail feed feel fetch figure file fill filter finance find finish fire fit fix
flag fly focus follow forecast forget form forward fund gather get give go grade grant
greet grow guess handle hang happen harvest hate have hear help hide hire hit hold host
identify ignore implement import improve include increase inform input insist inspect
install insure integrate interview introduce invest investigate invite invoice involve
issue join judge jump keep kick know label land last launch lead learn lease leave lend let
lift like link list listen live load lock log look lose love maintain make manage map mark
market match measure meet mention merge message migrate miss monitor motivate move name
navigate need negotiate network note notice notify offer onboard open operate order
organise organize own pack paint park participate pass pay perform pick place plan plant
play plug point post practise practice predict prefer prepare prescribe present press
prevent price print prioritise prioritize process produce program promise promote protect
provide publish pull purchase push put qualify question quit quote raise rank rate reach
read receive recognise recognize recommend reconcile record recruit reduce refer refund
register reject relax release rely remember remind remove renew rent reorder repair repeat
replace reply report request require research reschedule reserve reset resolve respond
rest restock restore retain retire return review revise reward ride ring rise risk roll
rotate run save scan schedule score search secure see seek select sell send serve set
settle share shift ship shop show sign simplify sing sit skip sleep slow solve sort speak
spend split sponsor staff start stay steal stick stock stop store streamline study submit
subscribe succeed suggest summarise summarize supervise supply support survey switch sync
take talk target tax teach test text thank think throw tidy tip track trade train transfer
translate travel treat trust try turn type understand undo unlock update upgrade upload
use validate value verify vet visit vote wait wake walk want warn wash watch wear weigh
welcome win wish withdraw work worry wrap write
"""
VERBS = set(_VERBS.split())
# Verbs that are just as often nouns: after "and" they count as a verb only when an
# object follows (a determiner or pronoun).
NOUNISH = set("""
answer bank bill book budget call change chat check claim comment contract cost count cover
deal delay design document draft drink email estimate exchange experience export feedback
file forecast form fund grade harvest help host import input interview invoice issue label
launch lead lease list load log look love map market message name need note notice offer
order place plan plant play point post practice present price print process program promise
purchase question quote rate record refund release rent repair reply report request rest
return review reward ring risk run schedule score search service share shift ship shop show
sign staff stock store study supply support survey switch target tax test text trade
transfer travel treat trust type update upgrade upload use value visit vote walk want watch
work worry
""".split())
IRREGULAR_PAST = {
    "be": "were", "have": "had", "do": "did", "go": "went", "get": "got", "make": "made",
    "take": "took", "give": "gave", "find": "found", "buy": "bought", "pay": "paid",
    "send": "sent", "spend": "spent", "build": "built", "choose": "chose", "keep": "kept",
    "leave": "left", "lose": "lost", "meet": "met", "read": "read", "run": "ran", "say": "said",
    "see": "saw", "sell": "sold", "set": "set", "split": "split", "put": "put", "cut": "cut",
    "let": "let", "hit": "hit", "cost": "cost", "quit": "quit", "teach": "taught",
    "tell": "told", "think": "thought", "bring": "brought", "catch": "caught", "feel": "felt",
    "hear": "heard", "hold": "held", "know": "knew", "lend": "lent", "mean": "meant",
    "ride": "rode", "rise": "rose", "seek": "sought", "sit": "sat", "sleep": "slept",
    "speak": "spoke", "stand": "stood", "steal": "stole", "stick": "stuck",
    "understand": "understood", "wake": "woke", "wear": "wore", "win": "won", "write": "wrote",
    "drive": "drove", "eat": "ate", "fall": "fell", "fly": "flew", "forget": "forgot",
    "grow": "grew", "hang": "hung", "hide": "hid", "begin": "began", "break": "broke",
    "deal": "dealt", "draw": "drew", "drink": "drank", "feed": "fed", "fight": "fought",
    "lead": "led", "ring": "rang", "shut": "shut", "spread": "spread", "throw": "threw",
    "withdraw": "withdrew", "become": "became", "come": "came", "undo": "undid",
    "sing": "sang", "dig": "dug", "bet": "bet", "upset": "upset", "reset": "reset",
}
IRREGULAR_PARTICIPLE = {
    "were": "be", "been": "be", "had": "have", "done": "do", "gone": "go", "got": "get",
    "gotten": "get", "made": "make", "taken": "take", "given": "give", "found": "find",
    "bought": "buy", "paid": "pay", "sent": "send", "spent": "spend", "built": "build",
    "chosen": "choose", "kept": "keep", "left": "leave", "lost": "lose", "met": "meet",
    "run": "run", "said": "say", "seen": "see", "sold": "sell", "taught": "teach",
    "told": "tell", "thought": "think", "brought": "bring", "caught": "catch", "felt": "feel",
    "heard": "hear", "held": "hold", "known": "know", "lent": "lend", "meant": "mean",
    "ridden": "ride", "risen": "rise", "sought": "seek", "slept": "sleep", "spoken": "speak",
    "stood": "stand", "stolen": "steal", "stuck": "stick", "understood": "understand",
    "woken": "wake", "worn": "wear", "won": "win", "written": "write", "driven": "drive",
    "eaten": "eat", "fallen": "fall", "flown": "fly", "forgotten": "forget", "grown": "grow",
    "hung": "hang", "hidden": "hide", "begun": "begin", "broken": "break", "dealt": "deal",
    "drawn": "draw", "drunk": "drink", "fed": "feed", "fought": "fight", "led": "lead",
    "thrown": "throw", "withdrawn": "withdraw", "become": "become", "come": "come",
    "went": "go", "took": "take", "gave": "give", "wrote": "write", "saw": "see", "did": "do",
    "began": "begin", "chose": "choose", "knew": "know", "spoke": "speak", "drove": "drive",
    "ate": "eat", "fell": "fall", "flew": "fly", "forgot": "forget", "grew": "grow",
    "broke": "break", "drew": "draw", "drank": "drink", "threw": "throw", "came": "come",
}
_DOUBLE_FINAL = {
    "prefer", "refer", "admit", "commit", "submit", "control", "occur", "permit", "equip",
    "regret", "transfer", "patrol", "compel", "expel", "cancel", "travel", "label", "model",
    "signal", "level", "total", "fuel", "enrol", "instal", "dial", "quarrel", "label",
}
_NO_DOUBLE = {"open", "offer", "visit", "listen", "happen", "enter", "order", "answer", "edit",
              "budget", "target", "market", "limit", "deposit", "credit", "audit", "benefit",
              "wait", "mail", "email", "fix", "mix", "box", "tax", "fax", "show", "allow",
              "follow", "borrow", "review", "view", "snow", "sign", "rain", "train", "claim",
              "gain", "join", "explain", "remain", "clean", "need", "feel", "seem", "cook",
              "look", "book", "shoot", "read", "lead", "pick", "check", "chat", "plan", "ship",
              "shop", "stop", "drop", "log", "swap", "skip", "grab", "scan", "tap", "jog", "plug",
              "nag", "flag", "tag", "vet", "pin", "chop", "hug", "rob", "slim", "trim", "fit"}
_DOUBLE_SET = {"chat", "plan", "ship", "shop", "stop", "drop", "log", "swap", "skip", "grab",
               "scan", "tap", "jog", "plug", "nag", "flag", "tag", "vet", "pin", "chop", "hug",
               "rob", "slim", "trim", "fit", "sub", "pat", "spot", "knit", "blog", "clap",
               "map", "step", "hop", "mop", "rub", "beg", "wrap", "strip", "plot", "commit",
               "regret", "permit", "trap", "jam", "ban", "star", "scar", "stir", "prefer"}

# --------------------------------------------------------------------------------------
# Text helpers
# --------------------------------------------------------------------------------------
_TOKEN = re.compile(r"[^\W_]+(?:['\-][^\W_]+)*|[?,.;:!()]")
_CONTRACTIONS = [
    (r"\bwon't\b", "will not"), (r"\bcan't\b", "can not"), (r"\bshan't\b", "shall not"),
    (r"\bain't\b", "is not"), (r"\blet's\b", "let us"),
    (r"\b(\w+)n't\b", r"\1 not"),
    (r"\b(you|we|they|i|he|she|it|that|there|who|what)'d\b", r"\1 would"),
    (r"\b(you|we|they|i|he|she|it|that|there|who|what)'ll\b", r"\1 will"),
    (r"\b(you|we|they|what|who|there)'re\b", r"\1 are"),
    (r"\b(you|we|they|i|who|what|could|would|should|might|must)'ve\b", r"\1 have"),
    (r"\bi'm\b", "i am"),
    (r"\b(it|what|that|there|who|how|where|when|why|here|he|she)'s\b", r"\1 is"),
]


def _normalise_quotes(text: str) -> str:
    return (text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"')
            .replace("\u201d", '"').replace("\u2014", " - ").replace("\u2013", " - "))


def _strip_quoted(text: str) -> str:
    """Drop the participant's own words quoted in a probe ("when you said 'a nightmare'")."""
    text = re.sub(r'"[^"]*"', " QUOTED ", text)
    return re.sub(r"(?<![A-Za-z])'[^']{1,80}'(?![A-Za-z])", " QUOTED ", text)


def _expand(text: str) -> str:
    out = text
    for pattern, repl in _CONTRACTIONS:
        out = re.sub(pattern, repl, out, flags=re.I)
    return out


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def _sentences(text: str) -> list[str]:
    parts = re.split(r"(?<=[.?!])\s+(?=\S)", text.strip())
    return [p.strip() for p in parts if p.strip()]


def _is_question(sentence: str) -> bool:
    return sentence.rstrip().endswith("?")


class _Sentence:
    """One sentence: original text, lowercased expanded text and tokens."""

    def __init__(self, raw: str):
        self.raw = raw
        clean = _strip_quoted(raw)
        self.low = _expand(clean).lower()
        self.toks = [t.lower() for t in _tokens(_expand(clean))]
        self.orig_toks = [t.lower() for t in _tokens(clean)]  # keeps "don't" as one token
        self.question = _is_question(raw)
        self.head_index, self.head = self._head()

    def _head(self) -> tuple[int, str]:
        """Index and word of the clause opener, skipping discourse markers, a leading
        presupposing adverb and an introductory phrase before a comma."""
        toks = self.toks
        i = 0
        while i < len(toks) and (toks[i] in DISCOURSE or toks[i] in PRESUPPOSING_ADVERBS
                                 or toks[i] in {",", ":", ";"}
                                 or (toks[i] == "of" and i + 1 < len(toks) and toks[i + 1] == "course")
                                 or (toks[i] == "course" and i > 0 and toks[i - 1] == "of")):
            if toks[i] == "then" and i + 1 < len(toks) and toks[i + 1] in WH:
                i += 1
                continue
            i += 1
        if i >= len(toks):
            return 0, toks[0] if toks else ""
        word = toks[i]
        if toks[i:i + 3] in (["let", "me", "guess"], ["let", "us", "guess"], ["let", "us", "face"]):
            k = i + 3
            while k < len(toks) and toks[k] in {",", "it", ":"}:
                k += 1
            if k < len(toks):
                return k, toks[k]
        if word in WH or word in AUX_BASE or word in POLITE_VERBS or word in {
                "imagine", "suppose", "picture", "describe", "walk", "tell", "think", "let"}:
            return i, word
        # "If you could change one thing, what would it be?" / "Looking ahead, what ..."
        # "Just to check, did you ...": the main clause is after the comma.
        for j in range(i, len(toks)):
            if toks[j] == "," and j + 1 < len(toks):
                nxt = toks[j + 1]
                if nxt in WH or nxt in AUX_BASE:
                    # a tag ("..., don't you?") is not the head of the question
                    if nxt in AUX_BASE and j + 3 >= len(toks) - 1 and self.question:
                        break
                    return j + 1, nxt
        return i, word


def _contains(seq: list[str], phrase: str) -> int:
    """Index of the word sequence ``phrase`` in ``seq`` or -1."""
    words = phrase.split()
    n = len(words)
    for i in range(len(seq) - n + 1):
        if seq[i:i + n] == words:
            return i
    return -1


# --------------------------------------------------------------------------------------
# Verb morphology
# --------------------------------------------------------------------------------------
def _base(word: str) -> str | None:
    """The base form of a verb form (planning -> plan, reconciles -> reconcile), or None."""
    w = word.lower()
    if w in VERBS:
        return w
    if w in IRREGULAR_PARTICIPLE:
        return IRREGULAR_PARTICIPLE[w]
    cands = []
    if w.endswith("ies"):
        cands.append(w[:-3] + "y")
    if w.endswith("es"):
        cands.append(w[:-2])
    if w.endswith("s"):
        cands.append(w[:-1])
    if w.endswith("ing"):
        stem = w[:-3]
        cands += [stem, stem + "e"]
        if len(stem) > 2 and stem[-1] == stem[-2]:
            cands.append(stem[:-1])
    if w.endswith("ied"):
        cands.append(w[:-3] + "y")
    if w.endswith("ed"):
        stem = w[:-2]
        cands += [stem, w[:-1]]
        if len(stem) > 2 and stem[-1] == stem[-2]:
            cands.append(stem[:-1])
    for c in cands:
        if c in VERBS:
            return c
    return None


def _verb_forms(word: str) -> set[str]:
    """Which forms a word can be: base, s, ing, past, pp."""
    w = word.lower()
    forms = set()
    if w in VERBS:
        forms.add("base")
    if w in IRREGULAR_PARTICIPLE:
        forms |= {"past", "pp"}
    b = _base(w)
    if b and b != w:
        if w.endswith("ing"):
            forms.add("ing")
        elif w.endswith("ed") or w in IRREGULAR_PARTICIPLE:
            forms |= {"past", "pp"}
        elif w.endswith("s"):
            forms.add("s")
    if w in IRREGULAR_PAST.values():
        forms |= {"past"}
    return forms


def past_tense(verb: str) -> str:
    """Simple past of a base-form verb, British spelling (cancel -> cancelled)."""
    v = verb.lower()
    if v in IRREGULAR_PAST:
        out = IRREGULAR_PAST[v]
    elif v.endswith("e"):
        out = v + "d"
    elif v.endswith("y") and len(v) > 1 and v[-2] not in "aeiou":
        out = v[:-1] + "ied"
    elif v.endswith("c"):
        out = v + "ked"
    elif v in _DOUBLE_SET or v in _DOUBLE_FINAL:
        out = v + v[-1] + "ed"
    elif (len(v) <= 4 and len(v) >= 3 and v not in _NO_DOUBLE and v[-1] not in "aeiouwxy"
          and v[-2] in "aeiou" and v[-3] not in "aeiou"):
        out = v + v[-1] + "ed"
    else:
        out = v + "ed"
    if verb[:1].isupper():
        out = out[:1].upper() + out[1:]
    return out


# --------------------------------------------------------------------------------------
# Flag detectors. Each returns a reason string or "".
# --------------------------------------------------------------------------------------
_PRIMING_SUBJECTS = re.compile(
    r"\b(most|many|lots of|a lot of|plenty of|the majority of|almost all|nearly all|all|"
    r"other|most of our|many of our|some of our)\b[\w\s-]{0,30}?\b(people|users|customers|"
    r"clients|teachers|patients|students|parents|managers|freelancers|businesses|teams|"
    r"companies|shoppers|guests|members|nurses|doctors|farmers|owners|employees|staff|"
    r"buyers|drivers|founders|developers|designers|readers|travellers|travelers|folks|"
    r"landlords|tenants|retailers|stores|shops|schools|clinics|agencies|colleagues|peers)\b")
_PRIMING_CUES = re.compile(
    r"\b(everyone|everybody|nobody|no one|most people|research (shows|suggests|says)|"
    r"studies (show|suggest|say)|the data (shows|says|suggests)|we (think|believe|know|feel|"
    r"found|have found|have heard|heard|noticed|have noticed|have learned|learned|are sure)|"
    r"(people|users|customers|clients) (say|tell|told|find|think|love|hate|complain|agree|"
    r"prefer|want|keep telling)|(tell|told) us|our (customers|users|clients|members|guests|"
    r"patients|students|shoppers|readers|buyers) (love|hate|like|say|tell|find|think|prefer|"
    r"agree|want|enjoy|adore|rave)|(it is|that is|this is) (well known|common knowledge)|"
    r"as you (know|probably know)|i am sure|i bet|needless to say|let me guess|let us face it)\b")


def _leading(sents: list[_Sentence]) -> str:
    questions = [s for s in sents if s.question]
    # a priming statement before a question
    for idx, s in enumerate(sents):
        if s.question or not any(q.question for q in sents[idx + 1:]):
            continue
        if _PRIMING_SUBJECTS.search(s.low) or _PRIMING_CUES.search(s.low):
            return "a priming statement before the question suggests the answer"
        words = set(s.toks)
        if words & EMOTIVE or (words & PRESUPPOSING_ADVERBS) or "of course" in s.low:
            return "the statement before the question tells the participant what to think"
        if re.search(r"\b(is|are|was|were) (much |so |far |a lot |really |very )?"
                     r"(better|worse|easier|harder|faster|slower|clearer|cleaner|simpler|"
                     r"nicer|cheaper|too \w+)\b", s.low):
            return "the statement before the question judges the thing being asked about"
    for s in questions:
        toks, low = s.toks, s.low
        otoks = s.orig_toks
        # negative auxiliary opener: "Don't you think", "Isn't it", "Wasn't the ..."
        k = 0
        while k < len(otoks) and (otoks[k] in DISCOURSE or otoks[k] in {",", "so"}):
            k += 1
        if k < len(otoks) and otoks[k] in NEG_AUX:
            return f"'{otoks[k]}' opener asks the participant to agree"
        h = s.head_index
        if s.head in AUX_BASE and h + 1 < len(toks) and toks[h + 1] == "not":
            return "negative question asks the participant to agree"
        if re.search(r"\b(would not you|do not you|would you not|do you not|would you|do you|"
                     r"don't you|would not you) (agree|say)\b|\byou would agree\b|"
                     r"\bdo you agree\b|\bagree that\b|\bis it not true\b|\bisn't it true\b", low) \
                and not re.search(r"\bwhat would you say\b|\bhow would you say\b", low):
            return "asks the participant to agree"
        if re.search(r"\b(would|is) it (not )?(be )?(fair|right|true|correct|accurate|safe) to say\b|"
                     r"\bwould you say that\b|\bwould not you say\b", low):
            return "asks the participant to agree with a statement"
        if re.search(r"\bwhy (do|did|does|would) [\w ]{0,25}\b(prefer|love|like|enjoy|choose|pick|trust|recommend|"
                     r"rely on|rave about) (our|us)\b", low) or re.search(
                r"\b(our|us) (over|rather than|instead of) (the competition|competitors|others|other)", low):
            return "presupposes that the participant prefers the product"
        # tag question at the end
        if re.search(r",\s*(right|correct|yeah|yes|no|true|agreed|surely|huh|eh|ok|okay|"
                     r"isn't that so|am i right)\s*\?\s*$", s.raw.lower()):
            return "tag question ('..., right?') asks for agreement"
        if re.search(r",\s*(\w+n't|won't|can't) (you|it|they|we|he|she|there|that|i|he)\s*\?\s*$",
                     s.raw.lower().replace("\u2019", "'")):
            return "tag question ('..., don't you?') asks for agreement"
        if re.search(r",\s*(do|did|does|is|are|was|were|would|will|have|has|can|could) "
                     r"(you|it|they|we|he|she|there|that)\s*\?\s*$", s.raw.lower()) and \
                not s.head in WH:
            return "tag question asks for agreement"
        # presupposing adverbs
        for i, t in enumerate(toks):
            if t in PRESUPPOSING_ADVERBS and (i == 0 or toks[i - 1] not in {"how", "more", "less", "very", "most", "so"}):
                if t == "certainly" and i > 0 and toks[i - 1] in {"not"}:
                    continue
                return f"'{t}' presupposes the answer"
        if re.search(r"(^|, |\. )of course\b", low) or re.search(r"\bi (am sure|bet|assume|guess) you\b", low) \
                or re.search(r"\b(let (me|us) guess|let us face it|be honest)\b", low):
            return "presupposes the answer"
        # "How <evaluative> was ..." / "How much did you enjoy ..."
        for m in re.finditer(r"\bhow (very |really |much more |much |a lot |far )?([a-z-]+)\b", low):
            if m.group(2) in EVALUATIVE and m.group(2) not in MEASURE_ADJ:
                return f"'how {m.group(2)}' presupposes the answer"
        if re.search(r"\bhow (much|well) (do|did|does|would|will|have) (you|they|your \w+) "
                     r"(really )?(enjoy|like|love|hate|appreciate|adore|dislike|value)", low):
            return "'how much did you enjoy/like' presupposes the feeling"
        if re.search(r"\bhow (satisfied|happy|pleased|excited|thrilled|delighted|disappointed|"
                     r"frustrated|annoyed|upset|worried|stressed) (are|were|is|was|would)\b", low):
            return "'how satisfied/happy' presupposes the feeling"
        # "What did you love about ...", "the most frustrating part"
        m = re.search(r"\b(love|loved|enjoy|enjoyed|hate|hated|adore|adored|loathe)\b", low)
        if m and not _in_episode_clause(toks, m.group(1)):
            return f"'{m.group(1)}' presupposes the feeling"
        m = re.search(r"\b(most|least|so|such a|such|really|really quite) ([a-z-]+)\b", low)
        if m and m.group(2) in EMOTIVE and not _in_episode_clause(toks, m.group(2)):
            return f"'{m.group(1)} {m.group(2)}' presupposes the feeling"
        for i, t in enumerate(toks):
            if t in EMOTIVE - {"great", "perfect", "brilliant"} and not _in_episode_clause(toks, t):
                return f"'{t}' presupposes the feeling"
            if t == "great" and not (i + 1 < len(toks) and toks[i + 1] in {"deal", "many"}) \
                    and not _in_episode_clause(toks, t):
                return "'great' presupposes the answer"
    return ""


def _in_episode_clause(toks: list[str], word: str) -> bool:
    """True when an emotive word only describes the situation asked about: "the last time
    you felt frustrated", "what did you do when you were annoyed"."""
    if word not in toks:
        return False
    i = toks.index(word)
    before = toks[:i]
    for marker in ("time", "times", "moment", "occasion", "when", "whenever", "if", "day",
                   "experience", "situation", "example"):
        if marker in before:
            j = len(before) - 1 - before[::-1].index(marker)
            if marker in {"when", "if", "whenever"} and j == 0:
                continue  # "When ..." as the question word
            return True
    return False


def _is_polite(s: _Sentence) -> bool:
    toks = s.toks
    i = s.head_index
    if i >= len(toks):
        return False
    t = toks[i]
    rest = toks[i + 1:i + 6]
    if t in {"can", "could", "would", "will"} and rest[:1] == ["you"]:
        nxt = [w for w in rest[1:] if w not in {"please", "just", "perhaps", "maybe", "quickly",
                                               "briefly", "also", "now", "first"}]
        if nxt and nxt[0] in POLITE_VERBS:
            if nxt[0] == "think" and not (len(nxt) > 1 and nxt[1] in {"of", "back", "about"}):
                return False
            if nxt[0] in {"take", "tell", "show", "walk", "give", "talk", "run"} and not (
                    len(nxt) > 1 and nxt[1] in {"me", "us", "about", "more", "a"}):
                return False
            if nxt[0] == "say" and not (len(nxt) > 1 and nxt[1] in {"more", "a", "something", "what"}):
                return False
            if nxt[0] in {"help", "run", "point", "guide", "lead"} and not (len(nxt) > 1 and nxt[1] in {"me", "us"}):
                return False
            if nxt[0] == "go" and not (len(nxt) > 1 and nxt[1] in {"through", "over", "back", "into"}):
                return False
            if nxt[0] == "remember" and not (len(nxt) > 1 and nxt[1] in {"a", "the", "when", "what", "how"}):
                return False
            return True
        if nxt[:1] == ["mind"]:
            return True
    if t in {"would", "do"} and rest[:2] == ["you", "mind"]:
        return True
    if t in {"can", "could", "may"} and rest[:1] in (["i"], ["we"]) and len(rest) > 1 and rest[1] in {"ask", "hear", "see", "get"}:
        return True
    if t in {"would", "could", "is"} and rest[:3] in (["it", "be", "ok"], ["it", "be", "okay"], ["it", "be", "possible"]):
        return True
    return False


_OPTION_TAIL = re.compile(r"[,:;-]\s*(?:(?:a|an|the|by|in|with|from|through|via|on|at)\s+)?"
                          r"[\w'-]+(?:\s+[\w'-]+){0,3}(?:\s*,\s*[\w'-]+(?:\s+[\w'-]+){0,3})*"
                          r"\s+or\s+[\w'-]+(?:\s+[\w'-]+){0,4}\s*\?\s*$")


def _closed_sentence(s: _Sentence) -> str:
    if not s.question:
        return ""
    toks = s.toks
    head = s.head
    if head in AUX_BASE or (s.orig_toks[:1] and s.orig_toks[0] in NEG_AUX):
        if _is_polite(s):
            return ""
        return f"opens with '{head}' and can be answered yes or no"
    low = s.raw.lower()
    if re.search(r"\bor not\s*\?\s*$", low):
        return "'... or not?' asks for a yes or no"
    if head in WH:
        tail = _OPTION_TAIL.search(low)
        if tail:
            seg = tail.group(0)
            words = set(_tokens(seg.lower()))
            if not (words & (set(AUX_BASE) | WH | {"you", "they", "we"})):
                return "offers the answers to pick from ('..., X or Y?')"
        if re.search(r"\bwhich\b.*\b(or)\b", low) and re.search(r"[,:]", low):
            return "offers the answers to pick from"
        return ""
    if head in {"tell", "walk", "describe", "imagine", "suppose", "picture", "think", "let",
                "talk", "take", "say", "share", "explain", "give", "show"} or head in POLITE_VERBS:
        return ""
    # a statement with a question mark ("You use Slack?", "Surely you compare prices?")
    content = [t for t in toks[s.head_index:] if re.match(r"[a-z0-9]", t)]
    if len(content) >= 3:
        if re.search(r",\s*(right|correct|yeah|yes|no|true|agreed|ok|okay)\s*\?\s*$", low) or \
                re.search(r",\s*\w+(n't| not)? \w+\s*\?\s*$", low) or \
                content[0] in SUBJECT_PRONOUNS | {"the", "your", "this", "that", "it's", "there"}:
            return "a statement with a question mark can be answered yes or no"
    if content[:1] and content[0] in {"any", "anything", "anyone", "ever", "everything", "something"}:
        return "can be answered yes or no"
    return ""


def _closed(sents: list[_Sentence]) -> str:
    for s in sents:
        r = _closed_sentence(s)
        if r:
            return r
    return ""


_HABITUAL = {"normally", "usually", "typically", "generally", "often", "ordinarily",
             "commonly", "tend", "typically", "regularly", "sometimes", "always"}
_NOT_PREDICTION_VERBS = {"say", "describe", "rate", "call", "characterise", "characterize",
                         "define", "explain", "mind", "agree", "summarise", "summarize",
                         "tell", "walk", "share", "talk", "recommend_", "put", "compare",
                         "score", "grade", "sum"}
_ASPIRATION_VERBS = {"change", "fix", "improve", "remove", "wish", "redesign", "rethink",
                     "do differently", "get rid"}
_ASPIRATION = re.compile(r"\b(if you could|you wish|do you wish|if you had (a|one|three) (magic )?wish|magic wand|"
                         r"ideal|perfect world|dream|in a perfect|one wish|wave a wand|"
                         r"wave a magic|no constraints|unlimited budget|if anything were possible|"
                         r"if you were in charge|if you ran)\b")
_PURCHASE = {"use", "pay", "buy", "try", "switch", "sign", "upgrade", "renew", "subscribe",
             "recommend", "cancel", "download", "install", "adopt", "order", "purchase",
             "join", "choose", "book", "return", "spend", "keep", "stop", "start", "shop",
             "consider", "be", "want", "need", "prefer", "pick", "get", "leave", "move",
             "visit", "come", "enrol", "enroll", "register", "invest", "apply", "opt",
             "sign", "rent", "hire", "replace"}
_ADOPT = {"use", "pay", "buy", "try", "switch", "sign", "upgrade", "renew", "subscribe", "recommend",
          "download", "install", "adopt", "purchase", "order", "join", "spend"}
_KNEW_VERBS = {"knew", "thought", "said", "felt", "expected", "hoped", "realised", "realized",
               "decided", "promised", "worried", "assumed", "told", "believed", "guessed",
               "feared", "suspected", "wondered", "hoping", "think", "mean", "meant"}


def _hypothetical(sents: list[_Sentence]) -> str:
    full = " ".join(s.low for s in sents)
    aspiration = bool(_ASPIRATION.search(full))
    for n, s in enumerate(sents):
        toks, low = s.toks, s.low
        start = toks[s.head_index] if s.head_index < len(toks) else ""
        # scenario openers
        first = [t for t in toks if t not in DISCOURSE and t != ","][:3]
        if first[:1] in (["imagine"], ["suppose"], ["supposing"], ["picture"], ["pretend"],
                         ["hypothetically"], ["assume"], ["assuming"]) or first[:3] in (
                ["let", "us", "say"], ["let", "us", "imagine"], ["let", "us", "suppose"],
                ["let", "us", "pretend"], ["let", "us", "assume"]) or first[:2] in (
                ["say", "you"], ["say", "we"], ["say", "there"], ["say", "that"]):
            if not aspiration:
                return f"'{first[0]}' asks about an imagined situation"
        if re.search(r"\b(can|could) you (imagine|see yourself|picture yourself|envision)\b", low) or \
                re.search(r"\b(see|picture) yourself\b", low):
            return "asks the participant to imagine themselves in the future"
        if re.search(r"\bhow \w+ (would|will) (a|an|it|that|this|the|your|having|such)\b", low) and \
                not re.search(r"\bhow (often|long|much|many|would|will)\b", low):
            return "asks for a judgement of something imagined"
        if re.search(r"\bhow (likely|unlikely|probable|willing|inclined|keen|interested|open) "
                     r"(are|would|is|were|will)\b", low) or re.search(r"\bwhat are the chances\b", low):
            return "'how likely' asks for a prediction"
        if re.search(r"\b(willing|prepared|ready) to (pay|spend|use|try|switch|buy|give up|move|sign)\b", low):
            return "asks what the participant would be willing to do"
        if re.search(r"\b(if|when) we (built|build|made|make|added|add|offered|offer|launched|"
                     r"launch|created|create|released|release|gave|give|lowered|lower|raised|"
                     r"raise|charged|charge|removed|remove|dropped|drop|introduced|introduce|had|"
                     r"provided|provide|installed|install|started|start|changed|change|included|"
                     r"include|put|sent|send|cut|doubled|halved|made)\b", low) and not \
                re.search(r"\bwhen we (built|made|added|launched|released|changed|introduced|"
                          r"started|sent|removed|dropped|raised|lowered|cut)\b.*\b(did|was|were|happened)\b", low):
            return "asks about something the team has not built"
        if re.search(r"\bif (there (was|were|is) (a|an|one|some)|it (was|were) (possible|available|"
                     r"free|cheaper)|you (had|got) (a|an|access)|a (tool|product|service|app|feature)"
                     r"|an (app|option|tool))\b", low) and re.search(r"\b(would|will|could|might)\b", low) \
                and not aspiration:
            return "asks about an imagined product"
        if re.search(r"\bwould [\w\s-]{0,40}\bbe worth\b", low) or re.search(
                r"\bhow (much|many|often|long|soon|quickly|far) would (?!you (normally|usually|typically|generally))", low):
            return "asks for a prediction or the value of something imagined"
        # "would" with the participant as subject, or an imagined thing as subject
        for m in re.finditer(r"\b(would|will|might)( not)? (you|it|that|this|a|an|your|having|"
                             r"they|the|such|there)\b|\b(you|it|that|this) (would|will|might)\b", low):
            modal = m.group(1) or m.group(5)
            subj = m.group(3) or m.group(4)
            if not s.question and m.group(4):
                continue  # "Naturally you'd want ..." is a statement, not a question about the future
            pos = len(low[:m.start()].split())
            after = low[m.end():].split()
            after_words = [w.strip(",?.") for w in after]
            before = low[:m.start()].split()
            verb = next((w for w in after_words if w not in {"ever", "really", "still", "also",
                                                               "actually", "be", "just", "not",
                                                               "then", "probably", "definitely",
                                                               "like", "want", "need", "have"}), "")
            if subj in {"the", "a", "an", "your", "such", "there"}:
                # "Would a reminder text help", "would the team use" only as a question opener
                if modal == "will" or not (pos == s.head_index or (before and before[-1] in WH)):
                    continue
            if modal == "will":
                # "Will you ..." as the opener; "when will you next buy"; not "what will happen"
                if subj != "you" and subj != "it":
                    continue
                if m.group(4):  # "you will" in a statement
                    if not re.search(r"\bthink (that )?you will\b", low):
                        continue
                if _is_polite(s) and start == "will":
                    continue
                if start == "will" or (after_words and after_words[0] in {"next"} | _PURCHASE) or \
                        (verb in _PURCHASE and verb not in {"be", "want", "need"}) or m.group(4):
                    return "asks for a prediction of future behaviour ('will you')"
                continue
            if modal == "might" and subj not in {"you"}:
                continue
            # exemptions
            if before and before[-1].endswith(",") and not [w for w in after_words if w]:
                continue  # a tag: "..., wouldn't you?"
            if before and before[-1] in _KNEW_VERBS | {"hoping", "thinking", "expecting"}:
                continue
            if any(w in _HABITUAL for w in after_words[:3]):
                continue
            if after_words[:1] and after_words[0] in _NOT_PREDICTION_VERBS:
                continue
            if after_words[:2] in (["like", "to"], ["want", "to"], ["love", "to"]) and len(after_words) > 2 \
                    and after_words[2] in {"add", "ask", "say", "share", "mention", "tell", "know",
                                           "talk", "discuss", "cover", "show"}:
                continue
            if after_words[:1] in (["agree"],) or re.search(r"\b(would|do) not you agree\b", low):
                continue
            if re.search(r"\bwhat would you (have )?(said|say)\b", low):
                continue
            if re.search(r"\bwould it (not )?be (fair|right|true|correct|accurate|safe) to say\b", low):
                continue
            if aspiration and not (set(after_words[:3]) & _ADOPT):
                continue
            if any(low[m.end():].lstrip().startswith(v) for v in _ASPIRATION_VERBS) and \
                    re.search(r"\b(one thing|what would you|anything you would|something you would)\b", low):
                continue
            if subj == "it" and re.search(r"\bwhat would it be\b", low) and aspiration:
                continue
            if subj in {"that", "this", "it"} and n > 0 and not any(
                    _hypothetical([p]) for p in sents[:n]) and not re.search(
                    r"\b(would|will) (it|that|this) (help|make|change|save|work|be (useful|helpful|"
                    r"worth|easier|better|valuable))", low):
                continue
            if modal == "would" and subj in {"that", "this"} and not pos == s.head_index and \
                    not (before and before[-1] in WH):
                continue
            return f"'{modal} {subj}' asks for a prediction or a judgement of something imagined"
        if re.search(r"\b(do|does) (not )?(you|your \w+|they|people|students|customers|staff) think "
                     r"(that )?(you|they|people|your \w+|students|customers|staff|it|this|that) "
                     r"(would|will|might|could)\b", low):
            return "'do you think you would' asks for a prediction"
        if re.search(r"\b(are|is) (you|your \w+|they) (going|planning) to (use|buy|pay|try|switch|"
                     r"upgrade|sign|subscribe|renew|cancel|recommend|download|install|order|"
                     r"purchase|join|keep|book)\b", low) and start in AUX_BASE:
            return "asks for a prediction of future behaviour"
        if start in {"are", "is"} and re.search(r"\bgoing to\b", low):
            return "asks for a prediction of future behaviour ('are you going to')"
        if re.search(r"\bwhat would (make|get|convince|persuade|stop|encourage|cause|need to "
                     r"happen|it take)\b", low):
            return "asks what would make the participant act"
        if re.search(r"\bwhat would (you|your \w+) (do|pay|use|want|need|expect|choose|pick) "
                     r"if\b", low) and not aspiration:
            return "asks what the participant would do in an imagined situation"
    return ""


def _double_barreled(sents: list[_Sentence]) -> str:
    qmarks = sum(s.raw.count("?") for s in sents)
    if qmarks >= 2:
        return "two question marks: two questions in one"
    for s in sents:
        r = _double_in_sentence(s)
        if r:
            return r
    return ""


def _double_detail(s: _Sentence) -> tuple[str, int, str]:
    """(reason, index of the conjunction, how the asks are joined) or ("", -1, "")."""
    toks = s.toks
    n = len(toks)
    head = s.head
    is_wh = head in WH
    is_aux = head in AUX_BASE and not _is_polite(s)
    for i, t in enumerate(toks):
        if t not in {"and", "or", "&"}:
            continue
        if i == 0 or i + 1 >= n:
            continue
        prev, nxt = toks[i - 1], toks[i + 1]
        j = i + 1
        while j < n and toks[j] in {"then", "also", "maybe", "perhaps", "later", "afterwards",
                                    "finally", "eventually", "separately", ","}:
            j += 1
        if j >= n:
            continue
        nxt = toks[j]
        if (prev, nxt) in FIXED_PAIRS or nxt in AFTER_CONJ_FILLERS and nxt not in {"the", "like", "also"}:
            continue
        if nxt in {"?", ".", "!"}:
            continue
        # "between X and Y" / "both X and Y" / "either X or Y"
        window = toks[max(0, i - 8):i]
        if "between" in window and t == "and":
            k = len(window) - 1 - window[::-1].index("between")
            if "and" not in window[k:]:
                continue
        # a second question word: "What happened and why?", "When and where ..."
        if nxt in WH:
            if t == "or" and nxt == "why" and j + 1 < n and toks[j + 1] == "not":
                continue
            if nxt in {"when", "where", "that", "which", "who"} and prev in {"time", "times", "day", "moment", "place"}:
                continue
            return f"'{t} {nxt}' adds a second question", i, "clause"
        # a second auxiliary clause: "Do you use Jira and do you like it?"
        if t == "and" and i > s.head_index and nxt in AUX_BASE and j + 1 < n and toks[j + 1] in SUBJECT_PRONOUNS | {"your", "the"}:
            if is_wh or is_aux or s.question:
                return f"'and {nxt} {toks[j + 1]}' adds a second question", i, "clause"
        if t == "or" and not is_wh:
            continue
        if not s.question and not (is_wh or head in {"tell", "walk", "describe", "talk", "take"}):
            continue
        # the conjunction must sit in the main clause
        start = s.head_index
        region = toks[start:i]
        # for requests and imperatives the ask is the embedded wh-clause
        whs = [k for k, w in enumerate(region) if w in {"what", "how", "why", "who", "which", "where"} or (w == "when" and k == 0)]
        if not (is_wh or is_aux):
            if not whs:
                continue
            region = region[whs[-1]:]
        if any(w in SUBORDINATORS for w in region[1:]):
            continue
        # expected verb form from the closest auxiliary
        expected = {"past", "s"}
        if any(w in {"you", "we", "they", "i"} for w in region):
            expected = {"base", "past"}
        for w in reversed(region):
            if w in AUX_BASE or w == "to":
                base = AUX_BASE.get(w, "modal")
                expected = {"base"} if base in {"do", "modal"} or w == "to" else (
                    {"pp", "past"} if base == "have" else {"ing", "pp", "past"})
                break
        # adjacent verbs: "like and dislike", "find and vet", "store and share"
        pf = _verb_forms(prev)
        nf = _verb_forms(nxt)
        if i >= 2 and toks[i - 2] in SUBJECT_PRONOUNS | {"usually", "normally", "typically", "first", "to", "actually"} \
                and pf & expected and nf & expected and (prev not in PREPOSITIONS or prev == "like"):
            if toks[i - 2] in SUBJECT_PRONOUNS or (i >= 3 and toks[i - 3] in SUBJECT_PRONOUNS) or toks[i - 2] == "to":
                return f"two actions joined by '{t}' ('{prev}' and '{nxt}')", i, "adjacent"
        # verb + object, then a second verb + object: "plan sprints and track bugs"
        if nf & expected and nxt not in PREPOSITIONS and nxt not in DETERMINERS:
            after = toks[j + 1] if j + 1 < n else "?"
            if after in {"?", ".", ",", "!"} or after in {"and", "or"}:
                continue
            if prev in PREPOSITIONS or any(w in {"for", "with", "on", "about", "between"} for w in region[-3:]) \
                    and nxt in NOUNISH:
                continue
            if nxt in NOUNISH and after not in DETERMINERS and after not in {"up", "out", "back", "down", "off", "in"}:
                continue
            if "base" in expected and not ("base" in nf):
                continue
            # the first conjunct must contain a verb after the subject
            if not any(_verb_forms(w) & expected for w in region[1:]):
                continue
            v1 = next((w for w in region[1:] if _verb_forms(w) & expected), prev)
            return f"two actions joined by '{t}' ('{v1} ...' and '{nxt} ...')", i, "object"
        # two predications: "Is the price reasonable and the delivery fast?"
        if is_aux and t == "and" and nxt in {"the", "your", "its", "their", "our", "this", "that"} and s.question:
            rest = toks[j + 1:]
            if len(rest) >= 2 and rest[-1] == "?" and rest[-2] in QUALITY_ADJ | MEASURE_ADJ:
                return f"two questions joined by 'and' ('... {nxt} {' '.join(rest[:-1])}')", i, "clause"
        # two judgements: "Was it fast and reliable?", "How clear and useful is it?"
        if prev in QUALITY_ADJ and nxt in QUALITY_ADJ and (is_wh or is_aux) and s.question:
            return f"two judgements joined by '{t}' ('{prev}' and '{nxt}')", i, "adjacent"
    return "", -1, ""


def _double_in_sentence(s: _Sentence) -> str:
    return _double_detail(s)[0]


# --------------------------------------------------------------------------------------
# Kinds
# --------------------------------------------------------------------------------------
_EPISODE = re.compile(
    r"\b(the last time|last time|the most recent|most recent|a time when|a time you|a time that|"
    r"the first time|the last (?!minute|moment|resort|step|word|bit|few|thing you)\w+|your last (?!minute|resort)\w+|last (week|month|year|night|weekend|shift|"
    r"quarter|term|semester|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"summer|winter|spring|autumn|fall|visit|order|trip|project|sprint)|yesterday|this morning|"
    r"a recent time|a recent|recently|the other day|the time (when|you)|a moment when|"
    r"an occasion|a situation where|a situation when|an example of a time|last year's|"
    r"last month's|last week's|the most recent time|earlier today|this week)\b")
_STORY_REQUEST = re.compile(
    r"^(?:(?:so|ok|okay|now|and|first|to start|to begin|let's start)[, ]+)*(?:(?:can|could|would|will)"
    r" you (?:please |just )?)?(tell me|talk me|walk me|take me|run me|talk us|walk us|take us|"
    r"tell us|describe|think back|think about|think of|recall|remember|go back|share|recount|"
    r"i would (?:love|like) to hear about|i want to hear about|i am curious about|"
    r"paint me a picture|give me a (?:blow-by-blow|play-by-play))\b")
_PROBE = re.compile(
    r"^(?:(?:and|so|ok|okay|then|right|interesting)[, ]+)*(say more|tell me more|go on|how so|how come|"
    r"why( not)?\s*\??$|why (was|is|did|do|does|would|were) (that|this|it)\b|why (do|did) you think (that|it|this|so)\b|what happened (next|then|after that|afterwards)"
    r"|what happened\s*\??$|(and )?then what|what did you do (next|then|after that|afterwards|about (that|it))"
    r"|what did you (try|say|do) (next|then|after that|afterwards)|what came next|what do you mean|"
    r"what did you mean|what makes you say|what made you say|(can|could|would) you (say|tell me|talk|explain)"
    r" (a (bit|little) )?more|(can|could|would) you (give me|think of|share) an example|for example|"
    r"(can|could|would) you (unpack|expand on|elaborate on|clarify|go into|explain) (that|this|it|what you)|"
    r"such as|like what|an example|how did (that|it|this) (go|feel|make you feel|work out|turn out|end)"
    r"|what was (that|it) like\s*\??$|what else|anything else|meaning\b|in what way|how do you mean|"
    r"what (did|do) you (mean|think) by|who else was|what do you think (caused|made) (that|it)|"
    r"why do you think (that|it))")
_FUTURE = re.compile(
    r"\b(worr(y|ies|ied)|concern(s|ed)?|looking forward|look forward|looking ahead|look ahead|"
    r"plans? (to|for|on)|your plans?|planning (to|for|on|ahead)|hope|hoping|hopes|goals?|would (you )?(change|fix|improve|remove|redesign|do differently)|one thing you would|next (year|quarter|month|week|term|season|"
    r"semester|harvest|sprint|release|cycle|few|big|step|steps|phase|stage|invoice)|"
    r"in (five|ten|two|three|\d+|a few|the coming|the next) (years?|months?)|future|ideal|"
    r"magic wand|if you could|wish|aspire|aspiration|coming (year|months|weeks)|upcoming|"
    r"keeps? you up at night|on your mind|what is next|expecting|ahead|changing|nervous|anxious|afraid|"
    r"scared|risks?|coming up)\b")
_PAST_MARKERS = re.compile(r"\b(did|was|were|had|last|ago|yesterday|happened)\b")


def _kind(sents: list[_Sentence], closed: bool, hypothetical: bool) -> str:
    if not sents:
        return "open"
    first = sents[0]
    main = next((s for s in reversed(sents) if s.question), sents[-1])
    probe_text = first.low.strip()
    if closed:
        if _PROBE.match(probe_text) or _PROBE.match(main.low.strip()):
            return "probe" if not _closed_sentence(main) else "closed"
        return "closed"
    for s in sents:
        low = s.low.strip()
        if _STORY_REQUEST.match(low):
            if _EPISODE.search(low) or (re.search(r"\b(think back|recall|remember|think of|go back)\b", low)) \
                    or re.search(r"\b(what happened|did|went|was|were|had|happened)\b", low) \
                    or re.search(r"\byou \w+ed\b", low) or _ends_in_past_verb(s):
                return "story"
        elif (s.head in WH or s.question) and _EPISODE.search(low) and not re.search(
                r"^(how (much|many|often|long)|what is your)\b", low):
            return "story"
    if _PROBE.match(probe_text):
        return "probe"
    if hypothetical:
        return "future"
    if _probe_by_shape(first):
        return "probe"
    qi = next((i for i, s in enumerate(sents) if s.question), len(sents) - 1)
    full = " ".join(s.low for s in sents[:qi + 1])
    if hypothetical:
        return "future"
    if _ASPIRATION.search(full) or (_FUTURE.search(full) and not _PAST_MARKERS.search(full)):
        return "future"
    return "open"


def _ends_in_past_verb(s: _Sentence) -> bool:
    for t in s.toks:
        if t in IRREGULAR_PARTICIPLE and t not in {"run", "come", "become", "set", "cut", "put", "read", "left"}:
            f = _verb_forms(t)
            if "past" in f:
                return True
    return False


def _probe_by_shape(s: _Sentence) -> bool:
    words = [t for t in s.toks if re.match(r"[a-z]", t)]
    if not words or len(words) > 7 or not s.question:
        return False
    if words[0] not in WH:
        return False
    if {"then", "afterwards", "mentioned", "said"} & set(words[1:]):
        return True
    toks = s.toks
    for k, t in enumerate(toks):
        if t in {"that", "this"} and k > 0:
            nxt = toks[k + 1] if k + 1 < len(toks) else "?"
            if nxt in {"?", ".", ","} or nxt in PREPOSITIONS or nxt in AUX_BASE or nxt in {
                    "mean", "means", "make", "made", "happen", "happened", "go", "went", "feel", "felt",
                    "affect", "affected", "matter", "mattered", "important", "work", "worked", "come",
                    "lead", "led", "change", "changed", "like"}:
                return True
    return False


# --------------------------------------------------------------------------------------
# Suggestions: rewrite a flagged question in the story-based pattern
# ("Tell me about the last time you <past-tense verb phrase>. What happened?"), reusing
# the question's own topic. Each candidate is linted and the first clean one is used.
# --------------------------------------------------------------------------------------
_DROP_ADVERBS = {"usually", "normally", "typically", "generally", "often", "always", "ever",
                 "regularly", "currently", "now", "still", "really", "actually", "automatically",
                 "instantly", "easily", "quickly", "daily", "weekly", "monthly", "next",
                 "probably", "definitely", "honestly", "obviously", "clearly", "surely",
                 "sometimes", "also", "just", "again", "already", "even", "more", "first",
                 "personally", "ever", "certainly", "possibly", "maybe", "perhaps", "together"}
_TIME_TAILS = re.compile(r"\b(every|each) (single )?(day|week|month|year|time|morning|evening|night|"
                         r"quarter|term)\b|\bmost (days|weeks|months|of the time)\b|\bthese days\b|"
                         r"\bnext (year|month|week|time|quarter|term)\b|\bin the future\b|\bfrom now on\b|"
                         r"\bright now\b|\bat the moment\b|\bon a regular basis\b|\bin general\b|"
                         r"\b(this|next|last|every) (winter|summer|spring|autumn|fall|season|year|month|week|"
                         r"term|quarter|weekend|morning|evening|time)\b", re.I)
_EVENT_NOUNS = {"session", "workshop", "meeting", "course", "class", "conference", "training",
                "event", "appointment", "webinar", "lesson", "seminar", "tour", "demo", "party",
                "fair", "show", "concert", "match", "game", "assembly", "briefing", "retreat"}
_PLACE_NOUNS = {"pharmacy", "clinic", "store", "shop", "office", "branch", "surgery", "gym",
                "hospital", "restaurant", "cafe", "café", "market", "school", "library", "warehouse",
                "hotel", "bar", "museum", "station", "airport", "practice", "dentist", "salon",
                "supermarket", "mall", "venue"}
_PROCESS_NOUNS = {"process", "procedure", "review", "checkout", "check-in", "onboarding",
                  "induction", "application", "claim", "handover", "move", "renewal", "approval",
                  "audit", "migration", "setup", "set-up", "sign-up", "signup", "registration",
                  "inspection", "interview", "appraisal", "enrolment", "enrollment", "refund",
                  "return", "delivery", "transfer", "installation", "trial", "rollout", "launch"}
_PRODUCT_NOUNS = {"app", "tool", "dashboard", "layout", "flow", "feature", "card", "system",
                  "portal", "service", "website", "site", "rubric", "form", "template",
                  "platform", "software", "page", "menu", "product", "spreadsheet", "report",
                  "calendar", "inbox", "account", "plan", "subscription", "device", "machine",
                  "kiosk", "program", "programme", "scheme", "guide", "manual", "rota",
                  "timesheet", "summary", "reminder", "newsletter", "interface", "screen",
                  "extension", "integration", "version", "update", "design", "booking",
                  "tutorial", "video", "instructions", "checklist", "chatbot", "bot", "api",
                  "editor", "tracker", "planner", "wallet", "voucher", "coupon", "label",
                  "packaging", "catalogue", "catalog", "search", "filter", "map", "widget",
                  "loyalty", "email", "emails", "notification", "alert", "policy", "contract",
                  "invoice", "receipt", "statement", "bill", "quote", "estimate", "budget",
                  "course", "curriculum", "textbook", "kit", "recipe", "bank", "insurer", "provider",
                  "supplier", "courier", "agency", "broker", "carrier", "network", "lender"}
_META_NOUNS = {"take", "opinion", "view", "views", "thoughts", "feeling", "feelings", "sense",
               "impression", "impressions", "experience", "reaction", "verdict", "answer", "guess",
               "side", "story", "idea", "ideas", "what", "team", "family", "life", "way",
               "day", "week", "business", "job", "work", "role", "company", "people", "friends",
               "part", "thing", "things", "aspect", "bit", "element", "stage", "step", "most", "least"}
_IMAGINED_HEADS = {"app", "tool", "feature", "product", "service", "system", "platform", "we", "it",
                   "dashboard", "bot", "chatbot", "website", "site", "portal", "option", "button",
                   "assistant", "version", "plan", "programme", "program", "kiosk", "device"}
_CUT_WORDS = {"if", "unless", "because", "instead", "rather", "so", "since", "although", "though",
              "whereas", "while"}
_PRONOUNS = {"it", "them", "this", "that", "these", "those", "one"}


def _w(text: str) -> list[str]:
    return [t for t in _tokens(_expand(text)) if t not in {",", ";", ":", "(", ")", ".", "?", "!"}]


def _clean_vp(words: list[str]) -> list[str]:
    text = " ".join(words)
    text = _TIME_TAILS.sub(" ", text)
    out = []
    for w in text.split():
        lw = w.lower()
        if lw in _CUT_WORDS or lw in {"and", "or", "&", "but"}:
            break
        if lw in _DROP_ADVERBS and out:
            continue
        out.append(w)
    while out and out[-1].lower() in (PREPOSITIONS | DETERMINERS | {"you"}) - {"it", "them", "us", "me", "him", "her"}:
        if len(out) >= 2 and out[-2].lower() in {"for", "to", "with"} and out[-1].lower() == "you":
            out = out[:-2]
            continue
        if out[-1].lower() in {"up", "out", "in", "off", "back", "down", "on", "over", "through"} \
                and len(out) >= 2 and (_base(out[-2]) or (len(out) >= 3 and out[-2].lower() in
                                                          {"you", "it", "them", "me", "us"} and _base(out[-3]))):
            break  # a particle: "set it up", "log in", "logs you out"
        out = out[:-1]
    if len(out) >= 2 and [w.lower() for w in out[-2:]] in (["for", "you"], ["to", "you"], ["with", "you"]):
        out = out[:-2]
    return out


def _resolve(words: list[str], topic: str | None) -> list[str] | None:
    """Replace a pronoun object by the topic ('cope with it' -> 'cope with the old system')."""
    out = []
    for k, w in enumerate(words):
        lw = w.lower()
        nxt = words[k + 1].lower() if k + 1 < len(words) else ""
        pronoun = lw in {"it", "them"} or (lw in {"this", "that", "these", "those"} and
                                             (not nxt or nxt in PREPOSITIONS or nxt in {"and", "or"}))
        if pronoun:
            if topic is None:
                if lw == "it" and nxt in {"up", "out", "in", "off", "back", "down", "on", "over"}:
                    out.append(w)
                    continue
                return None
            out.extend(topic.split())
            continue
        out.append(w)
    return out


def _vp_past(words: list[str], topic: str | None = None) -> str | None:
    """'split bills with friends' / 'splits ...' / 'splitting ...' -> 'split bills with friends'."""
    words = [w for w in words]
    while words and words[0].lower() in _DROP_ADVERBS | {"not", "to"}:
        words = words[1:]
    words = _clean_vp(words)
    if not words:
        return None
    b = _base(words[0])
    if b is None or b in {"be", "think", "know", "mind", "agree", "feel", "say", "mean", "have"}:
        if not (b == "have" and len(words) > 1 and words[1].lower() in {"to", "a", "an", "the", "your"}):
            return None
    rest = _resolve(words[1:], topic)
    if rest is None:
        return None
    phrase = " ".join([past_tense(b)] + rest)
    particles = {"up", "out", "in", "off", "back", "down", "on", "over", "through", "away"}
    bare = all(w.lower() in particles for w in rest)
    if bare and b in {"use", "pay", "buy", "try", "download", "install", "recommend", "keep", "do", "get",
                      "find", "need", "want", "choose", "pick", "make", "take", "like", "prefer",
                      "handle", "manage", "see", "send", "read", "write", "check", "set", "fill",
                      "back", "look", "figure", "sort", "put", "give", "hand", "bring", "carry",
                      "print", "think", "expect", "approve", "review", "track", "plan", "order", "shop"}:
        return None
    if rest and rest[0].lower() in PREPOSITIONS and b in {"want", "need", "like", "expect", "prefer", "love",
                                                           "hate", "enjoy", "value", "look"}:
        if not (b == "look" and rest[0].lower() in {"for", "at", "into", "up"}):
            return None
    return phrase


def _np(words: list[str]) -> str | None:
    """A noun phrase from the start of ``words``: 'the pharmacy close to where you live' ->
    'the pharmacy'; 'a feature that fills in invoices' -> 'a feature'."""
    words = list(words)
    while words and words[0].lower() in {"any", "some", "about", "with", "of", "for", "on", "in", "to",
                                         "really", "so", "very", "much", "a lot", "not", "most", "least",
                                         "best", "the most", "all", "ever", "more"}:
        words = words[1:]
    out: list[str] = []
    for k, w in enumerate(words):
        lw = w.lower()
        if out and all(x.lower() in DETERMINERS for x in out) and (
                lw in {"most", "least", "very", "really", "so", "quite", "more", "biggest", "main"} or lw in EVALUATIVE):
            continue
        if lw in {"and", "or", "&", "that", "which", "who", "than", "now", "too", "so", "very", "you",
                  "if", "when", "because", "while", "really", "right", "then", "quite", "much",
                  "enough", "ever", "at", "to", "by", "before", "after", "without", "from", "as"} \
                or lw in AUX_BASE or lw in NEG_AUX:
            if lw in {"from", "at", "to"} and out and k + 1 < len(words) and words[k + 1].lower() in DETERMINERS - {"it", "them"}:
                out.append(w)
                continue
            break
        if out and (lw in QUALITY_ADJ | MEASURE_ADJ | EVALUATIVE) and out[-1].lower() not in DETERMINERS | PREPOSITIONS:
            break
        if out and lw in DETERMINERS and out[-1].lower() not in PREPOSITIONS:
            break
        if len([x for x in out if x.lower() not in DETERMINERS]) >= 2 and lw in VERBS and lw not in NOUNISH:
            break  # "a live chat button make it easier"
        if out and lw.endswith("s") and _base(lw) and _base(lw) not in NOUNISH and "s" in _verb_forms(lw) \
                and out[-1].lower() not in DETERMINERS | PREPOSITIONS:
            break  # "marking takes too long", "the co-op charges"
        if out and (lw.endswith("ed") or "pp" in _verb_forms(lw) and lw not in NOUNISH) and len(out) >= 2 \
                and out[-1].lower() not in DETERMINERS:
            break
        if not out and lw in _PRONOUNS | {"you", "i", "we", "they", "he", "she"}:
            return None
        out.append(w)
        if len(out) >= 8:
            break
    while out and (out[-1].lower() in PREPOSITIONS | DETERMINERS or out[-1].lower() in QUALITY_ADJ | EVALUATIVE):
        out = out[:-1]
    if not out:
        return None
    if len(out) == 1 and out[0].lower() in DETERMINERS | _PRONOUNS:
        return None
    if out[-1].lower() in _META_NOUNS and len(out) <= 3:
        return None
    if out[0].lower() in DETERMINERS:
        out[0] = out[0].lower()
    return " ".join(_neutral_np(out))


def _neutral_np(words: list[str]) -> list[str]:
    """'our new app' -> 'an app', 'the new layout' -> 'the layout': do not sell the product."""
    fresh = {"new", "latest", "improved", "redesigned", "shiny", "great", "amazing", "updated"}
    out = [w for w in words if w.lower() not in fresh] or list(words)
    if out and out[0].lower() in {"our", "this", "my"} and len(out) > 1:
        rest = out[1:]
        last = rest[-1].lower()
        if last.endswith("s") and not last.endswith("ss"):
            return rest
        return ["an" if rest[0][:1].lower() in "aeiou" else "a"] + rest
    return out


def _np_story(np_text: str | None, imagined: bool = False) -> str | None:
    if not np_text:
        return None
    if imagined:
        return f"Tell me about the last time you needed something like {np_text}. What did you do?"
    words = np_text.split()
    for k, w in enumerate(words):
        if k > 0 and w.lower() in PREPOSITIONS:
            words = words[:k]
            break
    head = words[-1].lower().strip(",")
    for w in reversed(words[-1:]):
        lw = w.lower()
        if lw in _EVENT_NOUNS | _PLACE_NOUNS | _PROCESS_NOUNS | _PRODUCT_NOUNS or lw.rstrip("s") in _PRODUCT_NOUNS:
            head = lw
            break
    if head in _PROCESS_NOUNS:
        return f"Tell me about the last time you went through {np_text}. What happened?"
    if head in _EVENT_NOUNS or head in _PLACE_NOUNS:
        return f"Tell me about the last time you went to {np_text}. What happened?"
    if head in _PRODUCT_NOUNS or head.rstrip("s") in _PRODUCT_NOUNS or head.endswith("app"):
        return f"Tell me about the last time you used {np_text}. What happened?"
    return f"Tell me about the last time you dealt with {np_text}. What happened?"


def _story(phrase: str | None, follow: str = "What happened?", subject: str = "you") -> str | None:
    if not phrase:
        return None
    return f"Tell me about the last time {subject} {phrase}. {follow}"


def _subject_verb(words: list[str], expected: set[str]) -> tuple[list[str], list[str]] | None:
    """Split ['your', 'manager', 'review', ...] at the first verb of the expected form."""
    for k in range(1, len(words)):
        w = words[k].lower()
        prev = words[k - 1].lower()
        if prev in DETERMINERS | PREPOSITIONS:
            continue
        forms = _verb_forms(w)
        if forms & expected and not (w in NOUNISH and k + 1 < len(words) and _verb_forms(words[k + 1]) & expected):
            subj = [x for x in words[:k] if x.lower() not in _DROP_ADVERBS]
            while subj and subj[-1].lower() in set(AUX_BASE) | {"not", "to", "be", "able"}:
                subj = subj[:-1]
            if not subj:
                return None
            return subj, words[k:]
    return None


_SERVING_VERBS = {"show", "display", "let", "give", "tell", "remind", "notify", "alert", "send", "help",
                  "allow", "enable", "warn", "offer", "save", "cost", "take", "make", "be", "have",
                  "work", "come", "sit", "stand", "look", "seem", "appear"}


def _relative_vp(words: list[str]) -> str | None:
    """'a tool that reconciles invoices automatically' -> 'reconciled invoices';
    'an app for tracking symptoms' -> 'tracked symptoms'; 'an app to split bills' -> 'split bills'."""
    low = [w.lower() for w in words]
    for k, w in enumerate(low):
        if w in {"that", "which", "who"} and k > 0 and k + 1 < len(words):
            rest = words[k + 1:]
            if rest[0].lower() in {"would", "could", "will", "can", "might"}:
                rest = rest[1:]
            if len(rest) > 2 and rest[0].lower() in {"made", "makes", "make", "got", "gets", "helped", "helps",
                                                     "lets", "let"} and rest[1].lower() == "you":
                rest = rest[2:]
                if rest and rest[0].lower() == "to":
                    rest = rest[1:]
            elif rest and _base(rest[0]) in _SERVING_VERBS:
                continue
            p = _vp_past(rest)
            if p:
                return p
        if w == "to" and k > 0 and k + 1 < len(words) and _base(words[k + 1]) and \
                low[k - 1] not in VERBS | QUALITY_ADJ | MEASURE_ADJ | EVALUATIVE | {"able", "going", "willing", "have",
                                                                                   "has", "had", "want", "need", "like",
                                                                                   "used", "likely", "ready", "trying"} \
                and low[k - 1] not in DETERMINERS | PREPOSITIONS and _base(low[k - 1]) is None:
            p = _vp_past(words[k + 1:])
            if p:
                return p
        if w in {"for", "with", "about", "of"} and k + 1 < len(words) and words[k + 1].lower().endswith("ing"):
            p = _vp_past(words[k + 1:])
            if p:
                return p
    return None


def _reduced_relative(words: list[str]) -> str | None:
    """'the support you got from our team' -> 'got support from our team';
    'reports you export every week' -> 'exported reports'."""
    low = [w.lower() for w in words]
    if "you" not in low:
        return None
    k = low.index("you")
    if k == 0 or k + 1 >= len(words):
        return None
    noun = [w for w in words[:k] if w.lower() not in DETERMINERS | {"any", "some"}]
    if not noun or len(noun) > 3 or any(w.lower() in PREPOSITIONS | WH | QUALITY_ADJ | MEASURE_ADJ | set(AUX_BASE)
                                        for w in noun):
        return None
    b = _base(words[k + 1])
    if not b:
        return None
    rest = _clean_vp(words[k + 2:])
    obj = noun
    if b in {"get", "receive", "have", "use", "buy", "make", "send", "export", "write", "file",
             "read", "pay", "order", "book", "fill", "submit", "need", "want", "sign"} or True:
        return " ".join([past_tense(b)] + (["a"] if len(noun) == 1 and not noun[0].lower().endswith("s")
                                           and noun[0].lower() not in {"support", "help", "advice", "feedback", "training", "information", "money", "time", "work", "software"} else []) + obj + rest)
    return None


def _options(text: str) -> tuple[str, list[str]] | None:
    m = _OPTION_TAIL.search(text + "?") if not text.endswith("?") else _OPTION_TAIL.search(text)
    if not m:
        return None
    seg = m.group(0)
    opts = [o.strip(" ?,:;-") for o in re.split(r",|\bor\b", seg[1:])]
    opts = [o for o in opts if o]
    if len(opts) < 2:
        return None
    return text[:m.start()].strip(), opts


_SAY_VERBS = re.compile(r"\b(?:says?|said|thinks?|think|shows?|showed|tell us|told us|tells us|finds?|found|"
                        r"believes?|knows?|heard|noticed|suggests?|reckons?|agrees?) (?:that )?", re.I)
_FEEL_VERBS = re.compile(r"\b(?:love|loves|loved|hate|hates|hated|like|likes|enjoy|enjoys|prefer|prefers|"
                         r"adore|adores|rave about|complain about|use|uses|want|wants) ", re.I)
_SCENARIO = re.compile(r"\b(?:we|you|they) (?:offered|added|built|made|launched|created|released|had|"
                       r"introduced|gave you|provided|installed|could use|could have|got) |"
                       r"\bthere (?:was|were|is) |\b(?:imagine|picture|suppose) (?:that )?", re.I)


def _topic(cond: str | None, context: str) -> tuple[str | None, bool]:
    """The thing a priming statement, scenario or condition is about, and whether it is
    imagined (a feature the team has not built)."""
    for src in [c for c in (cond, context) if c]:
        src = _expand(src)
        for rx, imagined in ((_SCENARIO, True), (_FEEL_VERBS, False), (_SAY_VERBS, False)):
            m = rx.search(src)
            if m:
                np_ = _np(_w(src[m.end():]))
                if np_:
                    return np_, imagined
        words = _w(src)
        k = 0
        while k < len(words) and (words[k].lower() in _DROP_ADVERBS | PRESUPPOSING_ADVERBS | {"of", "course"}):
            k += 1
        np_ = _np(words[k:])
        if np_ and not _PRIMING_SUBJECTS.match(" ".join(words[k:]).lower()):
            return np_, False
    return None, False


def _candidates(main: str, context: str, flags: list[str]) -> list[str]:
    out: list[str | None] = []
    m = _expand(main).strip()
    m = re.sub(r",\s*(right|correct|yeah|yes|no|true|agreed|ok|okay)\s*\?\s*$", "?", m, flags=re.I)
    m = re.sub(r",\s*(\w+ not|\w+n't|do|did|does|is|are|was|were|would|will|can|could|have|has) "
               r"(not )?(you|it|they|we|he|she|there|that)\s*\?\s*$", "?", m, flags=re.I)
    for _ in range(3):
        m = re.sub(r"^(of course|obviously|clearly|surely|so|and|okay|ok|now|well|just to check|"
                   r"naturally|then|but|also)\b[, ]*", "", m, flags=re.I)
    m = m.strip().rstrip(" ?.!")
    opts = _options(m + "?")
    options: list[str] = []
    if opts and re.search(r"\bor\b", m):
        stripped, options = opts
        if _tokens(stripped):
            m = stripped
    if "double-barreled" in flags:
        m = _first_ask(m)
    # an inner statement: "Don't you think S", "Wouldn't you agree that S", "You would agree S"
    mi = re.match(r"^(?:do not you|do you not|do you|would not you|would you not|would you|you would|"
                  r"does not everyone|is it not true|is not it true|is it true)\s*(?:think|agree|say|feel|find|)"
                  r"(?: that)?\s+(.+)$", m, flags=re.I)
    if mi and not re.match(r"^(you|that|so)\b", mi.group(1), flags=re.I) and len(_w(mi.group(1))) >= 3 \
            and re.search(r"\b(think|agree|say|feel|find|true)\b", m[:mi.start(1)], flags=re.I):
        m = mi.group(1)
    # a condition: "If we built X, would you use it?" / "... if it were cheaper"
    cond = None
    mc = re.match(r"^(?:if|when|once|suppose|imagine|say) (.+?), (.+)$", m, flags=re.I)
    if mc:
        cond, m = mc.group(1), mc.group(2)
    else:
        mc = re.match(r"^(.+?),? (?:if|unless) (.+)$", m, flags=re.I)
        if mc:
            m, cond = mc.group(1), mc.group(2)
    W = _w(m)
    L = [w.lower() for w in W]
    hypothetical = "hypothetical" in flags
    # the topic of a priming statement, scenario or condition (for "it", "that")
    topic, imagined_topic = _topic(cond, context)
    pronoun_in_main = any(w in {"it", "them", "that", "this", "one"} and (k == len(L) - 1 or L[k + 1] not in
                          DETERMINERS | {"is", "was"} or w in {"it", "them"}) for k, w in enumerate(L) if k > 0)

    def tail_after(*phrases: str) -> list[str] | None:
        for ph in phrases:
            k = _contains(L, ph)
            if k >= 0:
                return W[k + len(ph.split()):]
        return None

    # "Do you remember the last time X?" -> "Tell me about the last time X."
    mm = re.search(r"\b(?:remember|recall|think of|think about)\s+((?:the last|the most recent|a|the first) time\b.+)$",
                   m, flags=re.I)
    if mm:
        out.append(f"Tell me about {mm.group(1)}. What happened?")
    # 0. the scenario carries the topic when the question only points at it ("How would that ...")
    if context and (pronoun_in_main or imagined_topic):
        mm = re.search(r"\b(?:you|it|the \w+|we|they) (?:could|can|had|would|will) (.+?)"
                       r"(?:\b(?:by|with|via|through|using|without|automatically|for you)\b|[.?!]|$)",
                       _expand(context), flags=re.I)
        if mm and _base(_w(mm.group(1))[0] if _w(mm.group(1)) else "") not in _SERVING_VERBS:
            out.append(_story(_vp_past(_w(mm.group(1))), "How did you do it?"))
        if topic:
            out.append(_np_story(topic, imagined_topic))
    # "Do you prefer X or Y" -> choose between them
    mm = re.search(r"\b(?:prefer|rather have|rather use|choose|pick) (.+?) or (.+)$", m, flags=re.I)
    if mm:
        a_, b_ = _np(_w(mm.group(1))) or mm.group(1), _np(_w(mm.group(2))) or mm.group(2)
        out.append(f"Tell me about the last time you had to choose between {a_} and {b_}. What did you pick?")
    if options and not any(L[k] == "you" and k + 1 < len(L) and (_base(L[k + 1]) or L[k + 1] in _DROP_ADVERBS)
                           for k in range(len(L))):
        out.append(f"Tell me about the last time you had to choose between {options[0]} and {options[1]}. "
                   "What did you pick?")
    # 1. prices
    rest = tail_after("how much would you be willing to pay for", "how much would you pay for",
                      "how much would you expect to pay for", "what would you expect to pay for",
                      "what would you pay for", "most you would pay for", "how much are you willing to pay for",
                      "how much would you be willing to spend on", "how much would you spend on",
                      "willing to pay for", "pay more for", "pay extra for", "spend on")
    if rest is not None:
        np_ = _np(rest) or topic
        if np_:
            like = np_ if np_.split()[0].lower() not in {"a", "an"} else f"something like {np_}"
            out.append(f"Tell me about the last time you paid for {like}. How much did it cost?")
        out.append("Tell me about the last time you paid for something like this. How much did it cost?")
    # 2. "How <adj> is it to VP" / "Is it hard to VP"
    k = _contains(L, "it to")
    if k < 0:
        k = _contains(L, "it for you to")
        k = k + 2 if k >= 0 else -1
    if k >= 0:
        out.append(_story(_vp_past(W[k + 2:], topic), "How did it go?"))
    # 3. the episode in a "when"/"if" clause: "Isn't it annoying when the app logs you out?"
    for src in ([" ".join(W[L.index("when") + 1:])] if "when" in L[1:] else []) + ([cond] if cond else []):
        sw = _w(src)
        if not sw:
            continue
        if sw[0].lower() == "you":
            p = _vp_past(sw[1:])
            out.append(_story(p, "What did you do?"))
        elif sw[0].lower() not in {"we", "it", "there", "i"}:
            sv = _subject_verb(sw, {"base", "s", "past", "pp"})
            if sv and hypothetical and sv[0][-1].lower() in _IMAGINED_HEADS:
                vl2 = [w.lower() for w in sv[1]]
                if "to" in vl2 and "you" in vl2[:3]:
                    p = _vp_past(sv[1][vl2.index("to") + 1:])
                    if p:
                        out.append(f"Tell me about the last time you had to {' '.join(_clean_vp(sv[1][vl2.index('to') + 1:]))}. "
                                   "What happened?")
                continue
            if sv and any(w.lower() not in DETERMINERS for w in sv[0]):
                p = _vp_past(sv[1])
                subj = " ".join(sv[0])
                if p:
                    subj = subj[:1].lower() + subj[1:] if subj.split()[0].lower() in DETERMINERS else subj
                    out.append(f"Tell me about the last time {subj} {p}. What did you do?")
    # 4. an imagined product described by a relative clause: "a tool that reconciles invoices"
    for src in ([cond] if cond else []) + ([" ".join(W)] if hypothetical else []) + ([context] if context else []):
        rv = _relative_vp(_w(src))
        if rv:
            out.append(_story(rv, "How did you do it?"))
    # 5. by the shape of the question
    head_i = 0
    while head_i < len(L) and L[head_i] in DISCOURSE:
        head_i += 1
    head = L[head_i] if head_i < len(L) else ""
    body, bl = W[head_i:], L[head_i:]
    if head in WH:
        for prep in ("about", "of", "with", "when", "in"):
            if prep in bl:
                r = body[bl.index(prep) + 1:]
                while r and r[0].lower() in {"most", "least", "the", "really"}:
                    r = r[1:]
                if r and r[0].lower().endswith("ing") and _base(r[0]):
                    out.append(_story(_vp_past(r, topic)))
        r = tail_after("would make you", "would get you to", "would convince you to", "would it take for you to",
                       "would need to happen for you to", "likely are you to", "likely would you be to",
                       "often would you", "would you ever", "will you next", "will you ever",
                       "is it that you would", "is it that you will", "that you would", "that you will")
        if r:
            out.append(_story(_vp_past(r, topic)))
        # wh + aux + subject + verb phrase
        aux_k = next((k for k, w in enumerate(bl) if w in AUX_BASE), None)
        if aux_k is not None and aux_k + 1 < len(bl):
            aux = bl[aux_k]
            after = body[aux_k + 1:]
            al = [w.lower() for w in after]
            kind_aux = AUX_BASE[aux]
            if al and al[0] == "not":
                after, al = after[1:], al[1:]
            if al[:1] == ["you"]:
                vp = after[1:]
                vl = [w.lower() for w in vp]
                while vl and (vl[0] in _DROP_ADVERBS or vl[0] in {"think", "be", "going", "willing", "able",
                                                                   "want", "like", "need", "have", "to", "not"}
                              and not (vl[0] in {"like", "want", "need", "have"} and len(vl) > 1 and vl[1] not in {"to"})):
                    if vl[0] == "think" and len(vl) > 1 and vl[1] in {"you", "that"}:
                        vp, vl = vp[1:], vl[1:]
                        while vl and vl[0] in {"that", "you", "would", "will", "might", "could"}:
                            vp, vl = vp[1:], vl[1:]
                        continue
                    vp, vl = vp[1:], vl[1:]
                if kind_aux == "be" and vl and vl[0] in {"happy", "satisfied", "worried", "pleased", "unhappy",
                                                          "interested", "frustrated", "annoyed", "concerned"}:
                    out.append(_np_story(_np(vp[1:]), hypothetical))
                if kind_aux == "be" and vl and vl[0] in {"with", "about", "by", "of", "in"}:
                    out.append(_np_story(_np(vp[1:]), hypothetical))
                if vl and (vl[0] in {"like", "enjoy", "love", "hate", "think", "feel"} or
                           (vl[0] in {"find", "rate"} and bl[0] == "how" and bl[1] not in AUX_BASE)) and len(vp) > 1:
                    k2 = 1
                    while k2 < len(vl) - 1 and vl[k2] in {"most", "least", "best", "about", "really", "so", "much"}:
                        k2 += 1
                    if vl[0] in {"think", "feel"} and len(vl) > 1 and vl[1] in {"about", "of"}:
                        k2 = 2
                    g = vp[k2].lower() if k2 < len(vp) else ""
                    if g.endswith("ing"):
                        out.append(_story(_vp_past(vp[k2:], topic)))
                    out.append(_np_story(_np(vp[k2:]) or topic, hypothetical))
                if vl and vl[0] in {"use", "try", "download", "install"}:
                    rv = _relative_vp(vp)
                    if rv:
                        out.append(_story(rv, "How did you do it?"))
                    np_ = _np(vp[1:])
                    if hypothetical and np_:
                        out.append(_np_story(np_, True))
                if aux_k > 1 and vl and _base(vl[0]) and not vl[1:2]:
                    # "What tools do you use" -> "used one of your tools"
                    nouns = [w for w in body[1:aux_k] if w.lower() not in DETERMINERS]
                    if nouns and nouns[-1].lower().endswith("s"):
                        out.append(_story(f"{past_tense(_base(vl[0]))} one of your {' '.join(nouns)}"))
                    elif nouns:
                        out.append(_story(f"{past_tense(_base(vl[0]))} your {' '.join(nouns)}"))
                out.append(_story(_vp_past(vp, topic), "How did you do it?" if bl[0] == "how" else "What happened?"))
                if bl[0] == "what" and aux_k == 1 and vl and _base(vl[0]) and (len(vl) == 1 or vl[1] in PREPOSITIONS) \
                        and _base(vl[0]) not in {"like", "love", "enjoy", "hate", "think", "feel", "mean", "dislike",
                                                 "prefer", "want", "need", "say"}:
                    tail = " ".join(_clean_vp(vp[1:])) if len(vl) > 1 else ""
                    out.insert(0 if len(vl) > 1 else len(out),
                               _story(f"{past_tense(_base(vl[0]))} something {tail}".strip(), "What was it?"))
            elif al[:1] == ["it"]:
                pass
            elif al:
                if kind_aux == "be":
                    rr = _reduced_relative(after)
                    if rr:
                        out.append(_story(rr))
                    out.append(_np_story(_np(after) or topic, hypothetical))
                else:
                    exp = {"base"} if kind_aux in {"do", "modal"} else {"pp", "past"}
                    sv = _subject_verb(after, exp)
                    if sv and hypothetical and sv[0][0].lower() in {"a", "an"}:
                        out.append(_np_story(_np(sv[0]), True))
                    if sv:
                        subj = " ".join(sv[0])
                        p = _vp_past(sv[1], topic)
                        if p and subj.lower() not in {"it", "that", "this"}:
                            if subj.split()[0].lower() in DETERMINERS:
                                subj = subj[:1].lower() + subj[1:]
                            out.append(f"Tell me about the last time {subj} {p}. What happened?")
                    if sv:
                        out.append(_np_story(_np(sv[0]), hypothetical))
        elif aux_k is None and len(bl) > 1 and bl[0] == "who" and _base(bl[1]):
            p = _vp_past(body[1:], topic)
            out.append(f"Tell me about the last time someone {p}. Who was involved?" if p else None)
        # "What did you love about X", "the most frustrating part of switching banks"
        for prep in ("about", "of", "with", "in"):
            if prep in bl:
                r = body[bl.index(prep) + 1:]
                if r and r[0].lower().endswith("ing") and _base(r[0]):
                    out.append(_story(_vp_past(r, topic)))
                out.append(_np_story(_np(r), hypothetical))
    elif head in AUX_BASE or (head in NEG_AUX):
        after = body[1:]
        al = [w.lower() for w in after]
        if al and al[0] == "not":
            after, al = after[1:], al[1:]
        kind_aux = AUX_BASE.get(head, "do")
        if al[:2] == ["you", "and"] and kind_aux != "be":
            sv = _subject_verb(after, {"base"} if kind_aux in {"do", "modal"} else {"pp", "past"})
            if sv:
                p = _vp_past(sv[1], topic)
                if p:
                    out.append(f"Tell me about the last time {' '.join(sv[0])} {p}. What happened?")
        if al[:1] == ["you"]:
            vp = after[1:]
            vl = [w.lower() for w in vp]
            # "Do you think you would VP", "Are you going to VP", "be able to"
            while vl and (vl[0] in _DROP_ADVERBS or vl[0] in {"not"}):
                vp, vl = vp[1:], vl[1:]
            if vl[:1] == ["think"]:
                k = 1
                while k < len(vl) and vl[k] in {"that", "you", "would", "will", "might", "could", "ever"}:
                    k += 1
                vp, vl = vp[k:], vl[k:]
            for pre in (["going", "to"], ["planning", "to"], ["able", "to"], ["willing", "to"],
                        ["be", "willing", "to"], ["be", "able", "to"], ["have", "to"], ["need", "to"],
                        ["want", "to"], ["see", "yourself"], ["ever"], ["end", "up"], ["ended", "up"]):
                if vl[:len(pre)] == pre:
                    vp, vl = vp[len(pre):], vl[len(pre):]
            if vl[:2] and vl[0] in {"be", "been"} and len(vl) > 1 and vl[1].endswith("ing") and _base(vl[1]):
                out.append(_story(_vp_past(vp[1:], topic)))
            if vl[:2] and vl[0] == "been" and len(vl) > 1 and "pp" in _verb_forms(vl[1]):
                tail = _clean_vp(vp[1:])
                out.append(f"Tell me about the last time you were {' '.join(tail)}. What happened?" if tail else None)
            if vl[:1] and vl[0] in {"be", "interested", "happy", "satisfied", "worried", "pleased", "keen",
                                     "open", "concerned", "frustrated", "annoyed", "aware"}:
                k = 1 if vl[0] != "be" else 2
                r = vp[k:]
                rl = [w.lower() for w in r]
                if rl[:1] and rl[0] in {"in", "about", "with", "by", "of", "for"}:
                    r = r[1:]
                if r and r[0].lower().endswith("ing"):
                    out.append(_story(_vp_past(r, topic)))
                if vl[0] in {"interested", "keen", "open"} or (vl[0] == "be" and len(vl) > 1 and vl[1] in {"interested", "keen", "open"}):
                    np_ = _np(r)
                    out.append(f"Tell me about the last time you needed {np_}. What did you do?" if np_ else None)
                else:
                    out.append(_np_story(_np(r) or topic, False))
            if kind_aux == "be" and vl[:2] in (["the", "one"], ["the", "person"]) or vl[:1] == ["someone"]:
                rv = _relative_vp(vp)
                out.append(_story(rv))
            if vl[:1] and vl[0] in {"prefer", "choose", "pick"} and options:
                out.append(f"Tell me about the last time you had to choose between {options[0]} and {options[1]}. "
                           "What did you pick?")
            if vl[:1] and vl[0] in {"use", "try", "download", "install"}:
                rv = _relative_vp(vp)
                if rv:
                    out.append(_story(rv, "How did you do it?"))
                np_ = _np(vp[1:])
                if hypothetical and np_ and vl[1:2] and vl[1] in {"a", "an", "something", "some"}:
                    out.append(_np_story(np_, True))
            if kind_aux == "be" and vl and vl[0].endswith("ing"):
                out.append(_story(_vp_past(vp, topic)))
            out.append(_story(_vp_past(vp, topic), "How did it go?"))
        elif al[:1] == ["there"]:
            r = after[1:]
            rr = _reduced_relative(r)
            out.append(_story(rr))
            if _EPISODE.search(" ".join(al)):
                np_ = " ".join(_clean_vp(r)) if r else None
                if np_:
                    np_ = re.sub(r"^(any|some) ", "", " ".join(r), flags=re.I)
                    out.append(f"Tell me about {np_}. What happened?")
            out.append(_np_story(_np(r), hypothetical))
        elif al[:1] in (["it"], ["this"], ["that"]):
            r = after[1:]
            rl = [w.lower() for w in r]
            if "made" in rl and rl.index("made") + 2 < len(rl) and rl[rl.index("made") + 1] == "you":
                out.append(_story(_vp_past(r[rl.index("made") + 2:])))
            for k, w in enumerate(rl):
                if w.endswith("ing") and _base(w) and k > 0:
                    out.append(_story(_vp_past(r[k:], topic)))
                    break
            out.append(_np_story(_np(r), hypothetical))
        elif al:
            if kind_aux == "be":
                np_ = _np(after)
                if np_ and "who" in al:
                    k = al.index("who")
                    p = _vp_past(after[k + 1:], topic)
                    if p:
                        out.append(f"Tell me about the last time {np_} {p}. What happened?")
                if np_:
                    n = len(np_.split())
                    k = next((i for i in range(1, len(al)) if ("pp" in _verb_forms(al[i]) or al[i].endswith("ed"))
                              and al[i] not in NOUNISH and al[i - 1] not in DETERMINERS), None)
                    if k is not None and k >= n - 1:
                        tail = []
                        for w in after[k:]:
                            if w.lower() in _CUT_WORDS | {"before", "after", "when", "and", "or", "by"}:
                                break
                            tail.append(w)
                        be = "were" if np_.split()[-1].lower().endswith("s") and not np_.split()[-1].lower().endswith("ss") else "was"
                        out.append(f"Tell me about the last time {np_} {be} {' '.join(tail)}. What happened?")
                rr = _reduced_relative(after)
                out.append(_story(rr))
                out.append(_np_story(np_, hypothetical))
            else:
                exp = {"base"} if kind_aux in {"do", "modal"} else {"pp", "past"}
                sv = _subject_verb(after, exp)
                if sv:
                    subj = " ".join(sv[0])
                    vp = sv[1]
                    vl = [w.lower() for w in vp]
                    for pre in (["be", "able", "to"], ["need", "to"], ["have", "to"], ["ever"]):
                        if vl[:len(pre)] == pre:
                            vp = vp[len(pre):]
                    if vl[:1] == ["help"] and len(vl) > 2 and vl[1] == "you":
                        r = _clean_vp(vp[2:])
                        if r and _base(r[0]):
                            out.append(f"Tell me about the last time you tried to {' '.join(r)}. What happened?")
                    p = _vp_past(vp, topic)
                    if p and subj.lower() not in {"it", "that", "this"}:
                        if subj.split()[0].lower() in DETERMINERS | {"students", "teachers", "people", "customers"}:
                            subj = subj[:1].lower() + subj[1:]
                        if hypothetical and subj.split()[0].lower() in {"a", "an"}:
                            out.append(_np_story(_np(sv[0]), True))
                        else:
                            out.append(f"Tell me about the last time {subj} {p}. What happened?")
                out.append(_np_story(_np(after), hypothetical))
    else:
        # a statement with a question mark or a tag: "You check your bank balance every day"
        sw, sl = body, bl
        if sl[:1] == ["you"]:
            vp, vl = sw[1:], sl[1:]
            while vl and (vl[0] in _DROP_ADVERBS or vl[0] in {"would", "will", "could", "might", "do", "not"}):
                vp, vl = vp[1:], vl[1:]
            out.append(_story(_vp_past(vp, topic)))
        elif sl:
            sv = _subject_verb(sw, {"s", "past", "base"})
            if sv and _base(sv[1][0]) in {"love", "like", "hate", "enjoy", "prefer", "appreciate", "adore"}:
                out.append(_np_story(_np(sv[1][1:]), hypothetical))
            if sv and sv[0][0].lower() in DETERMINERS and not (sv[1] and _base(sv[1][0]) in {"be", "have"}):
                p = _vp_past(sv[1])
                if p:
                    out.append(f"Tell me about the last time {' '.join(sv[0]).lower()} {p}. What happened?")
            out.append(_np_story(_np(sw), hypothetical))
    # 6. the statement before the question: "Most people find X hard to VP. Do you?"
    if context:
        mm = re.search(r"\b(?:find|found|say|think) (.+?) (?:is |are |was )?(?:too |really |very |so )?(?:hard|difficult|easy|"
                       r"confusing|annoying|painful|frustrating|slow|tricky|quick|simple) to (\w+(?: up| out| in)?)",
                       context, flags=re.I)
        if mm:
            obj = _np(_w(mm.group(1)))
            if obj:
                out.append(_story(f"{past_tense(_base(mm.group(2).split()[0]) or mm.group(2).split()[0])} "
                                  f"{' '.join(mm.group(2).split()[1:])} {obj}".replace("  ", " ")))
        mm = re.search(r"\b(?:would|will) (.+?)[.?!]?$", _expand(context), flags=re.I)
        if mm:
            out.append(_story(_vp_past(_w(mm.group(1)))))
        if topic:
            vl = [w.lower() for w in W]
            k = vl.index("you") if "you" in vl else -1
            if k >= 0:
                vp = [w for w in W[k + 1:]]
                while vp and vp[0].lower() in _DROP_ADVERBS | {"think"}:
                    vp = vp[1:]
                if vp and vp[0].lower() not in {"think", "feel"}:
                    out.append(_story(_vp_past(vp, topic)))
            out.append(_np_story(topic, hypothetical))
    # 7. the options, then the fallback the linter promises
    if options:
        out.append(f"Tell me about the last time you had to choose between {options[0]} and {options[1]}. "
                   "What did you pick?")
    for prep in ("about", "with", "for", "on", "of"):
        if prep in L:
            np_ = _np(W[L.index(prep) + 1:])
            if np_:
                out.append(f"Tell me about the last time you dealt with {np_}. What happened?")
    if topic:
        out.append(f"Tell me about the last time you dealt with {topic}. What happened?")
    return [c for c in out if c]


def _rewrite(question: str, flags: list[str]) -> str:
    text = _normalise_quotes(question).strip()
    sents = _sentences(text)
    if not sents:
        return ""
    statements = [s for s in sents if not _is_question(s)]
    questions = [s for s in sents if _is_question(s)]
    if "double-barreled" in flags and len(questions) >= 2:
        lead = [s for s in sents[:sents.index(questions[0])] if not _is_question(s)]
        first = " ".join(lead + [questions[0]])
        if lead and not flags_of(first):
            return first
        main = questions[0]
    else:
        main = questions[-1] if questions else sents[-1]
    context = " ".join(s for s in statements if sents.index(s) < sents.index(main))
    cands = _candidates(main, context, flags)
    if "double-barreled" in flags:
        first = _first_ask(_expand(main).rstrip(" ?")) + "?"
        cands.append(first)
    for cand in cands:
        cand = _tidy(cand)
        if not flags_of(cand):
            return cand
    return "Tell me about the last time this came up for you. What happened?"


def _tidy(s: str) -> str:
    s = re.sub(r"\s+", " ", s).strip()
    s = re.sub(r"\s+([,.?!])", r"\1", s)
    s = re.sub(r"\bi\b", "I", s)
    s = re.sub(r"\b(a) ([aeiou])", r"an \2", s)
    s = re.sub(r"\ba an\b|\ban a\b", "a", s)
    return s[:1].upper() + s[1:]


def _first_ask(text: str) -> str:
    """The first of two asks: 'How do you plan sprints and track bugs' -> 'How do you plan
    sprints'; 'What do you like and dislike about X' -> 'What do you like about X';
    'When and where do you bank' -> 'When do you bank'."""
    s = _Sentence(text + "?")
    reason, i, mode = _double_detail(s)
    toks = _tokens(_expand(_strip_quoted(text)))
    if not reason or i < 0 or len(toks) != len(s.toks) - 1:
        return text
    low = [t.lower() for t in toks]
    if mode == "adjacent":
        return " ".join(toks[:i] + toks[i + 2:])
    if mode == "clause" and i >= 1 and low[i - 1] in WH and i - 1 == s.head_index:
        return " ".join(toks[:i] + toks[i + 2:])
    first = toks[:i]
    if mode == "clause":
        # a shared tail: "What works and what doesn't work about teaching online"
        second = low[i + 1:]
        for k, w in enumerate(second):
            if w == "about" and w not in low[:i]:
                first = first + toks[i + 1 + k:]
                break
    return " ".join(first).rstrip(" ,")


# --------------------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------------------
def _analyse(text: str) -> tuple[list[_Sentence], dict[str, str]]:
    clean = _normalise_quotes(str(text)).strip()
    while len(clean) >= 2 and clean[0] == clean[-1] and clean[0] in "\"'":
        clean = clean[1:-1].strip()  # the whole question in quotes
    sents = [_Sentence(s) for s in _sentences(clean)]
    reasons: dict[str, str] = {}
    checks = (("leading", _leading), ("closed", _closed), ("hypothetical", _hypothetical),
              ("double-barreled", _double_barreled))
    for flag, fn in checks:
        r = fn(sents) if sents else ""
        if r:
            reasons[flag] = r
    return sents, reasons


def flags_of(text: str) -> list[str]:
    """Just the flags of a question (used to check that rewrites are clean)."""
    return [f for f in FLAGS if f in _analyse(text)[1]]


def lint_question(text: str) -> dict:
    """Lint one interview question.

    Returns ``{question, flags, kind, suggestion, reasons}``: ``flags`` is a subset of
    ``leading``, ``closed``, ``hypothetical``, ``double-barreled`` in that order; ``kind`` is
    one of ``story``, ``open``, ``probe``, ``future``, ``closed``; ``suggestion`` is a rewrite
    in the story-based pattern when anything is flagged, else ``""``; ``reasons`` maps each
    flag to the cue that fired.
    """
    question = "" if text is None else str(text).strip()
    from kit.languages import unsupported_question  # rules are English: say so for others

    if (unsupported := unsupported_question(question)) is not None:
        return unsupported
    sents, reasons = _analyse(question)
    flags = [f for f in FLAGS if f in reasons]
    kind = _kind(sents, "closed" in reasons, "hypothetical" in reasons)
    suggestion = ""
    if flags:
        suggestion = _rewrite(question, flags)
        if "double-barreled" in flags:
            reasons["double-barreled"] += "; split it into two questions and ask them one at a time"
    return {"question": question, "flags": flags, "kind": kind, "suggestion": suggestion,
            "reasons": {f: reasons[f] for f in flags}}


# --------------------------------------------------------------------------------------
# Guides
# --------------------------------------------------------------------------------------
def _read_yaml_guide(path: Path, problems: list[Problem]) -> tuple[str, list[tuple[str, int, str | None]]] | None:
    import yaml

    p = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        problems.append(Problem(p, 0, "file not found"))
        return None
    except (OSError, UnicodeDecodeError) as exc:
        problems.append(Problem(p, 0, f"cannot read the file: {exc}"))
        return None
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = mark.line + 1 if mark is not None else 0
        problems.append(Problem(p, line, f"YAML error: {getattr(exc, 'problem', None) or exc}"))
        return None
    if data is None:
        problems.append(Problem(p, 0, "the guide is empty"))
        return None
    if not isinstance(data, dict) or not isinstance(node, __import__("yaml").MappingNode):
        problems.append(Problem(p, 1, "the guide must be a mapping with 'format' and 'questions'"))
        return None
    keys = {k.value: (k, v) for k, v in node.value if isinstance(k, __import__("yaml").ScalarNode)}
    fmt = data.get("format", "micro")
    if fmt is None:
        fmt = "micro"
    fmt = str(fmt).strip().lower()
    if fmt not in FORMATS:
        line = keys["format"][1].start_mark.line + 1 if "format" in keys else 1
        problems.append(Problem(p, line, f"format must be micro or full, not {data.get('format')!r}"))
        fmt = "micro"
    if "questions" not in keys:
        problems.append(Problem(p, 1, "missing 'questions'"))
        return fmt, []
    qnode = keys["questions"][1]
    if not isinstance(qnode, __import__("yaml").SequenceNode):
        problems.append(Problem(p, qnode.start_mark.line + 1, "'questions' must be a list"))
        return fmt, []
    items = []
    for n, item in enumerate(qnode.value, start=1):
        line = item.start_mark.line + 1
        value = data["questions"][n - 1]
        kind = None
        qtext = value
        if isinstance(value, dict):
            mapping = {k.value: v for k, v in item.value if isinstance(k, __import__("yaml").ScalarNode)}
            qtext = value.get("text")
            if "text" in mapping:
                line = mapping["text"].start_mark.line + 1
            if "kind" in value and value["kind"] is not None:
                kind = str(value["kind"]).strip().lower()
                if kind not in ROLES:
                    kline = mapping["kind"].start_mark.line + 1 if "kind" in mapping else line
                    problems.append(Problem(p, kline, f"question kind must be one of opener, targeted, "
                                                      f"future, probe (not {value['kind']!r})"))
                    kind = None
        if not isinstance(qtext, str) or not qtext.strip():
            what = "missing" if qtext is None else f"a {type(qtext).__name__}"
            problems.append(Problem(p, line, f"question {n}: the text must be a string, not {what}"))
            continue
        items.append((qtext.strip(), line, kind))
    return fmt, items


def _read_txt_guide(path: Path, problems: list[Problem]) -> tuple[str, list[tuple[str, int, str | None]]] | None:
    p = str(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        problems.append(Problem(p, 0, "file not found"))
        return None
    except OSError as exc:
        problems.append(Problem(p, 0, f"cannot read the file: {exc}"))
        return None
    if b"\x00" in raw:
        problems.append(Problem(p, 0, "not a text file"))
        return None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        problems.append(Problem(p, 0, "not UTF-8 text"))
        return None
    fmt = "micro"
    items = []
    for n, line in enumerate(text.splitlines(), start=1):
        s = line.strip()
        if not s:
            continue
        if s.startswith("#"):
            m = re.match(r"#\s*format\s*:\s*(\w+)", s, flags=re.I)
            if m:
                if m.group(1).lower() in FORMATS:
                    fmt = m.group(1).lower()
                else:
                    problems.append(Problem(p, n, f"format must be micro or full, not {m.group(1)!r}"))
            continue
        s = re.sub(r"^(\d+[.)]|[-*\u2022])\s+", "", s)  # list markers
        items.append((s, n, None))
    return fmt, items


def _infer_roles(lints: list[dict]) -> list[str]:
    roles = ["targeted"] * len(lints)
    for i, q in enumerate(lints):
        if q["kind"] == "probe":
            roles[i] = "probe"
    opener = next((i for i, q in enumerate(lints) if q["kind"] in {"story", "open"} and roles[i] != "probe"), None)
    if opener is not None:
        roles[opener] = "opener"
    futures = [i for i, q in enumerate(lints) if q["kind"] == "future" and roles[i] == "targeted"]
    if futures:
        roles[futures[-1]] = "future"
    return roles


def _norm_tokens(text: str) -> list[str]:
    return [t.lower() for t in re.findall(r"[^\W_]+(?:'[^\W_]+)*", _normalise_quotes(text))]


def _near_duplicate(a: str, b: str) -> bool:
    ta, tb = _norm_tokens(a), _norm_tokens(b)
    if not ta or not tb:
        return False
    sa, sb = set(ta), set(tb)
    jaccard = len(sa & sb) / len(sa | sb)
    ratio = difflib.SequenceMatcher(None, " ".join(ta), " ".join(tb)).ratio()
    return jaccard >= DUPLICATE_JACCARD or ratio >= DUPLICATE_RATIO


def _round(x: float) -> float:
    return round(x + 1e-9, 2)


def _build(fmt: str, items: list[tuple[str, int, str | None]], path: str) -> dict:
    lints = [lint_question(text) for text, _, _ in items]
    given = [role for _, _, role in items]
    if all(r is None for r in given):
        roles = _infer_roles(lints)
        inferred = True
    else:
        inferred_roles = _infer_roles(lints)
        roles = [r if r is not None else inferred_roles[i] for i, r in enumerate(given)]
        inferred = False
    questions = []
    for (text, line, _), q, role in zip(items, lints, roles):
        lo, hi = MINUTES[fmt][role]
        questions.append({**q, "line": line, "role": role, "minutes": _round((lo + hi) / 2)})
    structure: list[dict] = []

    def err(line, message, level="error"):
        structure.append({"level": level, "line": line, "message": message})

    first_line = items[0][1] if items else 0
    last_line = items[-1][1] if items else 0
    openers = [q for q in questions if q["role"] == "opener"]
    targeted = [q for q in questions if q["role"] == "targeted"]
    futures = [q for q in questions if q["role"] == "future"]
    core = [q for q in questions if q["role"] != "probe"]
    if not questions:
        err(0, "the guide has no questions")
    if questions and not openers:
        err(first_line, "missing opener: start with a story question ('Tell me about the last time ...')")
    if len(openers) > 1:
        for q in openers[1:]:
            err(q["line"], f"more than one opener (the first is on line {openers[0]['line']})")
    for q in openers[:1]:
        if q["kind"] not in {"story", "open"}:
            err(q["line"], f"the opener is not narrative (it is a {q['kind']} question): "
                           "open with 'Tell me about the last time ...'")
        if core and core[0] is not q:
            err(q["line"], "the opener should be the first question", "warning")
    if questions and not futures:
        err(last_line, "missing closer: end with one future question "
                       "('If you could change one thing about ..., what would it be?')")
    if fmt == "micro" and len(futures) > 1:
        for q in futures[:-1]:
            err(q["line"], f"more than one future closer (the last is on line {futures[-1]['line']})")
    if futures and core and core[-1] is not futures[-1]:
        err(futures[-1]["line"], f"the closer is not last: line {core[-1]['line']} comes after it")
    lo_t, hi_t = TARGETED_RANGE[fmt]
    lo_c, hi_c = CORE_RANGE[fmt]
    if fmt == "micro":
        if questions and len(targeted) < lo_t:
            err(first_line, f"too few targeted questions: {len(targeted)} (a micro guide has {lo_t} or {hi_t})")
        if len(targeted) > hi_t:
            err(targeted[hi_t]["line"], f"too many targeted questions: {len(targeted)} "
                                        f"(a micro guide has {lo_t} or {hi_t})")
    else:
        if questions and len(core) < lo_c:
            err(first_line, f"too few core questions: {len(core)} (a full guide has {lo_c}-{hi_c})")
        if len(core) > hi_c:
            err(core[hi_c]["line"], f"too many core questions: {len(core)} (a full guide has {lo_c}-{hi_c})")
    for i in range(len(questions)):
        for j in range(i):
            if _near_duplicate(questions[i]["question"], questions[j]["question"]):
                err(questions[i]["line"], f"near-duplicate of the question on line {questions[j]['line']}",
                    "warning")
                break
    low = sum(MINUTES[fmt][q["role"]][0] for q in questions)
    high = sum(MINUTES[fmt][q["role"]][1] for q in questions)
    est = (low + high) / 2
    t_lo, t_hi = TARGET_MINUTES[fmt]
    within = bool(questions) and t_lo <= est <= t_hi
    if questions and not within:
        side = "over" if est > t_hi else "under"
        definite = low > t_hi or high < t_lo
        err(0, f"time budget: about {est:g} minutes ({low:g}-{high:g}) is {side} the "
               f"{t_lo:g}-{t_hi:g} minutes of a {fmt} interview", "error" if definite else "warning")
    structure.sort(key=lambda d: (d["line"], d["level"] != "error"))
    return {
        "path": path,
        "format": fmt,
        "roles_inferred": inferred,
        "questions": questions,
        "structure": structure,
        "budget": {"minutes_low": _round(low), "minutes_high": _round(high), "minutes_estimate": _round(est),
                   "target_low": t_lo, "target_high": t_hi, "within": within},
    }


def _load(source, fmt: str | None = None) -> tuple[dict | None, list[Problem]]:
    problems: list[Problem] = []
    if isinstance(source, (list, tuple)):
        items = []
        for n, q in enumerate(source, start=1):
            if not isinstance(q, str) or not q.strip():
                problems.append(Problem("<guide>", n, f"question {n}: the text must be a string"))
                continue
            items.append((q.strip(), n, None))
        return _build(fmt or "micro", items, "<guide>"), problems
    path = Path(source)
    if path.is_dir():
        problems.append(Problem(str(path), 0, "is a folder, not a guide file"))
        return None, problems
    if path.suffix.lower() in {".yml", ".yaml"}:
        got = _read_yaml_guide(path, problems)
    else:
        got = _read_txt_guide(path, problems)
    if got is None:
        return None, problems
    file_fmt, items = got
    return _build(fmt or file_fmt, items, str(path)), problems


def lint_guide(source, format: str | None = None) -> dict:
    """Lint a whole discussion guide.

    ``source`` is a path to a guide.yml, a path to a .txt file with one question per line
    (blank lines and ``#`` comments ignored; a ``# format: full`` comment picks the format),
    or a list of question strings. Roles missing from the file are inferred: the first story
    or open question is the opener, the last future question the closer, probes are probes
    and the rest targeted.

    Returns ``{path, format, roles_inferred, questions, structure, budget}``: ``questions``
    has the :func:`lint_question` result of each question plus ``line``, ``role`` and
    ``minutes``; ``structure`` is a list of ``{level, line, message}``; ``budget`` has
    ``minutes_low``, ``minutes_high``, ``minutes_estimate``, ``target_low``, ``target_high``
    and ``within``. Raises :class:`kit.errors.StudyError` when the file has problems (see
    :func:`lint_file` to get them as a list instead).
    """
    result, problems = _load(source, format)
    if problems:
        raise StudyError(problems)
    return result


def lint_file(path, format: str | None = None) -> tuple[dict | None, list[Problem]]:
    """Lint a guide file, returning ``(result, problems)``.

    ``problems`` are :class:`kit.errors.Problem` for the file itself (missing file, YAML
    error, a question that is not a string, an unknown kind). ``result`` is ``None`` when the
    file cannot be read at all, otherwise the :func:`lint_guide` result for the questions
    that could be read.
    """
    return _load(path, format)


def has_errors(result: dict | None) -> bool:
    """True when any question is flagged or the structure has an error (exit code 1)."""
    if result is None:
        return True
    return any(q["flags"] for q in result["questions"]) or any(
        s["level"] == "error" for s in result["structure"])


def to_json(result: dict) -> list[dict]:
    """The questions as a JSON-ready array (a list of dicts), in input order: question, flags,
    kind, suggestion, reasons, line, role, minutes. ``json.dumps(to_json(result))`` gives the
    ``--json`` output."""
    keys = ("question", "flags", "kind", "suggestion", "reasons", "line", "role", "minutes")
    return [{k: q.get(k) for k in keys + (("verdict",) if "verdict" in q else ())} for q in result["questions"]]


def format_report(result: dict) -> str:
    """A plain-text report: one line per question, then the structure problems as
    ``path:line: message``, then the time budget."""
    path = result.get("path", "<guide>")
    lines = [f"{path} ({result['format']} guide, {len(result['questions'])} questions)"]
    width = max((len(q["role"]) for q in result["questions"]), default=8)
    for q in result["questions"]:
        flags = ", ".join(q["flags"]) if q["flags"] else q.get("verdict") or "ok"
        text = q["question"] if len(q["question"]) <= 90 else q["question"][:87] + "..."
        line = f"  {q['line']:>4}  {q['role']:<{width}}  {q['kind']:<7} {flags:<30} {text}"
        if q["suggestion"]:
            line += f"  -> try: {q['suggestion']}"
        lines.append(line.rstrip())
    if result["structure"]:
        lines.append("")
        for s in result["structure"]:
            prefix = "warning: " if s["level"] == "warning" else ""
            lines.append(f"{path}:{s['line']}: {prefix}{s['message']}")
    b = result["budget"]
    lines.append("")
    verdict = "within" if b["within"] else "outside"
    lines.append(f"time: about {b['minutes_estimate']:g} minutes ({b['minutes_low']:g}-{b['minutes_high']:g}), "
                 f"{verdict} the {b['target_low']:g}-{b['target_high']:g} minutes of a {result['format']} interview")
    flagged = sum(1 for q in result["questions"] if q["flags"])
    errors = sum(1 for s in result["structure"] if s["level"] == "error")
    warnings = sum(1 for s in result["structure"] if s["level"] == "warning")
    lines.append(f"{flagged} flagged question(s), {errors} structure error(s), {warnings} warning(s)")
    return "\n".join(lines)


def iter_problems(result: dict) -> Iterable[Problem]:
    """The structure findings of a result as :class:`kit.errors.Problem`."""
    for s in result["structure"]:
        yield Problem(result.get("path", "<guide>"), s["line"], s["message"], s["level"])
