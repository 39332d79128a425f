"""The beats checked against one large archive: retrieval's cost in quality.

    python benchmarks/beats_in_archive.py --archive DIR [--external ../shared/external]
        [--limits 100 30] [--words 20000 0] [--cache-dir DIR]

`factcheck eval --suite beats` checks each beat against its own small corpus,
which is below the retrieval limit and so read whole: it never exercises the
fact index's selection. Here every beat's drafts are checked against one
newsroom archive: the five beats' corpora together and the documents of
``--archive`` (for example the generated ``archive-10000`` of
``benchmarks/archive_scale.py``: variants of the same real texts with their
names and numbers drawn again, the hardest kind of distractor, as they share
the real sentences' wording). The fact index selects at most ``--limits``
documents for each draft, holding at most ``--words`` tokens together (0: no
bound on words), each pair a run. Printed side by side: the beats figures with each
beat's own corpus (as the eval suite), with the five corpora together (no
distractors, read whole), and with the archive at each limit. Prints figures,
asserts nothing. The analyses go to ``--cache-dir`` (by default the archive's
own cache, ``.factcheck_cache`` beside it, so a generated archive is not
analysed twice).
"""

from __future__ import annotations

import argparse
import io
import json
import sys
import time
from pathlib import Path

from factcheck.config import Config, load_config
from factcheck.engine import Engine
from factcheck.evaluation.beat_scoring import read_planted, score_report
from factcheck.evaluation.beats import EXPECTED, Beat, BeatsResult, find_beats
from factcheck.nlp.pipeline import LoadedPipeline, load_pipeline
from factcheck.output.json_format import render_json


def beats_figures(
    config: Config, pipeline: LoadedPipeline, beats: list[Beat], corpus: list[str] | None
) -> tuple[BeatsResult, float]:
    """The beats scored with ``corpus`` for every beat, or each beat's own when None;
    and the seconds a draft took on average."""
    result = BeatsResult()
    engine = None if corpus is None else _engine(config, pipeline, corpus)
    if engine is not None:
        engine.prepare()  # the index sync is not a check's time
    seconds = 0.0
    for beat in beats:
        own = engine or _engine(config, pipeline, [str(p) for p in beat.corpus])
        texts = {p.name: p.read_text(encoding="utf-8") for p in beat.drafts}
        planted = read_planted(beat.folder / EXPECTED, texts)
        started = time.perf_counter()
        report = own.check_paths([str(p) for p in beat.drafts])
        seconds += time.perf_counter() - started
        findings = json.loads(render_json(report))["findings"]
        result.beats[beat.name] = score_report(planted, findings)
        result.drafts += len(beat.drafts)
    return result, seconds / max(result.drafts, 1)


def _engine(config: Config, pipeline: LoadedPipeline, corpus: list[str]) -> Engine:
    return Engine(config, corpus=corpus, pipeline=pipeline, stderr=io.StringIO())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--archive", type=Path, required=True, help="a folder of distractors")
    parser.add_argument("--external", type=Path, default=Path("../shared/external"))
    parser.add_argument("--limits", type=int, nargs="+", default=[100, 30])
    parser.add_argument("--words", type=int, nargs="+", default=[Config.retrieval_words, 0])
    parser.add_argument("--cache-dir", type=Path)
    args = parser.parse_args()
    archive = args.archive.absolute()
    if not archive.is_dir():
        raise SystemExit(f"{archive}: not a folder of documents")
    beats = find_beats(args.external.absolute() / "beats")
    cache = (args.cache_dir or archive.parent / ".factcheck_cache").absolute()
    config = load_config(start=Path.cwd()).replace(cache_dir=cache)
    pipeline = load_pipeline(config.model)
    print(pipeline.description, file=sys.stderr)
    together = [str(beat.folder / "corpus") for beat in beats]
    documents = sum(1 for _ in archive.iterdir())
    runs: list[tuple[str, Config, list[str] | None]] = [
        ("own corpus", config.replace(cache_enabled=False), None),
        ("five corpora", config, together),
    ]
    # 0 words: no bound (more tokens than any archive holds).
    runs += [
        (f"+{documents} docs, {limit} docs, {words or 'any'} words",
         config.replace(retrieval_limit=limit, retrieval_words=words or sys.maxsize),
         [*together, str(archive)])
        for limit in args.limits
        for words in args.words
    ]  # fmt: skip
    print(f"{'corpus':<36} {'recall':>6} {'prec.':>6} {'FPs':>4} {'s/draft':>7}  per category")
    first_misses: set[str] | None = None
    for label, run_config, corpus in runs:
        result, per_draft = beats_figures(run_config, pipeline, beats, corpus)
        total = result.total()
        cells = " ".join(f"{c} {n.found}/{n.planted}" for c, n in total.categories.items())
        print(
            f"{label:<36} {total.recall:>6.2f} {total.precision:>6.2f}"
            f" {len(total.false_positives):>4} {per_draft:>7.2f}  {cells}",
            flush=True,
        )
        for finding in total.false_positives:
            print(f"    false positive: {finding}")
        # What this corpus loses against each beat's own: the cost of the archive.
        if first_misses is None:
            first_misses = set(total.misses)
        for miss in sorted(set(total.misses) - first_misses):
            print(f"    missed here only: {miss}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
