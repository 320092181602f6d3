"""Everyday phrasings the rules must read right: emphatic negation, contractions, hand-overs."""

from __future__ import annotations

import pytest

from tests.tagging import has
from transforms.tagger import Tagger


@pytest.mark.parametrize(
    ("text", "feature"),
    [
        ("I couldn't be more excited about the role.", "enthusiasm"),
        ("I can't tell you how excited I am about the project.", "enthusiasm"),
        ("I'm not just excited, I'm thrilled.", "enthusiasm"),
        ("I have never been more excited about a job.", "enthusiasm"),
        ("I can't thank you enough for the time.", "thanks_only"),
        ("I can't wait for our interview tomorrow.", "prewritten"),
    ],
)
def test_emphatic_negation_does_not_negate(tagger: Tagger, text: str, feature: str) -> None:
    assert has(tagger, text, feature)


@pytest.mark.parametrize(
    ("text", "feature"),
    [
        ("I'm not excited about the commute.", "enthusiasm"),
        ("I didn't send a gift card, just this note.", "gift"),
        ("I don't thank people lightly.", "thanks_only"),
    ],
)
def test_plain_negation_still_negates(tagger: Tagger, text: str, feature: str) -> None:
    assert not has(tagger, text, feature)


@pytest.mark.parametrize(
    "text",
    [
        "There's no place I'd rather work.",
        "Nowhere I’d rather be.",
        "This is the role I have been waiting for.",
        "Honestly the job sounds perfect.",
    ],
)
def test_contractions_and_more_ways_of_enthusiasm(tagger: Tagger, text: str) -> None:
    assert has(tagger, text, "enthusiasm")


def test_i_d_meets_phrases_written_with_would(tagger: Tagger) -> None:
    norms = [t.norm_ for t in tagger.nlp.make_doc("I'd love to, we’d go")]
    assert norms[1] == norms[6] == "would"


@pytest.mark.parametrize(
    "text",
    [
        "I gave this note to the lady at the front desk before I left.",
        "I've left this with the guy on the front desk.",
        "I asked security to pass this on to you.",
        "Hope [NAME] at reception passed this on to you.",
    ],
)
def test_note_left_with_someone_at_the_desk_is_handed(tagger: Tagger, text: str) -> None:
    assert has(tagger, text, "handed_on_exit")


@pytest.mark.parametrize(
    "text",
    [
        "The lady at reception gave me this lanyard.",
        "The receptionist gave me a visitor badge.",
        "Thanks to the team at reception for the coffee.",
    ],
)
def test_the_desk_handing_something_else_is_not_handed(tagger: Tagger, text: str) -> None:
    assert not has(tagger, text, "handed_on_exit")


@pytest.mark.parametrize(
    "text",
    [
        "Thanks for letting me taste the lamb shoulder with the pomegranate glaze.",
        "The sensory room you've just finished is beautiful.",
        "The reading corner shaped like a boat made me smile.",
        "Really enjoyed seeing the spa refurbishment plans.",
        "[NAME] from housekeeping said the biggest headache is the old pool pump.",
        "The case you talked through has stayed with me.",
        "It was interesting to hear that the personalised range is a third of online sales.",
    ],
)
def test_things_shown_or_said_during_the_visit_are_specific(tagger: Tagger, text: str) -> None:
    assert has(tagger, text, "specific_reference")


@pytest.mark.parametrize(
    "text",
    [
        "The interview was lovely and the whole process felt smooth.",
        "Your nursery is gorgeous and I'd love to work there.",
        "Loved the salon vibes!",
        "I really enjoyed the day and would love to join your school.",
        "I have been thinking about it since and the hours would suit me.",
        "Looking forward to meeting you today at 2.",
        "See you at 3 tomorrow for the interview.",
        "Thank you for interviewing me for the Year 4 teacher post.",
        "Thank you for the Class 1 Driver position interview.",
        "I hold a full PCV licence.",
        "My availability is Mon-Wed next week.",
    ],
)
def test_praise_of_the_place_times_titles_and_licences_are_not_specific(
    tagger: Tagger, text: str
) -> None:
    assert not has(tagger, text, "specific_reference")


def test_a_number_of_things_after_at_is_still_specific(tagger: Tagger) -> None:
    assert has(
        tagger, "Your plan to open at 3 sites this spring sounds bold.", "specific_reference"
    )


@pytest.mark.parametrize(
    "text",
    [
        "I've been a senior carer for 6 years.",
        "I planned groupage loads for a Midlands haulier for three years.",
        "I've got my CSCS card and 2 years on groundworks.",
        "I hold a full PCV licence.",
        "I coach a Sunday league youth team.",
        "I've driven multi-drop routes round here.",
    ],
)
def test_more_records_of_work_are_fit(tagger: Tagger, text: str) -> None:
    assert has(tagger, text, "fit_argument")


@pytest.mark.parametrize(
    "text",
    [
        "It's been a long time since I've done an interview.",
        "I've got my fingers crossed.",
        "I have been waiting for 3 weeks.",
    ],
)
def test_first_person_small_talk_is_not_fit(tagger: Tagger, text: str) -> None:
    assert not has(tagger, text, "fit_argument")


@pytest.mark.parametrize(
    "text",
    [
        "Your description of the family group conferencing pilot stayed with me.",
        "Your foreman's point about the staircases on plot 14 stuck with me.",
        "Thanks for the chat about the Leicester hub opening.",
        "It was great to see the new kitchen.",
    ],
)
def test_descriptions_and_points_made_there_are_specific(tagger: Tagger, text: str) -> None:
    assert has(tagger, text, "specific_reference")


@pytest.mark.parametrize(
    "text",
    [
        "I'd love to be involved.",
        "I would really love to bring my laminated doughs to your breakfast service.",
        "Really looking forward to it!",
        "The induction you described sounds great.",
        "Would be well up for the job.",
        "Really hope I get the job!",
    ],
)
def test_everyday_enthusiasm(tagger: Tagger, text: str) -> None:
    assert has(tagger, text, "enthusiasm")


