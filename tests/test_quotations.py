from __future__ import annotations

from factcheck.documents import document_from_text
from factcheck.model import Analysis
from factcheck.nlp.extract import analyse
from factcheck.nlp.pipeline import LoadedPipeline


def _analysis(pipeline: LoadedPipeline, text: str) -> Analysis:
    return analyse(pipeline.nlp, document_from_text("draft.txt", text), pipeline.key)


def test_a_quotation_opens_at_the_last_opening_mark(pipeline: LoadedPipeline) -> None:
    # An unclosed "“" is literal: the quotation is what the last one opens.
    text = "He wrote “ and more “cooperation matters” today."
    (quotation,) = _analysis(pipeline, text).quotations
    assert quotation.text == "cooperation matters"
    assert text[quotation.span.start : quotation.span.end] == quotation.text


def test_the_speaker_is_found_in_the_quotation_s_sentence(pipeline: LoadedPipeline) -> None:
    text = "Zhao Leji said “cooperation matters.” Volodin agreed."
    (quotation,) = _analysis(pipeline, text).quotations
    assert quotation.speaker == "Zhao Leji"


def test_each_quotation_gets_its_own_sentence_s_speaker(pipeline: LoadedPipeline) -> None:
    text = 'Zhao Leji said "we agree on this." Later, Volodin said "we agree too."'
    speakers = [q.speaker for q in _analysis(pipeline, text).quotations]
    assert speakers == ["Zhao Leji", "Volodin"]


def _speakers(pipeline: LoadedPipeline, text: str) -> list[str | None]:
    return [q.speaker for q in _analysis(pipeline, text).quotations]


WORDS = "we will build ten new schools in the north"


def test_a_title_with_a_full_stop_is_not_part_of_the_speaker(pipeline: LoadedPipeline) -> None:
    assert _speakers(pipeline, f'"{WORDS}," Mr. Harker said.') == ["Harker"]
    assert _speakers(pipeline, f'Dr. Anna Berg said: "{WORDS}."') == ["Anna Berg"]


def test_said_before_a_role_and_a_name(pipeline: LoadedPipeline) -> None:
    text = f'Tom Reed spoke first. "{WORDS}," said party leader Anna Berg.'
    assert _speakers(pipeline, text) == ["Anna Berg"]


def test_an_organisation_before_the_role_is_not_the_speaker(pipeline: LoadedPipeline) -> None:
    text = f'"{WORDS}," said Velmar Group chairman Petros Anagnou.'
    assert _speakers(pipeline, text) == ["Petros Anagnou"]


def test_the_speaker_before_an_appositive(pipeline: LoadedPipeline) -> None:
    told = f'"{WORDS}," Anna Berg, a lawyer for the Velmar Group, told Judge Reed at the hearing.'
    assert _speakers(pipeline, told) == ["Anna Berg"]
    who = f'Anna Berg, who leads the council, said: "{WORDS}."'
    assert _speakers(pipeline, who) == ["Anna Berg"]
    named = f'A tired coach, Lucien Marot, simply observed: "{WORDS}."'
    assert _speakers(pipeline, named) == ["Lucien Marot"]


def test_a_name_and_a_colon_before_the_quotation(pipeline: LoadedPipeline) -> None:
    assert _speakers(pipeline, f'Mr Harker: "{WORDS}."') == ["Harker"]


def test_he_is_the_one_person_of_the_sentence_before(pipeline: LoadedPipeline) -> None:
    text = (
        f'Mr Harker said: "{WORDS}." He said voters could "punish Mr Reed for his failures" soon.'
    )
    assert _speakers(pipeline, text) == ["Harker", "Harker"]


def test_he_after_two_people_is_no_one(pipeline: LoadedPipeline) -> None:
    text = f'Mr Harker met Mr Reed in Leeds. "{WORDS}," he said. Mr Reed said: "Not so."'
    assert _speakers(pipeline, text) == [None, "Reed"]


def test_a_neighbour_s_speaker_only_without_a_clause_of_its_own(
    pipeline: LoadedPipeline,
) -> None:
    own = f'Anna Berg said: "{WORDS}." Tom Reed said nothing about it.'
    assert _speakers(pipeline, own) == ["Anna Berg"]
    beside = f'Anna Berg spoke at the rally in Leeds.\n\n"{WORDS}." Tom Reed said so too.'
    assert _speakers(pipeline, beside) == ["Tom Reed"]


def test_single_quote_marks_are_quotations_and_apostrophes_are_not(
    pipeline: LoadedPipeline,
) -> None:
    text = f"Mr Harker said: '{WORDS}.' Steve's kick hit the players' bus."
    (quotation,) = _analysis(pipeline, text).quotations
    assert (quotation.text, quotation.speaker) == (f"{WORDS}.", "Harker")


def test_a_quotation_left_open_runs_on_with_its_speaker(pipeline: LoadedPipeline) -> None:
    text = (
        f'Anna Berg said: "{WORDS}. The work starts soon.\n\n'
        '"We also expect the roads to be mended by the spring."\n'
    )
    quotations = _analysis(pipeline, text).quotations
    assert [q.text for q in quotations] == [
        f"{WORDS}. The work starts soon.",
        "We also expect the roads to be mended by the spring.",
    ]
    assert [q.speaker for q in quotations] == ["Anna Berg", "Anna Berg"]


def test_told_x_colon_names_the_listener_not_the_speaker(pipeline: LoadedPipeline) -> None:
    text = f'The panel met in Leeds. They told Radio Leeds: "{WORDS}."'
    assert _speakers(pipeline, text) == [None]


def test_he_is_the_subject_after_a_role_and_a_place(pipeline: LoadedPipeline) -> None:
    text = (
        f'Mr Harker said: "{WORDS}." Leeds coach Tom Reed accepted the side had lost. '
        '"We know we have to play better next time," he said.'
    )
    assert _speakers(pipeline, text) == ["Harker", "Tom Reed"]
