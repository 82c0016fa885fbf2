"""Rewrites from the question's own frame (issue 16, second round), used by
:mod:`kit.guide.rewrites` next to :mod:`kit.guide.story`:

- :func:`frame_stories`: the episode the question already names ("... when the
  self-checkout froze" -> "Tell me about the last time the self-checkout froze."), the thing
  and the task in "our dashboard helped you close the books" ("... you used the dashboard
  to close the books"), a habit verb with its wh-complement ("how do you decide what to put
  on special" -> "... you decided what to put on special");
- :func:`without_judgements`: a candidate with the praise or blame taken out ("the
  streamlined booking flow" -> "the booking flow");
- :func:`keeps_judgement`: a candidate that still carries praise or blame
  ("award-winning", "a game changer") is never suggested;
- :func:`follow_up`: the second ask of a double-barreled question as a question of its own
  ("Then ask separately: How did you migrate the old records?").
"""
from __future__ import annotations

import re

from kit.guide.frames import EVALUATIVE, _evaluative_modifier
from kit.guide.words import DETS, PERSONAL, PREPS, WH, is_past_verb, tags, valence, words

__all__ = ["FOLLOW_UP", "follow_up", "frame_stories", "keeps_judgement", "split_pair", "without_judgements"]

_STOP = {"?", ".", "!", ",", ";", "and", "or", "but", "so", "because", "than", "which", "while"}
_BLAME = re.compile(r"\b(let (you|them|us|him|her) down|ruined \w+|wrecked \w+|failed you|"
                    r"saved (you|your \w+)|helped (you|your \w+)|made a difference)\b")
_TRAILING_TIME = re.compile(r"\s+(last|this|next) (week|month|year|term|quarter|night|weekend|time)$|"
                            r"\s+(yesterday|today|recently|again)$")
_JUDGEMENT_NOUNS = re.compile(r"\b(game[ -]changers?|nightmares?|disasters?|lifesavers?|godsends?|"
                              r"rip-offs?|headaches?|mess|(drive|drove|driven|driving) (you|them) (crazy|mad|nuts|"
                              r"up the wall)|let (you|them) down|ruined|wrecked)\b")


def _past(word: str) -> str:
    from kit.guide.story import past
    if is_past_verb(word) or word in {"put", "set", "cut", "read", "hit", "let", "shut", "cost", "hurt"}:
        return word
    return {"is": "was", "are": "were", "has": "had", "have": "had", "do": "did", "does": "did"}.get(word) or past(word)


def without_judgements(text: str) -> str:
    """The text with evaluative modifiers of nouns taken out ("our intuitive dashboard" ->
    "the dashboard"); other words as they were."""
    toks = str(text).split(" ")
    out = []
    for i, t in enumerate(toks):
        w = re.sub(r"[^\w'-]", "", t).lower()
        prev = re.sub(r"[^\w'-]", "", out[-1]).lower() if out else ""
        nxt = re.sub(r"[^\w'-]", "", toks[i + 1]).lower() if i + 1 < len(toks) else ""
        if w and nxt and t == w and (prev in DETS or prev in {"really", "very", "so"}) and \
                _evaluative_modifier(w, False) and (tags(nxt) | tags(nxt.rstrip("s"))) & {"NOUN", "ADJ"}:
            if prev in {"really", "very", "so"}:
                out.pop()
            continue
        out.append(t)
    s = " ".join(out)
    s = re.sub(r"\b[Oo]ur\b", "the", s)
    s = re.sub(r"\ba ([aeiou])", r"an \1", s)
    s = re.sub(r"\ban (?!hour|honest|heir)([^aeiou\W])", r"a \1", s)
    return s


def keeps_judgement(text: str) -> bool:
    """The candidate still praises or blames ("award-winning", "a game changer")."""
    low = str(text).lower()
    if _JUDGEMENT_NOUNS.search(low):
        return True
    from kit.guide.lexicon import EVALUATIVE as JUDGING  # the wider table: "easier", "better"
    toks = words(low)
    for k, w in enumerate(toks):
        if w in EVALUATIVE or (("-" in w or "ADJ" in tags(w)) and abs(valence(w)) >= 2.0):
            return True
        if w in JUDGING and (w.endswith("er") or w in {"better", "worse"}) and not (k and toks[k - 1] in DETS):
            return True  # a comparative presupposes the change: "made things easier"
    return False


def _clause_after(toks: list[str], k: int) -> list[str]:
    out = []
    for w in toks[k:]:
        if w in _STOP:
            break
        out.append(w)
    return out


