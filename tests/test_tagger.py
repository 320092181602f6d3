"""Behaviour of the rule-based tagger on the hard cases of DESIGN.md §1, one behaviour per test."""

from __future__ import annotations

import json
import multiprocessing
import re
import shutil
from pathlib import Path

import pytest
import spacy

from tests.tagging import has, tag
from transforms.contract import FEATURES
from transforms.tagger import (
    CONFIG_PATH,
    TAGGER_VERSION,
    Evidence,
    Tagger,
    stop_workers,
    tagger_version,
)
from transforms.tagger.components import (
    CueMatcher,
    _Prefilter,
    _prefilter_database,
    _regex_rule,
)
from transforms.tagger.decide import placeholder_ok
from transforms.tagger.language import detect_language
from transforms.tagger.rules import Rule
from transforms.tagger.text import strip_html

GOLD_DIR = Path(__file__).resolve().parent.parent / "data" / "gold"

# --- pipeline and interface ------------------------------------------------------------------


def test_pipeline_is_blank_english_with_rule_components(tagger: Tagger) -> None:
    assert tagger.nlp.lang == "en"
    assert tagger.nlp.pipe_names == ["followup_norms", "followup_cues", "followup_features"]


def test_version_is_derived_from_rule_content(tagger: Tagger) -> None:
    assert TAGGER_VERSION.startswith("rules-1+") and len(TAGGER_VERSION) == len("rules-1+") + 8
    assert tagger.version == TAGGER_VERSION


def test_changing_a_rule_changes_the_version(tmp_path: Path) -> None:
    shutil.copytree(CONFIG_PATH.parent.parent, tmp_path / "transforms")
    copy = tmp_path / "transforms" / "tagger"
    assert tagger_version(copy) == TAGGER_VERSION
    rules = copy / "rules.py"
    rules.write_text(rules.read_text().replace('"thanked"', '"thankd"'))
    changed = tagger_version(copy)
    assert changed != TAGGER_VERSION
    metadata = copy.parent / "note_tags.py"  # the metadata rules count too
    metadata.write_text(metadata.read_text().replace('"nothing"', '"nada"'))
    assert tagger_version(copy) not in {TAGGER_VERSION, changed}


def test_every_feature_is_reported(tagger: Tagger) -> None:
    assert set(tag(tagger, "Thank you!").features) == set(FEATURES)


def test_order_is_kept_across_languages(tagger: Tagger) -> None:
    texts = ["Danke für das Gespräch, es war sehr schön.", "I sent flowers.", ""]
    assert [t.language for t in tagger.tag_texts(texts)] == ["de", "en", "und"]


def test_evidence_spans_index_the_input(tagger: Tagger) -> None:
    text = "Thanks! I have sent you a fruit basket."
    spans = {text[e.start : e.end] for e in tag(tagger, text).evidence if e.feature == "gift"}
    assert spans == {"fruit basket", "have sent"}


def test_evidence_names_the_rule(tagger: Tagger) -> None:
    evidence = tag(tagger, "I sent you a fruit basket.").evidence
    assert Evidence("gift", "gift.item", 13, 25) in evidence


def test_multiprocess_gives_the_same_tags(tagger: Tagger) -> None:
    texts = ["Thanks! I sent flowers.", "I led the migration at my last job.", "Gracias."] * 40
    serial = tagger.tag_texts(texts)
    assert tagger.tag_texts(texts, n_process=2, batch_size=10) == serial


def test_stopped_workers_are_gone_and_started_again_when_needed(tagger: Tagger) -> None:
    texts = ["Thanks! I sent flowers.", "I led the migration at my last job."] * 20
    stop_workers()  # an earlier test's workers
    before = {p.pid for p in multiprocessing.active_children()}
    first = tagger.tag_texts(texts, n_process=2, batch_size=10)
    assert {p.pid for p in multiprocessing.active_children()} > before
    stop_workers()
    assert {p.pid for p in multiprocessing.active_children()} <= before
    assert tagger.tag_texts(texts, n_process=2, batch_size=10) == first
    stop_workers()


def _labelled_ascii_texts() -> list[str]:
    paths = [GOLD_DIR / "notes.jsonl", *sorted(GOLD_DIR.glob("more/*.jsonl"))]
    texts = [json.loads(line)["text"] for path in paths for line in path.open(encoding="utf-8")]
    return [t for t in texts if t.isascii()]


