"""Rule sets for the follow-up note tagger.

Each rule set is a small documented function registered under a versioned name in spaCy's
``misc`` registry and referenced from ``tagger.cfg``. A rule set returns :class:`Rule` objects:
a *cue* label, a rule name (recorded as evidence) and a pattern, which is one of

* a string: a phrase matched on the token ``NORM`` (lower-case, misspellings normalised),
* a list of token dicts: a ``Matcher`` pattern,
* a compiled regular expression: matched on the raw text (placeholders, quotes).

Cues are not features: ``decide.py`` combines cues (with negation, same-sentence and exclusion
checks) into the eight features. Changing anything here changes ``TAGGER_VERSION``.
"""

from __future__ import annotations

import re
from itertools import product
from typing import Any, NamedTuple

import spacy


class Rule(NamedTuple):
    label: str
    name: str
    pattern: str | list[dict[str, Any]] | re.Pattern[str]


def _phrases(label: str, name: str, phrases: list[str]) -> list[Rule]:
    return [Rule(label, name, p) for p in phrases]


def _combine(*parts: list[str]) -> list[str]:
    """All phrases made by joining one choice from each part (empty choices allowed)."""
    return [" ".join(w for w in combo if w) for combo in product(*parts)]


def _in(words: list[str] | set[str], op: str | None = None) -> dict[str, Any]:
    token: dict[str, Any] = {"NORM": {"IN": sorted(words)}}
    if op:
        token["OP"] = op
    return token


# ---------------------------------------------------------------------------------------------
# Lexeme norms: misspellings and chat spellings mapped to the word the rules use.


@spacy.registry.misc("followup.norm_table.v1")
def norm_table() -> dict[str, str]:
    """Common misspellings and informal spellings -> normalised form (applied to lexeme NORM)."""
    return {
        "thx": "thanks",
        "thanx": "thanks",
        "thnx": "thanks",
        "thnks": "thanks",
        "tx": "thanks",
        "tks": "thanks",
        "tysm": "thanks",
        "thankyou": "thanks",
        "thnak": "thank",
        "thnk": "thank",
        "tahnk": "thank",
        "appriciate": "appreciate",
        "apreciate": "appreciate",
        "appreaciate": "appreciate",
        "appricate": "appreciate",
        "apprecate": "appreciate",
        "appriciated": "appreciated",
        "apreciated": "appreciated",
        "greatful": "grateful",
        "gratefull": "grateful",
        "excitted": "excited",
        "excitied": "excited",
        "exicted": "excited",
        "exicited": "excited",
        "excted": "excited",
        "exctied": "excited",
        "thrilld": "thrilled",
        "enthusiatic": "enthusiastic",
        "enthousiastic": "enthusiastic",
        "enthusiastic": "enthusiastic",
        "definately": "definitely",
        "definatly": "definitely",
        "defintely": "definitely",
        "oppurtunity": "opportunity",
        "oportunity": "opportunity",
        "opportunty": "opportunity",
        "opprtunity": "opportunity",
        "oppertunity": "opportunity",
        "recieve": "receive",
        "recieved": "received",
        "intrested": "interested",
        "interseted": "interested",
        "expirience": "experience",
        "experiance": "experience",
        "experince": "experience",
        "receptionst": "receptionist",
        "recepcionist": "receptionist",
        "recptionist": "receptionist",
        "enclosd": "enclosed",
        "discused": "discussed",
        "dicussed": "discussed",
        "mentionned": "mentioned",
        "mentiond": "mentioned",
        "forword": "forward",
        "foward": "forward",
        "fwd": "forward",
        "ur": "your",
        "u": "you",
        "'d": "would",
        "d": "would",
        "m": "am",
        "luv": "love",
        "gonna": "going",
        "wanna": "want",
        "tmrw": "tomorrow",
        "tmr": "tomorrow",
        "tomorow": "tomorrow",
        "tommorow": "tomorrow",
        "tommorrow": "tomorrow",
        "2day": "today",
        "yrs": "years",
        "yr": "year",
    }


