"""How well the introductions engine finds the right person: top-1 and recall at 3.

Reads the labelled set (tests/domain/data/introductions.toml): a pool of people and goals, each
with the people who could rightly be suggested first. Each goal is given to a person of its own
and the engine ranks the whole pool for them. Goals are split by whether they share a word (a
stem, function words aside) with a right answer's skills, headline or organisation.

    .venv/bin/python benchmarks/eval_matching.py            # the engine as the app uses it
    .venv/bin/python benchmarks/eval_matching.py --words    # words only, no topic map
    .venv/bin/python benchmarks/eval_matching.py --misses   # list what it got wrong

`--held` includes the goals marked held out; they were kept out of sight while the topic map
was written, so look at them only to measure, never to tune. Held-out goals written later carry
a batch number: `--batch 8` measures batch 8 alone, `--only-held` the first held-out goals only.
`--leave-out tests/domain/data/held_overlap.txt` takes out of the map the phrases added after
batches 8 and 9 were written that occur in their goals (their strict, lower-bound figures).
`--held --skip-batch 13` measures every goal but batch 13 (kept for the end of a round).

Batches (issue 15m): 13 was written before that round's map changes and never studied, its
honest figure; 14 to 18 were each measured once on first sight (their commit messages give the
figures), then studied for the map's families, like 8 and 9 before them.

A set that carries its own pool of people (tests/domain/data/introductions-19.toml, or one kept
outside the repository) is scored alone: its goals are ranked among its own people only.

    .venv/bin/python benchmarks/eval_matching.py --set tests/domain/data/introductions-19.toml
    .venv/bin/python benchmarks/eval_matching.py --sets     # every such set in the repository
"""

from __future__ import annotations

import argparse
import sys
import tomllib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "domain" / "data"
SET_FILE = DATA / "introductions.toml"


def own_pool_sets() -> list[Path]:
    """The sets kept in the repository that carry their own pool (introductions-NN.toml)."""
    return sorted(DATA.glob("introductions-*.toml"))


@dataclass(frozen=True)
class Case:
    goal: str
    answers: tuple[str, ...]
    held: bool
    shares_word: bool
    batch: int = 0
    """Which later held-out batch a goal belongs to (0: the first held-out goals, or dev)."""


@dataclass(frozen=True)
class Score:
    count: int
    top1: float
    recall3: float


Ranker = Callable[[Any, Sequence[Any]], list[str]]
"""Given the person with the goal and the pool, the ids of suggested people, best first."""


def load_set(path: Path = SET_FILE) -> tuple[list[Any], list[Case]]:
    """The pool as Person records and the goals as cases."""
    import re

    import Stemmer  # type: ignore[import-not-found]

    from brilliance.domain.models import Person

    stemmer = Stemmer.Stemmer("english")
    function_words = {"a", "an", "the", "of", "to", "in", "on", "for", "with", "at", "by", "and"}

    with path.open("rb") as handle:
        data = tomllib.load(handle)
    pool = [Person(**raw) for raw in data["people"]]
    by_id = {p.id: p for p in pool}

    def stems(text: str) -> set[str]:
        found = re.findall(r"[^\W_]+", text.casefold())
        return {stemmer.stemWord(w) for w in found if w not in function_words}

    cases = []
    for raw in data["goals"]:
        goal_stems = stems(raw["goal"])
        shares = False
        for answer in raw["answers"]:
            person = by_id[answer]
            about = " ".join([*person.skills, person.headline, person.organisation])
            shares = shares or bool(goal_stems & stems(about))
        held, batch = raw.get("held", False), raw.get("batch", 0)
        cases.append(Case(raw["goal"], tuple(raw["answers"]), held, shares, batch))
    return pool, cases


def engine_ranker(use_topics: bool = True, leave_out: Path | None = None) -> Ranker:
    """The engine the app uses (or, without the topic map, words only).

    ``leave_out`` names a file of ``label|phrase`` lines: those phrases are taken out of the map.
    """
    try:
        from brilliance.domain.introductions import suggest_introductions
    except ImportError:  # an older checkout: the engine lived in domain/prep.py
        from brilliance.domain.prep import suggest_introductions  # type: ignore[attr-defined,no-redef]

        def old(person: Any, pool: Sequence[Any]) -> list[str]:
            return [i.person.id for i in suggest_introductions(person, pool, set(), limit=3)]

        return old
    from brilliance import assets
    from brilliance.domain.matching import Matcher, TopicMap

    if not use_topics:
        matcher = Matcher()
    elif leave_out is None:
        matcher = assets.matcher()
    else:
        matcher = Matcher(TopicMap.parse(_without(assets.load_toml("topics.toml"), leave_out)))

    def rank(person: Any, pool: Sequence[Any]) -> list[str]:
        return [i.person.id for i in suggest_introductions(person, pool, set(), 3, matcher)]

    return rank


