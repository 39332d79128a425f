"""Corpora for the fact index tests: a seed article among generated distractors.

Each distractor names a different "Vyacheslav" (so the first name alone does not
single out the seed), a city, a body and a count, from small word pools.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.conftest import SEEDS

SURNAMES = (
    "Petrov", "Smirnov", "Kuznetsov", "Sokolov", "Lebedev", "Kozlov", "Morozov",
    "Volkov", "Solovyov", "Vasiliev", "Zaitsev", "Pavlov", "Semyonov", "Golubev",
)  # fmt: skip
CITIES = ("Kazan", "Samara", "Omsk", "Perm", "Tver", "Tula", "Sochi")
BODIES = ("Central Bank", "Energy Ministry", "Chamber of Commerce", "Railway Board")
VOLODIN_SEED = SEEDS / "001_dbdd5dc0d68218a3.txt"


def distractor(number: int) -> str:
    surname = SURNAMES[number % len(SURNAMES)]
    city = CITIES[number % len(CITIES)]
    body = BODIES[number % len(BODIES)]
    return (
        f"Vyacheslav {surname}, head of the {body}, arrived in {city} on Tuesday.\n\n"
        f"{surname} said the {body} would open its {number % 9 + 2}th regional office "
        f"in {city} next spring, and that trade with neighbouring regions had grown.\n\n"
        f"Local officials welcomed the visit of Vyacheslav {surname} and the plans.\n"
    )


def write_distractors(folder: Path, count: int, *, first: int = 0) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(first, first + count):
        path = folder / f"distractor_{number:04d}.txt"
        path.write_text(distractor(number), encoding="utf-8")
        paths.append(path)
    return paths


def copy_seed(folder: Path, name: str = "volodin.txt") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / name
    shutil.copyfile(VOLODIN_SEED, target)
    return target