def test_prefilter_flags_every_regex_rule_that_matches(tagger: Tagger) -> None:
    cues = next(proc for _, proc in tagger.nlp.pipeline if isinstance(proc, CueMatcher))
    texts = _labelled_ascii_texts()
    assert len(texts) > 1000
    missed, flagged = [], 0
    for text in texts:
        found = cues._prefilter.flagged(text)
        flagged += len(found)
        missed += [
            (rule.rule, text[:60])
            for index, rule in enumerate(cues.regexes)
            if index not in found and rule.regex.search(text)
        ]
    assert missed == []
    # It is a filter: most rules are not run on most texts.
    assert flagged < 0.2 * len(texts) * len(cues.regexes)


def test_prefilter_is_compiled_once_then_loaded(
    tagger: Tagger, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import hyperscan

    rules = next(p for _, p in tagger.nlp.pipeline if isinstance(p, CueMatcher)).regexes
    text = "I sent a fruit basket to the office. At Lidl I trained 11 new starters."
    compiled = _Prefilter(rules, tmp_path)
    assert len(list(tmp_path.glob("prefilter-*.hsdb"))) == 1

    def no_compiling(*args: object, **kwargs: object) -> None:
        raise AssertionError("compiled again")

    with monkeypatch.context() as patch:
        patch.setattr(hyperscan, "Database", no_compiling)
        loaded = _Prefilter(rules, tmp_path)
    assert sorted(loaded.flagged(text)) == sorted(compiled.flagged(text)) != []


def test_damaged_saved_prefilter_is_compiled_again(tagger: Tagger, tmp_path: Path) -> None:
    rules = next(p for _, p in tagger.nlp.pipeline if isinstance(p, CueMatcher)).regexes
    _prefilter_database(rules, tmp_path)
    (saved,) = tmp_path.glob("prefilter-*.hsdb")
    saved.write_bytes(b"not a database")
    text = "I sent 2 fruit baskets to the Leeds office."
    assert _Prefilter(rules, tmp_path).flagged(text) != []
    assert saved.stat().st_size > 1000  # written again


def test_rule_the_prefilter_cannot_take_is_named() -> None:
    rules = [
        Rule("X", "x.fine", re.compile(r"\bfine\b")),
        Rule("X", "x.huge", re.compile("a{0,99999}b")),
    ]
    with pytest.raises(ValueError, match="rule x.huge"):
        _Prefilter([_regex_rule(rule, rule.pattern) for rule in rules])  # type: ignore[arg-type]


# --- empty, short, informal, misspelled ------------------------------------------------------


@pytest.mark.parametrize("text", ["", "   ", "\n\n"])
def test_empty_note_is_undetermined(tagger: Tagger, text: str) -> None:
    assert tag(tagger, text).language == "und"


@pytest.mark.parametrize("text", ["", "   "])
def test_empty_note_is_generic_and_nothing_else(tagger: Tagger, text: str) -> None:
    features = tag(tagger, text).features
    assert features == {f: f == "generic" for f in FEATURES}


@pytest.mark.parametrize("text", ["thx!!", "Thanks", "ty so much", "tysm", "thank u"])
def test_very_short_thanks_is_thanks_only_and_generic(tagger: Tagger, text: str) -> None:
    features = tag(tagger, text).features
    assert features["thanks_only"] and features["generic"]


@pytest.mark.parametrize(
    "text",
    [
        "I appriciate your time.",
        "Thnak you for the oppurtunity.",
        "I really apreciate it.",
    ],
)
def test_misspelled_thanks_is_seen(tagger: Tagger, text: str) -> None:
    assert has(tagger, text, "thanks_only")


@pytest.mark.parametrize(
    "text",
    ["I am so excitted about this role!", "Im definately exicted to join.", "so exited to start"],
)
def test_misspelled_enthusiasm_is_seen(tagger: Tagger, text: str) -> None:
    assert has(tagger, text, "enthusiasm")


def test_exited_the_building_is_not_enthusiasm(tagger: Tagger) -> None:
    assert not has(tagger, "After I exited the building I wrote this.", "enthusiasm")


def test_misspelled_gift_verb_and_norms_apply_to_capitalised_forms(tagger: Tagger) -> None:
    assert has(tagger, "Thx again, Enclosd is a small gift card.", "gift")


# --- thanks_only -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Hi, following up on my application. Let me know about next steps.",
        "I am very interested in the role.",
        "Great talking today. Hope to hear back soon.",
    ],
)
def test_note_without_thanks_is_not_thanks_only(tagger: Tagger, text: str) -> None:
    assert has(tagger, text, "thanks_only") is False


