"""Word lists, tokens, sentences and verb morphology of the question linter (:mod:`kit.guide`)."""
from __future__ import annotations

import re


__all__ = [
    "AFTER_CONJ_FILLERS",
    "AUX_BASE",
    "CORE_RANGE",
    "DETERMINERS",
    "DISCOURSE",
    "DUPLICATE_JACCARD",
    "DUPLICATE_RATIO",
    "EMOTIVE",
    "EVALUATIVE",
    "FIXED_PAIRS",
    "FLAGS",
    "FORMATS",
    "IRREGULAR_PARTICIPLE",
    "IRREGULAR_PAST",
    "KINDS",
    "MEASURE_ADJ",
    "MINUTES",
    "NEG_AUX",
    "NOUNISH",
    "POLITE_VERBS",
    "PREPOSITIONS",
    "PRESUPPOSING_ADVERBS",
    "QUALITY_ADJ",
    "ROLES",
    "SUBJECT_PRONOUNS",
    "SUBORDINATORS",
    "TARGETED_RANGE",
    "TARGET_MINUTES",
    "VERBS",
    "WH",
    "past_tense",
]

FLAGS = ("leading", "closed", "hypothetical", "double-barreled", "generalizing")
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
    ("returns", "refunds"), ("refunds", "returns"), ("income", "expenses"), ("income", "expenditure"),
    ("out", "about"),
    ("pros", "cons"), ("back", "forth"), ("lost", "found"), ("search", "rescue"), ("hair", "makeup"), ("terms", "conditions"), ("salt", "pepper"),
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
    (r"\b(who|what|how|where|why|when)'d (you|they|we|he|she|it|i)\b(?! (\w+ )?(be|want|like|need|pay|change|use|choose|do if)\b)", r"\1 did \2"),
    (r"\b(you|we|they|i|he|she|it|that|there)'d (been|gone|done|seen|had|got|known|\w+ed)\b", r"\1 had \2"),
    (r"\b(you|we|they|i|he|she|it|that|there|who|what)'d\b", r"\1 would"),
    (r"\b(you|we|they|i|he|she|it|that|there|who|what)'ll\b", r"\1 will"),
    (r"\b(you|we|they|what|who|there)'re\b", r"\1 are"),
    (r"\b(you|we|they|i|who|what|could|would|should|might|must)'ve\b", r"\1 have"),
    (r"\bi'm\b", "i am"),
    (r"\b(it|what|that|there|who|how|where|when|why|here|he|she)'s\b", r"\1 is"),
]


def _normalise_quotes(text: str) -> str:
    text = re.sub(r"\b(don|doesn|didn|isn|wasn|aren|weren|wouldn|couldn|shouldn|haven|hasn|won|can)t\b",
                  r"\1't", text, flags=re.I)  # "dont" typed without the apostrophe
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
    # a dash before a wh-word or an auxiliary also ends a statement: "We worked hard on it -
    # what do you think?"
    parts = re.split(r"(?<=[.?!])\s+(?=\S)|\s+-\s+(?=(?:what|how|why|when|where|who|which|do|does|did|is|"
                     r"are|was|were|can|could|would|will|have|has)\b)", text.strip(), flags=re.I)
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
        if not self.question and not re.search(r"[.!;:]\s*$", raw) and self.toks and \
                self.head_index <= 4 and (self.head in AUX_BASE or self.head in WH) and \
                self.head_index + 1 < len(self.toks):
            self.question = True  # a spoken question without its question mark

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
                k = j + 1
                while k + 1 < len(toks) and toks[k] in {"so", "and", "but", "then", "now", "well"}:
                    k += 1  # "The office is hopeless, so how did you ...": the question after "so"
                nxt = toks[k]
                if k > j + 1 and nxt in WH:
                    return k, nxt
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