# ---------------------------------------------------------------------------------------------
# Thanks and enthusiasm.


@spacy.registry.misc("followup.thanks_rules.v1")
def thanks_rules() -> list[Rule]:
    """The note thanks someone: thank/thanks/thx/appreciate/grateful (any spelling in the norms)."""
    words = ["thank", "thanks", "thanked", "thanking", "ty", "appreciate", "appreciated"]
    words += ["appreciating", "appreciation", "grateful", "gratitude", "kudos", "merci"]
    return _phrases("THANKS", "thanks.word", words)


@spacy.registry.misc("followup.enthusiasm_rules.v1")
def enthusiasm_rules() -> list[Rule]:
    """Enthusiasm for the role or team: excited, thrilled, eager, can't wait, love to join, ...

    A plain "enjoyed" is politeness; only an intensified one ("really enjoyed") counts.
    "exited" (a frequent misspelling) counts only after am/so/very/really.
    """
    words = ["excited", "exciting", "excites", "thrilled", "eager", "eagerly", "enthusiastic"]
    words += ["enthusiasm", "delighted", "passionate", "energized", "energised", "inspired"]
    words += ["inspiring", "pumped", "stoked", "psyched", "fascinating", "fascinated", "loved"]
    words += ["thrilling", "ecstatic", "jazzed", "elated", "keen"]
    rules = _phrases("ENTHUSIASM", "enthusiasm.word", words)
    rules += _phrases(
        "ENTHUSIASM",
        "enthusiasm.cant_wait",
        ["can not wait", "cannot wait", "can't wait", "could not wait", "could n't wait"],
    )
    rules += _phrases(
        "ENTHUSIASM",
        "enthusiasm.love_to",
        _combine(
            ["love", "like nothing more than"],
            [
                "to join",
                "to be part",
                "to be a part",
                "to work",
                "to contribute",
                "the chance",
                "the opportunity",
                "to help",
                "to build",
            ],
        ),
    )
    rules += _phrases(
        "ENTHUSIASM",
        "enthusiasm.intensified_enjoyed",
        _combine(
            ["really", "truly", "thoroughly", "genuinely", "so", "greatly", "very much"],
            ["enjoyed", "liked", "love", "loved"],
        ),
    )
    rules += _phrases(
        "ENTHUSIASM",
        "enthusiasm.forward_to_joining",
        _combine(["forward to"], ["joining", "working with", "working on", "contributing"]),
    )
    rules.append(
        Rule(
            "ENTHUSIASM",
            "enthusiasm.misspelled_exited",
            [_in(["am", "so", "very", "really", "super", "truly"]), {"LOWER": "exited"}],
        )
    )
    return rules


# ---------------------------------------------------------------------------------------------
# Fit argument: a case for the candidate, not a bare "great fit".

_ACHIEVE_VERBS = [
    "led",
    "built",
    "managed",
    "designed",
    "shipped",
    "launched",
    "developed",
    "implemented",
    "created",
    "grew",
    "scaled",
    "delivered",
    "migrated",
    "automated",
    "reduced",
    "increased",
    "improved",
    "mentored",
    "founded",
    "architected",
    "established",
    "spearheaded",
    "oversaw",
    "coordinated",
    "trained",
    "taught",
    "wrote",
    "negotiated",
    "closed",
    "sold",
    "owned",
    "rebuilt",
    "optimized",
    "optimised",
    "streamlined",
    "drove",
    "headed",
    "supervised",
    "deployed",
    "organized",
    "organised",
    "redesigned",
    "cut",
    "doubled",
    "tripled",
    "saved",
    "introduced",
    "ran",
    "run",
    "worked",
    "taken",
    "maintained",
    "published",
    "researched",
]
_PRESENT_ROLE_VERBS = ["lead", "manage", "run", "oversee", "own", "build", "teach", "supervise"]
_BACKGROUND_NOUNS = [
    "background",
    "experience",
    "expertise",
    "skills",
    "skillset",
    "skill",
    "track",
    "years",
    "time",
    "work",
    "career",
    "degree",
    "training",
    "certification",
    "knowledge",
    "role",
]


