"""Benchmark the question linter against the hand-labelled question sets.

    python benchmarks/lint_benchmark.py [CSV ...] [--misses] [--strict] [--rewrites] [--corpus]

For each set and each flag it prints support, TP, FP, FN, precision, recall and the
false-flag rate (FP / questions without the flag), then the kind accuracy. Sets:

- ``tests/data/questions.csv`` and ``tests/data/questions_holdout.csv``: the project's first
  labelled set and its first hold-out (four flags; no ``generalizing`` column, so that flag is
  not scored on them);
- ``tests/data/questions_dev.csv``: questions written for issue 16 across retail,
  healthcare, HR, education, finance, logistics and public services, spoken style and typos,
  with all five flags; the rules were tuned on it;
- ``tests/data/questions_holdout2.csv``: 164 questions written *before* the rules of issue 16
  were tuned, in the same domains and voices. Looked at once; its double-barreled recall was
  then 0.84 (21/25), and the misses it showed were fixed afterwards, so it is no longer a
  clean hold-out;
- ``tests/data/questions_holdout3.csv``: 155 questions written after that look and before the
  fixes, looked at once at the end of the first round;
- ``tests/data/questions_blind1.csv``: the 220 questions of the first independent evaluation
  (labels as the evaluator gave them; domain ``blind1``). The second round's rules (faults inside
  story openers, when-clauses and time frames; :mod:`kit.guide.frames`) were tuned on it, so it
  is printed as TUNED ON;
- ``tests/data/questions_holdout4.csv``: 168 questions in new domains and voices (hospitality,
  agriculture, construction, charities, games, travel, energy, legal, veterinary, plus the
  first seven), written before the second round was tuned and looked at once at its end.
- ``tests/data/questions_blind2.csv``: the 150 questions of the second independent evaluation
  (``tests/data/blind-linter-2/``, labels as the outsider gave them, no ``kind``); the third
  round's rules (valence of words VADER lacks, judging preambles, pairs of attributes and of
  people, alternatives with "or", a group as subject, spoken closed questions) were tuned on it,
  so it is printed as TUNED ON;
- ``tests/data/questions_tune3.csv``: 73 questions of the kinds blind2 missed, written for the
  third round in new domains (ferries, florists, aquariums, esports, hearing aids, zoos, ...)
  before its rules were changed; tuned on;
- ``tests/data/questions_holdout5.csv``: 169 questions in new domains and voices (beekeeping,
  photography, plumbing, airports, resale, podcasts, waste, bakeries, sailing, payroll, apps,
  tutoring, couriers, brewing, home care, bike repair, lettings, choirs; spoken, typos),
  written before the third round was tuned and run once, at its end: recall leading 1.00,
  closed 0.964, hypothetical 1.00, double-barreled 0.810 (below the floor: two reports by two
  people, two acts inside a story opener, a pair with a filler and a preamble), generalizing
  1.00; false-flag rate at most 0.007.
- ``tests/data/blind-linter-3/questions.csv``: the 200 questions of the third independent
  evaluation (15 domains, labels as the outsider gave them; its README lists the labelling
  conventions). Measured once (recall leading 0.70, closed 0.85, hypothetical 0.97,
  double-barreled 0.89, generalizing 0.84), then tuned on for the fourth round
  (:mod:`kit.guide.cues`), so it is printed as TUNED ON;
- ``tests/data/blind-linter-4/questions.csv``: the 200 questions of the fourth independent
  evaluation (18 more domains; its README lists the labelling conventions), written without
  seeing the kit or the other sets and measured once on the merged linter of session 3:
  recall leading 0.94, closed 0.80, hypothetical 1.00, double-barreled 0.88, generalizing
  0.82, false-flag rate at most 0.012. Tuned on by the fifth round (:mod:`kit.guide.cues5`), so it is
  printed as TUNED ON;
- ``tests/data/questions_tune4.csv``: 102 questions of the kinds blind3 and hold-out 5 missed,
  written for the fourth round in new domains (libraries, opticians, climbing gyms, cinemas,
  laundromats, pottery studios, locksmiths, driving schools, escape rooms, ...) before its
  rules were written; tuned on.
- ``tests/data/questions_tune5.csv``: 119 questions of the kinds blind4 missed (one-fact answers,
  tags, typical-day walkthroughs and general judgements, separate accounts and two occasions)
  plus hard negatives, written for the fifth round in new domains (tattoo studios, car washes,
  bowling alleys, funeral homes, removals, ski resorts, piano tuning, solar installers, ...)
  before its rules were written; tuned on. Once it passed, blind4 scored recall 1.00 / 1.00 /
  1.00 / 0.970 / 0.939 (leading / closed / hypothetical / double-barreled / generalizing), no
  false flag, before any rule was fitted to blind4 itself (one cue was then widened on it).

- ``tests/data/questions_holdout6.csv``: 57 questions of the same kinds and hard negatives in
  other new domains (marinas, archery clubs, blood donation, recording studios, tree surgeons,
  dog shows, toy libraries, tyre fitters, ice rinks), written by the same hand as tune5 after
  the fifth round's rules and before its last fixes, looked at once: recall leading 0.90,
  closed 0.952, hypothetical 1.00, double-barreled 0.875, generalizing 1.00, false-flag rate at
  most 0.019; its four misses were then fixed (so it is no longer a clean hold-out).

- ``tests/data/blind-linter-5/``, ``-7/`` and ``-8/``: the 600 questions of three more
  independent evaluations (18 domains each, three authors; their READMEs list their
  conventions), measured once on the fifth-round linter (recall leading / closed /
  hypothetical / double-barreled / generalizing: blind5 0.91 / 0.85 / 0.97 / 0.91 / 0.71,
  blind7 0.75 / 0.93 / 0.97 / 0.91 / 0.73, blind8 0.82 / 0.92 / 0.94 / 0.91 / 0.81; false-flag
  rate <= 0.024), then tuned on by the sixth round (:mod:`kit.guide.cues6`), so printed as
  TUNED ON.

- ``tests/data/blind-linter-6/`` and ``-9/``: the 400 questions of two more independent
  evaluations (18 domains each, two more authors: a trainer writing trainees' first guides, and
  a qualitative researcher reviewing founders' guides), written at the same time as 5, 7 and 8
  and kept apart as the hold-out: never opened by the rounds that tuned the linter, measured
  once on the sixth-round linter with ``interview-kit lint-guide FILE --json``: recall leading
  / closed / hypothetical / double-barreled / generalizing blind6 0.79 / 0.98 / 0.97 / 0.91 /
  0.88 (false-flag rate <= 0.030), blind9 0.58 / 0.92 / 1.00 / 0.94 / 0.83 (<= 0.012); on the
  linter before session 4: blind6 0.76 / 0.88 / 0.97 / 0.88 / 0.63, blind9 0.48 / 0.75 / 1.00 /
  0.94 / 0.72. The seventh round (:mod:`kit.guide.cues7`) tuned on them, so they are printed
  as TUNED ON.

- ``tests/data/blind-linter-10/``, ``-11/`` and ``-12/``: the 600 questions of three more
  independent evaluations (three more authors who had not seen the kit: a product manager
  reviewing colleagues' guides, and two others; their READMEs list their conventions, their
  build scripts are kept beside them), measured once on the seventh-round linter with
  ``interview-kit lint-guide FILE --json`` before any rule was fitted to them: recall leading
  / closed / hypothetical / double-barreled / generalizing blind10 0.85 / 0.89 / 1.00 / 0.91 /
  0.76, blind11 0.85 / 0.87 / 1.00 / 0.91 / 0.75, blind12 0.84 / 0.83 / 1.00 / 0.87 / 0.74
  (false-flag rate <= 0.048; blind12 leading 0.048, double-barreled 0.036). The eighth round
  (:mod:`kit.guide.cues8`) tuned on them, so they are printed as TUNED ON.

- ``tests/data/blind-linter-13/`` and ``-14/``: the 400 questions of two more independent
  evaluations (two more authors: a customer-success manager's call-back questions with a
  methods-minded colleague's story questions, and a public-sector service designer's workbook
  with long consent and data-protection preambles; their READMEs list their conventions, their
  build scripts are kept beside them), measured once on the eighth-round linter: recall leading
  / closed / hypothetical / double-barreled / generalizing blind13 0.62 / 0.91 / 1.00 / 0.90 /
  0.42, blind14 0.81 / 0.90 / 1.00 / 0.97 / 0.92. The ninth round (:mod:`kit.guide.cues9`)
  wrote its rules from blind14 and held blind13 out, scored once: 0.88 / 0.91 / 1.00 / 0.90 /
  0.72 (false-flag rate <= 0.006); then tuned on both, so they are printed as TUNED ON.

- ``tests/data/blind-linter-15/``, ``-16/`` and ``-17/``: 600 questions of three more
  independent authors (an operations manager's jargon and pitches, a charity volunteer
  coordinator's phone-typed questions, a UX researcher's teaching set of subtle faults with
  non-native phrasing), written under the two settled conventions of the ninth round and
  measured once, at the end of session 6, after the ninth and tenth rounds: recall leading /
  closed / hypothetical / double-barreled / generalizing blind15 0.75 / 0.79 / 1.00 / 0.94 /
  0.77, blind16 0.57 / 0.79 / 0.97 / 0.82 / 0.51, blind17 0.50 / 0.79 / 0.91 / 0.72 / 0.62
  (false-flag rate <= 0.048); the session's starting linter scored 0.72 / 0.77 / 1.00 / 0.94 /
  0.55, 0.57 / 0.79 / 0.97 / 0.79 / 0.33 and 0.50 / 0.77 / 0.91 / 0.72 / 0.44. TUNED ON by the
  eleventh round (``kit/guide/cues11.py``); no label of theirs was changed.

- ``tests/data/blind-linter-18/`` to ``-21/``: 800 questions of four more independent authors
  written in session 7 under the same brief (a sales engineer turned product manager's
  discovery-call questions; a product manager writing non-native English; a lecturer's exam
  paper of subtle faults and hard negatives; interviewers' questions transcribed as spoken),
  measured once at the end of session 7 after the eleventh and twelfth rounds: recall leading /
  closed / hypothetical / double-barreled / generalizing blind18 0.45 / 0.69 / 0.90 / 0.88 /
  0.63, blind19 0.71 / 0.89 / 1.00 / 0.94 / 0.78, blind20 0.28 / 0.58 / 0.97 / 0.97 / 0.73,
  blind21 0.47 / 0.78 / 1.00 / 0.94 / 0.86 (false-flag rate <= 0.045); the session's starting
  linter scored 0.43 / 0.69 / 0.90 / 0.88 / 0.59, 0.71 / 0.79 / 1.00 / 0.94 / 0.78, 0.28 /
  0.58 / 0.97 / 0.94 / 0.73 and 0.47 / 0.73 / 1.00 / 0.94 / 0.83. A fifth session labelled 200
  of their questions (50 of each) from the flag definitions alone: its agreement with the
  authors is kappa 0.91 / 0.99 / 1.00 / 0.98 / 0.95, so the labels are consistent and the
  misses are the linter's. The fourteenth round (``kit/guide/cues14.py``, session 8, leading
  only) used them as its development hold-out, aggregates only, for its first rules (claims for
  the product before the question, a presupposed choice of the product or benefit): leading
  recall 0.48 / 0.71 / 0.31 / 0.50, no false flag added; then looked at their misses once and
  added the kinds found there (a suggested answer after an open question, a statement spoken
  into the question, a scenario told with its benefit, help taken as given): leading recall
  0.57 / 0.71 / 0.53 / 0.79, false-flag rate unchanged. The thirteenth round (``kit/guide/cues13.py``,
  closed and generalizing) did the same: aggregates only for its first rules (closed recall
  0.72 / 0.89 / 0.71 / 0.78, generalizing unchanged), then one look at their misses (closed 0.75 /
  0.89 / 0.71 / 0.93, generalizing 0.76 / 0.82 / 0.82 / 0.86). So they are TUNED ON by rounds 13
  and 14.

- ``tests/data/blind-linter-28/`` to ``-30/``: 600 questions of three more independent authors,
  session 10's final hold-out (scored by the lead at its end: recall leading / closed /
  hypothetical / double-barreled / generalizing blind28 0.70 / 0.97 / 1.00 / 0.88 / 0.71, blind29
  0.49 / 0.96 / 1.00 / 0.94 / 0.67, blind30 0.65 / 0.88 / 1.00 / 0.82 / 0.71), released in
  session 11 and tuned on by its rules (``kit/guide/cues16.py``: claims before the ask, offered
  answers, two occasions, a one-fact question word tacked on) and trained on by the model.

- ``tests/data/blind-linter-31/`` to ``-34/``: 800 questions of four more independent authors, the
  final hold-outs of session 11 (31, 32) and session 12 (33, 34), each scored once at its
  session's end (rules with the model: recall leading 0.844-0.857, closed 0.837-0.979,
  hypothetical 0.969-1.00, double-barreled 0.861-1.00, generalizing 0.842-0.969), RELEASED in
  session 13: tuned on by its rules (``kit/guide/cues18.py``: agreement tags in every form, "how"
  + a quality by its position; docs/design.md "Thirteenth pass") and trained on by the model, so
  printed as TUNED ON.
- ``tests/data/blind-linter-39/`` and ``-40/``: 400 questions of two more independent authors (a South
  African contact-centre team leader's formal English with a Quebecois product owner's French calques and a
  ward manager's clipped notes; an Australian trades sales rep's casual English with a Singapore operations
  lead's Singlish and a UK civil servant's hedged preambles), the final hold-outs of session 15
  (``HOLD_OUT``), never tuned on by it, scored at its start and once at its end (recall leading / closed /
  hypothetical / double-barreled / generalizing: blind39 0.97 / 0.87 -> 0.84 / 0.94 / 0.82 / 0.81, blind40
  0.88 / 0.97 -> 1.00 / 0.97 / 0.97 / 1.00), RELEASED in session 16: tuned on by its rules (docs/design.md
  "Sixteenth pass") and trained on by the model, so printed as TUNED ON.
- ``tests/data/blind-linter-41/`` and ``-42/``: 400 questions of two more independent authors (a German
  engineering-firm product manager's English with German calques, a Filipino BPO quality analyst's polite English
  and a US real-estate agent's salesy style; a Kenyan NGO field coordinator's formal English, a Japanese game
  studio UX lead's indirect politeness, a Texan insurance adjuster's spoken run-ons and a marketing intern's
  lowercase), the final hold-outs of session 16 (``HOLD_OUT``), never tuned on by it, scored at its start and once
  at its end (recall leading / closed / hypothetical / double-barreled / generalizing, the same both times:
  blind41 0.82 / 0.93 / 0.97 / 1.00 / 0.83, blind42 0.91 / 0.97 / 0.94 / 0.97 / 0.97), RELEASED in session 17:
  tuned on by its rules (``kit/guide/cues22.py``; docs/design.md "Seventeenth pass") and trained on by the model,
  so printed as TUNED ON.
- ``tests/data/blind-linter-43/`` and ``-44/``: 400 questions of two more independent authors (a Brazilian
  e-commerce marketer's English with Portuguese calques, an Irish pub owner's chatty spoken style and a US school
  principal's education jargon; a Scottish physiotherapy clinic manager's plain speech, a mainland Chinese
  cross-border seller's second-language English, a Silicon Valley growth lead's jargon and a Mexican logistics
  coordinator's Spanish-influenced English), the final hold-outs of session 17 (``HOLD_OUT``), never tuned on by
  it, scored at its start and once at its end (recall leading / closed / hypothetical / double-barreled /
  generalizing: blind43 0.89 / 1.00 / 1.00 / 0.85 / 0.78 both times, blind44 0.78 / 0.96 / 1.00 / 0.91 /
  0.80 -> 0.77), RELEASED in session 18: studied with every released set for its rules (``kit/guide/cues23.py``;
  docs/design.md "Eighteenth pass") and trained on by the model, so printed as TUNED ON.
- ``tests/data/blind-linter-45/`` and ``-46/``: 400 questions of two more independent authors (a Singaporean bank
  relationship manager's Singlish with a Polish warehouse supervisor's second-language English and a British civil
  servant's hedged formality; a Korean game-studio producer's second-language English with a Jamaican hotel
  manager's speech, a Gen-Z creator's lowercase text-speak and a US nurse manager's clinical jargon), the final
  hold-outs of session 18 (``HOLD_OUT``), never tuned on by it, scored at its start and once at its end (recall
  leading / closed / hypothetical / double-barreled / generalizing: blind45 0.85 -> 0.88 / 0.91 / 1.00 / 0.88 /
  0.94, blind46 0.83 -> 0.89 / 0.86 / 1.00 / 0.94 / 0.86 -> 0.89).
- ``tests/data/blind-linter-37/`` and ``-38/``: 400 questions of two more independent authors (an
  Indian IT-services account manager's English with an Irish pub-chain manager's chat and HR
  jargon; a Nigerian fintech product manager with a Scottish social worker's long spoken questions
  and a US teacher's lowercase text-speak), the final hold-outs of session 14 (``HOLD_OUT`` of
  ``tools/lint_model_train.py``), scored at its start and once at its end (recall leading / closed /
  hypothetical / double-barreled / generalizing: blind37 0.85 / 1.00 / 0.94 / 0.97 / 0.92, blind38
  0.88 / 0.95 -> 0.92 / 1.00 / 0.94 / 0.91), RELEASED in session 15: tuned on by its rules
  (docs/design.md "Fifteenth pass") and trained on by the model, so printed as TUNED ON.
- ``tests/data/blind-linter-35/`` and ``-36/``: 400 questions of two more independent authors (a
  claims supervisor's formal English with a Gen-Z marketer's chat and a retired nurse's long
  preambles; a Japanese founder's second-language English with US sales pitches and a French UX
  student), the final hold-outs of session 13, scored at its start and once at its end (recall
  leading / closed / hypothetical / double-barreled / generalizing: blind35 0.79 -> 0.88 / 0.96 /
  1.00 / 0.97 / 0.77, blind36 0.81 / 0.98 / 0.97 / 0.91 / 0.97), RELEASED in session 14: tuned on
  by its rules (docs/design.md "Fourteenth pass") and trained on by the model, so printed as TUNED ON.
- ``tests/data/blind-linter-25/`` to ``-27/``: 600 questions of three more independent authors
  written at the start of session 9 under the same brief (a consumer-hardware UX researcher's
  guides for engineers; an HR lead writing in second-language English; a sales rep turned
  discovery interviewer, transcribed from calls with fillers and self-corrections), held out of
  everything in session 9 (rules, rewrites and the trained model; `tools/lint_model_train.py`
  HOLD_OUT) and measured once at its end, rules alone -> rules with the model: recall leading /
  closed / hypothetical / double-barreled / generalizing blind25 0.54 -> 0.57 / 0.92 -> 0.94 /
  1.00 / 0.88 / 0.64, blind26 0.63 / 0.93 / 0.94 / 0.88 / 0.59, blind27 0.61 / 0.78 -> 0.87 /
  0.94 / 0.94 / 0.65; highest false-flag rate 0.048 (double-barreled, blind25); the rules alone
  scored the same at the session's start. Released and tuned on in session 12 (rules,
  ``kit/guide/cues17.py``; docs/design.md "Twelfth pass"), so printed as TUNED ON.

- ``tests/data/blind-linter-22/`` to ``-24/``: 600 questions of three more independent authors
  written at the start of session 8 under the same brief (a customer-success manager's renewal
  and churn questions typed as in chat; a public-sector researcher's formal guide with colleagues
  writing in a second language; a first-time founder's problem interviews, pitches and
  rhetorical questions, then the same founder's rewrites), held out of rounds 13 and 14 and
  measured once at the end of session 8: recall leading / closed / hypothetical /
  double-barreled / generalizing blind22 0.44 / 0.82 / 1.00 / 0.74 / 0.62, blind23 0.67 / 0.85 /
  1.00 / 0.59 / 0.89 (five formal requests read as notes), blind24 0.65 / 0.79 / 0.97 / 1.00 /
  0.74; highest false-flag rate 0.060 (hypothetical, blind23). The session's starting linter
  scored 0.41 / 0.80 / 1.00 / 0.74 / 0.62, 0.67 / 0.83 / 1.00 / 0.59 / 0.89 and 0.65 / 0.79 /
  0.97 / 1.00 / 0.74: two rounds of rules moved new authors by 0.00-0.03. Session 9's trained
  model used them as its development hold-out (aggregates only, a few looks); released and tuned on
  in session 12 by rules (``kit/guide/cues17.py``; docs/design.md "Twelfth pass"), so printed as
  TUNED ON.

- ``tests/data/questions_holdout7.csv``: 50 questions (new domains: allotments, locksmiths,
  subtitling, luthiers, funeral directors, ...) written for the seventh round after its first
  rules, looked at once (recall leading 0.667, closed 0.778, generalizing 1.00 with a
  false-flag rate of 0.057), then tuned on.
- ``tests/data/questions_holdout8.csv``: 60 questions in further domains and voices (mobile
  libraries, ski schools, vineyards, housing associations, text-speak, spoken), written by the
  same hand after the seventh round's rules and looked at once at its end: recall leading
  0.867 (false-flag rate 0.067, all three false flags from older rounds), closed 0.818,
  hypothetical 1.00, double-barreled 1.00 (false-flag rate 0.053), generalizing 0.941 (no
  false flag). Then fixed: one leading miss ("how quickly did our staff ...") and one false flag
  (a "there are no wrong answers" preamble), so it is no longer a clean hold-out.

Relabels of the ninth round (the two conventions settled by the project, docs/design.md "Question
linter"): a present-tense overall opinion of an ongoing product, service or situation ("how do
you feel about ...", "what do you love about ...", "is the scanner reliable", "how much easier is
...", "what's your opinion of ...", "how are you finding ...") is generalizing -- generalizing set
to 1 in questions_dev (64 items), holdout2 (7), holdout3 (9), holdout4 (1), holdout5 (6);
presupposing a problem or feeling the participant has not mentioned ("when did you first notice
...", "what was hard about ...") is leading -- leading set to 1 in questions_dev (5), holdout2
(1); 93 in all. No independent author's label was
changed: 16 of their items disagree with the two conventions (blind5 1, blind6 5, blind10 4,
blind12 4, blind14 2) and count as false flags.

Relabels of the eleventh round (own sets only, each to a settled convention): "How much would a
tool like that be worth to you?" closed (one amount; questions.csv), "The timetable is pointless,
so how do you plan your crossings?" generalizing (present "how do you <action>"; tune3), "How did
it feel when the order finally arrived?" leading (a delay taken for granted; questions_dev), "How
did the switch go, and how do you feel about the new bank now?" generalizing (a present overall
opinion; questions_dev); 4 in all.

Relabels of the eighth round (docs/design.md "Question linter"): a present-simple choice about a
habit or preference ("Do you keep records on paper or in an app?", "Do you prefer goatskin or
calf ...") is closed and generalizing -- generalizing set to 1 in holdout2 (1 item), holdout4 (1),
holdout5 (2), blind4 (1), blind5 (1), blind12 (1); "the worst / most frustrating / most annoying
thing / part about <X>" in the present is generalizing and not leading (the majority of the
independent authors) -- leading set to 0 in questions_dev (2), holdout2 (1), holdout6 (2),
tune5 (1), blind4 (1), blind5 (1), blind11 (4); "How much more would you pay ..." is closed (the
fourth round's convention, questions.csv 1); "How valuable has our ... training been for you?" is
generalizing (questions_dev 1); 21 in all.

Relabels of the sixth round (the three new authors' conventions, docs/design.md "Question
linter"): "How do you <action verb> ...?" in the present is generalizing -- 34 items
(questions_dev 23, holdout2 3, holdout3 5, holdout5 3); "the best / worst / most <adjective>
thing / part of <anything>" in the present is generalizing -- 15 items (questions_dev 8,
blind1 1, holdout2 2, holdout3 3, holdout5 1); "How much time did the new till save you" is
leading (tune5 1); "In general how long does editing take you?" is closed (holdout5 1).

Relabels of the fifth round (blind4's conventions, docs/design.md "Question linter"): a
single-clause question whose answer is one number, amount, date or pick ("how many / how long /
how much time / what year / which X did you / what would you pay / on a scale") is closed --
closed set to 1 in questions.csv (7 items), questions_dev.csv (37), blind1 (5), blind2 (3),
holdout2 (2), holdout3 (4), holdout4 (5), holdout5 (3); 66 in all, none in blind3 or blind4.

Relabels of the fourth round (blind3's conventions adopted across the sets): "How much would
you pay / spend / be willing to pay ..." is closed as well as hypothetical (the answer is one
number) -- closed set to 1 in questions.csv (2 items), questions_dev.csv (5), blind1 (1),
blind2 (1), questions_holdout.csv (1), holdout2 (1), holdout3 (1); "Which ... do you usually /
normally / tend to ..." is closed as well as generalizing (it asks for one choice) -- holdout4
(2 items). "Do you ever ..." is closed and generalizing (no older item had a generalizing
label to change).

The tuned set grew in rounds: each round of fresh questions was scored, its misses fixed at
the level of grammar, and the round then added to ``questions_dev.csv`` (1,000 questions).
Labels follow the project's conventions: "how" + an evaluative word is leading; an offered
choice or a tag is closed; a wish or an ideal world is hypothetical (issue 16; the first sets'
15 aspirational closers were relabelled accordingly).

The floors are recall >= 0.90 and a false-flag rate <= 0.05 for every flag. Exit code 1 when
the tuned set (``questions_dev.csv``, or the first CSV given) misses a floor, or with
``--strict`` when any set does.

``--rewrites`` also measures the suggested rewrites of every flagged question: the share that
keep the question's topic (:func:`kit.guide.topic_overlap` >= 0.5 of the original's topic
words, or all but one of them), the share the grammar check passes
(:func:`kit.guide.grammar_problems` finds nothing) and the share linted clean.

``--corpus`` reads the interviewer's questions in the real interviews of
``../shared/corpora/anthropic-interviewer`` (or ``--corpus-dir``) at run time (skipped when absent; no text is
copied into the repository), prints the share flagged per flag and scores the linter against
the hand labels in ``tests/data/corpus_labels.csv`` (question ids and labels only). Since session 11
its generalizing column is an independent labeller's blind relabelling by the written convention
(present-tense habit and practice questions are generalizing: 36 of the 100, from 5; the other
columns unchanged), so the linter's generalizing recall there is a known gap (docs/design.md,
"Trained model, session 11").
"""
from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from kit.guide import FLAGS, lint_question  # noqa: E402
from kit.guide.lint import judge_question  # noqa: E402
from kit.guide import grammar_problems, topic_overlap  # noqa: E402