@pytest.mark.parametrize(
    "text",
    ["I would love to hear from you.", "I look forward to hearing from you."],
)
def test_waiting_for_a_reply_is_not_enthusiasm(tagger: Tagger, text: str) -> None:
    assert not has(tagger, text, "enthusiasm")


@pytest.mark.parametrize(
    "text",
    [
        "I've dropped some cupcakes in for the staff room as a little thank you.",
        "I brought a tray of flapjacks for the staff room.",
        "I've arranged for some sandwiches to be delivered to the staff room on Friday.",
        "Sent u a lil something for the salon!",
    ],
)
def test_more_gifts_and_ways_of_delivering_them(tagger: Tagger, text: str) -> None:
    assert has(tagger, text, "gift")


def test_a_gift_someone_else_told_you_to_send_is_not_a_gift(tagger: Tagger) -> None:
    text = "My sister told me to send a box of chocolates but I thought better of it."
    assert not has(tagger, text, "gift")


@pytest.mark.parametrize(
    "text",
    [
        "Your comment that the cohort data has never been linked has stayed with me.",
        "Thanks for being so open about the time-to-hire problem.",
        "Thanks for the honest answer about the backlog of open tickets.",
    ],
)
def test_their_remarks_in_other_words_are_specific(tagger: Tagger, text: str) -> None:
    assert has(tagger, text, "specific_reference")


@pytest.mark.parametrize(
    "text",
    [
        "I especially enjoyed our discussion about [insert topic discussed].",
        "I valued the insight into the organisation and remain interested in the position.",
        "Thanks for fitting me in during Q4 planning.",
        "I have sent a GBP 20 Amazon voucher for the coffee fund.",
    ],
)
def test_template_fields_and_the_candidates_own_amounts_are_not_specific(
    tagger: Tagger, text: str
) -> None:
    assert not has(tagger, text, "specific_reference")


@pytest.mark.parametrize(
    "text",
    [
        "My thesis work on structured pruning addresses a related problem.",
        "I was the BIM coordinator for the MEP package on a hospital extension.",
    ],
)
def test_research_and_past_roles_are_fit(tagger: Tagger, text: str) -> None:
    assert has(tagger, text, "fit_argument")


@pytest.mark.parametrize(
    "text",
    [
        "I am confident that my background would make me a strong fit.",
        "I baked the team a batch of cookies.",
        "I wrote this in the lift!",
    ],
)
def test_claims_and_gifts_are_not_fit(tagger: Tagger, text: str) -> None:
    assert not has(tagger, text, "fit_argument")


@pytest.mark.parametrize(
    "text",
    [
        "I've ordered you a copy, it should arrive Thursday.",
        "I baked the team a batch of cookies and I'll drop them off tomorrow.",
    ],
)
def test_things_bought_or_made_for_them_are_gifts(tagger: Tagger, text: str) -> None:
    assert has(tagger, text, "gift")


@pytest.mark.parametrize(
    "text",
    [
        "I toyed with the idea of sending a bottle of something.",
        "I was passing on my lunch break, so I have dropped this in.",
    ],
)
def test_idle_thoughts_and_lunch_breaks_are_not_gifts(tagger: Tagger, text: str) -> None:
    assert not has(tagger, text, "gift")


@pytest.mark.parametrize(
    "text",
    [
        "I'm thrilled at the prospect of joining INSERT COMPANY NAME.",
        "Thank you for meeting with me on XXX.",
    ],
)
def test_capital_letter_template_fields_are_placeholders(tagger: Tagger, text: str) -> None:
    assert has(tagger, text, "prewritten")


def test_note_handed_to_a_named_person_at_reception_is_handed(tagger: Tagger) -> None:
    text = "As I left I handed a printed version of this note to Tom at reception."
    assert has(tagger, text, "handed_on_exit")


@pytest.mark.parametrize(
    "text",
    [
        "Kindly accept the small gift of plantain chips I sent along with this letter.",
        "I also left some ensaymada for the staff, I hope you like it.",
        "Left u some energy drinks w the guy at the gate lol.",
        "I have sent some chin-chin and a card to your office as a small appreciation.",
    ],
)
def test_anything_left_or_sent_for_them_is_a_gift(tagger: Tagger, text: str) -> None:
    assert has(tagger, text, "gift")


@pytest.mark.parametrize(
    "text",
    [
        "Thank you for the gift of your time.",
        "I sent some examples of my work last week.",
    ],
)
def test_figurative_gifts_and_work_samples_are_not_gifts(tagger: Tagger, text: str) -> None:
    assert not has(tagger, text, "gift")


@pytest.mark.parametrize(
    "text",
    [
        "Thanks in advance for Thursday's interview.",
        "I will be attending the interview on 14th at 11 AM as scheduled.",
        "Thank you for the interview we will have today at 11 am.",
        "Dear [Hiring Manager's Name], thank you.",
    ],
)
def test_more_ways_to_write_before_the_interview(tagger: Tagger, text: str) -> None:
    assert has(tagger, text, "prewritten")


def test_a_name_in_brackets_is_not_a_placeholder(tagger: Tagger) -> None:
    assert not has(tagger, "I loved the [Project Aurora] moodboards.", "prewritten")


@pytest.mark.parametrize(
    "text",
    [
        "I have given this letter at the security gate while going out.",
        "I have submitted this letter at the reception before leaving the premises.",
        "Gave the lassie on reception a wee note for you on my way out.",
        "Left a wee succulent and this card with your receptionist as I was heading off.",
        "Left this with the lad on the security desk going out.",
    ],
)
def test_more_ways_to_leave_the_note_at_the_desk(tagger: Tagger, text: str) -> None:
    assert has(tagger, text, "handed_on_exit")


@pytest.mark.parametrize(
    "text",
    [
        "It is my dream to work in your hospital.",
        "I really hope I get the chance to join your team.",
        "I'd really like to bring that approach to your team.",
        "I would count it a privilege to look after your residents.",
        "lowkey obsessed with this role now",
        "rlly rlly want this",
        "Mad for the job.",
    ],
)
def test_enthusiasm_in_many_voices(tagger: Tagger, text: str) -> None:
    assert has(tagger, text, "enthusiasm")


