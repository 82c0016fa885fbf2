"""Test helper: one short interview written in every transcript format that has a speaker's
label or header position, for the tests that read a name in each of them."""
from __future__ import annotations

__all__ = ["INTERVIEWER", "SAID", "every_format"]

#: the interviewer of the interview :func:`every_format` writes
INTERVIEWER = "Priya Shah"
#: the four turns' texts, interviewer and ``name`` in turn
SAID = ["Tell me about it.", "The boiler broke.", "What next?", "Nobody came."]


def every_format(n: str):
    """Yield ``(format, text)``: the same interview (two turns each for the interviewer and
    ``n``, texts :data:`SAID`) in every format with a label or header position."""
    i = INTERVIEWER
    cues = [(i, SAID[0]), (n, SAID[1]), (i, SAID[2]), (n, SAID[3])]
    yield "plain", "".join(f"{who}: {what}\n" for who, what in cues)
    yield "plain-paragraphs", "\n".join(f"{who}: {what}\n" for who, what in cues)
    yield "chat-stamps", "".join(f"[00:00:{t:02d}] {who}: {what}\n" for t, (who, what) in zip((0, 5, 12, 15), cues))
    yield "otter", "\n".join(f"{who}  0:{t:02d}\n{what}\n" for t, (who, what) in zip((0, 5, 12, 15), cues))
    yield "otter-hours", "\n".join(f"{who}  0:00:{t:02d}\n{what}\n" for t, (who, what) in zip((0, 5, 12, 15), cues))
    yield "rev", "".join(f"{who} (00:{t:02d}):\n{what}\n" for t, (who, what) in zip((0, 5, 12, 15), cues))
    yield "rev-inline", "".join(f"{who} (00:{t:02d}): {what}\n" for t, (who, what) in zip((0, 5, 12, 15), cues))
    yield "teams-text", "WEBVTT\n\n" + "\n".join(
        f"{at}\n{who}\n{what}\n" for at, (who, what) in
        zip(("0:0:0.0 --> 0:0:3.510", "0:0:4.0 --> 0:0:6.0", "0:0:7.0 --> 0:0:9.0", "0:0:10.0 --> 0:0:12.0"), cues))
    yield "vtt-voice", "WEBVTT\n\n" + "\n".join(
        f"00:00:{3 * k + min(k, 1):02d}.000 --> 00:00:{3 * k + 3:02d}.000\n<v {who}>{what}</v>\n"
        for k, (who, what) in enumerate(cues))
    yield "vtt-label", "WEBVTT\n\n" + "\n".join(
        f"00:00:{3 * k + min(k, 1):02d}.000 --> 00:00:{3 * k + 3:02d}.000\n{who}: {what}\n"
        for k, (who, what) in enumerate(cues))
    yield "vtt-label-numbered", "WEBVTT\n\n" + "".join(
        f"{k + 1}\n00:00:{2 * k:02d}.000 --> 00:00:{2 * k + 1:02d}.000\n{who}: {what}\n\n"
        for k, (who, what) in enumerate(cues))
    yield "srt", "\n".join(
        f"{k + 1}\n00:00:{3 * k + min(k, 1):02d},000 --> 00:00:{3 * k + 3:02d},000\n{who}: {what}\n"
        for k, (who, what) in enumerate(cues))
    yield "srt-blank-at-end", "".join(f"{k + 1}\n00:00:{2 * k:02d},000 --> 00:00:{2 * k + 1:02d},000\n{who}: {what}\n\n"
                                      for k, (who, what) in enumerate(cues))