@spacy.registry.misc("followup.fit_rules.v1")
def fit_rules() -> list[Rule]:
    """A real case for fit: concrete experience, skills or a contribution, tied to the candidate.

    Bare claims ("I'd be a great fit", "I'm the right person") deliberately have no rule.
    """
    num = {"LIKE_NUM": True}
    plus = {"ORTH": {"IN": ["+", "-"]}, "OP": "?"}
    years = _in(["years", "year", "months", "decade"])
    rules = [
        Rule(
            "FIT",
            "fit.my_n_years",
            [{"NORM": "my"}, _in(["over", "nearly"], "?"), num, plus, years],
        ),
        Rule(
            "FIT",
            "fit.n_years_of",
            [
                num,
                plus,
                years,
                _in(
                    [
                        "of",
                        "in",
                        "as",
                        "at",
                        "leading",
                        "building",
                        "working",
                        "managing",
                        "running",
                        "doing",
                        "teaching",
                        "experience",
                        "'",
                        "’",
                    ]
                ),
            ],
        ),
        Rule(
            "FIT",
            "fit.in_my_role",
            [
                _in(["in", "at", "during"]),
                {"NORM": "my"},
                _in(["current", "previous", "last", "past", "former", "prior", "recent"], "?"),
                _in(
                    [
                        "role",
                        "position",
                        "job",
                        "company",
                        "team",
                        "internship",
                        "employer",
                        "work",
                        "time",
                    ]
                ),
            ],
        ),
        Rule(
            "FIT",
            "fit.i_did",
            [
                {"NORM": "i"},
                _in(["have", "had"], "?"),
                {"IS_ALPHA": True, "LOWER": {"REGEX": "ly$"}, "OP": "?"},
                _in(_ACHIEVE_VERBS),
            ],
        ),
        Rule(
            "FIT",
            "fit.i_currently_do",
            [
                {"NORM": "i"},
                _in(["currently", "now"], "?"),
                _in(_PRESENT_ROLE_VERBS),
                _in(["a", "the", "our", "my", "teams", "projects", "products", "two", "three"]),
            ],
        ),
        Rule(
            "FIT",
            "fit.i_have_been_doing",
            [{"NORM": "i"}, {"NORM": "have"}, {"NORM": "been"}, {"LOWER": {"REGEX": "ing$"}}],
        ),
        Rule(
            "FIT",
            "fit.my_background",
            [
                _in(["my", "our"]),
                _in(_BACKGROUND_NOUNS),
                _in(["record"], "?"),
                _in(
                    [
                        "in",
                        "with",
                        "as",
                        "at",
                        "of",
                        "leading",
                        "building",
                        "managing",
                        "running",
                        "would",
                        "will",
                        "could",
                        "can",
                        "on",
                        "from",
                        "makes",
                        "means",
                        "aligns",
                        "matches",
                        "fits",
                        "translates",
                        "prepared",
                        "has",
                    ]
                ),
            ],
        ),
        Rule(
            "FIT",
            "fit.i_have_experience",
            [
                {"NORM": "i"},
                _in(["have", "bring", "had"]),
                _in(
                    [
                        "a",
                        "an",
                        "deep",
                        "hands",
                        "extensive",
                        "strong",
                        "solid",
                        "direct",
                        "relevant",
                        "significant",
                        "some",
                        "broad",
                        "years",
                        "over",
                        "nearly",
                        "several",
                        "many",
                    ],
                    "?",
                ),
                {"NORM": "-", "OP": "?"},
                _in(
                    [
                        "on",
                        "experience",
                        "background",
                        "expertise",
                        "track",
                        "skills",
                        "knowledge",
                        "years",
                        "degree",
                        "certification",
                        "portfolio",
                    ]
                ),
            ],
        ),
        Rule(
            "FIT",
            "fit.i_bring",
            [
                {"NORM": "i"},
                _in(["would", "will", "can", "could"], "?"),
                _in(["bring", "contribute", "apply", "leverage", "offer"]),
            ],
        ),
        Rule(
            "FIT",
            "fit.i_could_help",
            [
                {"NORM": "i"},
                _in(["would", "will", "can", "could", "am", "'m"]),
                _in(["help", "hit", "tackle", "solve", "improve", "reduce", "speed", "take"]),
                _in(
                    [
                        "you",
                        "your",
                        "the",
                        "with",
                        "ground",
                        "on",
                        "up",
                        "grow",
                        "build",
                        "ship",
                        "scale",
                    ]
                ),
            ],
        ),
        Rule(
            "FIT",
            "fit.skilled_in",
            [
                _in(["i", "am", "'m"]),
                _in(
                    [
                        "skilled",
                        "experienced",
                        "proficient",
                        "certified",
                        "fluent",
                        "trained",
                        "versed",
                        "specialized",
                        "specialised",
                        "expert",
                    ]
                ),
                _in(["in", "with", "at"]),
            ],
        ),
        Rule("FIT", "fit.having_done", [{"NORM": "having"}, _in(_ACHIEVE_VERBS + ["spent"])]),
        Rule(
            "FIT",
            "fit.as_a_former",
            [
                {"NORM": "as"},
                _in(["a", "an"]),
                _in(["former", "current", "certified", "seasoned", "practicing", "practising"]),
            ],
        ),
    ]
    return rules


