"""The question linter's entry points: :func:`lint_question` and :func:`flags_of`."""
from __future__ import annotations

import re
import unicodedata

from kit.guide import (checks, cues, cues5, cues6, cues7, cues8, cues9, cues10, cues11, cues12, cues13, cues14, cues15,
                       cues16, cues17, cues18, cues19, cues20, cues21, cues22, cues23, frames, grammar, model, retell17,
                       story_claims)
from kit.guide.guide_lines import MARKUP
from kit.guide.flags import _closed, _double_barreled, _hypothetical, _leading
from kit.guide.kinds import _kind
from kit.guide.lexicon import FLAGS, _Sentence, _normalise_quotes, _sentences
from kit.guide.rewrites import _rewrite

__all__ = ["MAX_QUESTION_CHARS", "flags_of", "judge_question", "lint_question", "masked", "question_text", "readable",
           "rules", "shown_text", "too_long"]

#: The longest question the linter reads (characters). An interview question is one or two
#: sentences (the longest in the kit's labelled sets is under 400 characters); a longer text
#: (a pasted paragraph, a line of 240 KB) is reported and not linted, so linting a guide or
#: reviewing a transcript takes time linear in its size.
MAX_QUESTION_CHARS = 1000


def too_long(text: str) -> str | None:
    """The message for a question too long to lint, or None."""
    n = len(str(text))
    if n <= MAX_QUESTION_CHARS:
        return None
    return (f"too long to lint ({n:,} characters; at most {MAX_QUESTION_CHARS:,}): an interview "
            "question is one or two sentences; split the text or shorten it")


def readable(text) -> str:
    """A question as the linter reads it, once, before any rule: without invisible characters
    (:func:`kit.privacy_text.invisible_pattern`: zero-width spaces and joiners, word joiner,
    soft hyphen, bidi marks, variation selectors), which are invisible yet would split "usu\u200bally" or "an\u2060d" into words no
    rule knows, then in NFC (the helper :mod:`kit.privacy` matches names with)."""
    from kit.privacy_text import _visible

    text = "" if text is None else str(text)
    if text.isascii():
        return text
    return unicodedata.normalize("NFC", _visible(text)[0])


def shown_text(text) -> str:
    """One question as the linter shows it: :func:`readable` with every run of white space as
    one space, its letters as written (a Turkish "ı" stays "ı": newcomer session 15 F2; the
    rules read :func:`question_text`)."""
    text = readable(text)
    text = " ".join(text.split()) if _ODD_SPACE.search(text) else text
    if _CONTROL.search(text):  # a terminal code pasted in (attacker session 15 A13): shown, never run
        from kit.safety import escape_controls

        text = escape_controls(text, backslash=False)
    return text


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# a terminal's escape sequence ("ESC[2J" clears the screen, "ESC[31m" turns the text red), or a lone control character
_ESCAPE_SEQUENCE = re.compile(r"\x1b(?:\[[0-9;?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_])?|[\x00-\x08\x0b-\x1f\x7f-\x9f]")


_URL = re.compile(r"\b(?:https?://|www\.)[^\s<>\"']+", re.I)
_URL_END = ".,;:!?)]}'\""


def _url_mark(match: re.Match) -> str:
    url = match.group(0)
    kept = url.rstrip(_URL_END)
    return "the link" + url[len(kept):]


