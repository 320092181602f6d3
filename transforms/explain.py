"""Why a note got its tags: the redacted text with evidence marked, then each feature's reasons."""

from __future__ import annotations

from typing import Any

from transforms.contract import FEATURES

_CONTEXT = 40  # characters shown either side of an evidence span


def format_explanation(
    note: dict[str, Any], tags: dict[str, Any] | None, evidence: list[dict[str, Any]]
) -> str:
    """A plain-text explanation of one note; `tags` is None when the note is not tagged yet."""
    text = note.get("text") or ""
    lines = [
        f"note {note['note_id']}  interview {note['interview_id']}  channel {note['channel']}",
        f"sent {note['sent_at']}  interview ended {note['interview_end']}",
        "",
        text if text.strip() else "(empty note)",
        "",
    ]
    if tags is None:
        return "\n".join([*lines, "not tagged yet: run the pipeline"])
    lines.append(
        f"tagger {tags['tagger_version']}  language {tags['language']}  "
        f"hours to send {tags['hours_to_send']:.1f} ({tags['send_bucket']})"
    )
    for feature in FEATURES:
        value = tags.get(feature)
        shown = "unknown (text not judged)" if value is None else ("yes" if value else "no")
        lines.append(f"  {feature:<20} {shown}")
        for item in (e for e in evidence if e["feature"] == feature):
            lines.append(f"      because {_reason(item, text)}")
    return "\n".join(lines)


def _reason(item: dict[str, Any], text: str) -> str:
    if item["source"] == "metadata":
        return f"metadata {item['fields']} (rule {item['rule']})"
    start, end = int(item["span_start"]), int(item["span_end"])
    before = text[max(0, start - _CONTEXT) : start].replace("\n", " ")
    after = text[end : end + _CONTEXT].replace("\n", " ")
    return f"…{before}[{text[start:end]}]{after}… (rule {item['rule']})"
