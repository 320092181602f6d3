"""The PII guard: what is redacted, what must survive, counts, idempotency, frames."""

from __future__ import annotations

import polars as pl
import pytest
from polars.testing import assert_frame_equal

from transforms.redact import PII_TYPES, redact_text, redact_text_column

COUNT_COLUMNS = [f"pii_{kind}" for kind in PII_TYPES]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Write to jordan.lee@gmail.com today", "Write to [EMAIL] today"),
        ("j_lee+jobs@mail.example.co.uk.", "[EMAIL]."),
        ("zoë.müller@exämple.de", "[EMAIL]"),
        ("jordan [at] mail [dot] com", "[EMAIL]"),
    ],
)
def test_emails_are_redacted(text: str, expected: str) -> None:
    assert redact_text(text)[0] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("See https://github.com/jlee/repo.", "See [URL]."),
        ("Portfolio: http://jordanlee.dev/work?x=1&y=2, thanks", "Portfolio: [URL], thanks"),
        ("www.example.org/about", "[URL]"),
        ("linkedin.com/in/jordan-lee", "[URL]"),
        ("my site jordanlee.dev is up", "my site [URL] is up"),
        ("(https://calendly.com/jlee)", "([URL])"),
    ],
)
def test_urls_are_redacted(text: str, expected: str) -> None:
    assert redact_text(text)[0] == expected


@pytest.mark.parametrize(
    "phone",
    [
        "(555) 123-4567",
        "555-123-4567",
        "555.123.4567",
        "1-800-555-0199",
        "+1 (415) 555-0100",
        "+44 20 7946 0958",
        "+1 415.555.0100",
        "+33 1 42 68 53 00",
        "+14155550100",
    ],
)
def test_phones_are_redacted(phone: str) -> None:
    assert redact_text(f"Call me at {phone} anytime.") == (
        "Call me at [PHONE] anytime.",
        {"email": 0, "phone": 1, "url": 0, "address": 0, "name": 0},
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I live at 123 Main Street.", "I live at [ADDRESS]."),
        ("Send it to 42 Elm St. please", "Send it to [ADDRESS]. please"),
        ("1600 Amphitheatre Pkwy, Mountain View, CA 94043", "[ADDRESS]"),
        ("221B Baker Street, Apt 4B", "[ADDRESS]"),
        ("350 Fifth Avenue", "[ADDRESS]"),
        ("10 W 42nd St", "[ADDRESS]"),
        ("my flat, Apt 4B, is near", "my flat, [ADDRESS], is near"),
        ("P.O. Box 1234", "[ADDRESS]"),
    ],
)
def test_addresses_are_redacted(text: str, expected: str) -> None:
    assert redact_text(text)[0] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dear Ms. Alvarez,\nThank you.", "Dear Ms. [NAME],\nThank you."),
        ("Hi Sarah,\nGreat chat.", "Hi [NAME],\nGreat chat."),
        ("Hello Zoë! Great chat.", "Hello [NAME]! Great chat."),
        ("Hey José Martínez, great chat.", "Hey [NAME], great chat."),
        ("Dear Łukasz Nowak-Kowalski:\nThanks.", "Dear [NAME]:\nThanks."),
        ("Dear Mr O'Brien,", "Dear Mr [NAME],"),
        ("Good morning Priya, thanks.", "Good morning [NAME], thanks."),
        ("Subject: Thank you\n\nHi Sam,\nThanks.", "Subject: Thank you\n\nHi [NAME],\nThanks."),
        ("Hi Sarah Thanks for the chat", "Hi [NAME] Thanks for the chat"),
        ("I spoke with Mr. Chen about it.", "I spoke with Mr. [NAME] about it."),
        ("Dr. Jane Smith-Jones was kind.", "Dr. [NAME] was kind."),
        ("and Prof. Nguyen's lab", "and Prof. [NAME]'s lab"),
        ("Great chat.\n\nBest,\nJordan Lee", "Great chat.\n\nBest,\n[NAME]"),
        ("Great chat.\nBest regards,\nJordan P. Lee\n", "Great chat.\nBest regards,\n[NAME]\n"),
        ("Great chat. Thanks, Priya", "Great chat. Thanks, [NAME]"),
        ("Great chat.\n— Jordan Lee", "Great chat.\n— [NAME]"),
        ("Great chat! -- Sam", "Great chat! -- [NAME]"),
        ("Thanks.\nKind regards,\nN. Silva", "Thanks.\nKind regards,\n[NAME]"),
        ("Really keen!\n\nRosa", "Really keen!\n\n[NAME]"),
        ("Thanks again.\n\nBest regards,\nHyun-woo", "Thanks again.\n\nBest regards,\n[NAME]"),
        ("Gracias.\n\nUn cordial saludo,\nLucía", "Gracias.\n\nUn cordial saludo,\n[NAME]"),
        ("Danke.\nMit freundlichen Grüßen\nT. Wagner", "Danke.\nMit freundlichen Grüßen\n[NAME]"),
        ("Sincerely,\nDr. P. Anand", "Sincerely,\nDr. [NAME]"),
        ("Great chat.\nCheers,\nZoë", "Great chat.\nCheers,\n[NAME]"),
        ("Sincerely,\nAoife O'Brien\n[EMAIL]\n[PHONE]", "Sincerely,\n[NAME]\n[EMAIL]\n[PHONE]"),
    ],
)
def test_names_in_clear_positions_are_redacted(text: str, expected: str) -> None:
    assert redact_text(text)[0] == expected


