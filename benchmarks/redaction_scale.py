"""Per-text cost of kit.privacy.redact as the roster grows (issue 20, item 1).

    python benchmarks/redaction_scale.py                         # 20, 500, 1,000, 5,000 participants
    python benchmarks/redaction_scale.py --sizes 20 5000 --texts 4000 --repeat 7
    python benchmarks/redaction_scale.py --kit /path/to/other/checkout   # "before" figures

Rosters are synthetic (seeded first names and surnames, some with accents, an email each;
past the 480 pairs of the fixed lists, surnames made of syllables, so a large roster holds
thousands of distinct name words, as a real one does). The people the texts mention (José
García, María López, Chloé Dubois, Ana Okafor) are on every roster, so every roster names
the same people in the same texts and only the roster's size changes between sizes.
Texts are interview-like turns of about 200 characters, a fifth of them mentioning a roster
name (any case, with or without accents), an email (plain or in words) or a phone number.

Reported per roster size: the one-off build of the roster's matchers, and the median over
``--repeat`` rounds of CPU and wall microseconds per text. The sizes are measured in turn
within each round (so a change in the machine's load falls on all of them alike), and the
ratio to the smallest roster is the median of the rounds' ratios (target: flat within 1.5x
in CPU). The load average at the start and the end is printed: on a shared machine compare
CPU, not wall.
"""
from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

FIRST = ["José", "María", "Ana", "Lukas", "Chloé", "Søren", "Aisha", "Kenji", "Oluwaseun", "Zoë", "Mateo", "Ingrid",
         "Priya", "Tomás", "Élodie", "Kwame", "Nadia", "Björn", "Leila", "Dmitri", "Hana", "Rafael", "Siobhan", "Yusuf"]
LAST = ["García", "López", "Okafor", "Lindqvist", "Müller", "Dubois", "Haddad", "Watanabe", "Nwosu", "Rossi",
        "Kowalski", "Petrova", "Menon", "Carvalho", "Ó Briain", "Asante", "Demir", "Holm", "Brandt", "Reilly"]
SENTENCES = [
    "The invoice went out at the end of the month and nothing came back for three weeks.",
    "I moved money off my credit card to cover the rent, which I hate doing.",
    "Honestly the reminders from the tool go out too late to be useful on ninety-day terms.",
    "We pushed back politely but procurement said every supplier is on the same terms.",
    "Small. I felt small, and a bit angry at myself for quoting them low.",
    "It was sitting in an approval queue the whole time, nobody told us.",
]


#: On every roster: the people the texts mention (see texts_of).
MENTIONED = [("José", "García", "jose@example.com"), ("María", "López", "maria.lopez@example.com"),
             ("Chloé", "Dubois", "chloe.dubois@example.com"), ("Ana", "Okafor", "ana.okafor3@example.com")]
SYLLABLES = ["ka", "lo", "vi", "ren", "mas", "tu", "bel", "dor", "quin", "sa", "mi", "ro", "zel", "han", "ov", "ski"]


def roster_of(n: int, seed: int = 7):
    """``n`` people, each a different full name: MENTIONED first, then pairs of FIRST and LAST,
    then (past those pairs) surnames of two to four SYLLABLES; an email each."""
    from kit.privacy import Roster

    rng = random.Random(seed)
    names, parts, emails = [], [], []
    pairs = {(f, la) for f, la, _ in MENTIONED}
    for i in range(n):
        if i < len(MENTIONED):
            first, last, email = MENTIONED[i]
        else:
            first = rng.choice(FIRST)
            last = rng.choice(LAST)
            while (first, last) in pairs:  # past the fixed lists' pairs: a made-up surname
                last = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()
            pairs.add((first, last))
            email = f"{first.lower()}.{last.lower().replace(' ', '')}{i}@example.com"
        names.append(f"{first} {last}")
        parts += [first, last]
        emails.append(email)
    return Roster(names=tuple(dict.fromkeys(names)), parts=tuple(dict.fromkeys(parts)),
                  emails=tuple(dict.fromkeys(emails)))


def texts_of(n: int, seed: int = 11) -> list[str]:
    rng = random.Random(seed)
    mentions = ["thanks jose", "Maria Lopez said", "ask CHLOÉ DUBOIS", "jose at example dot com",
                "ana.okafor3@example.com", "+44 20 7946 0958", "call +1 (415) 555-0100"]
    out = []
    for _ in range(n):
        text = " ".join(rng.sample(SENTENCES, 2))
        if rng.random() < 0.2:
            text = f"{rng.choice(mentions)}, {text}"
        out.append(text)
    return out


def build(people) -> float:
    """Seconds to build the roster's matchers (cached on the roster)."""
    from kit.privacy import redact

    started = time.perf_counter()
    redact("warm up José", people)
    return time.perf_counter() - started


def measure(people, texts) -> tuple[float, float]:
    """CPU and wall microseconds per text, redacting ``texts`` once with ``people``."""
    from kit.privacy import redact

    c0, w0 = time.process_time(), time.perf_counter()
    for text in texts:
        redact(text, people)
    return (time.process_time() - c0) / len(texts) * 1e6, (time.perf_counter() - w0) / len(texts) * 1e6


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[20, 500, 1000, 5000])
    parser.add_argument("--texts", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--kit", help="the checkout whose kit is measured (default: this one)")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(Path(args.kit).resolve() if args.kit else Path(__file__).resolve().parents[1]))
    import kit.privacy

    print(f"kit: {Path(kit.privacy.__file__).parent.parent}; {args.texts} texts, median of {args.repeat} rounds; "
          f"load average at start {_load()} on {os.cpu_count()} cores")
    texts = texts_of(args.texts)
    rosters = {n: roster_of(n) for n in args.sizes}
    builds = {n: build(people) for n, people in rosters.items()}
    cpu: dict = {n: [] for n in args.sizes}
    wall: dict = {n: [] for n in args.sizes}
    for _ in range(args.repeat):  # every size once per round, so the load falls on all alike
        for n, people in rosters.items():
            c, w = measure(people, texts)
            cpu[n].append(c)
            wall[n].append(w)
    base = args.sizes[0]
    print(f"{'participants':>12} {'build ms':>9} {'cpu us/text':>12} {'wall us/text':>13} {'cpu ratio':>10} "
          f"{'wall ratio':>10}  (ratios: median of the rounds' ratios to {base:,}; cpu of each round)")
    for n in args.sizes:
        ratio = statistics.median(c / b for c, b in zip(cpu[n], cpu[base]))
        wall_ratio = statistics.median(w / b for w, b in zip(wall[n], wall[base]))
        rounds = " ".join(f"{c:.1f}" for c in cpu[n])
        print(f"{n:>12,} {builds[n] * 1e3:>9.1f} {statistics.median(cpu[n]):>12.1f} {statistics.median(wall[n]):>13.1f} "
              f"{ratio:>9.2f}x {wall_ratio:>9.2f}x  ({rounds})")
    print(f"load average at end {_load()}")
    return 0


def _load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "unknown"


if __name__ == "__main__":
    raise SystemExit(main())
