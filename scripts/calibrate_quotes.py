"""Where should QUOTE_AT (bot/knowledge/letter_index.py) sit?

Answers every dev question from the seed letters alone (no curated entry), with the threshold
off, and prints each question's coverage and whether the quote would pass the item; then, for
each threshold, how many in-scope quotes would be given and pass, and the highest coverage of
an out-of-scope question (weather, salary, tuition), which the threshold must stay above. Run:
``.venv/bin/python scripts/calibrate_quotes.py ../shared/eval/dev_qa.yaml ../shared/seeds``
"""

from __future__ import annotations

import sys
from pathlib import Path

from bot.knowledge import letter_index
from bot.knowledge.engine import Answer
from bot.knowledge.evaluation import load_items, score, vietnamese_gettext
from bot.knowledge.render import render_answer
from bot.services.letters import letters_from_paths


def main(questions: str, seeds: str) -> None:
    threshold = letter_index.QUOTE_AT
    letter_index.QUOTE_AT = 0.0
    index = letter_index.LetterIndex(letters_from_paths([Path(seeds)]))
    _ = vietnamese_gettext()
    rows: list[tuple[float, bool, bool]] = []  # coverage, out of scope, passes
    for item in load_items(questions):
        quote = index.search(item.q)
        if quote is None:
            continue
        passed = score(item, render_answer(Answer("quoted", None, quote.confidence,
                                                  quote=quote), _))[0]
        rows.append((quote.confidence, item.kind == "out_of_scope", passed))
        print(f"{item.id} {item.kind:<13} {quote.confidence:.2f} {'pass' if passed else 'fail'}")
    top_out = max((c for c, out, _p in rows if out), default=0.0)
    print(f"highest out-of-scope coverage: {top_out:.2f} (QUOTE_AT is {threshold})")
    for at in (0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8):
        given = [p for c, out, p in rows if c >= at and not out]
        print(f"at {at:.2f}: {len(given)} in-scope quotes, {sum(given)} pass")


if __name__ == "__main__":
    main(*(sys.argv[1:3] if len(sys.argv) > 2 else
           ("../shared/eval/dev_qa.yaml", "../shared/seeds")))
