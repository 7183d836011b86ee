"""The question sets written from the seed letters (eval/seeds_dev_qa.yaml and
eval/seeds_dev2_qa.yaml for development;
eval/dev_letters/seeds_unseen_qa.yaml, held out in the third round, now spent;
eval/dev_letters/seeds_unseen2_qa.yaml, held out in the fourth round, now spent;
eval/dev_letters/seeds_unseen3_qa.yaml, held out in the fifth round, now spent;
eval/dev_letters/seeds_unseen4_qa.yaml, held out in the sixth round, now spent;
eval/dev_letters/seeds_unseen5_qa.yaml, held out in the seventh round, now spent;
eval/dev_letters/seeds_unseen6_qa.yaml, held out in the eighth round, now spent;
eval/dev_letters/seeds_unseen7_qa.yaml, held out in the ninth round, now spent;
eval/dev_letters/seeds_unseen8_qa.yaml, held out in the tenth round, now spent;
eval/dev_letters/seeds_unseen9_qa.yaml, held out in the eleventh round, now spent;
eval/dev_letters/seeds_unseen10_qa.yaml, held out in the twelfth round, now spent;
eval/dev_letters/seeds_unseen11_qa.yaml, held out in the thirteenth round, now spent;
eval/dev_letters/seeds_unseen12_qa.yaml, held out in the fourteenth round, now spent;
eval/dev_letters/seeds_unseen13_qa.yaml, held out in the fifteenth round, now spent;
eval/dev_letters/seeds_unseen14_qa.yaml, held out in the sixteenth round, now spent;
eval/dev_letters/seeds_unseen15_qa.yaml, held out in the seventeenth round, now spent;
eval/heldout18/seeds_unseen16_qa.yaml, held out in the eighteenth round) stay usable:
they load, their ids are unique, every expected fact is written in the scorer's normalised form
(otherwise it can never match), every source names a seed letter, and no question repeats one of
../shared/eval/dev_qa.yaml or of the other sets — a repeated question would measure memory, not
generalisation.
Answers are not checked here: the sets are measured with ``troly eval``."""

from __future__ import annotations

import difflib
import re
from collections import Counter
from itertools import combinations
from pathlib import Path

from bot.knowledge.evaluation import EvalItem, load_items, normalise

EVAL = Path(__file__).resolve().parents[2] / "eval"
SHARED = Path(__file__).resolve().parents[3] / "shared"
SEED_SETS = {
    "dev": EVAL / "seeds_dev_qa.yaml",
    "dev2": EVAL / "seeds_dev2_qa.yaml",  # the second development set, written blind to the engine
    "heldout": EVAL / "dev_letters" / "seeds_unseen_qa.yaml",  # the third round, spent
    "heldout4": EVAL / "dev_letters" / "seeds_unseen2_qa.yaml",  # the fourth round, spent
    "heldout5": EVAL / "dev_letters" / "seeds_unseen3_qa.yaml",  # the fifth round, spent
    "heldout6": EVAL / "dev_letters" / "seeds_unseen4_qa.yaml",  # the sixth round, spent
    "heldout7": EVAL / "dev_letters" / "seeds_unseen5_qa.yaml",  # the seventh round, spent
    "heldout8": EVAL / "dev_letters" / "seeds_unseen6_qa.yaml",  # the eighth round, spent
    "heldout9": EVAL / "dev_letters" / "seeds_unseen7_qa.yaml",  # the ninth round, spent
    "heldout10": EVAL / "dev_letters" / "seeds_unseen8_qa.yaml",  # the tenth round, spent
    "heldout11": EVAL / "dev_letters" / "seeds_unseen9_qa.yaml",  # the eleventh round, spent
    "heldout12": EVAL / "dev_letters" / "seeds_unseen10_qa.yaml",  # the twelfth round, spent
    "heldout13": EVAL / "dev_letters" / "seeds_unseen11_qa.yaml",  # the thirteenth round, spent
    "heldout14": EVAL / "dev_letters" / "seeds_unseen12_qa.yaml",  # the fourteenth round, spent
    "heldout15": EVAL / "dev_letters" / "seeds_unseen13_qa.yaml",  # the fifteenth round, spent
    "heldout16": EVAL / "dev_letters" / "seeds_unseen14_qa.yaml",  # the sixteenth round, spent
    "heldout17": EVAL / "dev_letters" / "seeds_unseen15_qa.yaml",  # the seventeenth round, spent
    "heldout18": EVAL / "heldout18" / "seeds_unseen16_qa.yaml",  # the eighteenth round, held out
}
KINDS = {"fact", "steps", "eligibility", "deadline", "contact", "out_of_scope"}


def _sets() -> dict[str, list[EvalItem]]:
    sets = {name: load_items(path) for name, path in SEED_SETS.items()}
    sets["dev_qa"] = load_items(SHARED / "eval" / "dev_qa.yaml")
    return sets


def _bare(question: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", normalise(question)).split())


def test_seed_sets_load_with_unique_ids_and_some_refusals() -> None:
    sets = _sets()
    assert len(sets["dev"]) == 45 and len(sets["heldout"]) == len(sets["heldout4"]) == 35
    assert len(sets["heldout5"]) == len(sets["heldout6"]) == len(sets["heldout7"]) == 40
    assert len(sets["dev2"]) == 70
    ids = [item.id for items in sets.values() for item in items]
    assert len(ids) == len(set(ids))
    for name in SEED_SETS:
        kinds = {item.kind for item in sets[name]}
        assert kinds == KINDS, name


def test_expected_facts_are_written_as_the_scorer_normalises_answers() -> None:
    seeds = {p.name[:3] for p in (SHARED / "seeds").glob("*.txt")}
    for name in SEED_SETS:
        for item in _sets()[name]:
            for alternative in (alt for group in item.must + item.must_not for alt in group):
                assert alternative == normalise(alternative), (item.id, alternative)
            cited = set(item.source.split(","))
            assert cited == {"-"} if item.kind == "out_of_scope" else cited <= seeds, item.id


def test_no_question_repeats_one_of_the_other_sets() -> None:
    questions = {name: [(i.id, _bare(i.q)) for i in items] for name, items in _sets().items()}
    for first, second in combinations(questions, 2):
        for (id_a, a), (id_b, b) in ((x, y) for x in questions[first] for y in questions[second]):
            assert difflib.SequenceMatcher(None, a, b).ratio() < 0.8, (id_a, id_b)


def test_second_development_set_covers_every_letter_and_style_evenly() -> None:
    """Twelve questions per seed letter and ten refusals, in every way users type."""
    items = _sets()["dev2"]
    per_source = Counter(item.source for item in items)
    seeds = sorted(p.name[:3] for p in (SHARED / "seeds").glob("*.txt"))
    assert per_source == {**{seed: 12 for seed in seeds}, "-": 10}
    assert set(Counter(item.style for item in items)) == {
        "dau",
        "khong_dau",
        "viet_tat",
        "loi_go",
        "dai",
    }