def masked(text: str) -> str:
    """``text`` without what no rule should read or a rewrite repeat (attacker session 15 A1, A4):
    HTML tags and a script's or style's content removed, a link, an email address and a phone number
    (:mod:`kit.privacy`'s patterns) as the plain words "the link", "the address" and "the number", so a
    rewrite is grammatical and never spells out an address the question column redacts; terminal escape
    sequences and other control characters are left out. The link pattern is this module's own ``_URL`` (a
    link is read up to a space, a quote or an angle bracket, its trailing punctuation left to the sentence by
    ``_url_mark``): :mod:`kit.privacy` has no link pattern, a link being no personal detail."""
    if _CONTROL.search(text):
        text = " ".join(_ESCAPE_SEQUENCE.sub(" ", text).split())
    if "<" in text and ">" in text:
        text = re.sub(r"\s+([?.!,;:])", r"\1", " ".join(MARKUP.sub(" ", text).split()))
    if "://" in text or "www." in text.lower():
        text = _URL.sub(_url_mark, text)
    if "@" in text:
        from kit.privacy import EMAIL

        text = EMAIL.sub("the address", text)
    if sum(ch.isdigit() for ch in text) >= 9:
        from kit.privacy_phone import _PHONE_CANDIDATE, PHONE_MARK, _phone

        text = _PHONE_CANDIDATE.sub(_phone, text).replace(PHONE_MARK, "the number")
    return text


def question_text(text) -> str:
    """One question as every rule reads it: :func:`readable`, full-width forms ("？", "Ｄo") as
    their ASCII signs and letters, and every run of white space (tabs, no-break and thin
    spaces, line breaks) as one space, so that a question's flags and rewrite never depend
    on how it was typed; markup, links, emails and phone numbers as :func:`masked` gives them."""
    text = masked(readable(text))
    if not text.isascii():
        text = cues10.fold_confusables(text.translate(_FULL_WIDTH))  # look-alike letters as Latin
    return " ".join(text.split()) if _ODD_SPACE.search(text) else text


_FULL_WIDTH = {0xFF01 + i: 0x21 + i for i in range(0x5E)}
_ODD_SPACE = re.compile(r"\s\s|[^\S ]")  # two spaces in a row, or any white space but a space


# --------------------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------------------
FOLLOW_UP = " Then ask separately: "
# "I'd love to hear about ...", "We'd really like to know how ...": a polite story opener, read
# as "Tell me about ..." (not a feeling about the topic, not a wish)
_POLITE_OPENER = re.compile(
    r"\b(?:i|we)(?: would|'d|\u2019d| will|'ll)? (?:really |just |so |also )*(?:love|like|be keen|be interested|"
    r"be curious|want) to (?:hear|know|learn|understand|listen)\b(?: (?:a bit |a little |more )?(?:about|of))?",
    re.I)

# "It would help us to understand how ...", "I'd be grateful if you could tell me about ...": a formal
# request, read as "tell me ..." (a request, not a hypothesis about help)
_FORMAL_REQUEST = re.compile(
    r"\bit (?:would|will|'d|\u2019d) (?:really |also |greatly |certainly )?help (?:us|me)(?: (?:a lot|greatly|a great deal))?"
    r"(?: to| if you could| if you would)? (?:understand|know|hear|learn)(?: (?:a bit |a little |more )?about)?\b"
    r"|\b(?:i|we)(?: would|'d|\u2019d) be (?:grateful|glad|thankful|obliged) if you (?:could|would) (?:tell|share with|"
    r"describe to|explain to) (?:me|us)\b", re.I)


def _analyse(text: str) -> tuple[list[_Sentence], dict[str, str]]:
    """The rules alone (the rules judge parts of a question again with this)."""
    main, _, then = str(text).partition(FOLLOW_UP)
    if then.strip():  # a rewrite with its follow-up: two questions asked one at a time
        sents, reasons = _analyse(main)
        return sents, {**_analyse(then)[1], **reasons}
    return rules(text)[::2]


def _verdict(text: str) -> tuple[list[_Sentence], dict[str, str]]:
    """The rules, then the trained model where no rule's guard cleared the question (session 9)."""
    main, _, then = str(text).partition(FOLLOW_UP)
    if then.strip():
        sents, reasons = _verdict(main)
        return sents, {**_verdict(then)[1], **reasons}
    sents, raw, reasons, cleared = rules(text)
    if raw and (models := model.load()):
        kind = _kind(sents, "closed" in reasons, "hypothetical" in reasons)
        reasons.update(model.model_reasons(str(text), raw, reasons, cleared, kind, models))
    return sents, reasons