def _subject_end(clause: list[str]) -> int:
    """Index of the verb after the clause's subject (a pronoun or a determiner noun phrase)."""
    if not clause:
        return -1
    if clause[0] in PERSONAL | {"it", "someone", "nobody", "everyone"}:
        return 1
    if clause[0] not in DETS:
        return -1
    j = 1
    while j < len(clause) and j < 6:
        w = clause[j]
        tg = tags(w)
        if w in {"is", "are", "was", "were", "has", "have", "had", "gets", "got"}:
            return j
        if j > 1 and "VERB" in tg and (is_past_verb(w) or w in {"is", "are", "was", "were", "has", "have"} or
                                       not ("NOUN" in tg and j + 1 < len(clause) and "VERB" in tags(clause[j + 1]))):
            if "NOUN" in tg and not is_past_verb(w) and j + 1 < len(clause) and clause[j + 1] not in DETS | PREPS | PERSONAL:
                j += 1
                continue
            return j
        j += 1
    return -1


def frame_stories(text: str, flags: list[str]) -> list[str]:
    """Story-based rewrites built from the question's own frame (see the module docstring)."""
    out: list[str] = []
    for sent in re.split(r"(?<=[.?!])\s+|\s+[-\u2014]\s+", without_judgements(str(text).strip())):
        toks = words(sent)
        if not toks:
            continue
        low = " ".join(toks)
        # the episode the question names: "when the self-checkout froze", "the last time X did Y"
        for m in re.finditer(r"\b(when|whenever|time|after)\b", low):
            k = len(low[:m.end()].split())
            clause = _clause_after(toks, k)
            j = _subject_end(clause)
            if j < 1 or j >= len(clause):
                continue
            subject, verb, rest = clause[:j], clause[j], clause[j + 1:]
            if verb in {"you", "they"} or ("VERB" not in tags(verb) | tags(verb.rstrip("s")) and
                                           verb not in {"is", "are", "was", "were", "has", "have", "had"}):
                continue
            phrase = " ".join(subject + [_past(verb)] + rest)
            if _BLAME.search(phrase) and subject[0] in DETS:
                phrase = "you used " + " ".join(["the"] + subject[1:] if subject[0] in {"our", "your"} else subject)
            out.append(f"Tell me about the last time {phrase}. What happened?")
        # "our dashboard helped you close the books" -> "you used the dashboard to close the books"
        m = re.search(r"\b(the|our|your|this) ((?:[\w-]+ ){0,3}?)(helped|let|made|allowed) (you|your \w+) "
                      r"(to )?([\w' -]+)", low)
        if m:
            task = re.split(r" (?:\?|\.|,|and|but|so) ?", m.group(6))[0].strip()
            task = _TRAILING_TIME.sub("", task)
            if task and task.split()[0] not in {"down", "feel", "a", "the"}:
                out.append(f"Tell me about the last time you used the {m.group(2).strip()} to {task}. What happened?")
        # a habit verb with its wh-complement: "how do you decide what to put on special"
        m = re.search(r"\b(do|does|would|did) (you|they) (usually |normally |typically |generally |tend to )?"
                      r"(\w+) (what|which|how|when|whether|where|who) ([\w' -]+)", low)
        if m and "VERB" in tags(m.group(4)):
            rest = re.split(r" (?:\?|\.|,)", m.group(6))[0].strip()
            out.append(f"Tell me about the last time {m.group(2)} {_past(m.group(4))} {m.group(5)} {rest}. How did it go?")
    return [re.sub(r"\s+([,.?!])", r"\1", o) for o in out]


_TOKEN = re.compile(r"[\w'-]+|[^\w\s]")
FOLLOW_UP = "Then ask separately:"
_NP_START = DETS | {"last", "this", "next"}