@pytest.mark.parametrize(
    "text",
    [
        "We met on 2026-03-04 at 10:30.",
        "The offer was $120k, up 40% since 2019.",
        "We use Python 3.11 and version 2.3.1 of the SDK.",
        "I have 5 years of experience and 12 direct reports.",
        "Revenue grew from 1,000,000 to 2,500,000 users.",
        "The call ran 10:30-11:30 on 03/04/2026.",
        "Q3 2025 targets of 150 200 deals",
        "We compared Node.js, ASP.NET and e.g. React.",
        "Thanks again for the tour of the Denver office.",
        "Thanks for explaining how Kafka and Spark fit together.",
        "Dear Hiring Manager,\nThanks.",
        "Dear INSERT NAME,\nThanks.",
        "Great chat.\n\nThanks!",
        "Great chat.\n\nSent from my iPhone",
        "Great chat.\n\nThank You",
        "Hi Team, thanks for the time!",
        "Hello there, thanks again.",
        "Dear [Interviewer Name], I loved meeting {company} ____.",
        "I read about Wall Street and the 3 Musketeers.",
        "I walked 5 blocks down Main Street.",
        "Thank you for the gift of your time.",
        "Best,\nThe Analytics Team",
        "I used to work at Best Buy",
        "Thanks to the Denver team, I learned a lot.",
        "Excited about the role — Senior Engineer",
        "",
    ],
)
def test_non_pii_is_left_alone(text: str) -> None:
    assert redact_text(text) == (text, dict.fromkeys(PII_TYPES, 0))


def test_counts_each_type_per_row() -> None:
    text = (
        "Dear Ms. Alvarez,\nMail a@b.com or c@d.org, call 555-123-4567, "
        "see https://x.dev, visit 1 Main St.\nBest,\nJordan"
    )
    assert redact_text(text)[1] == {"email": 2, "phone": 1, "url": 1, "address": 1, "name": 2}


@pytest.mark.parametrize(
    "text",
    [
        "Dear Ms. Alvarez,\nCall (555) 123-4567 or +44 20 7946 0958.\nBest,\nJordan Lee",
        "Hi Sarah, mail jordan@x.com, see https://x.dev/a and 42 Elm St.\n— Priya",
        "Mr. Chen and Dr. Patel at 1600 Amphitheatre Pkwy. Thanks, Sam",
    ],
)
def test_redacting_twice_changes_nothing(text: str) -> None:
    once, _ = redact_text(text)
    assert redact_text(once) == (once, dict.fromkeys(PII_TYPES, 0))


def test_null_stays_null_with_zero_counts() -> None:
    notes = pl.DataFrame({"text": [None, ""]}, schema={"text": pl.String})
    expected = pl.DataFrame(
        {"text": [None, ""], **{name: [0, 0] for name in COUNT_COLUMNS}},
        schema={"text": pl.String, **dict.fromkeys(COUNT_COLUMNS, pl.Int32)},
    )
    assert_frame_equal(redact_text_column(notes), expected)


def test_lazyframe_in_lazyframe_out_with_other_columns_kept() -> None:
    notes = pl.LazyFrame({"note_id": ["n1", "n2"], "body": ["Hi Sam, hi.", "no pii"]})
    result = redact_text_column(notes, column="body")
    assert isinstance(result, pl.LazyFrame)
    assert_frame_equal(
        result.collect(),
        pl.DataFrame(
            {
                "note_id": ["n1", "n2"],
                "body": ["Hi [NAME], hi.", "no pii"],
                **{name: [int(name == "pii_name"), 0] for name in COUNT_COLUMNS},
            },
            schema_overrides=dict.fromkeys(COUNT_COLUMNS, pl.Int32),
        ),
    )


PLANTED = {
    "email": ["jordan.lee@gmail.com", "priya_s@outlook.co.uk"],
    "phone": ["(555) 123-4567", "+44 20 7946 0958", "+1 415.555.0100"],
    "url": ["https://github.com/jlee", "linkedin.com/in/priya-s"],
    "address": ["123 Main Street", "1600 Amphitheatre Pkwy"],
    "name": ["Alvarez", "Jordan Lee", "Priya", "Chen", "Łukasz", "O'Brien"],
}


def test_no_planted_pii_survives_a_batch() -> None:
    notes = pl.DataFrame(
        {
            "text": [
                "Dear Ms. Alvarez,\nReach me at jordan.lee@gmail.com or (555) 123-4567.\n"
                "Best,\nJordan Lee",
                "Hi Priya, my code is at https://github.com/jlee. Mr. Chen agreed.\n— Łukasz",
                "I moved to 123 Main Street; call +44 20 7946 0958 or +1 415.555.0100.",
                "Profile: linkedin.com/in/priya-s, mail priya_s@outlook.co.uk, "
                "office 1600 Amphitheatre Pkwy. Thanks, O'Brien",
            ]
        }
    )
    redacted = redact_text_column(notes)
    joined = "\n".join(redacted["text"].to_list())
    survivors = [pii for values in PLANTED.values() for pii in values if pii in joined]
    assert survivors == []
    assert redacted.select(COUNT_COLUMNS).sum().row(0) == tuple(len(v) for v in PLANTED.values())