@pytest.mark.parametrize(
    "text",
    [
        "Thank you for your time. I would be a great fit for this role.",
        "Thanks! I am confident I'm the right person for the job.",
        "Thank you, I remain very interested in the position.",
    ],
)
def test_bare_fit_claim_leaves_thanks_only(tagger: Tagger, text: str) -> None:
    features = tag(tagger, text).features
    assert features["thanks_only"] and not features["fit_argument"]


@pytest.mark.parametrize(
    "text",
    [
        "Thank you. My 6 years of backend work would help your team.",
        "Thanks! In my role at a fintech I led the move to event sourcing.",
        "Thank you. I have built three data pipelines in Airflow.",
        "Thanks again. My background in clinical research fits the job well.",
        "Thank you. I could help you reduce churn with the playbook I used before.",
        "Thanks! I've led a team of eight analysts for two years.",
        "Thank you! I have hands-on experience with Kubernetes.",
        "Thank you. I'd welcome the chance to bring my Salesforce admin experience to you.",
        "Thanks. I've spent the last four years as a nurse in a busy ER.",
    ],
)
def test_real_case_is_fit_argument_not_thanks_only(tagger: Tagger, text: str) -> None:
    features = tag(tagger, text).features
    assert features["fit_argument"] and not features["thanks_only"]


@pytest.mark.parametrize(
    "text",
    [
        "I have never managed a team.",
        "Thank you. I have no experience with Kubernetes but I am eager to learn.",
        "I believe my skills and experience make me a strong candidate.",
    ],
)
def test_negated_or_bare_experience_is_not_a_case(tagger: Tagger, text: str) -> None:
    assert not has(tagger, text, "fit_argument")


# --- gift ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "I sent a fruit basket to the office as a small thank you.",
        "Please enjoy the enclosed gift card.",
        "A box of cookies is on its way to your team!",
        "I dropped off some donuts for everyone this morning.",
        "I hope you enjoy the flowers.",
        "Enclosed is a $25 coffee voucher.",
    ],
)
def test_sent_gift_is_gift(tagger: Tagger, text: str) -> None:
    assert has(tagger, text, "gift")


@pytest.mark.parametrize(
    "text",
    [
        "Thank you for the gift of your time.",
        "You have a real gift for explaining complex systems.",
        "Your insights were a gift to the whole panel.",
    ],
)
def test_figurative_gift_is_not_gift(tagger: Tagger, text: str) -> None:
    assert not has(tagger, text, "gift")


@pytest.mark.parametrize(
    "text",
    [
        "I loved hearing about your gift card business and sent my portfolio.",
        "I sent over ideas for the gift card platform redesign.",
        "Your gift cards are sold in 40 countries, which I included in my notes.",
    ],
)
def test_topical_gift_is_not_gift(tagger: Tagger, text: str) -> None:
    assert not has(tagger, text, "gift")


@pytest.mark.parametrize(
    "text",
    [
        "I didn't send a gift because I know it's against policy.",
        "I won't be sending flowers, just this note.",
        "No gift enclosed, just my thanks.",
    ],
)
def test_negated_gift_is_not_gift(tagger: Tagger, text: str) -> None:
    assert not has(tagger, text, "gift")


def test_gift_item_and_delivery_in_different_sentences_is_not_gift(tagger: Tagger) -> None:
    assert not has(tagger, "The flowers in your lobby were lovely. I sent my slides.", "gift")


# --- prewritten ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "I'm looking forward to meeting you today!",
        "I look forward to our interview.",
        "Looking forward to speaking with you tomorrow.",
        "See you this afternoon!",
        "Thank you in advance for meeting with me.",
        "I look forward to our upcoming interview on Thursday.",
    ],
)
def test_interview_still_to_come_is_prewritten(tagger: Tagger, text: str) -> None:
    assert has(tagger, text, "prewritten")


@pytest.mark.parametrize(
    "text",
    [
        "I look forward to hearing back about next steps.",
        "I look forward to a second interview.",
        "Looking forward to meeting the rest of the team in person.",
        "I look forward to speaking with you again soon.",
        "I'm looking forward to the next round.",
        "Thank you for our interview today.",
        "Talk to you later!",
    ],
)
def test_later_round_or_past_interview_is_not_prewritten(tagger: Tagger, text: str) -> None:
    assert not has(tagger, text, "prewritten")