# ---------------------------------------------------------------------------------------------
# Gift.

_GIFT_ITEMS = [
    "gift",
    "gifts",
    "gift card",
    "gift cards",
    "giftcard",
    "gift basket",
    "gift certificate",
    "egift",
    "e - gift",
    "voucher",
    "fruit basket",
    "basket",
    "hamper",
    "flowers",
    "bouquet",
    "chocolates",
    "box of chocolates",
    "chocolate",
    "cookies",
    "cupcakes",
    "cake",
    "pastries",
    "donuts",
    "doughnuts",
    "bagels",
    "muffins",
    "candy",
    "sweets",
    "treats",
    "a treat",
    "a small treat",
    "wine",
    "bottle of",
    "champagne",
    "coffee",
    "lunch",
    "pizza",
    "snacks",
    "token of my appreciation",
    "token of my gratitude",
    "token of appreciation",
    "small token",
    "little token",
    "little something",
    "small something",
    "a present",
    "a small present",
    "a little present",
    "plant",
    "succulent",
    "tea",
    "brownies",
    "macarons",
    "care package",
    "starbucks card",
    "amazon card",
    "gift voucher",
    "box of",
]
_SEND_CUES = [
    "sent",
    "send",
    "sending",
    "have sent",
    "enclosed",
    "enclosing",
    "enclose",
    "included",
    "including",
    "include",
    "please enjoy",
    "please accept",
    "hope you enjoy",
    "hope you all enjoy",
    "hope the team enjoys",
    "hope everyone enjoys",
    "enjoy the",
    "enjoy this",
    "enjoy these",
    "enjoy a",
    "on its way",
    "on their way",
    "should arrive",
    "will arrive",
    "arriving",
    "delivered",
    "delivering",
    "dropped off",
    "drop off",
    "dropping off",
    "ordered",
    "here 's",
    "here is",
    "here are",
    "attached",
    "attaching",
    "left",
    "leaving",
    "got you",
    "got the team",
    "bought",
    "picked up",
    "treat you",
    "for you and the team",
    "a thank you gift",
    "as a thank you",
    "as a thank - you",
    "as a token",
    "mailed",
    "shipped",
    "gifted",
    "gifting",
]