DATA = REPO / "tests" / "data"
LABELLED = DATA / "questions.csv"
HOLDOUT = DATA / "questions_holdout.csv"
DEV = DATA / "questions_dev.csv"
HOLDOUT2 = DATA / "questions_holdout2.csv"
HOLDOUT3 = DATA / "questions_holdout3.csv"
HOLDOUT4 = DATA / "questions_holdout4.csv"
BLIND1 = DATA / "questions_blind1.csv"
BLIND2 = DATA / "questions_blind2.csv"
TUNE3 = DATA / "questions_tune3.csv"
HOLDOUT5 = DATA / "questions_holdout5.csv"
BLIND3 = (DATA / "blind-linter-3" / "questions.csv").resolve()
BLIND4 = (DATA / "blind-linter-4" / "questions.csv").resolve()
BLIND5 = (DATA / "blind-linter-5" / "questions.csv").resolve()
BLIND7 = (DATA / "blind-linter-7" / "questions.csv").resolve()
BLIND8 = (DATA / "blind-linter-8" / "questions.csv").resolve()
BLIND6 = (DATA / "blind-linter-6" / "questions.csv").resolve()
BLIND9 = (DATA / "blind-linter-9" / "questions.csv").resolve()
BLIND10 = (DATA / "blind-linter-10" / "questions.csv").resolve()
BLIND11 = (DATA / "blind-linter-11" / "questions.csv").resolve()
BLIND12 = (DATA / "blind-linter-12" / "questions.csv").resolve()
BLIND13 = (DATA / "blind-linter-13" / "questions.csv").resolve()
BLIND14 = (DATA / "blind-linter-14" / "questions.csv").resolve()
BLIND15 = (DATA / "blind-linter-15" / "questions.csv").resolve()
BLIND16 = (DATA / "blind-linter-16" / "questions.csv").resolve()
BLIND17 = (DATA / "blind-linter-17" / "questions.csv").resolve()
BLIND18 = (DATA / "blind-linter-18" / "questions.csv").resolve()
BLIND19 = (DATA / "blind-linter-19" / "questions.csv").resolve()
BLIND20 = (DATA / "blind-linter-20" / "questions.csv").resolve()
BLIND21 = (DATA / "blind-linter-21" / "questions.csv").resolve()
BLIND22 = (DATA / "blind-linter-22" / "questions.csv").resolve()
BLIND23 = (DATA / "blind-linter-23" / "questions.csv").resolve()
BLIND24 = (DATA / "blind-linter-24" / "questions.csv").resolve()
BLIND25 = (DATA / "blind-linter-25" / "questions.csv").resolve()
BLIND26 = (DATA / "blind-linter-26" / "questions.csv").resolve()
BLIND27 = (DATA / "blind-linter-27" / "questions.csv").resolve()
BLIND28 = (DATA / "blind-linter-28" / "questions.csv").resolve()
BLIND29 = (DATA / "blind-linter-29" / "questions.csv").resolve()
BLIND30 = (DATA / "blind-linter-30" / "questions.csv").resolve()
BLIND31 = (DATA / "blind-linter-31" / "questions.csv").resolve()
BLIND32 = (DATA / "blind-linter-32" / "questions.csv").resolve()
BLIND33 = (DATA / "blind-linter-33" / "questions.csv").resolve()
BLIND34 = (DATA / "blind-linter-34" / "questions.csv").resolve()
BLIND35 = (DATA / "blind-linter-35" / "questions.csv").resolve()
BLIND37 = (DATA / "blind-linter-37" / "questions.csv").resolve()
BLIND38 = (DATA / "blind-linter-38" / "questions.csv").resolve()
BLIND39 = (DATA / "blind-linter-39" / "questions.csv").resolve()
BLIND40 = (DATA / "blind-linter-40" / "questions.csv").resolve()
BLIND41 = (DATA / "blind-linter-41" / "questions.csv").resolve()
BLIND42 = (DATA / "blind-linter-42" / "questions.csv").resolve()
BLIND43 = (DATA / "blind-linter-43" / "questions.csv").resolve()
BLIND44 = (DATA / "blind-linter-44" / "questions.csv").resolve()
BLIND45 = (DATA / "blind-linter-45" / "questions.csv").resolve()
BLIND46 = (DATA / "blind-linter-46" / "questions.csv").resolve()
BLIND36 = (DATA / "blind-linter-36" / "questions.csv").resolve()
TUNE4 = DATA / "questions_tune4.csv"
TUNE5 = DATA / "questions_tune5.csv"
HOLDOUT6 = DATA / "questions_holdout6.csv"
HOLDOUT7 = DATA / "questions_holdout7.csv"
HOLDOUT8 = DATA / "questions_holdout8.csv"
TUNED = {DEV.name: "tuned on", BLIND1.name: "TUNED ON (independent set, now a development set)",
         HOLDOUT2.name: "looked at, then fixed", LABELLED.name: "tuned on", HOLDOUT.name: "tuned on",
         HOLDOUT3.name: "hold-out of round 1", HOLDOUT4.name: "hold-out of round 2, looked at once",
         BLIND2.name: "TUNED ON (second independent set, now a development set)", TUNE3.name: "tuned on",
         HOLDOUT5.name: "hold-out of round 3, looked at once", TUNE4.name: "tuned on",
         "questions_tune5.csv": "tuned on", "questions_holdout6.csv": "hold-out of round 5, looked at once",
         "questions_holdout7.csv": "written for round 7, looked at once, then tuned on",
         "questions_holdout8.csv": "hold-out of round 7, looked at once at its end, then two fixes"}