def test_would_like_to_thank_is_not_enthusiasm(tagger: Tagger) -> None:
    assert not has(tagger, "I would like to thank you for your time.", "enthusiasm")


@pytest.mark.parametrize(
    "text",
    [
        "Re the ladder pitch you watched me fumble, I've practised it every evening.",
        "Thanks for the question on water rescue cover at the reservoir.",
        "Loved meeting Biscuit the practice cat!",
        "The dbt incremental model horror story was hilarious.",
        "Thanks for the frank discussion of the change to the evacuation policy.",
        "Thanks for the deep dive into the pricing experiment.",
        "Your burrata with the charred peaches is still on my mind.",
        "I like very much the pipe bending machine you show me.",
        "It was great to hear how the branch is moving to appointment-only meetings.",
        "Re the 40-minute lag on late events: at [NAME] I cut a similar lag to 6 minutes.",
    ],
)
def test_details_of_the_day_in_more_words_are_specific(tagger: Tagger, text: str) -> None:
    assert has(tagger, text, "specific_reference")


@pytest.mark.parametrize(
    "text",
    [
        "I've sent over a little box of Tony's Chocolonely for the team as a thank you.",
        "I am looking forward to discussing my application for the Social Worker role.",
        "I look forward to seeing the cell culture suite at 2pm today.",
        "Thank you for the invitation to the Cabin Crew recruitment day.",
    ],
)
def test_gift_brands_and_things_still_to_come_are_not_specific(tagger: Tagger, text: str) -> None:
    assert not has(tagger, text, "specific_reference")


@pytest.mark.parametrize(
    ("text", "feature"),
    [
        ("I was a beach lifeguard for four summers.", "fit_argument"),
        ("Been doing second fix 9 yrs, stairs and sash windows mostly.", "fit_argument"),
        (
            "did my PCV test on an electric single decker so i know the regen braking",
            "fit_argument",
        ),
        ("ive got my CSCS card", "fit_argument"),
        ("I catalogued a similar run of estate maps at the record office.", "fit_argument"),
        ("cheers chef", "thanks_only"),
        ("Would love to drive one.", "enthusiasm"),
        ("Really hope to get behind the wheel for you!", "enthusiasm"),
        ("I have wanted to fly with you since I was little.", "enthusiasm"),
        ("I want so much to be part of your crew.", "enthusiasm"),
        ("I have posted you a copy of The Library Book as a small thank-you.", "gift"),
        ("Sending some Krispy Kremes to the office for the squad tomorrow.", "gift"),
        ("I left a small pot of snowdrops with the lady at the reception desk.", "gift"),
        ("A quick note ahead of today's interview to thank you for the invitation.", "prewritten"),
        ("Thanks in advance for fitting me in for the trial later today!", "prewritten"),
        ("Dear Hiring Manager at [Airline Name], thank you.", "prewritten"),
    ],
)
def test_phrasings_found_in_new_notes(tagger: Tagger, text: str, feature: str) -> None:
    assert has(tagger, text, feature)


@pytest.mark.parametrize(
    ("text", "feature"),
    [
        ("ill bring my boots", "fit_argument"),
        ("I would have brought biscuits for the team, but the rules are strict.", "gift"),
        ("I would love to hear from you.", "enthusiasm"),
        ("I've sent this card as a thank you.", "gift"),
    ],
)
def test_look_alikes_found_in_new_notes(tagger: Tagger, text: str, feature: str) -> None:
    assert not has(tagger, text, feature)


def test_a_quoted_earlier_message_is_not_the_writers(tagger: Tagger) -> None:
    text = (
        "Thanks for showing me the studio.\n\nOn Tue 4 Mar 2025 at 09:15, [NAME] <[EMAIL]> "
        "wrote:\n> Just confirming your interview today at 2pm. Looking forward to meeting you."
    )
    assert not has(tagger, text, "prewritten")


def test_a_forwarded_note_is_still_read(tagger: Tagger) -> None:
    text = (
        "Forwarding the note I sent in case it didn't reach you.\n---------- Forwarded message "
        "---------\nFrom: [NAME] <[EMAIL]>\nDate: Wed, 21 May 2025\n\nDear [NAME],\nThank you "
        "for meeting me today."
    )
    assert has(tagger, text, "thanks_only")


@pytest.mark.parametrize(
    "text",
    [
        "I enjoyed learning more about the team and I am confident my skills fit.",
        "It was a pleasure to learn more about the role and the values that drive your team.",
        "11 yrs class 1, ADR, clean licence, happy on nights.",
        "I'm so sorry for being late, the A14 was closed at Huntingdon.",
        "good chat today [NAME]. speak soon, JP",
        "Dear [NAME], Further to our interview on Monday, thank you.",
        "Thank you for inviting me to interview for the Physiotherapist (Band 6) post.",
        "I look forward to telling you more about my MSK outpatient experience.",
    ],
)
def test_more_vague_notes_are_not_specific(tagger: Tagger, text: str) -> None:
    assert not has(tagger, text, "specific_reference")


@pytest.mark.parametrize(
    "text",
    [
        "Great to chat through the warehouse management system migration.",
        "Good to hear the plan for moving the bus depot to Eastfield.",
        "Still grinning about the flight sim session.",
        "They asked a lot about the claims backlog.",
        "Your points about the autumn fixture list were really useful.",
        "The book I mentioned, on kanban for hospitals, is in the post to you.",
        "Thank you for the model-making workshop tour.",
    ],
)
def test_more_talk_of_the_day_is_specific(tagger: Tagger, text: str) -> None:
    assert has(tagger, text, "specific_reference")