@spacy.registry.misc("followup.gift_rules.v1")
def gift_rules() -> list[Rule]:
    """Gift items, delivery cues (decided together, same sentence), and what is *not* a gift.

    GIFT_EXCLUDE covers the figurative ("the gift of your time", "a gift for explaining") and the
    topical ("your gift card business", "the company's gift cards").
    """
    rules = _phrases("GIFT_ITEM", "gift.item", _GIFT_ITEMS)
    rules += _phrases("GIFT_SEND", "gift.delivery", _SEND_CUES)
    rules += [
        Rule(
            "GIFT_EXCLUDE", "gift.figurative", [{"NORM": {"IN": ["gift", "gifts"]}}, {"NORM": "of"}]
        ),
        Rule(
            "GIFT_EXCLUDE",
            "gift.figurative",
            [{"NORM": {"IN": ["gift", "gifts"]}}, {"NORM": "for"}, {"LOWER": {"REGEX": "ing$"}}],
        ),
        Rule(
            "GIFT_EXCLUDE",
            "gift.figurative",
            [
                {"NORM": {"IN": ["a", "real", "true"]}},
                {"NORM": "gift"},
                {"NORM": {"IN": ["to", "for"]}},
                {"NORM": {"IN": ["the", "your", "this", "our"]}},
            ],
        ),
        Rule(
            "GIFT_EXCLUDE",
            "gift.topical",
            [
                _in(["your", "their", "our", "its", "the", "'s"]),
                _in(
                    [
                        "gift",
                        "gifting",
                        "flower",
                        "flowers",
                        "coffee",
                        "wine",
                        "chocolate",
                        "voucher",
                        "fruit",
                        "pizza",
                    ]
                ),
                _in(["card", "cards", "basket", "baskets"], "?"),
                _in(
                    [
                        "business",
                        "program",
                        "programme",
                        "platform",
                        "product",
                        "products",
                        "sales",
                        "market",
                        "industry",
                        "offering",
                        "line",
                        "space",
                        "revenue",
                        "strategy",
                        "launch",
                        "team",
                        "project",
                        "integration",
                        "api",
                        "system",
                        "store",
                        "shop",
                        "catalog",
                        "catalogue",
                        "customers",
                        "brand",
                        "delivery",
                        "service",
                        "app",
                        "fraud",
                        "data",
                        "volume",
                        "orders",
                        "range",
                        "portfolio",
                        "supply",
                        "chain",
                    ]
                ),
            ],
        ),
        Rule(
            "GIFT_EXCLUDE",
            "gift.topical",
            [
                _in(["your", "their", "its"]),
                _in(["gift", "gifts", "flowers", "wine", "coffee", "chocolates", "cookies"]),
                _in(["card", "cards"], "?"),
            ],
        ),
    ]
    return rules


# ---------------------------------------------------------------------------------------------
# Prewritten: the interview still to come, or placeholders left unfilled.

_MEET_VERBS = [
    "meeting",
    "seeing",
    "speaking",
    "talking",
    "chatting",
    "connecting",
    "interviewing",
    "sitting",
]
_SOON = [
    "today",
    "tomorrow",
    "tonight",
    "this morning",
    "this afternoon",
    "this evening",
    "later today",
    "later this morning",
    "later this afternoon",
    "in a few hours",
    "in an hour",
    "in a bit",
    "shortly",
    "this week",
]