def _without(data: dict[str, Any], leave_out: Path) -> dict[str, Any]:
    gone: dict[str, set[str]] = {}
    for line in leave_out.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            label, phrase = line.split("|", 1)
            gone.setdefault(label, set()).add(phrase.strip())
    return {
        name: {
            label: phrases
            if not isinstance(phrases, str)  # combinations: kept whole
            else ", ".join(p for p in phrases.split(",") if p.strip() not in gone.get(label, ()))
            for label, phrases in section.items()
        }
        for name, section in data.items()
    }


def evaluate(ranker: Ranker, pool: list[Any], cases: list[Case]) -> dict[str, Score]:
    """Top-1 and recall at 3 for goals that share a word with the answer and those that don't."""
    from brilliance.domain.models import Person

    results: dict[str, list[tuple[bool, bool]]] = {"shares a word": [], "no shared word": []}
    for number, case in enumerate(cases):
        person = Person(id=f"query-{number}", name="Query", goals=[case.goal], on_list=True)
        ranked = ranker(person, pool)
        hit1 = bool(ranked) and ranked[0] in case.answers
        hit3 = any(r in case.answers for r in ranked[:3])
        results["shares a word" if case.shares_word else "no shared word"].append((hit1, hit3))
    scores = {}
    for half, hits in results.items():
        n = len(hits) or 1
        scores[half] = Score(len(hits), sum(h[0] for h in hits) / n, sum(h[1] for h in hits) / n)
    return scores


def misses(ranker: Ranker, pool: list[Any], cases: list[Case]) -> list[str]:
    from brilliance.domain.models import Person

    names = {p.id: p.name for p in pool}
    lines = []
    for case in cases:
        person = Person(id="query", name="Query", goals=[case.goal], on_list=True)
        ranked = ranker(person, pool)
        if not ranked or ranked[0] not in case.answers:
            got = ", ".join(names[r] for r in ranked) or "nobody"
            want = ", ".join(names[a] for a in case.answers)
            half = "shares a word" if case.shares_word else "no word"
            lines.append(f"[{half}] {case.goal!r}: got {got}; wanted {want}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--words", action="store_true", help="words only, no topic map")
    parser.add_argument("--held", action="store_true", help="include the held-out goals")
    parser.add_argument("--only-held", action="store_true", help="only the first held-out goals")
    parser.add_argument("--batch", type=int, help="only the held-out goals of this later batch")
    parser.add_argument(
        "--skip-batch", type=int, action="append", default=[], help="leave this batch out"
    )
    parser.add_argument("--src", help="measure the engine of another checkout's src/ folder")
    parser.add_argument("--leave-out", type=Path, help="a file of map phrases to leave out")
    parser.add_argument("--misses", action="store_true", help="list the misses of the chosen goals")
    parser.add_argument(
        "--set",
        type=Path,
        action="append",
        default=[],
        dest="sets",
        metavar="FILE",
        help="score a set with its own pool of people, alone (may be given more than once)",
    )
    parser.add_argument(
        "--sets", action="store_true", dest="all_sets", help="every own-pool set in tests/"
    )
    args = parser.parse_args(argv)
    if args.src:
        sys.path.insert(0, args.src)
    sys.path.insert(1 if args.src else 0, str(ROOT / "src"))
    ranker = engine_ranker(use_topics=not args.words, leave_out=args.leave_out)
    sets = [*args.sets, *(own_pool_sets() if args.all_sets else [])]
    if sets:
        for path in sets:
            pool, cases = load_set(path)
            print(f"{path.name}:")
            report(ranker, pool, cases, args.misses)
        return 0
    pool, cases = load_set()
    if args.batch is not None:
        chosen = [c for c in cases if c.held and c.batch == args.batch]
    elif args.only_held:
        chosen = [c for c in cases if c.held and not c.batch]
    else:
        chosen = [c for c in cases if args.held or not c.held]
    chosen = [c for c in chosen if c.batch not in args.skip_batch]
    report(ranker, pool, chosen, args.misses)
    return 0


def report(ranker: Ranker, pool: list[Any], chosen: list[Case], show_misses: bool) -> None:
    print(f"pool {len(pool)} people, {len(chosen)} goals")
    for half, score in evaluate(ranker, pool, chosen).items():
        print(
            f"  {half:15} n={score.count:3}  top-1 {score.top1:.2f}  recall@3 {score.recall3:.2f}"
        )
    if show_misses:
        for line in misses(ranker, pool, chosen):
            print("  miss:", line)


if __name__ == "__main__":
    raise SystemExit(main())