@pytest.mark.parametrize(
    ("text", "feature"),
    [
        ("I've emailed over a £20 Costa gift card for the team as a small thank you.", "gift"),
        ("Sending a few bags of our roastery's beans your way!", "gift"),
        ("Leaving a little lemon drizzle at reception for the kitchen team.", "gift"),
        ("I'll bring some sourdough for the team.", "gift"),
        ("I've put £40 behind the counter so the team can have lunch on me.", "gift"),
        ("Thanks for fitting me in tomorrow at 10, see you then!", "prewritten"),
        ("Thanks for the invitation, see you at 2pm!", "prewritten"),
        ("Just a quick note ahead of our call later.", "prewritten"),
        ("Thank you for seeing me later today.", "prewritten"),
        ("I came home and told my partner I'd found the job I want.", "enthusiasm"),
        ("I gave the security guard at the gate an envelope for you as I was driving out.",
         "handed_on_exit"),
    ],
)  # fmt: skip
def test_phrasings_found_in_rambling_notes(tagger: Tagger, text: str, feature: str) -> None:
    assert has(tagger, text, feature)


@pytest.mark.parametrize(
    ("text", "feature"),
    [
        ("I did think about sending the team some doughnuts, but you're getting words.", "gift"),
        ("I'd love to help with the Mother's Day gift bouquets rush.", "gift"),
        ("Next coffee's on me if I get the job haha", "gift"),
        ("Keen to hear back.", "enthusiasm"),
        ("I leave on the reception a small box of baklava for the team.", "handed_on_exit"),
    ],
)
def test_look_alikes_found_in_rambling_notes(tagger: Tagger, text: str, feature: str) -> None:
    assert not has(tagger, text, feature)


@pytest.mark.parametrize(
    ("text", "feature", "expected"),
    [
        ("Re the client you couldn't name — I've worked with two big supermarkets.",
         "fit_argument", True),
        ("I've been the sole maintainer of an open-source Rust CLI.", "fit_argument", True),
        ("Quick one: the rota software you mentioned is Rotacloud. Used it for 3 years.",
         "fit_argument", True),
        ("I did exactly this split for a 40,000-life scheme.", "fit_argument", True),
        ("Left with the concierge downstairs as I headed out.", "fit_argument", False),
        ("I'll bring my tool kit and references.", "fit_argument", False),
        ("I'll bring some sourdough for the team.", "fit_argument", False),
        ("I'm very excited about the Programme Manager role.", "specific_reference", False),
        ("Lunch is on me — thanks for the grilling on the IFRS 16 lease question!",
         "specific_reference", True),
    ],
)  # fmt: skip
def test_clauses_across_dashes(tagger: Tagger, text: str, feature: str, expected: bool) -> None:
    assert has(tagger, text, feature) is expected


@pytest.mark.parametrize(
    ("text", "feature", "expected"),
    [
        ("Thank you for explaining so clearly why the smart meter roll-out has slipped.",
         "specific_reference", True),
        ("Thanks for the honest picture of how stretched the enforcement team is.",
         "specific_reference", True),
        ("The numerical reasoning test with the budget tables was more difficult than I expected.",
         "specific_reference", True),
        ("As you suggested, I've asked my former director to act as a referee.",
         "specific_reference", True),
        ("Thank you for the interview for the [Job Title] position at [Company].",
         "specific_reference", False),
        ("Thank you for the interview for the position of Finance Business Partner.",
         "specific_reference", False),
        ("[Ref: 2024/117] Interview follow-up. Thank you.", "specific_reference", False),
        ("At [NAME] Hospice I took it from 61% to 78% by moving the form.", "fit_argument", True),
        ("My own SME cyber book grew from £2m to £7m GWP in three years.", "fit_argument", True),
        ("I am confident that my experience makes me an ideal candidate.", "fit_argument", False),
        ("I'll bring some Welsh cakes for the panel when I'm back.", "gift", True),
        ("I wanted to bring you some sweets, but my friend told me it is not usual.", "gift",
         False),
        ("If I were allowed, I'd send the whole panel a cake!", "gift", False),
        ("Dear [Panel Chair], thank you.", "prewritten", True),
        ("Thank you for the interview today for the role at %COMPANY%.", "prewritten", True),
        ("I'm really looking forward to Wednesday's interview.", "prewritten", True),
        ("Thank you so much for the opportunity to interview this Thursday!", "prewritten",
         True),
    ],
)  # fmt: skip
def test_phrasings_from_panel_interviews(
    tagger: Tagger, text: str, feature: str, expected: bool
) -> None:
    assert has(tagger, text, feature) is expected


@pytest.mark.parametrize(
    ("text", "feature", "expected"),
    [
        ("Breaking down the whole lamb with [NAME] was the best part.", "specific_reference",
         True),
        ("I enjoyed working through the churn query with you.", "specific_reference", True),
        ("I appreciated the chance to cook the mushroom risotto for you.", "specific_reference",
         True),
        ("On the way out [NAME] told me about the packaging refresh.", "specific_reference",
         True),
        ("You picked out the black-and-white wedding set.", "specific_reference", True),
        ("Your offices are beautiful and the view is something else!", "specific_reference",
         False),
        ("I write to thank you for the courtesy you showed me at interview.",
         "specific_reference", False),
        ("You had me at hello - where do I sign?", "specific_reference", False),
        ("You had me at hello - where do I sign?", "enthusiasm", True),
        ("Sorry, that storm was something else.", "specific_reference", False),
        ("I'm writing ahead of our meeting tomorrow at 10 to say thank you.",
         "specific_reference", False),
        ("The migration sounds like a fun problem.", "enthusiasm", True),
        ("I will be very happy to drive for your company.", "enthusiasm", True),
        ("Really nice to meet you and I hope I get to see you again soon.", "enthusiasm", False),
    ],
)  # fmt: skip
def test_phrasings_from_plain_notes(
    tagger: Tagger, text: str, feature: str, expected: bool
) -> None:
    assert has(tagger, text, feature) is expected