CORPUS = REPO.parent / "shared" / "corpora" / "anthropic-interviewer"
CORPUS_LABELS = DATA / "corpus_labels.csv"
MIN_RECALL = 0.90
MAX_FALSE_FLAG_RATE = 0.05
MIN_TOPIC = 0.5
COLUMN = {"leading": "leading", "closed": "closed", "hypothetical": "hypothetical",
          "double-barreled": "double_barreled", "generalizing": "generalizing"}


def load(path: Path) -> list[dict]:
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def evaluate(rows: list[dict], key: str = "question") -> dict:
    """Per-flag confusion counts (only for the flags the set has a column for), the kind
    accuracy (when the set has a ``kind`` column) and the misses."""
    present = [f for f in FLAGS if rows and COLUMN[f] in rows[0]]
    stats = {f: {"support": 0, "tp": 0, "fp": 0, "fn": 0, "negatives": 0} for f in present}
    kind_ok = kinds = 0
    misses = []
    for row in rows:
        got = judge_question(row[key])
        for flag in present:
            want = row[COLUMN[flag]].strip() == "1"
            has = flag in got["flags"]
            s = stats[flag]
            s["support"] += want
            s["negatives"] += not want
            if want and has:
                s["tp"] += 1
            elif has and not want:
                s["fp"] += 1
                misses.append(("FP", flag, row[key]))
            elif want and not has:
                s["fn"] += 1
                misses.append(("FN", flag, row[key]))
        if row.get("kind", "").strip():
            kinds += 1
            if got["kind"] == row["kind"].strip():
                kind_ok += 1
            else:
                misses.append(("KIND", f"{row['kind']}->{got['kind']}", row[key]))
    for s in stats.values():
        s["precision"] = s["tp"] / (s["tp"] + s["fp"]) if s["tp"] + s["fp"] else 1.0
        s["recall"] = s["tp"] / s["support"] if s["support"] else 1.0
        s["false_flag_rate"] = s["fp"] / s["negatives"] if s["negatives"] else 0.0
    return {"n": len(rows), "flags": stats, "kind_accuracy": kind_ok / kinds if kinds else None,
            "misses": misses}


