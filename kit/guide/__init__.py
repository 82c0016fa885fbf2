"""The question linter and the discussion-guide structure check.

``lint_question(text)`` looks at one interview question and flags the four classic faults
of customer-interview questions and a fifth, generalizing (a habit instead of an instance),
says what kind of question it is, and proposes a rewrite in the story-based pattern ("Tell me
about the last time you ...") that keeps the question's topic.

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
                    question, a statement with a question mark), an offered choice
                    ("..., cash or card?") or a single fact ("how many", "how long", "what
                    year", "which X did you", "on a scale of"; not "how often"). Polite requests ("Can you walk me through",
                    "Could you tell me about", "Would you mind telling me") are not closed.
``hypothetical``    a prediction of the person's own future behaviour or a judgement of an
                    imagined feature or price ("Would you use", "How much would you pay",
                    "If we built X...", "Imagine/Suppose...", "How likely are you to",
                    "Will you", "Do you think you would"), wishes and ideal worlds ("What would
                    your ideal ... look like", "If you could change one thing...", "magic
                    wand"), estimates about something that does not exist ("How much time do
                    you think a new X would save you"). Not: habitual "would" ("What would
                    you normally do when..."), "would you say/describe/rate", reported
                    thought ("What did you think would happen").
``double-barreled`` two asks in one: two question marks, "and/or" followed by a second
                    wh-word or a second "do you" clause, two verbs joined by "and/or" after
                    a wh-word ("How do you plan sprints and track bugs?"), two evaluative
                    adjectives ("Was it fast and reliable?"). Not: noun pairs ("your team and
                    your manager"), "you and your co-founder", "between X and Y", fixed pairs
                    ("pros and cons", "back and forth", "terms and conditions").
                    Also (kit.guide.grammar) any coordination of two noun phrases, purposes,
                    predicative adjectives, verb phrases or time frames in the asked clause
                    ("the price and the delivery", "for budgeting and for reporting", "this
                    year and last year"), spoken fillers inside the pair skipped.
``generalizing``    a habit or frequency question instead of one specific instance
                    ("usually", "typically", "in general", "how often", "what do you
                    normally", "a typical day"); the rewrite asks for the last time.
==================  ==========================================================================

Kinds: ``story`` (a specific past episode), ``open`` (an open question or request that is
not about one episode), ``probe`` (a follow-up: "Say more about that", "Why was that?"),
``future`` (aspirations, concerns, plans; also open questions about an imagined future),
``closed`` (yes/no or a pick among offered options).

The phrase-level rules here are regular expressions and small word lists; the grammar-level
rules in :mod:`kit.guide.grammar` tag words from the lexicon shipped in the ``lemminflect``
wheel and weigh judgements with VADER's lexicon (shipped in ``vaderSentiment``); the rewrites
in :mod:`kit.guide.story` reuse the question's own phrases so that they keep its topic
(:func:`topic_overlap`) and pass :func:`grammar_problems`. Nothing is downloaded.

``lint_guide(source)`` checks a whole guide (guide.yml, a .txt file with one question per
line, or a list of strings): every question, the structure of the chosen format and the
time budget. ``lint_file(path)`` does the same but returns the file's problems as
:class:`kit.errors.Problem` instead of raising.

Modules: :mod:`~kit.guide.lexicon` (word lists, sentences, verb forms), :mod:`~kit.guide.words`
(parts of speech, valence, fillers, typos), :mod:`~kit.guide.flags` (phrase-level rules),
:mod:`~kit.guide.grammar` (grammar-level rules and the generalizing flag), :mod:`~kit.guide.kinds`,
:mod:`~kit.guide.cues`, :mod:`~kit.guide.cues5`, :mod:`~kit.guide.cues6`, :mod:`~kit.guide.cues7` and
:mod:`~kit.guide.cues8` (the fourth to eighth rounds' grammar-level cues), :mod:`~kit.guide.rewrites`, :mod:`~kit.guide.story` and
:mod:`~kit.guide.retell6`, :mod:`~kit.guide.retell8`, :mod:`~kit.guide.retell9` and :mod:`~kit.guide.retell10`
(rewrites, rules tried in order; retell9 and retell10 also hold the broken kinds of rewrite the grammar check
fails, retell10 the checks against the question and the safe topic template),
:mod:`~kit.guide.checks` (topic kept, grammar), :mod:`~kit.guide.lint` (entry points) and
:mod:`~kit.guide.structure` (whole guides) with :mod:`~kit.guide.guide_lines` (what each line of a guide file
is: a question, a heading, an interviewer note or timing; content that does not match the file's name).
"""
from __future__ import annotations

from kit.guide.checks import grammar_problems, topic_overlap
from kit.guide.lexicon import (CORE_RANGE, FIXED_PAIRS, FLAGS, FORMATS, KINDS, MINUTES, ROLES, TARGET_MINUTES,
                               TARGETED_RANGE, past_tense)
from kit.guide.lint import flags_of, lint_question
from kit.guide.structure import format_report, has_errors, iter_problems, lint_file, lint_guide, to_json

__all__ = [
    "CORE_RANGE", "FIXED_PAIRS", "FLAGS", "FORMATS", "KINDS", "MINUTES", "ROLES", "TARGET_MINUTES",
    "TARGETED_RANGE", "flags_of", "format_report", "grammar_problems", "has_errors", "iter_problems",
    "lint_file", "lint_guide", "lint_question", "past_tense", "to_json", "topic_overlap",
]