@pytest.mark.parametrize(
    ("text", "feature", "expected"),
    [
        ("Thank you for interviewing me for the ____ position. I appreciated the opportunity to "
         "learn about ____.", "specific_reference", False),
        ("I was particularly impressed by your company's commitment to sustainability.",
         "specific_reference", False),
        ("Cheers for the chat re the festival bar gig.", "specific_reference", False),
        ("I'm sure we will have a great conversation about my branding project.",
         "specific_reference", False),
        ("Thank you for the interview for the Administrative Assistant position at Maple Ridge "
         "Dental.", "specific_reference", False),
        ("Loved getting my hands on the La Marzocco!", "specific_reference", True),
        ("Thank you for telling me about the Friday youth café in the old bus depot.",
         "specific_reference", True),
        ("Good luck with the forklift inspection tmrw!", "specific_reference", True),
        ("Cool that the store does barista training in-house.", "specific_reference", True),
        ("The sunflowers reminded me of the mural in your foyer.", "specific_reference", True),
    ],
)  # fmt: skip
def test_phrasings_from_careers_service_notes(
    tagger: Tagger, text: str, feature: str, expected: bool
) -> None:
    assert has(tagger, text, feature) is expected


@pytest.mark.parametrize(
    ("text", "feature", "expected"),
    [
        ("My master's dissertation modelled subsidy take-up among small farms.", "fit_argument",
         True),
        ("My MEng project modelled a similar scheme.", "fit_argument", True),
        ("I've finished my pre-apprenticeship at Red River College.", "fit_argument", True),
        ("I'll bring my CSCS card as asked.", "fit_argument", False),
        ("I believe my experience would be an asset.", "fit_argument", False),
        ("I've done a lot of reading on your new loyalty app.", "fit_argument", False),
        ("ta for the interview", "thanks_only", True),
    ],
)  # fmt: skip
def test_degrees_projects_and_claims(
    tagger: Tagger, text: str, feature: str, expected: bool
) -> None:
    assert has(tagger, text, feature) is expected


@pytest.mark.parametrize(
    ("text", "feature", "expected"),
    [
        ("I've mailed a little thank-you package to the camp office.", "gift", True),
        ("I was the BIM coordinator for the MEP package; I brought the clash count down.",
         "gift", False),
        ("Only a third of shop donors sign the Gift Aid declaration, money left on the table.",
         "gift", False),
        ("My mom insisted I send you a fruit basket, but a follow-up is more useful.", "gift",
         False),
        ("Writing this in your waiting room before we meet!", "prewritten", True),
        ("I'm sure the interview will go well.", "prewritten", True),
        ("I handed a printed copy of my portfolio and a thank-you card to the security desk on "
         "my way out.", "handed_on_exit", True),
    ],
)  # fmt: skip
def test_packages_gift_aid_waiting_rooms(
    tagger: Tagger, text: str, feature: str, expected: bool
) -> None:
    assert has(tagger, text, feature) is expected


@pytest.mark.parametrize(
    ("text", "feature", "expected"),
    [
        ("I was pleased to learn about the responsibilities of the position and I believe I "
         "would be a great addition.", "specific_reference", False),
        ("I was also impressed by the warm welcome.", "specific_reference", False),
        ("Please find my portfolio attached (see the attached PDF).", "specific_reference",
         False),
        ("Looking forward to meeting you today at 2pm to chat about the SDR opening!",
         "specific_reference", False),
        ("I didn't realise the museum shop was run entirely by volunteers.",
         "specific_reference", True),
        ("Thank you for the walk-through of the reporting suite.", "specific_reference", True),
        ("I had such a lovely time chatting about the balayage course.", "specific_reference",
         True),
        ("The timber-frame extension you are putting up there is fine work.",
         "specific_reference", True),
        ("The little vinyl corner and the cake cabinet made my day.", "specific_reference",
         True),
        ("I adored the winter wreath workshop idea.", "specific_reference", True),
        ("Great to connect after the interview about the Leeds store opening.",
         "specific_reference", True),
    ],
)  # fmt: skip
def test_phrasings_from_small_employers(
    tagger: Tagger, text: str, feature: str, expected: bool
) -> None:
    assert has(tagger, text, feature) is expected


def test_a_note_repeating_a_sentence_keeps_a_bounded_number_of_cues(tagger: Tagger) -> None:
    from transforms.tagger.components import MAX_CUES_PER_LABEL, CueMatcher

    text = "I sent flowers. " * 1000
    matcher = next(p for _, p in tagger.nlp.pipeline if isinstance(p, CueMatcher))
    cues = matcher.find_many([tagger.nlp.make_doc(text)], [text])[0]
    assert 0 < len(cues["GIFT_ITEM"]) <= MAX_CUES_PER_LABEL
    assert has(tagger, text, "gift")


@pytest.mark.parametrize(
    "text",
    ["1" * 20_000, "see you at " + "9" * 5_000, "[" * 20_000, "_" * 20_000, '"' * 20_000],
)
def test_malformed_notes_are_tagged_not_refused(tagger: Tagger, text: str) -> None:
    # a 20,000-digit number once broke int(); long punctuation runs are blanked for the tokenizer
    tags = tagger.tag_texts([text])[0]
    assert tags.language in {"en", "und"} and tags.features["gift"] is False


def test_blanking_a_punctuation_run_keeps_offsets(tagger: Tagger) -> None:
    text = "#" * 40 + " Thank you for showing me the new mass spectrometer."
    evidence = [e for e in tagger.tag_texts([text])[0].evidence if e.feature == "thanks_only"]
    assert [text[e.start : e.end] for e in evidence] == ["Thank"]


@pytest.mark.parametrize(
    "text",
    [
        "Thank you for showing me around your impressive facility yesterday.",
        "Thanks for the interview. I was impressed by the strong team culture.",
        "Thanks for the tour of the kitchens this morning.",
        "Thanks for today, the showroom is stunning.",
        "I found the discussion informative and useful.",
        "Thanks for interviewing me for the Driver/Porter position.",
        "Thanks for the interview. That said, I'm keen to hear back.",
        "Thanks for meeting me. That was a great chat.",
    ],
)
def test_praise_of_the_workplace_or_its_people_is_not_specific(tagger: Tagger, text: str) -> None:
    assert not has(tagger, text, "specific_reference")


@pytest.mark.parametrize(
    "text",
    [
        "Thanks for today. That forklift you're replacing is a beast.",
        "Thanks! Your parking-permit rant was very relatable.",
        "Watching how the sous chef portioned the halibut was a highlight.",
        "I keep thinking about the problem with the pallets arriving damaged.",
        "Thanks for the chat, I reckon it's the thermostat wiring like I said.",
        "Thanks for having me. That pallet wrapper by the loading door wants replacing.",
        "cheers for today. those new ovens tho",
    ],
)
def test_informal_details_of_the_visit_are_specific(tagger: Tagger, text: str) -> None:
    assert has(tagger, text, "specific_reference")


