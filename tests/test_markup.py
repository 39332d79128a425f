from __future__ import annotations

import pytest

from factcheck.markup import mask_html, mask_markdown


def test_link_text_is_kept_and_its_markup_blanked() -> None:
    text = "see [the text](http://x.y/z) and ![img](a.png) and [a label][1]."
    masked = mask_markdown(text)
    link, image, label = " the text" + " " * 15, " " * 13, " a label" + " " * 4
    assert masked == f"see {link} and {image} and {label}."
    assert len(masked) == len(text)


def test_an_unclosed_bracket_before_a_link_is_text() -> None:
    # The link opens at the last "[" before its "](": earlier unclosed ones are literal.
    assert mask_markdown("see [a and [b](u)") == "see [a and  b    "


def test_closing_hashes_of_a_heading_are_blanked() -> None:
    assert mask_markdown("## Head ##\n# A #  \n# B") == "   Head   \n  A    \n  B"


@pytest.mark.parametrize("letter", ["\u0130", "\u212a", "\u017f"])
def test_html_offsets_survive_letters_that_lower_case_changes(letter: str) -> None:
    # "İ".lower() is two characters: a lowered copy's offsets are not the text's.
    text = letter * 6 + "<script>x=1</script>Hello <!-- c --> world"
    masked = mask_html(text)
    assert len(masked) == len(text)
    assert masked == letter * 6 + " " * 20 + "Hello" + " " * 12 + "world"