def passes(result: dict) -> bool:
    return all(s["recall"] >= MIN_RECALL and s["false_flag_rate"] <= MAX_FALSE_FLAG_RATE
               for s in result["flags"].values())


def report(name: str, result: dict, show_misses: bool = False) -> str:
    lines = [f"{name}: {result['n']} questions",
             f"  {'flag':<16}{'support':>8}{'TP':>5}{'FP':>5}{'FN':>5}{'precision':>11}{'recall':>8}{'false-flag':>12}"]
    for flag, s in result["flags"].items():
        ok = s["recall"] >= MIN_RECALL and s["false_flag_rate"] <= MAX_FALSE_FLAG_RATE
        lines.append(f"  {flag:<16}{s['support']:>8}{s['tp']:>5}{s['fp']:>5}{s['fn']:>5}"
                     f"{s['precision']:>11.3f}{s['recall']:>8.3f}{s['false_flag_rate']:>12.3f}"
                     f"  {'ok' if ok else 'BELOW FLOOR'}")
    if result["kind_accuracy"] is not None:
        lines.append(f"  kind accuracy: {result['kind_accuracy']:.3f}")
    if show_misses:
        for kind, what, q in result["misses"]:
            lines.append(f"    {kind:<4} {what:<18} {q}")
    return "\n".join(lines)