@pytest.mark.parametrize(
    "text",
    [
        "I did three summers at Center Parcs on the lifeguard team.",
        "At Lidl I trained eleven new starters.",
        "I have warehouse experience from two peak seasons.",
        "I was supervising a team of six at the depot.",
        "I've been baking sourdough for years.",
        "My nursing backround would help on the ward.",
        "Five years in lettings taught me the area.",
    ],
)
def test_more_forms_of_the_candidates_record_are_fit(tagger: Tagger, text: str) -> None:
    assert has(tagger, text, "fit_argument")


@pytest.mark.parametrize(
    "text",
    [
        "I have no warehouse experience but I learn fast.",
        "I did the interview at Head Office.",
        "I was supervising to make sure nothing went wrong.",
    ],
)
def test_near_misses_of_the_record_are_not_fit(tagger: Tagger, text: str) -> None:
    assert not has(tagger, text, "fit_argument")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It would be an honour to join the crew.", True),
        ("Would be brilliant to work with you all.", True),
        ("I'd really enjoy working on the wards.", True),
        ("Really want in!", True),
        ("It would be great to hear back soon.", False),
    ],
)
def test_would_be_great_to_join_is_enthusiasm(tagger: Tagger, text: str, expected: bool) -> None:
    assert has(tagger, text, "enthusiasm") is expected


@pytest.mark.parametrize(
    "text",
    [
        "I've dropped off a loaf of banana bread for the team.",
        "I baked some flapjacks for the residents, I hope they enjoy them.",
    ],
)
def test_food_left_for_them_is_a_gift_not_a_record(tagger: Tagger, text: str) -> None:
    assert has(tagger, text, "gift") and not has(tagger, text, "fit_argument")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I've made a small donation in your team's name to the food bank.", True),
        ("There's a tin of shortbread with this card for the staff room.", True),
        ("I knitted a little hat for the baby and posted it to the office.", True),
        ("Please accept this note as a small token of my thanks.", False),
        ("I grew Gift Aid on donated goods to 40% of sales.", False),
    ],
)
def test_donations_and_things_with_the_card_are_gifts(
    tagger: Tagger, text: str, expected: bool
) -> None:
    assert has(tagger, text, "gift") is expected


def test_text_speak_digits_are_not_numbers_from_the_conversation(tagger: Tagger) -> None:
    assert not has(
        tagger, "thank u so much 4 the intervew, hope 2 hear from u", "specific_reference"
    )


def test_redacted_names_do_not_end_the_topic(tagger: Tagger) -> None:
    text = "Thanks for introducing me to [NAME] from the data platform team."
    assert has(tagger, text, "specific_reference")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Thanks for the interview! Hope the puppy is settling in ok :)", True),
        ("Thanks for today. On the forecasting question, I built a similar model.", True),
        ("Thanks! Still can't believe you've got a slide between floors.", True),
        ("Thanks! The lemon ones are the recipe I told you about.", True),
        ("Thank you for seeing me. I hope the interview went as well for you as for me!", False),
        ("I've left some cookies at reception, hope the cookies go down well!", False),
        ("Thanks for your time. On the interview question about teamwork, I stand by it.", False),
    ],
)
def test_their_news_and_named_questions_are_specific(
    tagger: Tagger, text: str, expected: bool
) -> None:
    assert has(tagger, text, "specific_reference") is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Thank you for the opportunity to interview this Wednesday.", True),
        ("Thank you for the opportunity to interview on Wednesday.", False),
        (
            "Thank you for the opportunity to interview on Wednesday. I found the discussion "
            "about the bus franchising consultation engaging.",
            False,
        ),
        ("Thanks for seeing me this afternoon! You said the night shift is short-staffed.", False),
    ],
)
def test_a_visit_told_in_the_past_was_not_still_to_come(
    tagger: Tagger, text: str, expected: bool
) -> None:
    assert has(tagger, text, "prewritten") is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Thanks for the insight into how the marketing team works day to day.", False),
        ("Thank you for our conversation about the Senior Engineer position at Monzo.", False),
        ("Thanks for discussing the Relationship Manager role in Barclays' SME team.", False),
        ("Thank you for the interview today for Data Entry Clerk.", False),
        ("Thanks. Your point about the importance of communication resonated with me.", False),
        ("Thanks. Hearing you talk about the organisation's mission reminded me why.", False),
        ("Thanks! Your point about the nine-day month-end close stuck with me.", True),
        ("You were very open that month-end close currently takes nine working days.", True),
        ("Your story about the guest who checked in with a pet cockatoo made me laugh.", True),
    ],
)
def test_office_notes_on_the_generic_border(tagger: Tagger, text: str, expected: bool) -> None:
    assert has(tagger, text, "specific_reference") is expected