@pytest.mark.parametrize(
    "text",
    [
        "Dear [Interviewer Name], thank you.",
        "Thanks for the chance to join {company}.",
        "I am excited about the <<Role>> position.",
        "Thank you, ____, for your time.",
        "I loved learning about [Company].",
        "Thank you for the {{first_name}} interview.",
        "Dear <Hiring Manager Name>,",
    ],
)
def test_unfilled_placeholder_is_prewritten(tagger: Tagger, text: str) -> None:
    assert has(tagger, text, "prewritten")


@pytest.mark.parametrize(
    "text",
    [
        "Thank you, [NAME], for your time.",
        "Reach me at [EMAIL] or [PHONE].",
        "Portfolio: [URL], office at [ADDRESS].",
        "The figure [redacted] was impressive.",
        "Thanks for sharing the deck (see attached).",
        "Here is [my portfolio](https://example.org).",
        "As the saying goes, [sic] happens.",
    ],
)
def test_literal_brackets_and_redaction_tags_are_not_placeholders(
    tagger: Tagger, text: str
) -> None:
    assert not has(tagger, text, "prewritten")


@pytest.mark.parametrize(
    ("span", "expected"),
    [("[Interviewer Name]", True), ("[NAME]", False), ("[NAME_2]", False), ("[1]", False),
     ("{company}", True), ("____", True), ("[xxx]", True), ("[redacted]", False)],
)  # fmt: skip
def test_placeholder_ok(span: str, expected: bool) -> None:
    assert placeholder_ok(span) is expected


# --- handed on exit --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "I left this note with the receptionist.",
        "I'm leaving this card at the front desk.",
        "Handing this to your receptionist on my way out.",
        "I asked the receptionist to give you this note.",
        "On my way out I left this note for you.",
        "As I was leaving I gave the receptionist this card for you.",
    ],
)
def test_note_left_at_the_desk_is_handed_on_exit(tagger: Tagger, text: str) -> None:
    assert has(tagger, text, "handed_on_exit")


@pytest.mark.parametrize(
    "text",
    [
        "Your receptionist was so welcoming.",
        "Please thank the receptionist for the coffee.",
        "On my way out I noticed the award wall.",
        "Yesterday on my way out I saw your team's demo board.",
        "I gave my ID to the receptionist when I arrived.",
        "I didn't leave this with the front desk.",
        "I gave the receptionist my ID and parking ticket.",
        "Yesterday, on my way out, I handed my visitor badge to the guard.",
    ],
)
def test_mentioned_receptionist_or_way_out_is_not_handed(tagger: Tagger, text: str) -> None:
    assert not has(tagger, text, "handed_on_exit")


# --- specific reference / generic ------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "I enjoyed when we discussed the billing migration.",
        "Your point about on-call fatigue stuck with me.",
        "The migration you mentioned sounds fascinating.",
        "Cutting latency by 40% is impressive.",
        'I keep thinking about "ship small, ship often".',
        "I enjoyed hearing about the Atlas rollout.",
        "Learning about your churn model was great.",
        "I really appreciate you walking me through the Q3 roadmap.",
    ],
)
def test_detail_from_the_conversation_is_specific(tagger: Tagger, text: str) -> None:
    features = tag(tagger, text).features
    assert features["specific_reference"] and not features["generic"]


@pytest.mark.parametrize(
    "text",
    [
        "Thank you for your time today. I enjoyed learning about the role.",
        "Dear Ms. Lee,\nThank you for the interview.\nBest,\nSam",
        "Thanks for the opportunity to interview for the Senior Engineer position at Acme.",
        "Thank you for meeting with me on Monday at 10:30am.",
        "I have 5 years of experience and would love to join.",
        "Hi Team, thanks for having me!",
        "We met at 3pm on the 2nd floor.",
        "It was great to learn more about Acme's mission and culture.",
        "I appreciated your insights into the industry.",
        "I enjoyed learning about the team's goals.",
        "Thank you for the interview on March 3.",
    ],
)
def test_boilerplate_is_generic(tagger: Tagger, text: str) -> None:
    features = tag(tagger, text).features
    assert features["generic"] and not features["specific_reference"]