def rules(text: str) -> tuple[list[_Sentence], list[str], dict[str, str], set[str]]:
    """The rules alone on one question (as :func:`question_text` gives it, without a follow-up):
    ``(sentences, raw sentences, reasons, cleared)``, ``reasons`` flag -> cue, ``cleared`` the
    flags a rule raised and a guard of a later round removed (the trained model's gate)."""
    clean = cues.normalise(_normalise_quotes(cues11.normalise(str(text))).strip())
    while len(clean) >= 2 and clean[0] == clean[-1] and clean[0] in "\"'":
        clean = clean[1:-1].strip()  # the whole question in quotes
    # session 12: "It would help us to understand how ..." is a request
    clean = _FORMAL_REQUEST.sub(lambda m: "tell me about" if m.group(0).lower().endswith("about") else "tell me", clean)
    clean = _POLITE_OPENER.sub(lambda m: "tell me about" if m.group(0).lower().endswith(("about", "of"))
                               else "tell me", clean)
    clean = cues12.drop_address(clean)  # round 12: "Tyler, tell me ..." is read as "tell me ..."
    clean = cues21.inverted_condition(clean)  # session 16: "Were you to have ..., how ..." is read as "If you were to ..."
    sents = [_Sentence(s) for s in _sentences(clean)]
    reasons: dict[str, str] = {}
    raw = [s.raw for s in sents]
    checks = (("leading", _leading, grammar.leading, frames.leading_in_frame), ("closed", _closed, None, None),
              ("hypothetical", _hypothetical, grammar.hypothetical, frames.wish),
              ("double-barreled", _double_barreled, grammar.double_barreled, frames.double_in_frame),
              ("generalizing", None, grammar.generalizing, frames.generalizing_frame))
    fourth = {"leading": cues.leading, "closed": cues.closed, "double-barreled": cues.double_barreled,
              "generalizing": cues.generalizing}
    fifth = {"leading": cues5.leading, "closed": cues5.closed, "double-barreled": cues5.double_barreled,
             "generalizing": cues5.generalizing}
    sixth = {"leading": cues6.leading, "closed": cues6.closed, "hypothetical": cues6.hypothetical,
             "generalizing": cues6.generalizing}
    for flag, fn, rule, frame in checks:
        r = (fn(sents) if fn and sents else "") or (rule(raw) if rule and raw else "") or \
            (frame(raw) if frame and raw else "") or (fourth[flag](raw) if flag in fourth and raw else "") or \
            (fifth[flag](raw) if flag in fifth and raw else "") or (sixth[flag](raw) if flag in sixth and raw else "")
        if r:
            reasons[flag] = r
    fired = set(reasons)
    if reasons.get("leading", "").startswith("the preamble") and cues5.neutral_preamble(raw):
        del reasons["leading"]  # "you won't hurt my feelings": a disclaimer that invites criticism
    if "hypothetical" in reasons and (cues5.past_refusal(raw) or cues6.past_refusal(raw)):
        del reasons["hypothetical"]  # "the last time your dog wouldn't settle": a past refusal
    if "hypothetical" in reasons and cues.habitual_past(raw):
        del reasons["hypothetical"]  # "Back when you started, what would you do?": a past habit
    if "double-barreled" in reasons and (cues.one_story(raw) or cues.joint_act(raw) or cues5.not_double(raw)):
        del reasons["double-barreled"]
    if "double-barreled" not in reasons and raw and (r := cues6.double_barreled(raw)):
        reasons["double-barreled"] = r  # "X and Y each react": two accounts, never one story
    if reasons.get("closed", "").startswith("a statement with a question mark") and \
            re.search(r"\s[-\u2013\u2014]\s+(?:and )?(?:then )?(?:what|how|why|who|where|when)\b", clean, re.I):
        del reasons["closed"]  # "You mentioned X - and then what happened?": an echo, then an open question
    # round 7: pitches, presupposed benefits, habits; 8: habit choices, negative superlatives; 9: overall
    # opinions, presuppositions; 10: two objects, one figure, imagined ideals; 11: the asked part, one fact,
    # present habits; 12: closers, tags after requests, others' reasons; 13: the question word's one fact,
    # prefaces, spoken proposals; 14: claims, choices and benefits taken as given; session 9 (cues15):
    # logistics requests, one-sentence pitches; session 11 (cues16): claims before the ask, offered answers;
    # session 12 (cues17): other coordinators, judging pairs, benefits taken as given, ongoing judgements;
    # session 13 (cues18): agreement tags in every form, 'how' + a quality by its position; session 14 (cues19):
    # graded claims before the ask, offered causes, adverbs of period, present walk-throughs; session 15 (cues20):
    # problems taken as given, judging phrases, tagged claims before the ask, two predicates in a condition;
    # session 17 (cues22): past worst parts taken as given, present yes/no judgements, present process requests,
    # preposed present when-clauses, two personal details; session 18 (cues23): superlatives with a valence, judging
    # preambles, cumulative effects, the participant's present habits and preferences
    for revise in (cues7.revise, cues8.revise, cues9.revise, cues10.revise, cues11.revise, cues12.revise,
                   cues13.revise, cues14.revise, cues15.revise, cues16.revise, cues17.revise, cues18.revise,
                   cues19.revise, cues20.revise, cues21.revise, cues22.revise, cues23.revise):
        if raw:
            fired |= set(reasons)
            reasons = revise(raw, reasons)
    if raw:  # session 17: a story frame does not launder the feeling, outcome or habit after it (attacker A5-A7)
        reasons = story_claims.revise(raw, reasons)
        if "closed" not in reasons and cues15.identifier_request(" ".join(raw)):  # newcomer s17 F3
            reasons["closed"] = "asks for one of the participant's own details (a number, a name): a fact, not an open question"
    return sents, raw, reasons, fired - set(reasons)


