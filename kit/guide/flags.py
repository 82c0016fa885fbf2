"""Phrase-level flag detectors of the question linter: leading, closed, hypothetical and
double-barreled. Each takes the sentences of one question and returns a reason or ""."""
from __future__ import annotations

import re

from kit.guide.lexicon import (AFTER_CONJ_FILLERS, AUX_BASE, DETERMINERS, DISCOURSE, EMOTIVE,
    EVALUATIVE, FIXED_PAIRS, MEASURE_ADJ, NEG_AUX, NOUNISH, POLITE_VERBS, PREPOSITIONS,
    PRESUPPOSING_ADVERBS, QUALITY_ADJ, SUBJECT_PRONOUNS, SUBORDINATORS, WH, _Sentence, _tokens,
    _verb_forms)

__all__ = []

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


def _leading_in_question(s: _Sentence) -> str:
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
    # tag question at the end (not on a request: "Tell me about your week, yeah?")
    if s.head not in {"tell", "walk", "describe", "talk", "take"} and re.search(
            r",\s*(right|correct|yeah|yes|no|true|agreed|surely|huh|eh|ok|okay|"
                 r"isn't that so|am i right)\s*\?\s*$", s.raw.lower()):
        return "tag question ('..., right?') asks for agreement"
    if re.search(r",\s*(\w+n't|won't|can't) (you|it|they|we|he|she|there|that|i|he)\s*\?\s*$",
                 s.raw.lower().replace("\u2019", "'")):
        return "tag question ('..., don't you?') asks for agreement"
    if re.search(r",\s*(do|did|does|is|are|was|were|would|will|have|has|can|could) "
                 r"(you|it|they|we|he|she|there|that)\s*\?\s*$", s.raw.lower()) and \
            s.head not in WH:
        return "tag question asks for agreement"
    # presupposing adverbs
    for i, t in enumerate(toks):
        if t in PRESUPPOSING_ADVERBS and (i == 0 or toks[i - 1] not in {"how", "more", "less", "very", "most", "so"}
                                          or (toks[i - 1] == "so" and all(w in DISCOURSE for w in toks[:i]))):
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
        if (r := _leading_in_question(s)):
            return r
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


_EPISODE_HEADS = {"time", "times", "day", "moment", "occasion", "week", "month", "night", "morning"}


def _recalls_episode(rest: list[str]) -> bool:
    """"Can you remember a time when ...", "... the last time ...", "... when/how ...": a story
    prompt; "Can you remember the name / which / who ...": a yes-or-no memory check."""
    if rest[:1] in (["when"], ["how"]) or rest[:2] == ["what", "happened"]:
        return True
    k = 1 if rest[:1] in (["a"], ["the"], ["an"], ["that"]) else 0
    while k < len(rest) and rest[k] in {"last", "first", "most", "recent", "particular", "specific"}:
        k += 1
    return k > 0 and k < len(rest) and rest[k] in _EPISODE_HEADS


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
            if nxt[0] in {"remember", "recall"} and not _recalls_episode(nxt[1:]):
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
        if re.search(r"\b(and|but) (do|does|did|is|are|was|were|have|has|had) (you|they|it|we|he|she|"
                     r"the|your|that|there)\b", " ".join(toks[s.head_index + 2:])):
            return "its second clause can be answered yes or no"
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
_KNEW_VERBS = {"say", "expect", "assume", "believe", "knew", "thought", "said", "felt", "expected", "hoped", "realised", "realized",
               "decided", "promised", "worried", "assumed", "told", "believed", "guessed",
               "feared", "suspected", "wondered", "hoping", "think", "mean", "meant"}


def _modal_exempt(s: _Sentence, sents: list[_Sentence], n: int, low: str, modal: str, subj: str, pos: int,
                  before: list[str], after_words: list[str], aspiration: bool, m: re.Match) -> bool:
    """A "would/will/might" that does not ask about an imagined future: a tag, reported
    thought, a purpose, a habit, a polite request, an aspiration, a past that-clause."""
    # exemptions
    if before and before[-1].endswith(",") and not [w for w in after_words if w]:
        return True  # a tag: "..., wouldn't you?"
    if before and before[-1] in _KNEW_VERBS | {"hoping", "thinking", "expecting"}:
        return True
    if after_words[:1] == ["have"] and modal in {"might", "could"}:
        return True  # "studies you might have missed": about the past, not imagined
    if re.match(r"(actually |really )?be (\w+ )?(important|valuable|useful|helpful|good|interesting|"
                r"relevant|worth) (for us |for me )?to (know|understand|hear|add|share|mention|cover)",
                " ".join(after_words)):
        return True  # "anything you think would be important for us to know"
    if re.search(r"\b(make sure|ensure|so that|in order that|check) \S+( \S+)?$", " ".join(before)):
        return True  # "to make sure they would work": a purpose, not a prediction
    if any(w in _HABITUAL for w in after_words[:3]):
        return True
    if after_words[:1] and after_words[0] in _NOT_PREDICTION_VERBS:
        return True
    if after_words[:2] in (["like", "to"], ["want", "to"], ["love", "to"]) and len(after_words) > 2 \
            and after_words[2] in {"add", "ask", "say", "share", "mention", "tell", "know",
                                   "talk", "discuss", "cover", "show"}:
        return True
    if after_words[:1] in (["agree"],) or re.search(r"\b(would|do) not you agree\b", low):
        return True
    if re.search(r"\bwhat would you (have )?(said|say)\b", low):
        return True
    if re.search(r"\bwould it (not )?be (fair|right|true|correct|accurate|safe) to say\b", low):
        return True
    if aspiration and not (set(after_words[:3]) & _ADOPT):
        return True
    if any(low[m.end():].lstrip().startswith(v) for v in _ASPIRATION_VERBS) and \
            re.search(r"\b(one thing|what would you|anything you would|something you would)\b", low):
        return True
    if subj == "it" and re.search(r"\bwhat would it be\b", low) and aspiration:
        return True
    if subj in {"that", "this", "it"} and n > 0 and not any(
            _hypothetical([p]) for p in sents[:n]) and not re.search(
            r"\b(would|will) (it|that|this) (help|make|change|save|work|be (useful|helpful|"
            r"worth|easier|better|valuable))", low):
        return True
    if modal == "would" and subj in {"that", "this"} and not pos == s.head_index and \
            not (before and before[-1] in WH):
        return True
    return False