@pytest.mark.parametrize(
    ("text", "feature", "expected"),
    [
        ("Thank you. I think I can contribute a lot to your hospital.", "fit_argument", False),
        ("Thank you. I think I can contribute a lot to your hospital.", "thanks_only", True),
        ("At Skyscanner I moved a nightly Spark job to incremental loads.", "fit_argument", True),
        ("I went through a Workday rollout at Boots as the HR systems lead.", "fit_argument", True),
        (
            "Thank you for interviewing me for the Receptionist and Administrator role.",
            "specific_reference",
            False,
        ),
        (
            "Thanks for meeting me regarding the UX Researcher role at the BBC. I enjoyed it.",
            "specific_reference",
            False,
        ),
    ],
)
def test_claims_records_and_titles_in_office_notes(
    tagger: Tagger, text: str, feature: str, expected: bool
) -> None:
    assert has(tagger, text, feature) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I led a similar integration at [COMPANY], onto a single ledger.", False),
        ("I used it throughout my placement at [SCHOOL] with my lower group.", False),
        ("We had a very similar problem at [COMPANY] and snapshots fixed it.", False),
        ("I am very enthusiastic about the opportunity to join [COMPANY].", True),
        ("I look forward to working at [COMPANY].", True),
        ("Thanks for the interview for the role at [Company].", True),
    ],
)
def test_a_redacted_employer_in_the_candidates_record_is_not_a_placeholder(
    tagger: Tagger, text: str, expected: bool
) -> None:
    assert has(tagger, text, "prewritten") is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Just a quick card to say thank you for seeing me this afternoon.", False),
        ("Thank you in advance for seeing me this afternoon.", True),
        (
            "Thank you for the opportunity to interview on Thursday. I particularly enjoyed "
            "the written exercise on the lease dispute.",
            False,
        ),
    ],
)
def test_this_afternoon_alone_does_not_make_the_visit_still_to_come(
    tagger: Tagger, text: str, expected: bool
) -> None:
    assert has(tagger, text, "prewritten") is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("You asked about the 6am starts - no bother, been doing them for 3 years.", True),
        ("Thanks - ran a 40-cover kitchen solo for two years.", True),
        ("I did two Christmases at a garden centre packing online orders.", True),
        ("I was doing 120+ parcels a day for DPD.", True),
        ("I smashed my targets 6 quarters in a row at Currys.", True),
        ("As a team leader on a dementia unit for the past three years, I supervise shifts.", True),
        ("I was part of the go-live team when my hospital installed a dispensing robot.", True),
        ("At the estate where I worked before, we had the same problem.", True),
        ("I speak Polish, Russian and English, which can be useful for customers.", True),
        ("My doctoral work used the same mixed-effects models.", True),
        ("I am sure I can contribute to your company with my skills and experience.", False),
        ("I am confident I can contribute to your team and I am hard worker.", False),
        ("I look forward to discussing how my experience can benefit your projects.", False),
        ("I've done a fair few interviews over the last couple of months.", False),
        ("2,000 SKUs is a lot of shelf to learn, I'll bring comfy shoes.", False),
        ("I speak to customers every day.", False),
    ],
)
def test_records_told_plainly_are_fit_and_empty_offers_are_not(
    tagger: Tagger, text: str, expected: bool
) -> None:
    assert has(tagger, text, "fit_argument") is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It was great to learn more about the company and the exciting projects ahead.", False),
        ("I enjoyed learning more about the group's research and its culture.", False),
        ("I found the discussion helpful in understanding the scope of the role.", False),
        ("It was a pleasure to learn more about the role and the direction you are taking.", False),
        ("Cheers for the interview Dave. 12 years on rewires.", False),
        ("Great to meet you and the team! Ta, Lily", False),
        ("About your question for night shifts: it is not a problem for me.", True),
        ("Quick extra thought on the social media question: reels work.", True),
    ],
)
def test_vague_learning_and_sign_offs_are_not_specific_and_named_questions_are(
    tagger: Tagger, text: str, expected: bool
) -> None:
    assert has(tagger, text, "specific_reference") is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("There's a little something for the team in the paper bag.", True),
        ("I've put a crate of teacakes in the post for the depot lads.", True),
        ("I had lunch delivered to the SDR pod today as a thank-you.", True),
        ("Should I join, the first round of coffees is on me.", False),
        ("Would it be weird to send biscuits? Probably. So it's just this note.", False),
        ("Left the interview, had lunch, came back with this.", False),
        ("Just a little something to say thank you.", False),
    ],
)
def test_gifts_in_other_words_and_gifts_only_imagined(
    tagger: Tagger, text: str, expected: bool
) -> None:
    assert has(tagger, text, "gift") is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I write this in the lobby and I hand it to your colleague in the front desk.", True),
        ("The card I left at the porters' lodge on my way out was written in a hurry.", True),
        ("Would have left a note at reception but I didn't have a pen, so LinkedIn it is!", False),
    ],
)
def test_hand_overs_at_other_desks_and_hand_overs_only_imagined(
    tagger: Tagger, text: str, expected: bool
) -> None:
    assert has(tagger, text, "handed_on_exit") is expected


def test_a_name_field_written_out_is_a_placeholder(tagger: Tagger) -> None:
    assert has(tagger, "Dear Hiring Manager Name,\n\nThank you for the interview.", "prewritten")
    assert not has(tagger, "Dear Ms Name-Smith, thank you for the interview.", "prewritten")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Thanks for the interview - and give the office spaniel a pat from me.", True),
        ("Say hi to Mango (the practice cat) for me!", True),
        ("Hope the farm shop revamp goes well.", True),
        ("The allotment scheme for the tenants sounds fab.", True),
        ("The fermentation cupboard is mad, I want to know everything about it.", True),
        ("Sorry about clipping the kerb on the Station Road roundabout.", True),
        ("I have a dog at home.", False),
        ("Hope the interview process goes smoothly.", False),
        ('Thanks for today.\n\n-- \n[NAME]\n"In God we trust; all others bring data."', False),
        ("Dear Mr XXXX, thank you for interviewing me on XXXX.", False),
        ("I really enjoyed hearing about INSERT PROJECT NAME.", False),
        ("Thank you for the interview regarding the position of Warehouse Supervisor.", False),
        ("I am the perfect candidate because I give 100%.", False),
        ("It helped me understand the scope of the role and the wider work of the School.", False),
    ],
)
def test_small_details_count_and_template_blanks_signatures_and_effort_do_not(
    tagger: Tagger, text: str, expected: bool
) -> None:
    assert has(tagger, text, "specific_reference") is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I am cleaner 6 years, offices and hotels.", True),
        ("In Ukraine I was kindergarten teacher 8 years.", True),
        ("i been cleaning offices since 2019 so used to working alone.", True),
        ("On my placement at the Royal we did hourly rounding.", True),
        ("I work 3 seasons picking strawberries in Herefordshire.", True),
        ("Cheers. Got my CPCS for the telehandler.", True),
        ("SIA badge is in date till 2027.", True),
        ("I have ticket for forward tipping dumper.", True),
        ("After thirty years as a school cook I want a restaurant kitchen.", True),
        ("I am 25 years old.", False),
        ("I was there 2 years ago.", False),
        ("I hope you got the card I left with reception.", False),
        ("I enclose a copy of my CSCS card and references.", False),
        ("I'll bring my CSCS card as asked.", False),
    ],
)
def test_records_in_plain_and_non_native_words(tagger: Tagger, text: str, expected: bool) -> None:
    assert has(tagger, text, "fit_argument") is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I understand now the residents with dementia on first floor need more time.", True),
        ("As you told the home needs carers who can speak Punjabi.", True),
        ("Your receptionist said most of the staff have been there over 10 years.", True),
        ("I was very touched by the little girl who brought me her book.", True),
        ("I understand that you are meeting a number of candidates.", False),
        ("Thank you for today Kate, lovely to meet you all x", False),
        ("Hi, it was Kamil for the packing job. My phone number changed.", False),
        ("I may be 61 but I am fit and reliable.", False),
        ("Thanks Jo. Hope I did ok. Amy", False),
    ],
)
def test_what_they_were_told_counts_and_names_ages_and_kisses_do_not(
    tagger: Tagger, text: str, expected: bool
) -> None:
    assert has(tagger, text, "specific_reference") is expected