def flags_of(text: str) -> list[str]:
    """Just the flags of a question (used to check that rewrites are clean)."""
    reasons = _verdict(question_text(text))[1]
    return [f for f in FLAGS if f in reasons]


def _judge(text: str) -> tuple[dict, dict | None]:
    """``(verdict, reasons)``: the question's text, flags and kind, and the cue of each flag
    (None when it is not linted: too long, or not in English, whose verdict says why)."""
    question, shown = question_text(text).strip(), shown_text(text).strip()
    if (long := too_long(question)) is not None:
        return {"question": shown, "flags": [], "kind": "unsupported", "suggestion": "", "reasons": {},
                "too_long": True, "verdict": long}, None
    from kit.guide.english import not_english  # rules are English: say so for others (session 8)

    if (unsupported := not_english(question)) is not None:
        return {**unsupported, "question": shown}, None
    sents, reasons = _verdict(question)
    return {"question": shown, "flags": [f for f in FLAGS if f in reasons], "read": question,
            "kind": _kind(sents, "closed" in reasons, "hypothetical" in reasons)}, reasons


def judge_question(text: str) -> dict:
    """:func:`lint_question` without the rewrite: ``{question, flags, kind}`` (the same flags
    and kind; for measuring the rules on labelled sets, where a rewrite costs ten times the
    judging)."""
    verdict = _judge(text)[0]
    return {key: verdict[key] for key in ("question", "flags", "kind")}


