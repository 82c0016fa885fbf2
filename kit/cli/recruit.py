"""``interview-kit recruit``: the front-end of :mod:`kit.recruit` (the text it prints and its
exit code)."""
from __future__ import annotations

from pathlib import Path

from kit.recruit import RecruitError, recruit

__all__ = ["recruit_command"]


def recruit_command(pool, study, n, seed=0, cooldown=90, repo=None, dry_run=True, today=None) -> tuple[str, int]:
    """``interview-kit recruit POOL.csv --study DIR --n N [--seed S] [--cooldown-days D]
    [--repo R] [--apply]``: a dry run by default, ``--apply`` (``dry_run=False``) writes.
    Returns (text, exit code): 0 done (also when no place is open), 1 problems in the pool
    or the study (``path:line: message``), 2 a usage error (missing file, bad number).
    The text shows ids, segments and reasons, never names or emails."""
    if study is None or not Path(study).is_dir():
        what = "not a folder: give the study folder" if study is not None and Path(study).exists() \
            else "no such study folder"
        return f"interview-kit recruit: {study}: {what}", 2
    if repo is not None and not Path(repo).is_dir():
        return f"interview-kit recruit: {repo}: no such repository folder", 2
    try:
        table = recruit(pool, study, n, seed=seed, cooldown_days=cooldown, repo=repo, today=today, dry_run=dry_run)
    except RecruitError as exc:
        return "\n".join(str(p) for p in exc.problems), 1
    except (ValueError, FileNotFoundError) as exc:
        return f"interview-kit recruit: {exc}", 2
    quotas = table.attrs["open"]
    screened = table.attrs["screened"]
    lines = [str(w) for w in table.attrs["warnings"]]
    lines.append("open places: " + (", ".join(f"{r.segment} {r.open} of {r.quota}" for r in quotas.itertuples())
                                    or "none"))
    skipped = screened[~screened["eligible"]]
    if len(skipped):
        counts = skipped["rule"].value_counts()
        lines.append(f"skipped {len(skipped)} of {len(screened)} in the pool: "
                     + ", ".join(f"{k} ({v})" for k, v in counts.items()))
    if table.attrs.get("capped"):
        lines.append(table.attrs["capped"])
    if not len(table):
        lines.append("nobody to invite: no open place can be filled from this pool")
        return "\n".join(lines), 0
    seg_col = table.attrs["attribute"]
    for rec in table.to_dict("records"):
        lines.append(f"{rec['id']}  {rec[seg_col]}  pool line {rec['pool_line']}: {rec['reason']}")
    if dry_run:
        lines.append(f"dry run: nothing written; add --apply to invite these {len(table)} people "
                     f"(participants.csv, status invited, invited_on {table['invited_on'].iloc[0]})")
    else:
        lines.append(f"added {len(table)} people to {table.attrs['written']} as invited on {table['invited_on'].iloc[0]}")
    return "\n".join(lines), 0
