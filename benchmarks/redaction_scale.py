"""Per-text cost of kit.privacy.redact as the roster grows (issue 20, item 1).

    python benchmarks/redaction_scale.py                         # 20, 500, 1,000, 5,000 participants
    python benchmarks/redaction_scale.py --sizes 20 5000 --texts 4000 --repeat 7
    python benchmarks/redaction_scale.py --kit /path/to/other/checkout   # "before" figures

Rosters are synthetic (seeded first names and surnames, some with accents, an email each);
texts are interview-like turns of about 200 characters, a fifth of them mentioning a roster
name (any case, with or without accents), an email (plain or in words) or a phone number.
The same texts are redacted with every roster. Reported per roster size: the one-off build
of the roster's matcher, and the median over ``--repeat`` runs of CPU and wall microseconds
per text, with the ratio to the smallest roster (target: flat within 1.5x). The load average
at the start is printed: on a shared machine compare CPU, not wall.
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


def roster_of(n: int, seed: int = 7):
    from kit.privacy import Roster

    rng = random.Random(seed)
    names, parts, emails = [], [], []
    for i in range(n):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        name = f"{first} {last}" if i < len(FIRST) * len(LAST) else f"{first} {last}-{i}"
        names.append(name)
        parts += [first, last]
        emails.append(f"{first.lower()}.{last.lower().replace(' ', '')}{i}@example.com")
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


def measure(people, texts, repeat: int):
    from kit.privacy import redact

    started = time.perf_counter()
    redact("warm up José", people)  # builds the roster's matcher (cached on the roster)
    build = time.perf_counter() - started
    cpu, wall = [], []
    for _ in range(repeat):
        c0, w0 = time.process_time(), time.perf_counter()
        for text in texts:
            redact(text, people)
        cpu.append((time.process_time() - c0) / len(texts) * 1e6)
        wall.append((time.perf_counter() - w0) / len(texts) * 1e6)
    return build, statistics.median(cpu), statistics.median(wall)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[20, 500, 1000, 5000])
    parser.add_argument("--texts", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--kit", help="the checkout whose kit is measured (default: this one)")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(Path(args.kit).resolve() if args.kit else Path(__file__).resolve().parents[1]))
    import kit.privacy

    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"kit: {Path(kit.privacy.__file__).parent.parent}; {args.texts} texts, median of {args.repeat}; "
          f"load average {load:.2f} on {os.cpu_count()} cores")
    texts = texts_of(args.texts)
    print(f"{'participants':>12} {'build ms':>9} {'cpu us/text':>12} {'wall us/text':>13} {'cpu ratio':>10}")
    base = None
    for n in args.sizes:
        build, cpu, wall = measure(roster_of(n), texts, args.repeat)
        base = base or cpu
        print(f"{n:>12,} {build * 1e3:>9.1f} {cpu:>12.1f} {wall:>13.1f} {cpu / base:>9.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
