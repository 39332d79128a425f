"""The evaluation harness: how well the checkers find what they should, and only that.

Three suites, each printing recall and precision per category and overall:

* :mod:`~factcheck.evaluation.injection`: errors injected into corpus sentences,
  with controls that must stay silent, checked with the source document in the
  corpus and held out;
* :mod:`~factcheck.evaluation.leave_one_out`: each corpus document checked
  against the others, against a list of expected disagreements;
* :mod:`~factcheck.evaluation.frank`: FRANK's CNN/DailyMail validation split,
  next to a naive entity-overlap baseline.

Figures are printed and written to JSON, never asserted here: the targets live
in ``tests/test_evaluation.py``.
"""