@pytest.mark.parametrize(
    ("text", "feature", "expected"),
    [
        ("I spent most of last year on exactly this kind of bug.", "fit_argument", True),
        ("Sounds like a caching problem I've fixed before.", "fit_argument", True),
        ("My PhD was on exactly that family of transporters.", "fit_argument", True),
        ("I led that audit for a 40-component library.", "fit_argument", True),
        ("I've attached the plan for the session I taught this morning.", "fit_argument", False),
        ("I'm the perfect candidate and I'd hit the ground running.", "fit_argument", False),
        ("My experience would allow me to make a meaningful contribution.", "fit_argument", False),
        ("I believe my background aligns well with your needs.", "fit_argument", False),
        ("Great conversation.\n\nGet Outlook for iOS", "specific_reference", False),
        (
            "Thanks for the interview for the Divisional Director of Operations post.",
            "specific_reference",
            False,
        ),
        (
            "I was struck by the warmth of the welcome and the sense of shared purpose.",
            "specific_reference",
            False,
        ),
        ("Having heard that covers have grown to 1,800 a week, I ...", "specific_reference", True),
    ],
)
def test_professional_notes_records_claims_and_flourishes(
    tagger: Tagger, text: str, feature: str, expected: bool
) -> None:
    assert has(tagger, text, feature) is expected


@pytest.mark.parametrize(
    ("text", "feature", "expected"),
    [
        ("Your company is very good and I want work there very much.", "enthusiasm", True),
        ("That studio is unreal. I want in so badly.", "enthusiasm", True),
        ("That new espresso machine is a beast and I'm itching to use it.", "enthusiasm", True),
        ("I really like to work in your barbershop!", "enthusiasm", True),
        ("I hope to make part of your team.", "enthusiasm", True),
        ("thanks for the interview today mate, would be sick to work there", "enthusiasm", True),
        ("I want to thank you for your time.", "enthusiasm", False),
        ("See u at the trial on saturday!", "prewritten", False),
        ("I am sending some homemade ladoo for you and the team tomorrow.", "gift", True),
        ("I left some notes for you.", "gift", False),
    ],
)
def test_plainer_eagerness_trials_after_the_interview_and_gifts_for_you_and_the_team(
    tagger: Tagger, text: str, feature: str, expected: bool
) -> None:
    assert has(tagger, text, feature) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I hope the lady in the lounge who was not feeling well is better now.", True),
        ("I hope your daughter's driving test goes well on Friday!", True),
        ("I hope you get to the bottom of the air compressor in the packing hall.", True),
        ("The early shift at 5am at the offices by the station is no problem for me.", True),
        ("Can't believe the festival went from 2,000 to 15,000 tickets in three years.", True),
        ("For the printer problem on 3rd floor, maybe check the driver.", True),
        ("You say the chilled delivery come at 2am and sometimes late.", True),
        ("Still laughing about your client who brings in a photo of the same celeb.", True),
        ("The old centrifuge with the 'do not trust the timer' sticker made me smile.", True),
        ("The climbing wall and the kayak sessions on the lake sound AMAZING.", True),
        ("Hope the rest of your day goes well.", False),
        ("The salary is fine with me and the shift pattern is no problem for me.", False),
        ("Thanks for today, would LOVE to join!! x", False),
        ("Thank you for the interview for Band 5 staff nurse.", False),
        ("It was exciting to hear about the company's ambitions for the future.", False),
        (
            "It was interesting to hear about the challenges of a genuinely data-driven culture.",
            False,
        ),
        ("I was pleased to learn more about the laboratory and the research it supports.", False),
    ],
)
def test_hopes_conditions_accepted_and_stories_are_specific_and_shouting_is_not(
    tagger: Tagger, text: str, expected: bool
) -> None:
    assert has(tagger, text, "specific_reference") is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Counterbalance and reach licences both in date, can start Monday.", True),
        ("SIA door supervisor and CCTV licences valid till 2027.", True),
        ("Thanks for seeing me. Clean licence, know the area well.", True),
        ("Thanks. 2 yrs domiciliary care, own car.", True),
        ("I clean offices 3 years already, I am hard worker.", True),
        ("Two years ago I moved here.", False),
        ("In 3 years the company has doubled.", False),
    ],
)
def test_terse_records_and_licences_in_date(tagger: Tagger, text: str, expected: bool) -> None:
    assert has(tagger, text, "fit_argument") is expected


@pytest.mark.parametrize(
    ("text", "feature", "expected"),
    [
        (
            "I wanted to say thanks, so I left this note with the receptionist.",
            "handed_on_exit",
            True,
        ),
        ("I've attached a copy of my SIA licence, valid until 2026.", "fit_argument", False),
    ],
)
def test_only_counterfactual_hand_overs_and_papers_sent_in_the_clause_are_left_out(
    tagger: Tagger, text: str, feature: str, expected: bool
) -> None:
    assert has(tagger, text, feature) is expected
