"""The rule classes added for the gold set, each checked on sentences written for this file."""

from __future__ import annotations

import pytest

from tests.tagging import has
from transforms.tagger import Tagger


@pytest.mark.parametrize(
    "text",
    [
        "At my old bakery we moved the proofing schedule to nights.",
        "In my last job I ran the Saturday rota for twelve people.",
        "My previous post required daily audits of the cold store.",
        "Honestly my forklift safety training would come in handy here.",
        "I've spent four years rebuilding gearboxes.",
        "I have two years retail experience.",
        "Five years auditing payroll taught me a lot.",
        "I could help a lot with rota planning - it's what I do every day.",
        "I'd like to bring that experience to the night desk.",
        "I hold a forklift licence, which matches the warehouse shift you described.",
        "I've written grant bids for three charities.",
        "My welding background feels like a solid match for the role.",
    ],
)
def test_first_person_experience_tied_to_the_work_is_fit(tagger: Tagger, text: str) -> None:
    assert has(tagger, text, "fit_argument")


@pytest.mark.parametrize(
    "text",
    [
        "I have taken the liberty of writing to you.",
        "Two years ago I visited your shop.",
        "In my last email I forgot to attach the form.",
        "My skills and experience would make me a good candidate.",
    ],
)
def test_first_person_without_a_case_is_not_fit(tagger: Tagger, text: str) -> None:
    assert not has(tagger, text, "fit_argument")


@pytest.mark.parametrize(
    "text",
    [
        "Came home wanting this job even more.",
        "I really want to be part of the ward team.",
        "I would be very glad to join the crew.",
        "Really hope I get to work with you all.",
        "I am highly motivated to start.",
        "The night market idea sounds amazing.",
        "Best part of my week, honestly.",
        "Our talk strengthened my interest in the post.",
        "This is exactly the kind of job I have been looking for.",
        "Still buzzing about it!",
        "I'd love the role.",
    ],
)
def test_more_expressions_of_enthusiasm(tagger: Tagger, text: str) -> None:
    assert has(tagger, text, "enthusiasm")


@pytest.mark.parametrize(
    "text",
    ["I want to thank you again.", "I would be happy to send references.", "Sounds good."],
)
def test_politeness_with_similar_words_is_not_enthusiasm(tagger: Tagger, text: str) -> None:
    assert not has(tagger, text, "enthusiasm")


@pytest.mark.parametrize(
    "text",
    [
        "My aunt suggested chocolates, but I decided against sending anything.",
        "I thought about sending flowers but it felt odd.",
        "I loved hearing about the new gift-box range for Easter.",
        "Your shop sells fruit hampers to offices, which I sent a note about.",
    ],
)
def test_hedged_or_topical_gift_is_not_gift(tagger: Tagger, text: str) -> None:
    assert not has(tagger, text, "gift")


def test_gift_in_the_post_is_gift(tagger: Tagger) -> None:
    assert has(tagger, "I've popped some shortbread and a box of chocolates in the post.", "gift")


def test_passing_thanks_to_the_receptionist_is_not_handed(tagger: Tagger) -> None:
    assert not has(tagger, "Please pass my thanks to your receptionist.", "handed_on_exit")


def test_card_popped_in_at_the_desk_is_handed(tagger: Tagger) -> None:
    text = "I popped a card in with the reception desk on my way out."
    assert has(tagger, text, "handed_on_exit")


@pytest.mark.parametrize(
    "text",
    [
        "Thanks for showing me the new tablet press.",
        "The conveyor demo was great.",
        "Thanks for the chat about the winter menu rotation.",
        "Hitting $3m in the first year is bold.",
        "I keep thinking about the issues with Project Lantern.",
        "Thanks for speaking with me about the porter role and the new loading bay.",
    ],
)
def test_more_details_from_the_visit_are_specific(tagger: Tagger, text: str) -> None:
    assert has(tagger, text, "specific_reference")


@pytest.mark.parametrize(
    "text",
    [
        "Thanks so much for your time today Priya!",
        "Sent a little cake over, enjoy :) Fingers crossed!",
        "I have sent you an Amazon gift card.",
        "Thank you for the interview.\n\nx Marta",
        "Thanks for the interview.\nBest,\nSam\n+44 20 7946 0000",
        "I look forward to hearing about the next stage of the process.",
        "Thank you for speaking with me about the Data Analyst role.",
        "I was impressed by everything I learned about your firm.",
        "I enjoyed the interview, particularly given how busy this week is.",
        "I am excited about the new role.",
    ],
)
def test_names_brands_signatures_and_boilerplate_are_not_specific(
    tagger: Tagger, text: str
) -> None:
    assert not has(tagger, text, "specific_reference")
