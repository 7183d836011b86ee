"""How far ahead must the best entry of an unsure answer be to be given as the answer?

The dev questions are answered confidently in full, so they are shortened (one, two or a
third of their words left out, in turn, or only a beginning or an end kept) until the engine
is unsure; for those, the entry the full question gets is the right one. Prints, for each
margin, how many unsure answers would be given as their best entry and how many of those
would be right. Run:
``.venv/bin/python scripts/calibrate_lead.py ../shared/eval/dev_qa.yaml``
"""

from __future__ import annotations

import sys

from bot.app import default_engine
from bot.knowledge.evaluation import load_items


def _shortened(words: list[str]) -> list[str]:
    out = []
    for gap in (1, 2, max(1, len(words) // 3)):
        out += [" ".join(words[:i] + words[i + gap:]) for i in range(len(words))]
    out += [" ".join(words[:k]) for k in range(2, len(words))]
    out += [" ".join(words[k:]) for k in range(1, len(words) - 1)]
    return out


def main(path: str) -> None:
    engine = default_engine()
    cases: list[tuple[float, bool, str]] = []
    for item in load_items(path):
        full = engine.answer(item.q, role=item.role)
        if full.kind != "confident" or full.entry is None:
            continue
        for short in dict.fromkeys(_shortened(item.q.split())):
            answer = engine.answer(short, role=item.role)
            if answer.kind == "unsure" and answer.entry is not None:
                cases.append((answer.lead, answer.entry.id == full.entry.id, item.id))
    print(f"{len(cases)} unsure answers from {len({c[2] for c in cases})} questions; best entry "
          f"right in {sum(c[1] for c in cases)}")
    for margin in (0.0, 0.1, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5):
        given = [(right, source) for lead, right, source in cases if lead >= margin]
        right = sum(r for r, _ in given)
        share = right / len(given) if given else 0.0
        print(f"lead >= {margin:.2f}: {len(given):3} answered with the best entry (from "
              f"{len({s for _, s in given})} questions), {right:3} right ({share:.0%})")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/eval/dev_qa.yaml")
