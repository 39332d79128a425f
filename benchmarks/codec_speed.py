"""The cache's stored form: the msgpack codec against the generic JSON form.

    python benchmarks/codec_speed.py [--external ../shared/external] [--repeat 5]

Analyses the seeds and, when present, the beats corpora (read where they lie,
never copied), then prints the size of each form and its encode and decode
time per document (best of --repeat). Prints figures, asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from factcheck.documents import load_document
from factcheck.model import Analysis, Document
from factcheck.nlp.extract import analyse_many
from factcheck.nlp.pipeline import load_pipeline
from factcheck.serialize import analysis_from_json, analysis_to_json
from factcheck.storage.codec import decode_analysis, encode_analysis

REPO = Path(__file__).resolve().parent.parent


def corpus_documents(external: Path) -> list[Document]:
    """The seeds and every beat corpus found under ``external``."""
    paths = sorted((REPO / "seeds").glob("*.txt"))
    paths += sorted(external.glob("beats/*/corpus/*.txt"))
    return [load_document(path) for path in paths]


def best(seconds: Callable[[], float], repeat: int) -> float:
    return min(seconds() for _ in range(repeat))


def timed(work: Callable[[], object]) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def compare(analyses: Sequence[Analysis], repeat: int) -> None:
    forms: dict[str, tuple[Callable[[Analysis], bytes], Callable[[bytes], Analysis]]] = {
        "json": (
            lambda a: analysis_to_json(a).encode("utf-8"),
            lambda b: analysis_from_json(b.decode("utf-8")),
        ),
        "msgpack": (encode_analysis, decode_analysis),
    }
    count = len(analyses)
    print(f"{count} analyses, {sum(len(a.tokens) for a in analyses):,} tokens")
    figures: dict[str, tuple[int, float, float]] = {}
    for name, (encode, decode) in forms.items():
        blobs = [encode(a) for a in analyses]
        assert [decode(b) for b in blobs] == list(analyses)
        size = sum(len(b) for b in blobs)
        encode_s = best(lambda: timed(lambda: [encode(a) for a in analyses]), repeat)  # noqa: B023
        decode_s = best(lambda: timed(lambda: [decode(b) for b in blobs]), repeat)  # noqa: B023
        figures[name] = (size, encode_s, decode_s)
        print(
            f"{name:<8} {size / count / 1024:7.1f} KiB/doc  encode {encode_s / count * 1e3:6.2f}"
            f" ms/doc  decode {decode_s / count * 1e3:6.2f} ms/doc"
        )
    json_size, _, json_decode = figures["json"]
    size, _, decode_s = figures["msgpack"]
    print(
        f"msgpack / json: size {size / json_size:.2f}x, decode time {decode_s / json_decode:.2f}x"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    # As the tests find it: FACTCHECK_EXTERNAL, else beside the clone.
    external = os.environ.get("FACTCHECK_EXTERNAL") or REPO.parent / "shared" / "external"
    parser.add_argument("--external", type=Path, default=Path(external))
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    pipeline = load_pipeline()
    print(f"pipeline {pipeline.key}")
    compare(analyse_many(pipeline.nlp, corpus_documents(args.external), pipeline.key), args.repeat)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
