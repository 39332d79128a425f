"""The evaluation harness: how well the checkers find what they should, and only that.

Five suites, each printing its table and timed:

* :mod:`~factcheck.evaluation.injection`: errors injected into corpus sentences,
  with controls that must stay silent, checked with the source document in the
  corpus and held out;
* :mod:`~factcheck.evaluation.leave_one_out`: each corpus document checked
  against the others, against a list of expected disagreements;
* :mod:`~factcheck.evaluation.beats`: real news corpora with drafts carrying
  planted errors, scored as the data's own ``score.py`` scores
  (:mod:`~factcheck.evaluation.beat_scoring`);
* :mod:`~factcheck.evaluation.summedits` and :mod:`~factcheck.evaluation.frank`:
  one article as the corpus, its summaries as drafts, next to a naive
  entity-overlap baseline (:mod:`~factcheck.evaluation.baseline`).

The external data (beats, SummEdits, FRANK) is third-party text kept beside
the clone (``../shared/external``), never in the repository.

Figures are printed and written to JSON, never asserted here: the targets live
in ``tests/test_evaluation.py``, and the ratchet on the external figures
(:mod:`~factcheck.evaluation.ratchet`, ``benchmarks/quality.json``) in
``tests/test_quality_ratchet.py``.
"""