def lint_question(text: str, names=()) -> dict:
    """Lint one interview question.

    Returns ``{question, flags, kind, suggestion, reasons}``: ``flags`` is a subset of
    ``leading``, ``closed``, ``hypothetical``, ``double-barreled``, ``generalizing`` in that order; ``kind`` is
    one of ``story``, ``open``, ``probe``, ``future``, ``closed``; ``suggestion`` is a rewrite
    in the story-based pattern when anything is flagged, else ``""``, built from the text as
    :func:`question_text` gives it (format characters out, NFC, plain spaces, no markup or contact
    details); ``question`` is the text as written (:func:`shown_text`);
    ``reasons`` maps each flag to the cue that fired. ``names``: more people's names (a study's roster, as
    :func:`kit.privacy.roster` gives its parts), which, like any capitalised word inside the question that is not
    product-like (:func:`kit.guide.retell17.person_names`), are never a rewrite's topic (session 16). A question longer than
    :data:`MAX_QUESTION_CHARS` is not linted: ``kind`` is ``unsupported``, ``too_long`` True and
    ``verdict`` says why.
    """
    verdict, reasons = _judge(text)
    if reasons is None:
        return verdict
    read = verdict.pop("read")
    flags = verdict["flags"]
    suggestion = ""
    if flags:
        suggestion = _rewrite(read, flags)
        if "generalizing" in flags and cues12.others_reasons([read]) and (own := cues12.others_story(
                read)) and not flags_of(own) and not checks.grammar_problems(own):
            suggestion = own  # round 12: the participant's own last time, not other people's reasons
        if "closed" in flags and (own := cues13.one_fact_story(read)) and not flags_of(own) and \
                not checks.grammar_problems(own):
            suggestion = own  # round 13: the occasion the one fact belongs to, in the question's own words
        if "leading" in flags and cues14.is_own(reasons["leading"]) and (own := cues14.rewrite(read)) \
                and not flags_of(own) and not checks.grammar_problems(own) and (flags_of(suggestion) or checks.topic_overlap(
                    read, own) >= checks.topic_overlap(read, suggestion)):
            suggestion = own  # round 14: the last time the act was weighed, or the product used
        if "leading" in flags and "takes the problems as given" in reasons["leading"] and \
                (own := cues20.problem_story(read)) and not flags_of(own) and \
                not checks.grammar_problems(own) and "double-barreled" not in flags:
            suggestion = own  # session 15: the last time the participant dealt with the thing, no problem presupposed
        if "double-barreled" in flags and reasons["double-barreled"].startswith("two conditions in one clause") and \
                (own := cues20.condition_story(read)) and \
                not any(flags_of(part) for part in own.split(FOLLOW_UP)) and not checks.grammar_problems(own):
            suggestion = own  # session 15: each condition's own story, in the question's words (newcomer s14 F3)
        if "double-barreled" in flags:
            reasons["double-barreled"] += "; split it into two questions and ask them one at a time"
        suggestion = re.sub(r" any ?more(?=[.?!])", "", suggestion)  # "... the last time you booked online anymore"
        # session 16: one story ask, never a person's name as the topic, a recommendation told as a story
        suggestion, reasons = retell17.finish(read, flags, reasons, suggestion, rewrite=_rewrite,
                                              reasons_of=lambda t: _verdict(t)[1], flags_of=flags_of,
                                              grammar_problems=checks.grammar_problems, roster_parts=names)
        # session 17 (newcomer s16 F7): a plan asked as the guide's own future kind; a feature offered only in a
        # condition is never told as used, but as the last time the participant needed something like it
        if (own := cues22.plan_question(read) or (cues22.feature_story(read) if "hypothetical" in flags else "")) \
                and not checks.grammar_problems(own):
            suggestion = own
        suggestion = story_claims.finish(read, flags, reasons, suggestion, flags_of=flags_of,
                                         grammar_problems=checks.grammar_problems)  # session 17: never itself flagged
        if cues15.identifier_request(read):
            suggestion = ""  # a request for the participant's details: no story to tell (session 15 F4)
    return {**verdict, "suggestion": suggestion, "reasons": {f: reasons[f] for f in flags}}