def split_pair(text: str) -> tuple[str, str] | None:
    """The two asks of a question that coordinates two noun phrases, two verb phrases or two
    purposes, each as a question of its own, in the question's own words: "Describe the
    last time you restocked shelves and updated the price tags." -> ("Describe the last time
    you restocked shelves.", "Describe the last time you updated the price tags."); None
    when the pair is not found."""
    raw = str(text).strip()
    parts = re.split(r"(?<=[.?!])\s+", raw)
    asked = next((p for p in parts if p.rstrip().endswith("?")), parts[-1])
    pre = raw[:raw.index(asked)].strip() if asked in raw else ""
    toks = _TOKEN.findall(asked)
    low = [t.lower() for t in toks]
    for i, t in enumerate(low):
        if t not in {"and", "or"} or i < 2 or i + 1 >= len(low) or low[i + 1] in {"then", "what", "how", "why",
                                                                                   "who", "where", "when"}:
            continue
        nxt = low[i + 1]
        if nxt in {"um", "uh", ",", "like"}:
            continue
        start = -1
        if nxt in _NP_START:
            for k in range(i - 1, max(-1, i - 9), -1):
                if low[k] in _NP_START and not (k > 0 and low[k - 1] in {"the", "your"} and low[k] == "last"):
                    start = k
                    break
                if low[k] in {",", "?", "."} or low[k] in WH:
                    break
        elif nxt == "to":
            start = next((k for k in range(i - 1, max(-1, i - 9), -1) if low[k] == "to"), -1)
        elif "VERB" in tags(nxt) and "NOUN" in tags(nxt) and i + 2 < len(low) and low[i + 2] in {"?", ".", ","} \
                and not is_past_verb(nxt):
            # "use email and slack?": a bare noun at the end, not a verb phrase
            k = i - 1
            while k > 0 and "VERB" not in tags(low[k - 1]) and low[k - 1] not in PERSONAL and i - k < 5:
                k -= 1
            start = k
        elif "VERB" in tags(nxt):
            past_form = is_past_verb(nxt)
            for k in range(i - 1, max(-1, i - 9), -1):
                if (is_past_verb(low[k]) if past_form else ("VERB" in tags(low[k]) and k > 0 and
                                                            low[k - 1] in {"you", "to", "they"})) and low[k] not in DETS:
                    start = k
                    break
        if start < 1:
            continue
        end = i + 1
        while end < len(low) and low[end] not in {",", "?", ".", "!", ";", "and", "or"}:
            end += 1
        if low[end - 1] in {"it", "them"} and end - i < 3:
            return None
        if nxt in _NP_START and low[start - 1] in {"did", "do", "does", "was", "were", "is", "are", "has", "have"} \
                and end - 1 > i + 2 and "VERB" in tags(low[end - 1]) and not is_past_verb(low[end - 1]):
            end -= 1  # coordinated subjects: "How did the launch and the rollout go?" keeps "go"
        tail = toks[end:]
        first = toks[:i] + tail
        second = toks[:start] + toks[i + 1:end] + tail

        def join(ts: list[str]) -> str:
            out = " ".join(ts)
            out = re.sub(r"\s+([,.?!;])", r"\1", out)
            out = re.sub(r"\s+'s\b", "'s", out)
            return out[:1].upper() + out[1:]
        a, b = join(first), join(second)
        if pre:
            a = pre + " " + a
        return a, b
    return None


def follow_up(text: str) -> str | None:
    """The second ask of a double-barreled question as a question of its own ("Then ask
    separately: How did you migrate the old records?"), or None."""
    from kit.guide import lint as _lint
    from kit.guide.checks import grammar_problems
    pair = split_pair(text)
    if pair:
        second = re.sub(r"\s+\b(usually|typically|normally|generally|often|ever|always)\b", "", pair[1])
        if not _lint.flags_of(second) and not grammar_problems(second):
            return f"Then ask separately: {second}"
        return None
    return _old_follow_up(text)


def _old_follow_up(text: str) -> str | None:
    """The second ask from the first "and" when :func:`split_pair` finds no pair."""
    from kit.guide.story import _asked, _clean_np, _phrase
    toks, _ = _asked(text)
    for i, t in enumerate(toks):
        if t in {"and", "&", "or"} and i > 2 and not (i + 1 < len(toks) and toks[i + 1] == "then"):
            rest = [w for w in toks[i + 1:] if w not in {"?", ".", "!", ","}]
            rest = [w for w in rest if w not in {"um", "uh", "er", "erm", "like"}]
            if not rest or rest[0] in WH or rest[0] in {"do", "did", "does", "is", "was", "are", "were"}:
                return None
            tg = tags(rest[0])
            if rest[0] in DETS or rest[0] in {"last", "this", "next"} or (tg & {"NOUN", "ADJ"} and (
                    "VERB" not in tg or len(rest) == 1)):
                np_ = _clean_np(rest)
                if np_ and np_[-1] not in PREPS:
                    return f"Then ask separately: What about {_phrase(np_)}?"
                return None
            if "VERB" in tg and "you" in toks[:i] and len(rest) >= 2:
                from kit.guide.story import past
                from kit.guide.words import lemma
                base = lemma(rest[0], "VERB")
                if base and past(base) != base or base in {"put", "set", "cut", "read", "let"}:
                    return f"Then ask separately: How did you {_phrase([base] + _clean_np(rest[1:]))}?"
            return None
    return None