@spacy.registry.misc("followup.prewritten_rules.v1")
def prewritten_rules() -> list[Rule]:
    """The interview spoken of as still to come (not a later round), and unfilled placeholders.

    LATER_ROUND cues ("next steps", "second interview", "hearing back", "again") in the same
    sentence cancel a FUTURE cue. Placeholders: [Interviewer Name], {company}, <<Role>>, ____;
    the pipeline's own redaction tags ([NAME], [EMAIL], ...) and literal brackets are excluded
    in ``decide.placeholder_ok``.
    """
    fwd = [{"NORM": "forward"}, {"NORM": "to"}]
    rules = [
        Rule(
            "FUTURE_MEET_YOU",
            "prewritten.forward_to_meeting_you",
            fwd + [_in(["meeting", "seeing"]), _in(["you", "y'", "everyone", "all"])],
        ),
        Rule(
            "FUTURE_MEET",
            "prewritten.forward_to_speaking_soon",
            fwd
            + [
                _in(_MEET_VERBS),
                _in(["with", "to"], "?"),
                _in(["you", "everyone", "the", "all", "your"], "?"),
                _in(["team", "of", "panel"], "?"),
                _in(["you", "us"], "?"),
            ],
        ),
        Rule(
            "FUTURE_INTERVIEW",
            "prewritten.forward_to_our_interview",
            fwd
            + [
                _in(["our", "the", "my", "today", "tomorrow", "this", "tonight"]),
                _in(["'s"], "?"),
                _in(["upcoming", "scheduled", "planned"], "?"),
                _in(["interview", "meeting"]),
            ],
        ),
        Rule(
            "FUTURE_MEET",
            "prewritten.forward_to_our_chat",
            fwd
            + [
                _in(["our", "the", "today", "tomorrow"]),
                _in(["'s"], "?"),
                _in(["conversation", "chat", "call", "discussion", "talk"]),
            ],
        ),
        Rule(
            "FUTURE_INTERVIEW",
            "prewritten.upcoming_interview",
            [_in(["our", "the", "my"]), _in(["upcoming"]), _in(["interview", "meeting"])],
        ),
        Rule(
            "FUTURE_MEET",
            "prewritten.will_meet",
            [
                _in(["will", "shall", "going", "excited", "can", "not", "ready"]),
                _in(["to"], "?"),
                _in(["meet", "see", "speak", "talk", "chat", "wait"]),
                _in(["to", "meet", "with"], "?"),
                _in(["you", "everyone", "all"]),
            ],
        ),
        Rule("FUTURE_MEET", "prewritten.see_you", [{"NORM": "see"}, {"NORM": "you"}]),
        Rule(
            "FUTURE_MEET",
            "prewritten.when_we_meet",
            [_in(["when", "once", "before"]), _in(["we", "i"]), _in(["meet", "speak", "talk"])],
        ),
        Rule(
            "FUTURE_INTERVIEW",
            "prewritten.in_advance",
            [
                {"NORM": "in"},
                {"NORM": "advance"},
                {"NORM": "for"},
                _in(["meeting", "interviewing", "the", "taking", "our", "having"]),
            ],
        ),
        Rule(
            "FUTURE_INTERVIEW",
            "prewritten.interview_tomorrow",
            [
                _in(["interview", "meeting", "call", "chat"]),
                _in(["tomorrow", "tonight", "later"]),
                _in(["today"], "?"),
            ],
        ),
    ]
    rules += _phrases("SOON", "prewritten.soon", _SOON)
    rules += _phrases(
        "LATER_ROUND",
        "prewritten.later_round",
        [
            "next steps",
            "next step",
            "next round",
            "next stage",
            "next interview",
            "second interview",
            "second round",
            "third round",
            "final round",
            "final interview",
            "follow - up interview",
            "follow up interview",
            "another interview",
            "another round",
            "further interview",
            "onsite",
            "on - site",
            "hearing back",
            "hear back",
            "hearing from you",
            "hear from you",
            "next conversation",
            "next meeting",
            "again",
            "rest of the team",
            "in person",
            "further conversations",
            "continuing",
            "continue the conversation",
            "future",
            "decision",
            "next week",
            "panel interview",
            "coming weeks",
            "coming days",
            "soon",
            "more of the team",
            "in the process",
        ],
    )
    placeholder_words = (
        r"name|company|organi[sz]ation|role|position|title|job|interviewer|hiring|manager|"
        r"date|team|department|recipient|insert|your|first|last|surname|specific|topic|"
        r"project|detail|details|something|x+|skill|skills|industry|product|city|day|time|"
        r"contact|person|field|employer|firm|agency|school|mention|point|example"
    )
    rules += [
        Rule(
            "PLACEHOLDER",
            "prewritten.placeholder_brackets",
            re.compile(r"\[\s*([^\[\]\n]{1,50}?)\s*\](?!\()"),
        ),
        Rule(
            "PLACEHOLDER",
            "prewritten.placeholder_braces",
            re.compile(r"\{\{?\s*[A-Za-z_][\w .\-]{0,40}\}\}?"),
        ),
        Rule(
            "PLACEHOLDER",
            "prewritten.placeholder_angles",
            re.compile(
                r"<<\s*[^<>\n]{1,50}>>|<\s*(?:[^<>\n]*\b(?:" + placeholder_words + r")\b[^<>\n]*)>",
                re.IGNORECASE,
            ),
        ),
        Rule("PLACEHOLDER", "prewritten.placeholder_blank", re.compile(r"_{3,}")),
        Rule(
            "PLACEHOLDER",
            "prewritten.placeholder_percent",
            re.compile(r"%\([A-Za-z_]+\)s|\$\{[A-Za-z_]+\}"),
        ),
    ]
    return rules