# --- enthusiasm ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "I'm thrilled about the team.",
        "I can't wait to get started.",
        "cant wait!!",
        "I would love to join your team.",
        "I really love what you are building.",
        "Eager to contribute.",
        "I love what your team is building.",
    ],
)
def test_enthusiasm_is_seen(tagger: Tagger, text: str) -> None:
    assert has(tagger, text, "enthusiasm")


@pytest.mark.parametrize(
    "text",
    [
        "I enjoyed meeting you.",
        "I'm not excited about relocating.",
        "Thank you for your time.",
        # labellers read these as politeness or a claim (5 of 72 labelled notes say otherwise)
        "I really enjoyed our conversation.",
        "I very much enjoyed learning about the role.",
        "I'd hit the ground running.",
        "I could add real value to your team from day one.",
    ],
)
def test_politeness_or_negation_is_not_enthusiasm(tagger: Tagger, text: str) -> None:
    assert not has(tagger, text, "enthusiasm")


# --- HTML ------------------------------------------------------------------------------------


def test_html_tags_do_not_break_phrases(tagger: Tagger) -> None:
    assert has(tagger, "<p>I <b>really</b> love it</p>", "enthusiasm")


def test_html_evidence_offsets_index_the_original_text(tagger: Tagger) -> None:
    text = "<div>Thanks!</div><p>I sent <i>a</i> fruit&nbsp;basket.</p>"
    spans = {text[e.start : e.end] for e in tag(tagger, text).evidence if e.feature == "gift"}
    assert spans == {"sent", "fruit&nbsp;basket"}


def test_script_and_style_content_is_ignored(tagger: Tagger) -> None:
    text = "<style>.gift { color: red }</style><p>Thanks!</p><script>send('flowers')</script>"
    assert not has(tagger, text, "gift")


def test_angle_placeholder_survives_html_stripping() -> None:
    assert strip_html("<p>Dear <<Name>>,</p>")[0] == "\nDear <<Name>>,\n"


# --- languages -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Muchas gracias por la entrevista de hoy, fue un placer conocerle.", "es"),
        ("Je vous remercie pour cet entretien, ce fut un plaisir.", "fr"),
        ("Vielen Dank für das Gespräch, es hat mich sehr gefreut.", "de"),
        ("Obrigado pela entrevista de hoje, foi um prazer.", "pt"),
        ("Grazie per il colloquio di oggi, è stato un piacere.", "it"),
        ("Bedankt voor het gesprek van vandaag.", "nl"),
        ("Dzień dobry, dziękuję za rozmowę. Mam doświadczenie w magazynie.", "pl"),
        ("Bună ziua, vă mulțumesc pentru interviu. Am experiență de 3 ani.", "ro"),
        ("Tack för intervjun idag, det var trevligt att träffas.", "sv"),
        ("Maraming salamat po sa interview kanina.", "tl"),
        ("Добрий день, дякую за співбесіду. Дуже хочу працювати у вас.", "uk"),
        ("Спасибо за собеседование, было очень приятно.", "ru"),
        ("नमस्ते सर, कल के इंटरव्यू के लिए आपका बहुत-बहुत धन्यवाद।", "hi"),
        ("面接の機会をいただきありがとうございました。", "ja"),
        ("感谢您的面试机会。", "zh"),
        ("Hi Ana, thx 4 da chat. Cheers Jo", "en"),
        ("Thanks so much, the café was great 😊", "en"),
        ("Thank you so much for the interview, I really enjoyed it.", "en"),
        ("thx!!", "en"),
        ("Gracias!", "es"),
        ("🙏", "und"),
    ],
)
def test_language_is_detected(text: str, language: str) -> None:
    assert detect_language(text) == language


def test_non_english_note_has_unknown_text_features(tagger: Tagger) -> None:
    tags = tag(tagger, "Muchas gracias por la entrevista, te envío un regalo.")
    assert tags.features == dict.fromkeys(FEATURES) and tags.evidence == ()


def test_english_note_with_foreign_phrase_is_english() -> None:
    assert detect_language("Thank you so much for the interview today, muchas gracias!") == "en"


def test_blank_docs_carry_the_extensions(tagger: Tagger) -> None:
    doc = tagger.nlp("I sent flowers.")
    assert doc._.followup_features["gift"] and spacy.blank("en")("x")._.followup_cues is None