def rewrite_quality(questions: list[str], show: bool = False) -> dict:
    """Topic kept, grammar check passed and clean lint, over the flagged questions."""
    n = topic = grammar = clean = 0
    overlap_sum = 0.0
    bad = []
    for q in questions:
        r = lint_question(q)
        if not r["flags"]:
            continue
        n += 1
        sug = r["suggestion"]
        ov = topic_overlap(q, sug)
        overlap_sum += ov
        topic += ov >= MIN_TOPIC
        probs = grammar_problems(sug)
        grammar += not probs
        # the follow-up of a double-barreled question ("Then ask separately: ...") is linted on its own
        main, _, then = sug.partition(" Then ask separately: ")
        clean += not lint_question(main)["flags"] and not (then and lint_question(then)["flags"])
        if show and (ov < MIN_TOPIC or probs):
            bad.append(f"    {ov:.2f} {'; '.join(probs) or 'ok':<30} {q}  ->  {sug}")
    return {"flagged": n, "topic_kept": topic / n if n else 1.0, "mean_overlap": overlap_sum / n if n else 1.0,
            "grammatical": grammar / n if n else 1.0, "clean": clean / n if n else 1.0, "bad": bad}


def corpus_questions(corpus: Path = CORPUS) -> list[tuple[str, str]]:
    """(id, question) for every non-housekeeping interviewer question of the real corpus; id is
    ``<transcript_id>#t<turn>#q<k>``. Empty when the corpus is absent."""
    if not corpus.is_dir():
        return []
    import re

    from kit.review import is_housekeeping, is_question, split_sentences
    csv.field_size_limit(10 ** 8)
    out = []
    for path in sorted(corpus.glob("*.csv")):
        with open(path, newline="", encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                turns = re.split(r"(?m)^(?=(?:Assistant|AI|User):)", row["text"])
                turns = [t for t in turns if t.strip()]
                for i, turn in enumerate(turns, 1):
                    if turn.startswith("User:"):
                        continue
                    body = turn.split(":", 1)[1]
                    asked = [s for s in split_sentences(body) if is_question(s) and not is_housekeeping(s)]
                    for k, s in enumerate(asked, 1):
                        out.append((f"{row['transcript_id']}#t{i}#q{k}", s))
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("csv", nargs="*", help="labelled CSV files (default: all the sets)")
    ap.add_argument("--misses", action="store_true", help="list every miss")
    ap.add_argument("--strict", action="store_true", help="fail when any set misses a floor")
    ap.add_argument("--rewrites", action="store_true", help="measure topic and grammar of the rewrites")
    ap.add_argument("--corpus", action="store_true", help="share flagged in the real interviews")
    ap.add_argument("--corpus-dir", type=Path, default=CORPUS, help=f"the corpus folder (default {CORPUS})")
    args = ap.parse_args(argv)
    paths = [Path(p) for p in args.csv] or [p for p in (
        BLIND45, BLIND46, BLIND43, BLIND44, BLIND41, BLIND42, BLIND39, BLIND40, BLIND37, BLIND38, BLIND35, BLIND36, BLIND31, BLIND32, BLIND33, BLIND34,
                                                         BLIND28, BLIND29, BLIND30, BLIND25, BLIND26, BLIND27, BLIND22, BLIND23, BLIND24,
                                                         BLIND18, BLIND19, BLIND20, BLIND21,
                                                         BLIND15, BLIND16, BLIND17,
                                                         BLIND13, BLIND14, BLIND10, BLIND11, BLIND12, BLIND6, BLIND9, BLIND4, BLIND5, BLIND7, BLIND8,
                                                         DEV, BLIND1, BLIND2, BLIND3, TUNE3, TUNE4, TUNE5, HOLDOUT8, HOLDOUT7, HOLDOUT6, HOLDOUT5, HOLDOUT4,
                                                         HOLDOUT3, HOLDOUT2, LABELLED, HOLDOUT) if p.exists()]
    failed = False
    print(f"floors: recall >= {MIN_RECALL:.2f}, false-flag rate <= {MAX_FALSE_FLAG_RATE:.2f} per flag")
    for path in paths:
        rows = load(path)
        result = evaluate(rows)
        released = ("TUNED ON by session 13's rules (cues18) and the model (released in session 13; the final hold-out of "
                    "session {}, scored once at its end)")
        released14 = ("TUNED ON by session 14's rules and the model (released in session 14; the final hold-out of "
                      "session 13, scored at its start and once at its end: recall L {} C {} H {} D {} G {})")
        released15 = ("TUNED ON by session 15's rules and the model (released in session 15; the final hold-out of session 14, "
                  "scored at its start and once at its end, main aaaed98: recall L {} C {} H {} D {} G {})")
        released16 = ("TUNED ON by session 16's rules and the model (released in session 16; the final hold-out of session 15, "
                      "scored at its start and once at its end, main 8a262e8: recall L {} C {} H {} D {} G {})")
        released17 = ("TUNED ON by session 17's rules and the model (released in session 17; the final hold-out of session "
                      "16, scored at its start, main 8a262e8, and once at its end, both: recall L {} C {} H {} D {} G {})")
        final17 = ("TUNED ON by session 18's rules and the model (released in session 18; the final hold-out of session "
                   "17, scored at its start, main 32e5f5f, and once at its end, main 7bf5937: recall L {} C {} H {} D {} G {})")
        final18 = ("FINAL HOLD-OUT of session 18 (HOLD_OUT: never tuned on; scored at its start, main df88de9, and once "
                   "at its end, cfb9de2 (the linter as merged): recall L {} C {} H {} D {} G {})")
        label = {BLIND45: final18.format("0.85 -> 0.88", "0.91", "1.00", "0.88", "0.94"),
                 BLIND46: final18.format("0.83 -> 0.89", "0.86", "1.00", "0.94", "0.86 -> 0.89"),
                 BLIND43: final17.format("0.89", "1.00", "1.00", "0.85", "0.78"),
                 BLIND44: final17.format("0.78", "0.96", "1.00", "0.91", "0.80 -> 0.77"),
                 BLIND41: released17.format("0.82", "0.93", "0.97", "1.00", "0.83"),
                 BLIND42: released17.format("0.91", "0.97", "0.94", "0.97", "0.97"),
                 BLIND39: released16.format("0.97", "0.87 -> 0.84", "0.94", "0.82", "0.81"),
                 BLIND40: released16.format("0.88", "0.97 -> 1.00", "0.97", "0.97", "1.00"),
                 BLIND37: released15.format("0.85", "1.00", "0.94", "0.97", "0.92"),
                 BLIND38: released15.format("0.88", "0.95 -> 0.92", "1.00", "0.94", "0.91"),
                 BLIND35: released14.format("0.79 -> 0.88", "0.96", "1.00", "0.97", "0.77"),
                 BLIND36: released14.format("0.81", "0.98", "0.97", "0.91", "0.97"),
                 BLIND31: released.format(11), BLIND32: released.format(11), BLIND33: released.format(12),
                 BLIND34: released.format(12),
                 BLIND28: "TUNED ON by session 11's rules (cues16) (hold-out of session 10, at its end: recall "
                          "L 0.70 C 0.97 H 1.00 D 0.88 G 0.71)",
                 BLIND29: "TUNED ON by session 11's rules (cues16) (hold-out of session 10, at its end: recall "
                          "L 0.49 C 0.96 H 1.00 D 0.94 G 0.67)",
                 BLIND30: "TUNED ON by session 11's rules (cues16) (hold-out of session 10, at its end: recall "
                          "L 0.65 C 0.88 H 1.00 D 0.82 G 0.71)",
                 BLIND25: "TUNED ON in session 12 (cues17) (hold-out of session 9, measured once at its end, rules alone -> with the model: "
                          "recall L 0.54 -> 0.57 C 0.92 -> 0.94 H 1.00 D 0.88 G 0.64; the rules the same at the session's start)",
                 BLIND26: "TUNED ON in session 12 (cues17) (hold-out of session 9, measured once at its end, rules alone -> with the model: "
                          "recall L 0.63 C 0.93 H 0.94 D 0.88 G 0.59; closed false-flag rate 0.021 -> 0.027)",
                 BLIND27: "TUNED ON in session 12 (cues17) (hold-out of session 9, measured once at its end, rules alone -> with the model: "
                          "recall L 0.61 C 0.78 -> 0.87 H 0.94 D 0.94 G 0.65)",
                 BLIND22: "TUNED ON in session 12 (cues17) (the model's development hold-out in session 9; hold-out of session 8, at its end: recall "
                          "L 0.44 C 0.82 H 1.00 D 0.74 G 0.62; at the session's start L 0.41 C 0.80 H 1.00 D 0.74 G 0.62)",
                 BLIND23: "TUNED ON in session 12 (cues17) (the model's development hold-out in session 9; hold-out of session 8, at its end: recall "
                          "L 0.67 C 0.85 H 1.00 D 0.59 G 0.89; at the session's start L 0.67 C 0.83 H 1.00 D 0.59 G 0.89)",
                 BLIND24: "TUNED ON in session 12 (cues17) (the model's development hold-out in session 9; hold-out of session 8, at its end: recall "
                          "L 0.65 C 0.79 H 0.97 D 1.00 G 0.74; the same at the session's start)",
                 BLIND18: "TUNED ON by rounds 13 (closed, generalizing) and 14 (leading) (hold-out of session 7, measured once at its "
                          "end: recall "
                          "L 0.45 C 0.69 H 0.90 D 0.88 G 0.63)",
                 BLIND19: "TUNED ON by rounds 13 (closed, generalizing) and 14 (leading) (hold-out of session 7, measured once at its "
                          "end: recall "
                          "L 0.71 C 0.89 H 1.00 D 0.94 G 0.78)",
                 BLIND20: "TUNED ON by rounds 13 (closed, generalizing) and 14 (leading) (hold-out of session 7, measured once at its "
                          "end: recall "
                          "L 0.28 C 0.58 H 0.97 D 0.97 G 0.73)",
                 BLIND21: "TUNED ON by rounds 13 (closed, generalizing) and 14 (leading) (hold-out of session 7, measured once at its "
                          "end: recall "
                          "L 0.47 C 0.78 H 1.00 D 0.94 G 0.86; three spoken lines then read as headings, fixed after)",
                 BLIND15: "TUNED ON by round 11 (hold-out of session 6, measured once at its end: recall "
                          "L 0.75 C 0.79 H 1.00 D 0.94 G 0.77)",
                 BLIND16: "TUNED ON by round 11 (hold-out of session 6, measured once at its end: recall "
                          "L 0.57 C 0.79 H 0.97 D 0.82 G 0.51)",
                 BLIND17: "TUNED ON by round 11 (hold-out of session 6, measured once at its end: recall "
                          "L 0.50 C 0.79 H 0.91 D 0.72 G 0.62)",
                 BLIND13: "TUNED ON by round 9 (independent set blind13; measured once before: recall "
                          "L 0.62 C 0.91 H 1.00 D 0.90 G 0.42; held out by round 9, scored once: L 0.88 C 0.91 "
                          "H 1.00 D 0.90 G 0.72)",
                 BLIND14: "TUNED ON by round 9 (independent set blind14; measured once before tuning: recall "
                          "L 0.81 C 0.90 H 1.00 D 0.97 G 0.92)",
                 BLIND10: "TUNED ON by round 8 (independent set blind10; measured once before tuning: recall "
                          "L 0.85 C 0.89 H 1.00 D 0.91 G 0.76)",
                 BLIND11: "TUNED ON by round 8 (independent set blind11; measured once before tuning: recall "
                          "L 0.85 C 0.87 H 1.00 D 0.91 G 0.75)",
                 BLIND12: "TUNED ON by round 8 (independent set blind12; measured once before tuning: recall "
                          "L 0.84 C 0.83 H 1.00 D 0.87 G 0.74)",
                 BLIND6: "TUNED ON by round 7 (hold-out of session 4, measured once before: recall "
                         "L 0.79 C 0.98 H 0.97 D 0.91 G 0.88)",
                 BLIND9: "TUNED ON by round 7 (hold-out of session 4, measured once before: recall "
                         "L 0.58 C 0.92 H 1.00 D 0.94 G 0.83)",
                 BLIND3: "TUNED ON (third independent set, now a development set)",
                 BLIND4: "TUNED ON (fourth independent set, now a development set)",
                 BLIND5: "TUNED ON (independent set blind5; measured once before tuning: recall "
                         "L 0.91 C 0.85 H 0.97 D 0.91 G 0.71)",
                 BLIND7: "TUNED ON (independent set blind7; measured once before tuning: recall "
                         "L 0.75 C 0.93 H 0.97 D 0.91 G 0.73)",
                 BLIND8: "TUNED ON (independent set blind8; measured once before tuning: recall "
                         "L 0.82 C 0.92 H 0.94 D 0.91 G 0.81)"}.get(
            path.resolve(), TUNED.get(path.name) if path.resolve().parent == DATA.resolve() else None)
        name = path.name if path.parent == DATA else f"{path.parent.name}/{path.name}"
        print(report(f"{name} [{label}]" if label else name, result, args.misses))
        if args.rewrites:
            q = rewrite_quality([r["question"] for r in rows], args.misses)
            print(f"  rewrites of {q['flagged']} flagged: topic kept {q['topic_kept']:.3f} "
                  f"(mean content-word overlap {q['mean_overlap']:.3f}), grammar check passed "
                  f"{q['grammatical']:.3f}, lint clean {q['clean']:.3f}")
            for line in q["bad"]:
                print(line)
        if not passes(result) and (path == paths[0] or args.strict):
            failed = True
    if args.corpus:
        qs = corpus_questions(args.corpus_dir)
        if not qs:
            print(f"corpus: {args.corpus_dir} absent, skipped")
        else:
            counts = {f: 0 for f in FLAGS}
            any_flag = 0
            for _, q in qs:
                flags = judge_question(q)["flags"]
                any_flag += bool(flags)
                for f in flags:
                    counts[f] += 1
            print(f"corpus: {len(qs)} interviewer questions, {any_flag / len(qs):.3f} flagged; "
                  + ", ".join(f"{f} {c / len(qs):.3f}" for f, c in counts.items()))
            if CORPUS_LABELS.exists():
                text = dict(qs)
                labels = [dict(r, question=text[r["id"]]) for r in load(CORPUS_LABELS) if r["id"] in text]
                print(report(f"{CORPUS_LABELS.name} (hand-labelled sample)", evaluate(labels), args.misses))
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