# ---------------------------------------------------------------------------------------------
# Handed on exit.

_HAND_VERBS = [
    "left",
    "leave",
    "leaving",
    "handed",
    "hand",
    "handing",
    "gave",
    "give",
    "giving",
    "dropped",
    "drop",
    "dropping",
    "passed",
    "pass",
    "passing",
    "entrusted",
    "entrusting",
]
_NOTE_WORDS = [
    "this",
    "it",
    "the",
    "a",
    "my",
    "our",
    "these",
    "note",
    "card",
    "letter",
    "thank",
    "-",
    "you",
    "envelope",
    "copy",
    "here",
    "off",
    "quick",
    "short",
    "little",
    "handwritten",
    "over",
    "written",
    "thanks",
]
_DESK = [
    "receptionist",
    "reception",
    "front",
    "security",
    "lobby",
    "concierge",
    "desk",
    "frontdesk",
    "doorman",
    "assistant",
    "office",
    "admin",
]


@spacy.registry.misc("followup.handed_rules.v1")
def handed_rules() -> list[Rule]:
    """The note itself handed over at the front desk or on the way out.

    A receptionist who is merely mentioned has no rule; "on my way out" counts only together
    with a hand-over of the note in the same sentence (decide.py), so "on my way out I noticed
    the award wall" does not.
    """
    return [
        Rule(
            "HANDOFF_DESK",
            "handed_on_exit.left_with_desk",
            [
                _in(_HAND_VERBS),
                _in(_NOTE_WORDS, "{0,5}"),
                _in(["with", "at", "to"]),
                _in(["the", "your", "a"], "?"),
                _in(_DESK),
            ],
        ),
        Rule(
            "HANDOFF_DESK",
            "handed_on_exit.asked_desk_to_pass",
            [
                _in(["asked", "asking", "ask"]),
                _in(["the", "your"], "?"),
                _in(_DESK),
                _in(["desk"], "?"),
                {"NORM": "to"},
                _in(["give", "pass", "hand", "deliver", "forward", "get"]),
            ],
        ),
        Rule(
            "HAND_NOTE",
            "handed_on_exit.handing_note",
            [
                _in(_HAND_VERBS),
                _in(["you", "this", "the", "my", "a"]),
                _in(
                    [
                        "this",
                        "note",
                        "card",
                        "letter",
                        "thank",
                        "envelope",
                        "quick",
                        "short",
                        "little",
                        "handwritten",
                        "written",
                        "with",
                        "at",
                        "off",
                    ]
                ),
            ],
        ),
        Rule("HAND_NOTE", "handed_on_exit.handing_note", [_in(_HAND_VERBS), _in(["this", "it"])]),
        Rule(
            "EXIT",
            "handed_on_exit.on_my_way_out",
            [
                _in(["on", "as", "before", "while", "when"]),
                _in(["my", "the", "i", "leaving"], "?"),
                _in(["way", "leave", "left", "head", "'m", "am", "was", "walk", "exit"]),
                _in(["out", "leaving", "heading", "walking", "the", "building", "today"], "?"),
            ],
        ),
    ]