def _modal_hypothetical(s: _Sentence, sents: list[_Sentence], n: int, m: re.Match, aspiration: bool,
                        start: str) -> str:
    """The reason a "would/will/might" match asks about an imagined future, or "" (see
    :func:`_modal_exempt`)."""
    low = s.low
    modal = m.group(1) or m.group(5)
    subj = m.group(3) or m.group(4)
    if not s.question and m.group(4):
        return ""  # "Naturally you'd want ..." is a statement, not a question about the future
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
            return ""
    if modal == "will":
        # "Will you ..." as the opener; "when will you next buy"; not "what will happen"
        if subj != "you" and subj != "it":
            return ""
        if m.group(4):  # "you will" in a statement
            if not re.search(r"\bthink (that )?you will\b", low):
                return ""
        if _is_polite(s) and start == "will":
            return ""
        if start == "will" or (after_words and after_words[0] in {"next"} | _PURCHASE) or \
                (verb in _PURCHASE and verb not in {"be", "want", "need"}) or m.group(4):
            return "asks for a prediction of future behaviour ('will you')"
        return ""
    if modal == "might" and subj not in {"you"}:
        return ""
    if _modal_exempt(s, sents, n, low, modal, subj, pos, before, after_words, aspiration, m):
        return ""
    return f"'{modal} {subj}' asks for a prediction or a judgement of something imagined"


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
            if (r := _modal_hypothetical(s, sents, n, m, aspiration, start)):
                return r
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


def _double_predicates(s: _Sentence, i: int, j: int, region: list[str], is_wh: bool,
                       is_aux: bool) -> tuple[str, int, str]:
    """Two verb phrases, predications or judgements joined at toks[i] (the second conjunct
    starting at toks[j]) inside the asked clause ``region``."""
    toks, n, t, prev, nxt = s.toks, len(s.toks), s.toks[i], s.toks[i - 1], s.toks[j]
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
    if t == "and" and i >= 2 and toks[i - 2] in SUBJECT_PRONOUNS | {"usually", "normally", "typically", "first", "to", "actually"} \
            and pf & expected and nf & expected and (prev not in PREPOSITIONS or prev == "like"):
        if toks[i - 2] in SUBJECT_PRONOUNS or (i >= 3 and toks[i - 3] in SUBJECT_PRONOUNS) or toks[i - 2] == "to":
            return f"two actions joined by '{t}' ('{prev}' and '{nxt}')", i, "adjacent"
    # verb + object, then a second verb + object: "plan sprints and track bugs"
    if nf & expected and nxt not in PREPOSITIONS and nxt not in DETERMINERS:
        after = toks[j + 1] if j + 1 < n else "?"
        if after in {"?", ".", ",", "!"} or after in {"and", "or"}:
            return "", -1, ""
        if prev in PREPOSITIONS or any(w in {"for", "with", "on", "about", "between"} for w in region[-3:]) \
                and nxt in NOUNISH:
            return "", -1, ""
        if nxt in NOUNISH and after not in DETERMINERS and after not in {"up", "out", "back", "down", "off", "in"}:
            return "", -1, ""
        if "base" in expected and "base" not in nf:
            return "", -1, ""
        # the first conjunct must contain a verb after the subject
        if not any(_verb_forms(w) & expected for w in region[1:]):
            return "", -1, ""
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
        if "then" in toks[i + 1:j] or all(w in DISCOURSE or w in {",", "yeah", "so", "ok", "okay", "right"}
                                          for w in toks[:i]):
            continue  # "..., and then what happened?" is one story; "Yeah, and who ..." one question
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
            if t == "or" and (prev in WH or nxt in {"when", "if", "where", "whether"}):
                continue  # "Who or what is driving it?": one open slot; "..., or when you ...": a condition
            if nxt in {"when", "where", "that", "which", "who"} and prev in {"time", "times", "day", "moment", "place"}:
                continue
            if toks[j:j + 2] == ["what", "happened"] and (set(toks[j + 2:j + 4]) & {"next", "then", "after", "afterwards"}
                                                          or head in {"tell", "walk", "describe", "talk", "take"}):
                continue  # "..., and what happened next?" follows the same story
            return f"'{t} {nxt}' adds a second question", i, "clause"
        # a second auxiliary clause: "Do you use Jira and do you like it?"
        if t == "and" and i > s.head_index and nxt in AUX_BASE and j + 1 < n and toks[j + 1] in SUBJECT_PRONOUNS | {"your", "the"}:
            if is_wh or is_aux or s.question:
                return f"'and {nxt} {toks[j + 1]}' adds a second question", i, "clause"
        if t == "or":
            continue  # "verify or validate", "plan or track": alternatives, not a second ask
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
        reason = _double_predicates(s, i, j, region, is_wh, is_aux)
        if reason[0]:
            return reason
    return "", -1, ""


def _double_in_sentence(s: _Sentence) -> str:
    return _double_detail(s)[0]