# ---------------------------------------------------------------------------------------------
# Specific reference.

_CONTENT_CUES = [
    "we discussed",
    "we talked about",
    "we spoke about",
    "we covered",
    "we chatted about",
    "we went over",
    "we touched on",
    "discussing",
    "talking about",
    "hearing about",
    "learning about",
    "learning more about",
    "to learn about",
    "to hear about",
    "to learn more about",
    "hear more about",
    "our conversation about",
    "our conversation on",
    "our discussion about",
    "our discussion of",
    "our discussion on",
    "our chat about",
    "the discussion about",
    "the discussion of",
    "especially",
    "particularly",
    "in particular",
    "interested by",
    "interested to hear",
    "interested to learn",
    "fascinated by",
    "intrigued by",
    "struck by",
    "impressed by",
    "impressed with",
    "thinking about",
    "thinking more about",
    "your work on",
    "your team 's work on",
    "the team 's work on",
    "your approach to",
    "the challenge of",
    "the challenges of",
    "the challenges around",
    "your plans for",
    "your plan to",
    "the problem of",
    "your vision for",
    "the way your team",
    "how your team",
    "how you",
    "the idea of",
    "reflecting on",
    "reflected on",
    "insight into",
    "walked me through",
    "showed me",
    "the demo of",
    "your roadmap",
    "the roadmap for",
]
_REMARKS = [
    "you mentioned",
    "you said",
    "you described",
    "you explained",
    "you shared",
    "you noted",
    "you pointed out",
    "you brought up",
    "you raised",
    "you asked",
    "you asked me",
    "your point about",
    "your point that",
    "your point on",
    "your comment about",
    "your comment on",
    "your comments on",
    "your question about",
    "your question on",
    "your story about",
    "your example of",
    "as you noted",
    "as you put it",
    "as you said",
    "when you said",
    "you walked me through",
    "you showed me",
    "you were describing",
    "you were telling me",
    "you told me",
    "you highlighted",
    "you emphasized",
    "you emphasised",
    "your remark",
    "the question you asked",
    "the example you gave",
    "the story you told",
    "the case study",
]


@spacy.registry.misc("followup.specific_rules.v1")
def specific_rules() -> list[Rule]:
    """Details from the conversation: remarks, topics with content, numbers, quotes, names.

    SPEC_TOPIC cues need a content word after them ("learning about the team" is not specific,
    "learning about the billing migration" is). NUMBER and CAPITALISED are filtered in decide.py
    (times, experience years, sentence starts, greetings and sign-offs do not count).
    """
    rules = _phrases("SPEC_REMARK", "specific_reference.remark", _REMARKS)
    rules += _phrases("SPEC_TOPIC", "specific_reference.topic", _CONTENT_CUES)
    rules += [
        Rule("NUMBER", "specific_reference.number", [{"IS_DIGIT": True}]),
        Rule(
            "CAPITALISED",
            "specific_reference.proper_term",
            [{"IS_TITLE": True, "IS_ALPHA": True, "LENGTH": {">=": 2}}],
        ),
        Rule(
            "CAPITALISED",
            "specific_reference.proper_term",
            [{"IS_UPPER": True, "IS_ALPHA": True, "LENGTH": {">=": 2}}],
        ),
        Rule(
            "QUOTE",
            "specific_reference.quoted_phrase",
            re.compile(r"[\"“]([^\"“”\n]{3,100})[\"”]|‘([^‘’\n]{3,100})’"),
        ),
    ]
    return rules
