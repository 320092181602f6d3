"""Rule sets for the follow-up note tagger.

Each rule set is a small documented function registered under a versioned name in spaCy's
``misc`` registry and referenced from ``tagger.cfg``. A rule set returns :class:`Rule` objects:
a *cue* label, a rule name (recorded as evidence) and a pattern, which is one of

* a string: a phrase matched on the token ``NORM`` (lower-case, misspellings normalised) by one
  ``PhraseMatcher`` -- hash look-ups, so thousands of phrases cost almost nothing;
* a compiled regular expression: matched on the raw text (placeholders, quotes, numbers,
  capitalised words), filtered in ``decide.py``; a group named ``cue`` narrows the span.

Optional words and alternatives are written as slots and expanded into phrases by ``_expand``
(the token ``Matcher`` with ``IN``/``OP`` predicates was ~15x slower than the tokenizer, and
per-token Python checks cost more than tokenizing).

Cues are not features: ``decide.py`` combines cues (with negation, same-sentence and exclusion
checks) into the eight features. Changing anything here changes ``TAGGER_VERSION``.
"""

from __future__ import annotations

import re
from itertools import product
from typing import NamedTuple

import spacy


class Rule(NamedTuple):
    label: str
    name: str
    pattern: str | re.Pattern[str]
    # For a regex: lower-case literals of which one must occur in the lower-cased text for it
    # to match (a cheap skip); ``also``: a second such group, which must occur too.
    needs: tuple[str, ...] = ()
    also: tuple[str, ...] = ()
    # For a regex: a cue label without which this rule's cues decide nothing (it is skipped).
    after: str = ""


def _phrases(label: str, name: str, phrases: list[str]) -> list[Rule]:
    return [Rule(label, name, p) for p in dict.fromkeys(phrases)]


def _expand(*slots: list[str]) -> list[str]:
    """All phrases made by one choice per slot; "" in a slot makes it optional."""
    return [" ".join(w for w in combo if w) for combo in product(*slots)]


def _opt(*words: str) -> list[str]:
    return ["", *words]


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
        "rlly": "really",
        "rly": "really",
        "tmrw": "tomorrow",
        "tmr": "tomorrow",
        "tomorow": "tomorrow",
        "tommorow": "tomorrow",
        "tommorrow": "tomorrow",
        "2day": "today",
        "yrs": "years",
        "yr": "year",
        "backround": "background",
        "backgound": "background",
        "backgroud": "background",
        "realy": "really",
        "beleive": "believe",
        "registerd": "registered",
    }


# ---------------------------------------------------------------------------------------------
# Thanks and enthusiasm.


@spacy.registry.misc("followup.thanks_rules.v1")
def thanks_rules() -> list[Rule]:
    """The note thanks someone: thank/thanks/thx/appreciate/grateful (any spelling in the norms)."""
    words = ["thank", "thanks", "thanked", "thanking", "ty", "appreciate", "appreciated"]
    words += [
        "appreciating",
        "appreciation",
        "grateful",
        "gratitude",
        "kudos",
        "cheers for",
        "cheers again",
        "much appreciated",
        "cheers chef",
        "ta for",
        "ta very much",
        "ta muchly",
        "cheers mate",
        "cheers boss",
        "cheers pal",
    ]
    return _phrases("THANKS", "thanks.word", words)


_APOS_E = "['’]"
_INTENSIFIER = (
    r"(?:really|truly|so|very|very much|genuinely|definitely|absolutely|honestly|super|"
    r"incredibly|extremely|highly|more than|even more|all the more)"
)
_JOIN_VERBS = (
    r"join|work|be (?:a )?part|be on|be in|be a|be an|be your|become|come on board|contribute|"
    r"start|drive|teach|cook|serve|care for|look after|fly|nurse"
)
_JOIN = r"(?:" + _JOIN_VERBS + r")"
_ENTHUSIASM_PATTERNS = (
    # "want this job even more", "I really want to be part of your team"
    (
        "enthusiasm.want_the_job",
        r"\bwant(?:s|ed|ing)? (?:this|the|that) (?:job|role|position|gig)",
        ("want",),
    ),
    # (also without "to", as non-native writers put it: "I want work in your team!")
    ("enthusiasm.want_to_join", r"\bwant(?:s|ed|ing)? (?:to )?" + _JOIN + r"\b", ("want",)),
    # "I want in so badly", "I'm itching to get started", "I really like to work in your shop",
    # "I hope to make part of your team"
    (
        "enthusiasm.want_in",
        r"\bwant in\b|\bitching to\b|\breally like to " + _JOIN + r"\b|"
        r"\bhope to make part of\b",
        ("want in", "itching", "like to", "make part"),
    ),
    (
        "enthusiasm.would_love_the_job",
        r"\blove (?:the|this|that) (?:job|role|position|opportunity|chance|gig)\b",
        ("love",),
    ),
    # "would be very glad to join", "I'd be honoured to be part of"
    (
        "enthusiasm.glad_to_join",
        r"\b(?:glad|happy|honou?red|proud|overjoyed) to " + _JOIN + r"\b",
        ("glad", "happy", "honour", "honor", "proud", "overjoyed"),
    ),
    (
        "enthusiasm.hope_to_join",
        r"\bhop(?:e|ing) (?:very much |so much |really )?(?:i (?:get|can|will get) )?to (?:"
        + _JOIN_VERBS
        + r"|be [a-z]+ing\b)",
        ("hop",),
    ),
    (
        "enthusiasm.motivated",
        r"\b" + _INTENSIFIER + r" motivated\b|\bmotivated (?:to|for|by)\b",
        ("motivated",),
    ),
    (
        "enthusiasm.sounds_great",
        r"\b(?:sounds?|sounded|looks?|looked|seems?|seemed) (?:like (?:a |an )?)?(?:"
        + _INTENSIFIER
        + r" )?"
        + r"(?:amazing|wonderful|brilliant|fantastic|exciting|awesome|incredible|fascinating|"
        r"fabulous|fab|ace|epic|inspiring|like a dream|perfect|ideal|great)\b",
        ("sound", "look", "seem"),
        (
            "amazing",
            "wonderful",
            "brilliant",
            "fantastic",
            "exciting",
            "awesome",
            "incredible",
            "fascinating",
            "fabulous",
            "fab",
            "ace",
            "epic",
            "inspiring",
            "like a dream",
            "perfect",
            "ideal",
            "great",
        ),
    ),
    (
        "enthusiasm.highlight",
        r"\b(?:best part|highlight) of my (?:week|day|month|year)|\bmade my (?:day|week)\b",
        ("best part", "highlight", "made my"),
    ),
    ("enthusiasm.sold", r"\b(?:i'?m|i am|i’m|totally|completely) sold\b", ("sold",)),
    (
        "enthusiasm.dream_job",
        r"\bdream (?:job|role|team|company)\b|\bover the moon\b",
        ("dream", "over the moon"),
    ),
    (
        "enthusiasm.interest_grew",
        r"\b(?:strengthened|deepened|reinforced|increased|heightened|grew|confirmed|boosted) "
        r"(?:my|our) (?:interest|enthusiasm|excitement|desire)\b",
        ("interest", "enthusiasm", "excitement", "desire"),
    ),
    (
        "enthusiasm.what_i_was_looking_for",
        r"\b(?:exactly (?:the (?:kind|sort|type) of [\w-]+|what)|"
        r"(?:the|this|a) (?:job|role|position|opportunity|team|place|company)) "
        r"i(?:" + _APOS_E + r"ve| have)? (?:been )?(?:looking|searching|hoping|waiting) for\b",
        ("looking for", "searching for", "hoping for", "waiting for"),
    ),
    # "would love to drive one", "I'd really love to get stuck in" (not "to hear from you")
    (
        "enthusiasm.would_love_to_do",
        r"\b(?:would|['’]d) (?:really |absolutely |so |just |honestly )?love to "
        r"(?!hear|know|receive|get (?:back|feedback|an update)|chat|discuss|talk|speak|catch up)"
        r"[a-z]+",
        ("love to",),
    ),
    # "Really hope to get behind the wheel for you!", "I am really hope to fly with you"
    (
        "enthusiasm.really_hope_to",
        r"\b(?:really|so|truly|genuinely) hop(?:e|ing) (?:i (?:get|can) )?to (?!hear)[a-z]+",
        ("hop",),
    ),
    # "Would be great to join the depot", "It would be an honour for me to join your department"
    (
        "enthusiasm.would_be_great_to_join",
        r"\b(?:would|['’]d|will) be (?:so |really |just |absolutely )?(?:great|amazing|brilliant|"
        r"lovely|fantastic|wonderful|awesome|fab|ace|incredible|sick|mint|mega|class|"
        r"an? (?:honou?r|privilege|pleasure|dream|joy)) (?:for me )?to " + _JOIN + r"\b",
        (
            "great",
            "amazing",
            "brilliant",
            "lovely",
            "fantastic",
            "wonderful",
            "awesome",
            "fab",
            "ace",
            "incredible",
            "sick",
            "mint",
            "mega",
            "class",
            "honour",
            "honor",
            "privilege",
            "pleasure",
            "dream",
            "joy",
        ),
    ),
    (
        "enthusiasm.jump_at",
        r"\bjump at the (?:chance|opportunity)\b|\bcount me in\b",
        ("jump at", "count me in"),
    ),
)


_JOIN_ACTIONS = ["start", "be", "bring", "learn", "get", "come", "join", "work", "help", "build",
                 "do", "take", "try", "grow", "develop", "make", "support", "see"]  # fmt: skip


@spacy.registry.misc("followup.enthusiasm_rules.v1")
def enthusiasm_rules() -> list[Rule]:
    """Enthusiasm for the role or team: excited, thrilled, eager, can't wait, love to join, ...

    A plain "enjoyed" is politeness; only an intensified one ("really enjoyed") counts.
    "exited" (a frequent misspelling) counts only after am/so/very/really.
    """
    words = ["excited", "exciting", "excites", "thrilled", "eager", "eagerly", "enthusiastic"]
    words += ["enthusiasm", "delighted", "passionate", "energized", "energised", "inspired"]
    words += ["inspiring", "pumped", "stoked", "psyched", "fascinating", "fascinated", "loved"]
    words += [
        "thrilling",
        "ecstatic",
        "jazzed",
        "elated",
        "keen",
        "keener",
        "relish",
        "buzzing",
        "chuffed",
        "hyped",
        "amped",
        "raring",
    ]
    rules = _phrases("ENTHUSIASM", "enthusiasm.word", words)
    rules += _phrases(
        "ENTHUSIASM",
        "enthusiasm.cant_wait",
        _expand(["can", "could"], ["not", "n't"], ["wait"]) + ["cannot wait"],
    )
    rules += _phrases(
        "ENTHUSIASM",
        "enthusiasm.love_to",
        _expand(
            ["love", "like nothing more than"],
            ["to join", "to be part", "to be a part", "to work", "to contribute", "the chance",
             "the opportunity", "to help", "to build"],
        ),
    )  # fmt: skip
    # (not "really enjoyed" / "really liked": labellers read those as politeness, 3 in 43)
    rules += _phrases(
        "ENTHUSIASM",
        "enthusiasm.intensified_love",
        _expand(
            ["really", "truly", "thoroughly", "genuinely", "so", "greatly", "very much"],
            ["love", "loved"],
        ),
    )
    rules += _phrases(
        "ENTHUSIASM",
        "enthusiasm.love_what_you_do",
        _expand(
            ["love", "loving"],
            ["what you", "what your", "how you", "how your", "the mission", "the idea"],
        ),
    )
    rules += _phrases(
        "ENTHUSIASM",
        "enthusiasm.forward_to_joining",
        _expand(["forward to"], _opt("hopefully"),
                ["joining", "working with", "working on", "contributing", "starting",
                 "getting started", "being part"]),
    )  # fmt: skip
    # "I'd love to be involved", "would really love to bring my doughs" -- not "to hear".
    rules += _phrases(
        "ENTHUSIASM",
        "enthusiasm.would_love_to",
        _expand(["would"], _opt("really", "absolutely", "so", "just", "honestly"), ["love to"],
                _JOIN_ACTIONS)
        + _expand(["would"], ["really", "very much", "truly", "so"], ["like to"],
                  _JOIN_ACTIONS),
    )  # fmt: skip
    # "Really looking forward to it!" about the job, not the reply ("to hearing from you").
    rules += _phrases(
        "ENTHUSIASM",
        "enthusiasm.really_looking_forward",
        _expand(["really", "so", "genuinely", "truly", "super", "massively"],
                ["looking forward to", "look forward to"],
                ["it", "the trial", "the shift", "starting", "getting", "the challenge",
                 "the next"]),
    )  # fmt: skip
    rules += _phrases(
        "ENTHUSIASM",
        "enthusiasm.up_for_it",
        ["well up for", "really up for", "so up for", "right up my street", "right up my alley",
         "hope i get to", "hoping i get to", "hope i get the chance", "hope i get the opportunity",
         "hope to get the chance", "my dream to", "a dream to", "dream of working",
         "dream come true", "a privilege to", "an honour to", "an honor to", "a privilege",
         "mad for the", "obsessed with", "really want this", "want this so",
         "happy if i can", "glad if i can", "happy if i could", "since i was little",
         "since i was a kid", "since i was a child", "since i am child", "since childhood",
         "want so much", "want very much", "so much want", "the job i want", "where do i sign",
         "sign me up", "hoping you 'll have me", "hope you 'll have me", "if you 'll have me",
         "a fun problem", "a great challenge",
         "the role i want", "the job i 've always wanted", "found my dream",
         "hope i get the job", "hope i get it", "hope i get the role", "hope i get the position",
         "hope i get this", "really want in", "would love a go", "would love a crack",
         "would love a shot", "would enjoy working", "would really enjoy working",
         "hope we can work together", "hope we will work together", "hope to work together"],
    )  # fmt: skip
    rules += [
        Rule("ENTHUSIASM", name, re.compile(pattern, re.IGNORECASE), *needs)
        for name, pattern, *needs in _ENTHUSIASM_PATTERNS
    ]
    rules += _phrases(
        "ENTHUSIASM",
        "enthusiasm.nowhere_rather",
        _expand(["nowhere", "no place", "no team", "no company", "no organisation",
                 "no organization", "nothing"],
                ["i would", "i 'd", "i ’d"], _opt("much", "honestly"), ["rather"]),
    )  # fmt: skip
    rules += _phrases(
        "ENTHUSIASM",
        "enthusiasm.misspelled_exited",
        _expand(["am", "so", "very", "really", "super", "truly"], ["exited"]),
    )
    return rules


# ---------------------------------------------------------------------------------------------
# Fit argument: a case for the candidate, not a bare "great fit".

# "At [NAME] Hospice I took it from 61% to 78%": a (redacted) employer, then what the candidate
# did there.
_AT_EMPLOYER_I_DID = re.compile(
    r"\bat \[name\](?: [\w&'-]+){0,3},? (?:i|we) (?:[a-z]+ed|took|ran|led|built|brought|put|set|"
    r"cut|grew|made|did|won|wrote|drew|rolled|had|was)\b",
    re.IGNORECASE,
)
# "from 61% to 78%", "from £2m to £7m": decide.py wants the candidate's change before it
# ("I took it", "my book grew").
_FROM_TO = re.compile(r"\bfrom [£$€]?\d[\d.,]*[%km]?(?: [a-z]+)? to [£$€]?\d")
_ACHIEVE_VERBS = [
    "led", "built", "managed", "designed", "shipped", "launched", "developed", "implemented",
    "created", "grew", "scaled", "delivered", "migrated", "automated", "reduced", "increased",
    "improved", "mentored", "founded", "architected", "established", "spearheaded", "oversaw",
    "coordinated", "trained", "taught", "wrote", "negotiated", "closed", "sold", "owned",
    "rebuilt", "optimized", "optimised", "streamlined", "drove", "headed", "supervised",
    "deployed", "organized", "organised", "redesigned", "cut", "doubled", "tripled", "saved",
    "introduced", "ran", "run", "worked", "maintained", "published", "researched", "written",
    "done", "repaired", "fixed", "handled", "helped", "supported", "won", "achieved", "completed",
    "served", "opened", "grown", "co - designed", "co - founded", "co - led", "co - wrote",
    "programmed", "coached", "audited", "hired", "recruited", "raised", "lifted", "halved",
    "driven", "drove", "planned", "fitted", "installed", "facilitated", "co - facilitated",
    "cooked", "baked", "cleaned", "nursed", "processed", "styled", "serviced", "inspected",
    "operated", "assessed", "treated", "prepared", "volunteered", "studied", "looked after",
    "cared for", "covered", "modeled", "modelled", "subtitled", "translated", "edited",
    "drafted", "reviewed", "tested", "filmed", "photographed", "catalogued", "cataloged",
    "curated", "co - curated", "set up", "restored", "unblocked", "used", "renovated",
    "refurbished", "wired", "plumbed", "decorated", "resolved", "onboarded", "project - managed",
    "co - ordinated", "rolled out", "drew up", "rewrote", "defended", "been through", "cleared",
    "held", "averaged", "went through",
]  # fmt: skip
_ADVERBS = ["", "also", "recently", "successfully", "previously", "personally", "already",
            "once", "just", "then", "directly", "single - handedly", "independently"]  # fmt: skip
_AT_EMPLOYER_VERBS = ["moved", "took", "spent", "inherited", "went through", "learned", "learnt"]
# The same with the employer named: "at Travis Perkins I moved my accounts", "In Rotterdam port we
# cut the waiting time" (case-sensitive: the employer is capitalised).
_AT_NAMED_EMPLOYER_I_DID = re.compile(
    r"\b(?:[Aa]t|[Ww]ith|[Ii]n) [A-Z][\w&'’-]*(?: [A-Z][\w&'’-]*){0,3},? (?:I|we) (?:"
    + "|".join(v.replace(" - ", "-") for v in [*_ACHIEVE_VERBS, *_AT_EMPLOYER_VERBS])
    + r")\b"
)
# "I did returns at Next for two Christmases", "I did a foundation in illustration at Falmouth":
# something done at a named employer or school (not the interview, a test or a tour there).
# "I speak Polish, Russian and English": languages are a skill (the language capitalised).
_I_SPEAK = re.compile(
    r"\b[Ii] (?:also |can )?(?:speak|am fluent in|['’]m fluent in) (?:fluent |good |some )?"
    r"[A-Z][a-z]+\b"
)
_DID_IT_AT_EMPLOYER = re.compile(
    r"\b[Ii] (?:did|have done|['’]ve done) "
    r"(?!(?:the |my |an? |this |that |your )?(?:interview|test|trial|assessment|tour|visit|"
    r"presentation|task|exercise|best|research|reading|homework)\b)"
    r"(?:[\w-]+ ){1,3}(?:at|for|with) (?:the )?(?:[A-Z][\w&'’-]*|\[NAME\])"
)
_ING_VERBS = ["working", "leading", "building", "managing", "running", "developing",
              "designing", "teaching", "coding", "writing", "selling", "doing", "supporting",
              "analyzing", "analysing", "researching", "mentoring", "programming", "baking",
              "cooking", "cleaning", "driving", "caring", "nursing", "coaching", "training",
              "volunteering", "serving", "drawing", "painting", "fixing", "repairing",
              "installing", "fitting", "welding", "farming", "picking", "packing", "waitressing",
              "bartending", "tattooing", "styling", "photographing", "filming", "editing",
              "gardening", "decorating", "tutoring", "lifeguarding", "instructing"]  # fmt: skip
_BACKGROUND_NOUNS = [
    "background", "experience", "expertise", "skills", "skillset", "skill set", "track record",
    "years", "time", "work", "career", "degree", "training", "certification", "knowledge",
]  # fmt: skip


_APOS = "['’]"
_NUMBER_WORDS = (
    r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
    r"thirty|forty|fifty|several|many)"
)
_PREVIOUS_WORDS = (
    "current", "previous", "last", "old", "former", "prior", "past", "present", "first", "recent",
)  # fmt: skip
_PREVIOUS = "(?:" + "|".join(_PREVIOUS_WORDS) + ")"
_NOT_WORK = r"(?!interview|conversation|chat|call|meeting|note|email|e-mail|message|letter)"
_FIT_PATTERNS = (
    # "at my current school we ...", "in my last job I ...": any workplace, when qualified.
    (
        "fit.in_my_previous_workplace",
        r"\b(?:in|at|during|from|with) my " + _PREVIOUS + r" " + _NOT_WORK + r"[a-z][\w-]*",
        _PREVIOUS_WORDS,
    ),
    # "my previous role required deep work on ..."
    (
        "fit.my_previous_role_did",
        r"\bmy " + _PREVIOUS + r" (?:role|job|position|post|team|company|employer|work|internship)"
        r" (?:required|involved|included|meant|demanded|focused|focussed|centred|centered|covered|"
        r"taught|gave|had me|was all about)\b",
        _PREVIOUS_WORDS,
    ),
    # "my python development experience would come in handy" (not "my skills and experience")
    (
        "fit.my_qualified_experience_would",
        r"\bmy (?:(?!and\b|or\b)[\w-]+ ){1,3}(?:experience|expertise|back(?:g)?round|skills?|"
        r"skillset|knowledge|training|experiance|expirience|experince) "
        r"(?:would|will|could|can|should|feels? like|seems? like|matches|"
        r"aligns|fits|lines up|maps|translates|makes me|suggests|"
        r"is (?:a |an )?(?:[\w-]+ ){0,2}(?:match|fit))\b",
        (
            "experience",
            "expertise",
            "background",
            "backround",
            "skill",
            "knowledge",
            "training",
            "experiance",
            "expirience",
            "experince",
        ),
    ),
    # "I have cleaning experience in offices", "I've got warehouse experience" (not "no")
    (
        "fit.i_have_trade_experience",
        r"\bi (?:have|had|bring|" + _APOS + r"ve got|have got|got) "
        r"(?!no |little |zero |limited |not |any |an? )(?:[\w-]+ ){1,2}experience\b",
        ("experience",),
    ),
    # "I was averaging 165 at DHL", "I was supervising a team of six"
    (
        "fit.i_was_doing",
        r"\bi was (?:averaging|supervising|coaching|teaching|training|managing|leading) "
        r"(?!to\b)|"
        # "I was doing 120+ parcels a day for DPD", "I was doing the same in a perfume shop"
        r"\bi was doing (?:the same|similar|exactly|\d)",
        ("i was",),
    ),
    (
        "fit.i_have_spent_years",
        r"\bi(?:" + _APOS + r"ve| have)? spent (?:(?:most|much|all) of )?(?:the (?:last|past) )?"
        r"(?:[\w+-]+ ){0,2}(?:years?|months|decades?|summers|seasons)\b",
        ("spent",),
    ),
    # "a caching problem I've fixed before", "I have solved this before"
    (
        "fit.done_it_before",
        r"\bi(?:" + _APOS + r"ve| have)? (?:fixed|solved|built|handled|tackled|dealt with|"
        r"cracked|sorted|delivered) (?:[\w-]+ ){0,3}?before\b",
        ("before",),
    ),
    # "I've been a senior carer for 6 years", "I planned groupage for a haulier for three years"
    (
        "fit.for_n_years",
        r"\bi(?:" + _APOS + r"ve|" + _APOS + r"m| have| had| am| was)?\b[^.!?\n]{1,80}?\b"
        r"(?:for|since) (?:over |nearly |almost |about |around |the (?:last|past) )?"
        + _NUMBER_WORDS
        + r"\+? (?:years?|yrs|months|decades?|summers|seasons|christmas(?:es)?)\b",
        ("year", "yrs", "month", "decade", "summers", "seasons", "christmas"),
    ),
    # "Been doing second fix 9 yrs"
    (
        "fit.been_doing_for",
        r"\bbeen [a-z]+ing\b[^.!?\n]{0,40}?\b(?:for )?"
        + _NUMBER_WORDS
        + r"\+? (?:years?|yrs|months|decades?)\b",
        ("been",),
    ),
    # "my thesis work on structured pruning", "my doctoral research into ..."
    (
        "fit.my_research",
        r"\bmy (?:thesis|doctoral|phd|ph\.d\.|dissertation|master['’]?s|postdoctoral|research|"
        r"final[- ]year|capstone) (?:work|research|project|thesis|dissertation|study)? ?"
        r"(?:was |is )?"
        r"(?:on|into|about|in|looked|examined|focused|focussed|used|applied|modelled|modeled|"
        r"built|developed)\b|"
        # "my master's dissertation modelled ...", "my MEng project modelled a similar scheme"
        r"\bmy (?:[\w'’-]+ )?(?:thesis|dissertation|capstone|(?:meng|msc|ma|mba|bsc|ba|beng|phd|"
        r"master['’]?s|undergraduate|degree|final[- ]year|university|uni) project)\b",
        (
            "thesis",
            "doctoral",
            "phd",
            "ph.d",
            "dissertation",
            "master",
            "research",
            "final",
            "capstone",
            "project",
        ),
    ),
    # "I am AAT qualified", "I'm a qualified pharmacy technician", "ISTQB certified"
    (
        "fit.i_am_qualified",
        r"\b(?:(?:i am|i['’]m|am) (?:a |an )?(?:fully |now |also |newly )?(?:[a-z0-9]{2,8} )?|"
        r"\b[a-z0-9]{2,8} )(?:qualified|certified|registered|chartered|licensed|accredited)\b|"
        r"\bi graduated (?:with|in|from)\b",
        (
            "qualified",
            "certified",
            "registered",
            "chartered",
            "licensed",
            "accredited",
            "graduated",
        ),
    ),
    # "I have NVQ Level 3 in Health and Social Care", "finished my Early Years degree"
    (
        "fit.my_qualification",
        r"\b(?:i (?:also )?(?:have|hold)|i['’]?ve (?:also )?got|(?:i (?:have )?(?:just )?)?"
        r"(?:finished|completed|passed|did)) (?:a |an |my |the )?"
        r"(?:[\w-]+ ){0,3}?(?:\w+-)?(?:degree|diploma|placement|apprenticeship|nvq|qualification|"
        r"certificate|certification|licen[cs]e|card|level \d|training|course|dbs|test)\b",
        (
            "degree",
            "diploma",
            "placement",
            "apprenticeship",
            "nvq",
            "qualification",
            "certificate",
            "certification",
            "licence",
            "license",
            "card",
            "level",
            "training",
            "course",
            "dbs",
            "test",
        ),
    ),
    # "I did two summers on reception", "I did a similar identity for a coffee brand"
    (
        "fit.i_did_a_stint",
        r"\b(?:i (?:also |just )?)?did (?:a |an |the |my |\w+ )?(?:[\w-]+ ){0,2}?(?:summers?|"
        r"christmas(?:es)?|"
        r"years?|months?|weeks?|seasons?|placement|internship|stint|apprenticeship|project|similar|"
        r"work experience)\b",
        ("did",),
    ),
    # "My branding work for three bookshops", "at [NAME] we cut near misses by a third"
    (
        "fit.my_work_for",
        r"\bmy (?:[\w-]+ ){0,2}work (?:for|on|at|with|in)\b",
        ("work for", "work on", "work at", "work with", "work in"),
    ),
    (
        "fit.at_x_we_did",
        r"\bat (?:\[name\]|my [\w' -]{1,30}?),? we (?:cut|reduced|built|launched|grew|doubled|"
        r"halved|introduced|rolled out|moved|migrated|automated|redesigned|delivered|improved|"
        r"increased)\b",
        (
            "we cut",
            "we reduced",
            "we built",
            "we launched",
            "we grew",
            "we doubled",
            "we halved",
            "we introduced",
            "we rolled",
            "we moved",
            "we migrated",
            "we automated",
            "we redesigned",
            "we delivered",
            "we improved",
            "we increased",
        ),
    ),
    # "I was the BIM coordinator for the MEP package"
    (
        "fit.i_was_the_role",
        r"\bi(?: was|['’]ve been| have been) part of (?:the|a|an) (?:[\w-]+ ){0,3}?team\b|"
        r"\bi(?: was|['’]ve been| have been) (?:the|a|an) (?:[\w-]+ ){0,3}?(?:coordinator|manager|"
        r"lead|leader|engineer|maintainer|"
        r"analyst|developer|designer|consultant|officer|supervisor|head|director|owner|architect|"
        r"editor|reporter|teacher|nurse|chef|assistant|specialist|administrator|accountant|"
        r"auditor|researcher|scientist|technician|planner|buyer|producer|captain|president|"
        r"founder|trainer|mentor|volunteer|surveyor|controller|representative|super-user|"
        r"superuser|champion|user)\b",
        ("i was", "been"),
    ),
    # "As a team leader on a dementia unit for the past three years, I ..."
    (
        "fit.as_a_role_for_years",
        r"\bas an? (?:[\w-]+ ){1,6}?(?:for|over) (?:the (?:last|past) )?"
        + _NUMBER_WORDS
        + r"\+? (?:years?|yrs|months)\b",
        ("as a", "as an"),
    ),
    # "at the estate where I worked before, we ...", "at the trust where I currently work I ..."
    (
        "fit.where_i_worked",
        r"\b(?:at|in|with) (?:the|a|an|my) [\w' -]{1,30}? where i (?:currently |used to |"
        r"previously |last )?(?:work|worked|was working|trained|volunteer|volunteered)\b",
        ("where i",),
    ),
    # "I smashed my targets 6 quarters in a row", "hit every sales target"
    (
        "fit.hit_my_targets",
        r"\bi (?:always |consistently |regularly )?(?:hit|smashed|beat|exceeded|met|surpassed|"
        r"overachieved|smash|exceed) (?:my|all my|every|each|all) (?:[\w-]+ )?(?:targets?|kpis?|"
        r"quotas?)\b",
        ("target", "kpi", "quota"),
    ),
    # "Used it for 3 years.", "Worked there for two years": the record without the "I"
    (
        "fit.did_it_for_years",
        r"(?:^|(?<=[.!?,]\s)|(?<=\n)|(?<=\s[-–—]\s))(?:used|worked|done|been|run|ran|managed|drove|"
        r"driven|taught|coached|led|built|had|did)\b[^.!?\n]{0,60}?\bfor (?:over |nearly |about |"
        r"the (?:last|past) )?"
        + _NUMBER_WORDS
        + r"\+? (?:years?|yrs|months|summers|seasons|christmas(?:es)?)\b",
        ("year", "yrs", "month"),
    ),
    # "I've got my CSCS card", "I've got my RHS Level 3"
    (
        "fit.got_my_ticket",
        r"(?:\bi(?:" + _APOS + r"ve| have)? |^|(?<=[.!?,]\s)|(?<=\n))(?:got|have) "
        r"(?:my|a|an|the|all my) "
        r"(?:[\w-]+ ){0,3}?"
        r"(?:card|licen[cs]e|tickets?|certificates?|level|qualifications?|diploma|degree|nvq|"
        r"cert|cscs|cpcs|sia|ipaf|pasma|npors)\b|"
        # "I have ticket for forward tipping dumper" (no article)
        r"\bi (?:have|got) (?:ticket|licen[cs]e|badge|certificate)\b",
        ("got", "have"),
    ),
    # "SIA badge is in date till 2027", "CSCS card", "forklift licence": a trade's papers
    (
        "fit.trade_papers",
        r"\b(?:sia|cscs|cpcs|ipaf|pasma|npors|ecs|hgv|lgv|pcv|forklift|flt|counterbalance)"
        r" (?:badge|card|licen[cs]e|ticket|certificate)s?\b|"
        # "licences both in date", "CCTV licences valid till 2027", "clean licence"
        r"\blicen[cs]es? (?:both |all |are |is )?(?:in date|valid|current|up to date)\b|"
        r"\bclean (?:driving |full )?licen[cs]e\b",
        ("badge", "card", "licen", "ticket", "certificate"),
    ),
    # "2 yrs domiciliary care, own car", "6 yrs multi-drop in 3.5t vans": a terse record that
    # opens its clause; "I clean offices 3 years already"
    (
        "fit.n_years_terse",
        r"(?:^|(?<=[.!?,]\s)|(?<=\n))"
        + _NUMBER_WORDS
        + r"\+? (?:years?|yrs)(?: of)? (?!ago\b|old\b|later\b|time\b|on\b|in\b|from\b|"
        r"since\b|down\b|into\b|back\b|before\b|after\b|to\b|and\b)[a-z][\w-]*|"
        r"\b" + _NUMBER_WORDS + r"\+? (?:years?|yrs) already\b",
        ("year", "yrs"),
    ),
    # "I am barber 7 years", "In Ukraine I was kindergarten teacher 8 years"
    (
        "fit.i_am_role_n_years",
        r"\bi(?:"
        + _APOS
        + r"m| am| was)(?: an?)? (?:[a-z-]+ ){1,3}?(?:for )?"
        + _NUMBER_WORDS
        + r"\+? (?:years?|yrs)\b(?! old| ago)",
        ("year", "yrs"),
    ),
    # "i been cleaning offices since 2019", "I work cleaning houses since 2019"
    (
        "fit.doing_since",
        r"\b(?:been|work|worked|working) [^.!?\n]{0,50}?\bsince (?:19|20)\d\d\b",
        ("since",),
    ),
    # "After thirty years as a school cook", "with 10 years in logistics"
    (
        "fit.after_n_years_as",
        r"\b(?:after|with) (?:over |nearly |almost |about )?"
        + _NUMBER_WORDS
        + r"\+? (?:years?|yrs) (?:as|in|at|on)\b",
        ("after", "with"),
    ),
    # "three years barista experience", "six years hardening AWS estates"
    (
        "fit.n_years_doing",
        r"\b"
        + _NUMBER_WORDS
        + r"\+? (?:years?|yrs|months|decades?|seasons|summers)"
        + _APOS
        + r"?(?: of)? (?!ago\b)(?:[\w-]+ ){0,2}?(?:experience|expertise|background|[a-z]{3,}ing)\b",
        ("year", "yrs", "month", "decade", "seasons", "summers"),
    ),
    (
        "fit.what_i_do",
        r"\b(?:it|that|this)(?:" + _APOS + r"s| is) (?:basically |exactly |literally |pretty much |"
        r"precisely |just )?what i(?:" + _APOS + r"ve| have)? (?:do|did|done|been doing)\b",
        ("what i",),
    ),
    (
        "fit.i_could_help",
        r"\bi(?:" + _APOS + r"d| would| will| can| could) (?:really |definitely |certainly )?help "
        r"(?:a lot |a great deal |quite a bit |loads |a ton )(?:with|on|you|your|the)\b",
        ("help ",),
    ),
    (
        "fit.bring_that_experience",
        r"\b(?:bring|apply|transfer|put) (?:that|this|the same|similar|those|these) "
        r"(?:[\w-]+ ){0,2}?"
        r"(?:experience|expertise|skills?|knowledge|approach|learning|background)\b",
        ("bring", "apply", "transfer", "put "),
    ),
    # "... an independent prescriber in hypertension, which fits the clinic you plan"
    (
        "fit.which_fits",
        r"\b(?:i|my|i" + _APOS + r"ve|i" + _APOS + r"m)\b[^.!?\n]{3,160}?\b(?:which|that|this) "
        r"(?:fits|matches|maps onto|lines up with|aligns with|is (?:exactly |directly |very )?"
        r"relevant to|is central to|is exactly what|is just what)\b",
        (
            "fits",
            "matches",
            "maps onto",
            "lines up",
            "aligns with",
            "relevant to",
            "central to",
            "exactly what",
            "just what",
        ),
    ),
)


@spacy.registry.misc("followup.fit_rules.v1")
def fit_rules() -> list[Rule]:
    """A real case for fit: concrete experience, skills or a contribution, tied to the candidate.

    Bare claims ("I'd be a great fit", "I'm the right person") deliberately have no rule.
    FIT_YEARS ("years of", "years in") counts only after a number ("5+ years of", "my six
    years in"), checked in decide.py.
    """
    rules = _phrases(
        "FIT",
        "fit.in_my_role",
        _expand(
            ["in", "at", "during", "on"],
            ["my"],
            _opt("current", "previous", "last", "past", "former", "prior", "recent"),
            [
                "role",
                "position",
                "job",
                "company",
                "team",
                "internship",
                "employer",
                "placement",
                "apprenticeship",
                "traineeship",
            ],
        ),
    )
    rules += _phrases("FIT", "fit.i_did",
                      _expand(["i"], _opt("have", "had"), _ADVERBS, _ACHIEVE_VERBS))  # fmt: skip
    rules += _phrases(
        "FIT",
        "fit.i_currently_do",
        _expand(["i"], _opt("currently", "now"),
                ["lead", "manage", "run", "oversee", "own", "supervise"],
                ["a", "the", "our", "my", "teams", "projects", "products", "two", "three"]),
    )  # fmt: skip
    rules += _phrases("FIT", "fit.i_have_been_doing", _expand(["i have been"], _ING_VERBS))
    rules += _phrases("FIT", "fit.my_record", ["my record of", "my track record of"])
    rules += [
        Rule("FIT", "fit.at_employer_i_did", _AT_EMPLOYER_I_DID, ("at [name]",)),
        Rule("FIT_CHANGE", "fit.from_x_to_y", _FROM_TO, ("from",)),
    ]
    # "I did exactly this split for a 40,000-life scheme", "when I was at [NAME]"
    rules += _phrases(
        "FIT",
        "fit.did_exactly_this",
        _expand(["i did"], _opt("exactly", "just"), ["this", "that", "the same"])
        + _expand(["when i"], ["was", "worked"], ["at", "with", "for"], ["[name]"]),
    )
    rules += _phrases(
        "FIT",
        "fit.what_i_do_now",
        _expand(["i"], _opt("currently", "now", "also"),
                ["coach", "teach", "drive", "cook", "look after", "care for", "specialise in",
                 "specialize in", "volunteer", "work as", "work in", "work at", "work on",
                 "hold"]),
    )  # fmt: skip
    rules += _phrases(
        "FIT",
        "fit.my_background",
        _expand(
            ["my"],
            _BACKGROUND_NOUNS,
            ["in", "with", "as", "at", "leading", "building", "managing", "running", "would",
             "will", "could", "can", "on", "from", "makes", "means", "aligns", "matches",
             "fits", "translates", "prepared", "has"],
        ),
    )  # fmt: skip
    rules += _phrases(
        "FIT",
        "fit.i_have_experience",
        _expand(
            ["i"],
            ["have", "bring", "had"],
            _opt("a", "an", "deep", "hands - on", "extensive", "strong", "solid", "direct",
                 "relevant", "significant", "some", "broad", "proven", "practical"),
            ["experience", "background", "expertise", "track record", "skills", "knowledge",
             "degree", "certification", "portfolio"],
        ),
    )  # fmt: skip
    rules += _phrases(
        "FIT",
        "fit.i_bring",
        _expand(["i"], _opt("would", "will", "can", "could"),
                ["bring", "contribute", "apply", "leverage", "offer"]),
    )  # fmt: skip
    rules += _phrases(
        "FIT",
        "fit.i_could_help",
        _expand(["i"], ["would", "will", "can", "could", "am"],
                ["help", "tackle", "solve", "improve", "reduce", "speed", "take"],
                ["you", "your", "the", "with", "on", "up", "grow", "build", "ship", "scale"]),
    )  # fmt: skip
    rules += _phrases(
        "FIT",
        "fit.skilled_in",
        _expand(["i", "am"],
                ["skilled", "experienced", "proficient", "certified", "fluent", "trained",
                 "versed", "specialized", "specialised", "expert"],
                ["in", "with", "at"]),
    )  # fmt: skip
    rules += _phrases("FIT", "fit.having_done", _expand(["having"], [*_ACHIEVE_VERBS, "spent"]))
    rules += _phrases(
        "FIT",
        "fit.bring_my",
        _expand(["bring", "apply", "leverage", "use", "contribute", "put"], ["my"]),
    )
    rules += _phrases(
        "FIT",
        "fit.as_a_former",
        _expand(["as"], ["a", "an"],
                ["former", "current", "certified", "seasoned", "practicing", "practising"]),
    )  # fmt: skip
    rules += [
        Rule("FIT", name, re.compile(pattern, re.IGNORECASE), needs)
        for name, pattern, needs in _FIT_PATTERNS
    ]
    rules += [
        Rule("FIT", "fit.did_it_at_employer", _DID_IT_AT_EMPLOYER, ("did", "done")),
        Rule("FIT", "fit.i_speak_languages", _I_SPEAK, ("speak", "fluent")),
        Rule("FIT", "fit.at_employer_i_did", _AT_NAMED_EMPLOYER_I_DID),
    ]
    rules += _phrases("FIT_YEARS", "fit.years_of",
                      _expand(["years", "year", "months", "decade", "seasons", "summers"],
                              ["of", "in", "as", "at", "on", "with", "under", "leading",
                               "building", "working", "managing", "running", "doing",
                               "teaching", "experience", "'", "’"]))  # fmt: skip
    return rules


# ---------------------------------------------------------------------------------------------
# Gift.

_GIFT_ITEMS = [
    "gift", "gifts", "gift card", "gift cards", "giftcard", "gift basket", "gift certificate",
    "egift", "e - gift", "voucher", "fruit basket", "basket", "hamper", "flowers", "bouquet",
    "chocolates", "box of chocolates", "chocolate", "cookies", "cupcakes", "cake", "pastries",
    "donuts", "doughnuts", "bagels", "muffins", "candy", "sweets", "treats", "a treat",
    "a small treat", "wine", "bottle of", "champagne", "coffee", "lunch", "pizza", "snacks",
    "token of my appreciation", "token of my gratitude", "token of appreciation", "small token",
    "little token", "little something", "small something", "a present", "a small present",
    "a little present", "plant", "succulent", "tea", "brownies", "macarons", "care package",
    "starbucks card", "amazon card", "gift voucher", "box of", "tray of", "jar of", "bag of",
    "tin of", "pack of", "pot of", "flapjacks", "biscuits", "traybake", "banana bread", "prosecco",
    "sandwiches", "lil something", "little thank you", "small thank you", "a book",
    "parcel", "small parcel", "two tickets", "tickets for", "tickets to", "the book",
    "thank - you package", "thank you package", "little package", "small package", "loaf",
    "shortbread", "scones", "lemon drizzle", "drizzle cake", "fudge", "biscotti",
    "baklava", "whisky", "whiskey", "gin", "book token", "knitted", "pizzas", "cakes", "plants",
    "a bottle",
    "pies",
]  # fmt: skip
_SEND_CUES = [
    "sent", "send", "sending", "have sent", "enclosed", "enclosing", "enclose", "included",
    "including", "include", "please enjoy", "please accept", "hope you enjoy",
    "hope you all enjoy", "hope the team enjoys", "hope everyone enjoys", "enjoy the",
    "enjoy this", "enjoy these", "enjoy a", "on its way", "on their way", "should arrive",
    "will arrive", "arriving", "delivered", "delivering", "dropped off", "drop off",
    "dropping off", "ordered", "here 's", "here is", "here are", "attached", "attaching",
    "left", "leaving", "got you", "got the team", "bought", "picked up", "treat you",
    "for you and the team", "a thank you gift", "as a thank you", "as a thank - you",
    "as a token", "mailed", "shipped", "gifted", "gifting", "popped", "posted", "couriered",
    "in the post", "in the mail", "by post", "by courier", "sent over", "sent along",
    "dropped", "dropping", "brought", "bringing", "arranged for", "mailing", "shipping",
    "posting", "couriering", "as a little thank you", "as a small thank you", "emailed",
    "e - mailed", "emailed over", "in the envelope", "in this envelope", "as promised",
    "deliver", "to be delivered", "should reach", "will reach", "please expect",
    "a small delivery", "delivery of", "will bring", "i 'll bring", "with this card",
    "with this note", "with this letter", "along with",
    "i 'll drop", "will drop", "drop a", "drop some",
]  # fmt: skip
_TOPICS = [
    "business", "program", "programme", "platform", "product", "products", "sales", "market",
    "industry", "offering", "line", "space", "revenue", "strategy", "launch", "team", "project",
    "integration", "api", "system", "store", "shop", "catalog", "catalogue", "customers",
    "brand", "delivery", "service", "app", "fraud", "data", "volume", "orders", "range",
    "portfolio", "supply chain", "redesign", "vertical", "division", "marketplace",
]  # fmt: skip


# "left some ensaymada for the staff", "left u some energy drinks", "sent some chin-chin and a
# card to your office": something left or sent for them, whatever it is. With "you" or "the
# team" it decides alone (GIFT_GIVEN); otherwise decide.py wants the recipient after it.
_GIVING_VERBS = ["left", "leaving", "brought", "bring", "dropped", "sent", "sending", "bought",
                 "baked", "made", "ordered", "popped", "got", "knitted", "knitting",
                 "crocheted"]  # fmt: skip
_GIVING_PARTICLES = ["", "off", "in", "over", "round", "along"]
_SOME = ["some", "a few", "a couple of", "a slab", "a box of", "a bag of", "a tray of",
         "a batch of", "a loaf of", "a plate of", "a tin of", "a jar of",
         "a bottle of"]  # fmt: skip
_GIVEN_TO_THEM = _expand(_GIVING_VERBS, _GIVING_PARTICLES, ["u", "you", "the team", "everyone"],
                         _SOME)  # fmt: skip
_OFFERED = _expand(_GIVING_VERBS, _GIVING_PARTICLES, [*_SOME, "a little", "a small"]) + [
    # "There's a little something for the team in the bag", "a crate of teacakes for the lads"
    "a little something", "a small something", "a wee something", "a little treat",
    "a small treat", "a crate of",
]  # fmt: skip
# "lunch on me" (decide.py: not "next coffee's on me if I get the job")
_ON_ME = _expand(["lunch", "coffee", "coffees", "drinks", "breakfast", "pizza", "cake",
                  "a round"], _opt("'s", "is", "are"), ["on me"])  # fmt: skip
# "I have posted you a copy of The Library Book as a small thank-you" (not "this card")
_AS_A_THANK_YOU = re.compile(
    r"\b(?:sent|sending|posted|posting|enclosed|left|ordered|mailed|dropped)\b"
    r"(?! (?:you )?(?:this|the|my|a) (?:note|card|letter|email|message|cv)\b)"
    r"[^.!?\n]{0,80}?\bas a (?:small |little |tiny )?(?:thank[- ]you|thanks|token)\b",
    re.IGNORECASE,
)
_GIFT_WORDS = (
    r"(?:gift|flower|coffee|wine|chocolate|voucher|fruit|cookie|cake|hamper|present|candle)s?"
    r"(?:[\s-]+(?:cards?|baskets?|box(?:es)?|sets?|hampers?|vouchers?|shop|wrap|wrapping))?"
)
_GIFT_NEEDS = (
    "gift",
    "flower",
    "coffee",
    "wine",
    "chocolate",
    "voucher",
    "fruit",
    "cookie",
    "cake",
    "hamper",
    "present",
    "candle",
)
# "your gift-card product line", "the Mother's Day gift-box range" (hyphens, plurals).
_GIFT_TOPICAL = re.compile(
    r"\b"
    + _GIFT_WORDS
    + r"[\s-]+(?:[a-z]+[\s-]+)?(?:"
    + "|".join(_TOPICS)
    + r"|ranges?|lines?|sellers?|collections?|category|categories|subscriptions?|campaigns?|"
    r"season|team)\b",
    re.IGNORECASE,
)
_SELL_NEEDS = ("sell", "stock", "make", "produce", "manufacture", "retail", "design", "curate")
# "your company sells gift boxes to businesses": the employer's goods, not a present.
_GIFT_SOLD = re.compile(
    r"\b(?:sells?|selling|stocks?|stocking|makes?|produces?|manufactures?|retails?|"
    r"designs?|curates?)\b(?:\s+[\w'’-]+){0,3}?\s+" + _GIFT_WORDS + r"\b",
    re.IGNORECASE,
)


@spacy.registry.misc("followup.gift_rules.v1")
def gift_rules() -> list[Rule]:
    """Gift items, delivery cues (decided together, same sentence), and what is *not* a gift.

    GIFT_EXCLUDE covers the figurative ("the gift of your time", "a gift for explaining") and the
    topical ("your gift card business", "the company's gift cards").
    """
    rules = _phrases("GIFT_ITEM", "gift.item", _GIFT_ITEMS)
    rules += [
        Rule("GIFT_EXCLUDE", "gift.topical", _GIFT_TOPICAL, _GIFT_NEEDS, after="GIFT_ITEM"),
        Rule(
            "GIFT_EXCLUDE",
            "gift.sold_by_employer",
            _GIFT_SOLD,
            _GIFT_NEEDS,
            _SELL_NEEDS,
            after="GIFT_ITEM",
        ),  # fmt: skip
    ]
    rules += _phrases("GIFT_SEND", "gift.delivery", _SEND_CUES)
    # "I've ordered you a copy", "I baked the team a batch of ...": bought or made for them.
    rules += _phrases(
        "GIFT_ITEM",
        "gift.item",
        _expand(
            ["ordered", "bought", "baked", "bake", "made", "make", "got", "picked up"],
            ["you", "the team", "everyone", "you all", "the office"],
            ["a", "some", "two"],
        ),
    )
    rules += _phrases(
        "GIFT_SEND",
        "gift.delivery",
        ["baked", "keep an eye out for", "look out for", "watch out for", "i bring it",
         "i 'll bring it", "will bring it", "bring it on", "sending some", "sending a"]
        + _expand(["drop", "dropping", "dropped", "bring", "bringing", "pop", "popping"],
                  ["them", "it", "these", "those"], ["off", "in", "round", "over", "by"]),
    )  # fmt: skip
    rules += _phrases(
        "GIFT_EXCLUDE",
        "gift.topical",
        [
            "lunch break",
            "my lunch",
            "lunch hour",
            "lunchtime",
            "over lunch",
            "during lunch",
            "day gift",
            "day gifts",
            "gift aid",
            "after lunch",
            "before lunch",
            "at lunch",
            "by lunch",
            "until lunch",
            "since lunch",
        ],
    )
    rules += _phrases("GIFT_GIVEN", "gift.given_for_them", _GIVEN_TO_THEM)
    # "I have made a small donation in your team's name", "put £20 on your JustGiving page"
    rules += _phrases(
        "GIFT_GIVEN",
        "gift.donation",
        _expand(["made", "make", "sent"], ["a"], _opt("small", "little"), ["donation"])
        + [
            "donated to your",
            "donated on your behalf",
            "your justgiving",
            "sponsored you",
            "a donation in your",
        ],
    )
    # "Please accept this note as a small token of my thanks": the note itself
    rules += _phrases(
        "GIFT_EXCLUDE",
        "gift.the_note_itself",
        _expand(
            ["this", "my"],
            ["note", "card", "letter", "email", "message"],
            ["as a"],
            _opt("small", "little", "tiny"),
            ["token"],
        ),
    )
    rules += _phrases("GIFT_OFFERED", "gift.given_for_them", _OFFERED)
    rules += _phrases("GIFT_ON_ME", "gift.given_for_them", _ON_ME)
    rules += [
        Rule(
            "GIFT_GIVEN",
            "gift.given_for_them",
            _AS_A_THANK_YOU,
            ("thank", "token"),
            (
                "sent",
                "posted",
                "enclosed",
                "left",
                "ordered",
                "mailed",
                "dropped",
                "sending",
                "posting",
            ),
        )
    ]
    # "the gift of your time", "the gift of the gab" (but "a small gift of plantain chips" is one)
    rules += _phrases(
        "GIFT_EXCLUDE",
        "gift.figurative",
        _expand(["gift", "gifts"], ["of"],
                ["your", "the", "time", "his", "her", "their", "our", "my", "gab", "life",
                 "patience", "knowledge", "experience", "insight", "perspective"]),
    )  # fmt: skip
    rules += _phrases(
        "GIFT_EXCLUDE",
        "gift.figurative",
        _expand(["gift", "gifts"], ["for"],
                ["explaining", "teaching", "making", "storytelling", "communicating",
                 "connecting", "listening", "spotting", "simplifying", "building", "putting",
                 "bringing", "leading", "finding", "seeing", "writing", "design", "words"]),
    )  # fmt: skip
    rules += _phrases(
        "GIFT_EXCLUDE",
        "gift.figurative",
        _expand(["a", "real", "true"], ["gift"], ["to", "for"], ["the", "your", "this", "our"]),
    )
    items = ["gift", "gifting", "flower", "flowers", "coffee", "wine", "chocolate", "voucher",
             "fruit", "pizza", "cookie", "cake"]  # fmt: skip
    rules += _phrases(
        "GIFT_EXCLUDE",
        "gift.topical",
        _expand(items, _opt("card", "cards", "basket", "baskets"), _TOPICS),
    )
    rules += _phrases(
        "GIFT_EXCLUDE",
        "gift.topical",
        _expand(["your", "their", "its", "'s"],
                ["gift", "gifts", "flowers", "wine", "coffee", "chocolates", "cookies"],
                _opt("card", "cards")),
    )  # fmt: skip
    return rules


# ---------------------------------------------------------------------------------------------
# Prewritten: the interview still to come, or placeholders left unfilled.

_SOON = ["today", "tomorrow", "tonight", "this morning", "this afternoon", "this evening",
         "later today", "later this morning", "later this afternoon", "in a few hours",
         "in an hour", "in a bit", "shortly", "this week"] + _expand(
    ["on", "next", "this", "on the"],
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"],
)  # fmt: skip
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_WEEKDAYS_S = [f"{day} 's" for day in _WEEKDAYS]
_LATER_ROUND = [
    "next steps", "next step", "next round", "next stage", "next interview", "second interview",
    "second round", "third round", "final round", "final interview", "follow - up interview",
    "follow up interview", "another interview", "another round", "further interview", "onsite",
    "on - site", "hearing back", "hear back", "hearing from you", "hear from you",
    "next conversation", "next meeting", "again", "rest of the team", "in person",
    "further conversations", "continuing", "continue the conversation", "future", "decision",
    "next week", "panel interview", "coming weeks", "coming days", "soon", "more of the team",
    "in the process", "shadow shift", "induction", "first shift", "at the trial",
]  # fmt: skip
_PLACEHOLDER_WORDS = (
    r"name|company|organi[sz]ation|role|position|title|job|interviewer|hiring|manager|"
    r"date|team|department|recipient|insert|your|first|last|surname|specific|topic|"
    r"project|detail|details|something|x+|skill|skills|industry|product|city|day|time|"
    r"contact|person|field|employer|firm|agency|school|mention|point|example"
)


@spacy.registry.misc("followup.prewritten_rules.v1")
def prewritten_rules() -> list[Rule]:
    """The interview spoken of as still to come (not a later round), and unfilled placeholders.

    FUTURE_INTERVIEW and FUTURE_MEET_YOU decide alone; FUTURE_MEET ("look forward to speaking
    with you") needs a SOON cue ("today", "tomorrow") right after it. LATER_ROUND cues ("next
    steps", "second interview", "hearing back", "again") in the same sentence cancel them all.
    Placeholders: [Interviewer Name], {company}, <<Role>>, ____; the pipeline's own redaction
    tags ([NAME], [EMAIL], ...) and literal brackets are excluded in ``decide.placeholder_ok``.
    """
    fwd = ["forward to"]
    rules = _phrases(
        "FUTURE_MEET_YOU",
        "prewritten.forward_to_meeting_you",
        _expand(fwd, ["meeting", "seeing"], ["you", "everyone", "you all", "all of you"]),
    )
    rules += _phrases(
        "FUTURE_MEET",
        "prewritten.forward_to_speaking_soon",
        _expand(fwd,
                ["meeting", "seeing", "speaking", "talking", "chatting", "connecting",
                 "interviewing", "sitting down"],
                _opt("with", "to"), _opt("you", "everyone", "the team", "your team")),
    )  # fmt: skip
    rules += _phrases(
        "FUTURE_INTERVIEW",
        "prewritten.forward_to_our_interview",
        _expand(fwd, ["our", "the", "my", "today 's", "tomorrow 's", "this afternoon 's",
                      *_WEEKDAYS_S],
                _opt("upcoming", "scheduled", "planned"), ["interview", "meeting"])
        + ["the night before our interview", "the day before our interview",
           "in advance for the opportunity to interview", "writing this before",
           "before we meet", "in your waiting room", "the interview will go",
           "interview will go well"]
        + _expand(["we will have", "we 'll have"], ["a great", "a good", "an interesting", "a"],
                  ["conversation", "chat", "discussion"]),
    )  # fmt: skip
    rules += _phrases(
        "FUTURE_MEET",
        "prewritten.forward_to_our_chat",
        _expand(fwd, ["our", "the", "today 's", "tomorrow 's"],
                ["conversation", "chat", "call", "discussion", "talk"]),
    )  # fmt: skip
    rules += _phrases(
        "FUTURE_INTERVIEW",
        "prewritten.upcoming_interview",
        _expand(["our", "the", "my"], ["upcoming"], ["interview", "meeting"]),
    )
    rules += _phrases(
        "FUTURE_MEET",
        "prewritten.will_meet",
        _expand(["will", "shall", "going to", "excited to", "can not wait to", "ready to"],
                ["meet", "see", "speak with", "talk with", "speak to", "talk to", "chat with"],
                ["you", "everyone", "you all"]),
    )  # fmt: skip
    rules += _phrases("FUTURE_MEET", "prewritten.see_you", ["see you"])
    rules += _phrases(
        "FUTURE_MEET",
        "prewritten.when_we_meet",
        _expand(["when", "once"], ["we", "i"], ["meet", "speak", "talk"]),
    )
    rules += _phrases(
        "FUTURE_INTERVIEW",
        "prewritten.in_advance",
        _expand(["in advance for"],
                ["meeting", "interviewing", "the interview", "taking the time", "our meeting",
                 "our interview", "having me"])
        + _expand(["in advance for"], _WEEKDAYS_S, ["interview", "meeting", "call"]),
    )  # fmt: skip
    # "I will be attending the interview on 14th", "the interview we will have today"
    rules += _phrases(
        "FUTURE_INTERVIEW",
        "prewritten.will_attend",
        _expand(["will be attending", "will attend", "look forward to attending",
                 "confirm my attendance at", "confirming my attendance at"],
                ["the", "my", "our"], ["interview"])
        + _expand(["interview"], _opt("that"), ["we will have", "we 'll have", "we are having"]),
    )  # fmt: skip
    rules += _phrases(
        "FUTURE_INTERVIEW",
        "prewritten.ahead_of_the_interview",
        _expand(["ahead of"], ["today 's", "tomorrow 's", "our", "my", "this afternoon 's",
                               "this morning 's", *_WEEKDAYS_S],
                _opt("upcoming"), ["interview", "meeting", "call", "chat", "conversation"])
        + _expand(["before"], ["today 's", "tomorrow 's", "this afternoon 's",
                               "this morning 's"], ["interview", "meeting"])
        + _expand(["seeing me", "meeting me", "meeting with me", "see me", "meet me",
                   "fitting me in"], ["tomorrow", "later today", "later"]),
    )  # fmt: skip
    # ("Thank you for the opportunity to interview on Thursday" mostly follows the interview:
    # 11 of 12 such notes in the labelled sets; "this Thursday" and "tomorrow" look ahead.)
    rules += _phrases("FUTURE_MEET", "prewritten.in_advance", ["in advance for"])
    rules += _phrases(
        "FUTURE_INTERVIEW",
        "prewritten.in_advance",
        _expand(["opportunity to interview"], _opt("with you"),
                ["tomorrow", "later today"] + [f"this {day}" for day in _WEEKDAYS]),
    )  # fmt: skip
    rules += _phrases(
        "FUTURE_MEET",
        "prewritten.agreeing_to_meet",
        _expand(["agreeing to", "for agreeing to"], ["meet", "see", "speak with", "talk with"],
                _opt("with"), ["me"]),
    )  # fmt: skip
    rules += _phrases(
        "FUTURE_INTERVIEW",
        "prewritten.interview_tomorrow",
        _expand(["interview", "meeting", "call", "chat"], ["tomorrow", "tonight", "later today"]),
    )
    rules += _phrases("SOON", "prewritten.soon", _SOON)
    rules += _phrases("LATER_ROUND", "prewritten.later_round", _LATER_ROUND)
    rules += [
        Rule("PLACEHOLDER", "prewritten.placeholder_brackets",
             re.compile(r"\[\s*([^\[\]\n]{1,50}?)\s*\](?!\()"), ("[",)),
        Rule("PLACEHOLDER", "prewritten.placeholder_braces",
             re.compile(r"\{\{?\s*[A-Za-z_][\w .\-]{0,40}\}\}?"), ("{",)),
        Rule("PLACEHOLDER", "prewritten.placeholder_angles",
             re.compile(r"<<\s*[^<>\n]{1,50}>>|<\s*(?:[^<>\n]*\b(?:" + _PLACEHOLDER_WORDS
                        + r")\b[^<>\n]*)>", re.IGNORECASE), ("<",)),
        Rule("PLACEHOLDER", "prewritten.placeholder_blank", re.compile(r"___+"), ("___",)),
        Rule("PLACEHOLDER", "prewritten.placeholder_percent",
             re.compile(r"%[A-Za-z_]{2,40}%"), ("%",)),
        # "INSERT COMPANY NAME", "XXX": a template's field in capitals, without brackets.
        Rule("PLACEHOLDER", "prewritten.placeholder_caps",
             re.compile(r"\b(?:INSERT|ENTER|ADD)(?: [A-Z]{2,}){1,3}\b|\bX{3,}\b"),
             ("insert", "enter", "add", "xxx")),
        # "Dear Hiring Manager Name,": a template's field written out, without brackets
        Rule("PLACEHOLDER", "prewritten.placeholder_name_field",
             re.compile(r"\bDear (?:(?:Hiring|Manager|Recipient|Interviewer|Recruiter|Contact|"
                        r"First|Last|Full) )*Name\b"),
             ("dear",)),
    ]  # fmt: skip
    return rules


# ---------------------------------------------------------------------------------------------
# Handed on exit.

_HAND_VERBS = ["left", "leave", "leaving", "handed", "hand", "handing", "gave", "give",
               "giving", "dropped", "drop", "dropping", "passed", "pass", "passing",
               "entrusted", "entrusting", "popped", "pop", "slipped", "tucked", "put", "given",
               "submitted", "deposited", "lodged"]  # fmt: skip
_DESKS = ["receptionist", "reception", "front desk", "front office", "security desk",
          "lobby desk", "concierge", "desk", "doorman", "front - desk", "frontdesk",
          "reception desk", "office manager", "assistant", "security", "security guard",
          "guard", "porter", "reception team", "front desk team", "lobby", "porters ' lodge",
          "porter 's lodge", "porters lodge", "lodge", "gatehouse"]  # fmt: skip


@spacy.registry.misc("followup.handed_rules.v1")
def handed_rules() -> list[Rule]:
    """The note itself handed over at the front desk or on the way out.

    decide.py pairs a HAND verb with a DESK phrase after it ("left this note with the
    receptionist": only note-like words may stand between), with a DESK_NOUN and the note
    ("gave the receptionist this card"), or with an EXIT phrase in the same sentence. A
    receptionist who is merely mentioned has no hand-over, and "on my way out I noticed the
    award wall" has no note being handed, so neither counts.
    """
    rules = _phrases("HAND", "handed_on_exit.hand_over", _HAND_VERBS)
    rules += _phrases("DESK", "handed_on_exit.desk",
                      _expand(["with", "at", "to", "on", "in"], _opt("the", "your", "a"),
                              _DESKS))  # fmt: skip
    rules += _phrases(
        "HANDOFF_DESK",
        "handed_on_exit.asked_desk_to_pass",
        _expand(["asked", "asking", "ask"], _opt("the", "your"), _DESKS, ["to"],
                ["give", "pass", "hand", "deliver", "forward", "get"]),
    )  # fmt: skip
    rules += _phrases("DESK_NOUN", "handed_on_exit.desk", _expand(_opt("the", "your"), _DESKS))
    rules += _phrases(
        "EXIT",
        "handed_on_exit.on_my_way_out",
        ["on my way out", "on the way out", "as i leave", "as i am leaving", "as i was leaving",
         "as i left", "before i leave", "before leaving", "on leaving", "while leaving",
         "as i head out", "on my way out the door", "as i walk out", "when i leave",
         "when leaving", "upon leaving", "on exiting", "as i exit", "while going out",
         "going out", "heading off", "as i was heading off", "as i was heading out",
         "before leaving the premises", "on the way out the door", "when i went out",
         "when i go out", "driving out", "as i was driving out", "walking out",
         "as i walked out"],
    )  # fmt: skip
    return rules


# ---------------------------------------------------------------------------------------------
# Specific reference.

_CONTENT_CUES = [
    "we discussed", "we talked about", "we spoke about", "we covered", "we chatted about",
    "we went over", "we touched on", "discussing", "talking about", "hearing about",
    "learning about", "learning more about", "to learn about", "to hear about",
    "to learn more about", "hear more about", "our conversation about",
    "our conversation on", "our discussion about", "our discussion of", "our discussion on",
    "our chat about", "the discussion about", "the discussion of", "especially",
    "particularly", "in particular", "interested by", "interested to hear",
    "interested to learn", "fascinated by", "intrigued by", "struck by", "impressed by",
    "impressed with", "thinking about", "thinking more about", "your work on",
    "your team 's work on", "the team 's work on", "your approach to", "the challenge of",
    "the challenges of", "the challenges around", "your plans for", "your plan to",
    "the problem of", "your vision for", "the way your team", "how your team", "how you",
    "the idea of", "reflecting on", "reflected on", "insight into", "walked me through",
    "showed me", "the demo of", "your roadmap", "the roadmap for", "walking me through",
    "taking me through", "showing me", "explaining", "the walkthrough of", "your take on",
    "'s approach to", "the way you", "the part about", "the bit about", "the bit on",
    "the explanation about", "the explanation of", "your explanation of", "the chat about",
    "the conversation about", "the talk about", "the presentation on", "the presentation about",
    "the presentation of", "the tour of", "show me", "for showing me", "the story about",
    "that bit about", "that part about", "the bit where", "the part where", "read more about",
    "reading about", "reading up on", "read up on", "exercise on", "the whiteboard",
    "difficulties with", "the difficulties of", "your candour about", "your candor about",
    "i noticed", "i have noticed", "noticed that",
    # what the candidate was shown or did there: "letting me taste the lamb shoulder"
    "letting me", "for letting me", "showing me around", "showing me round", "look round",
    "look around", "walk round", "loved the", "loved how", "loved seeing", "loved hearing",
    "loved learning", "enjoyed the", "enjoyed seeing", "enjoyed hearing", "enjoyed doing",
    "enjoyed trying", "enjoyed working on", "liked the", "liked how", "seeing the",
    "sit in on", "sitting in on", "shadowing", "to try the", "to taste",
    "your description of", "the description of", "your idea of", "your idea to",
    "your idea about", "'s point about", "'s point that", "'s comment about", "'s idea of",
    "talked me through", "took me through", "talking me through",
    "i saw", "i spotted", "saw that", "i found the", "re the", "regarding the", "i mentioned",
    "to hear how", "to learn how", "to see how", "hearing how", "learning how", "seeing how",
    "chat through", "talk through", "talking through", "chatting through", "to hear the",
    "to learn the", "grinning about", "smiling about", "laughing about", "asked a lot about",
    "they asked about", "they asked me about", "the panel asked", "to see the", "have a go on",
    "a go on the", "your challenge to", "your challenge that", "working through",
    "work through", "worked through", "the chance to", "my answer on", "my answer to",
    "my answer about", "with you about", "told me about", "told us about", "who told me",
    "introducing me to", "introduced me to", "getting my hands on", "get my hands on",
    "got my hands on", "went back to the", "gone back to the", "watching her", "watching him",
    "watching you", "watching them", "telling me about", "good luck with the",
    "good luck with your", "frankness about", "openness about", "honesty about", "cool that",
    "great that", "good that", "nice that", "interesting that", "love that", "loved that",
    "reminded me of", "reminds me of", "didn't realise", "didn't realize", "did n't realise",
    "did n't realize", "did not realise", "did not realize", "had no idea", "walk - through of",
    "walkthrough of", "chatting about", "chatted about", "chat about", "watched her",
    "watched him", "watched you", "i watched", "adored the",
    "adore the", "loved the idea", "love the idea of",
    "loved meeting", "enjoyed meeting", "great to meet", "lovely to meet", "deep dive into",
    "deep - dive into", "dive into", "task with", "exercise with", "scenario with",
    "role play with", "role - play with", "task on", "exercise on",
    "found the", "site walk", "site visit", "walk around", "walk through",
    "interesting to hear", "interesting to learn", "interesting to see", "to hear that",
    "to learn that", "to see that", "hearing that", "learning that", "watching how",
    "watched how", "watching the", "the problem with", "the problems with", "the issue with",
    "the issues with", "the problem you", "the problems you", "the issue you", "you have got",
    # what they were told, restated: "I understand now the residents with dementia need ..."
    "i understand now", "i understand that", "i understood that", "i understand the",
    "touched by", "moved by", "heard that", "having heard", "can't believe", "cant believe",
    "can not believe", "cannot believe", "couldn't believe", "could n't believe",
    "ca n't believe", "sorry about the",
]  # fmt: skip
_REMARKS = [
    "you mentioned", "you said", "you described", "you explained", "you shared", "you noted",
    "you pointed out", "you brought up", "you raised", "you asked", "you asked me",
    "your point about", "your point that", "your point on", "your comment about",
    "your comment on", "your comments on", "your question about", "your question on",
    "your story about", "your example of", "as you noted", "as you put it", "as you said",
    "when you said", "you walked me through", "you showed me", "you were describing",
    "you were telling me", "you told me", "you highlighted", "you emphasized",
    "you emphasised", "your remark", "the question you asked", "the example you gave",
    "the story you told", "the case study", "you talked through", "you talked about",
    "you went through", "you told us", "you walked us through", "you showed us",
    "you show me", "you show us", "you had me", "you watched me", "you asked me to",
    "as you suggested", "you suggested", "as you recommended", "you recommended",
    "as you advised", "you advised", "you picked out", "you picked",
    # non-native: "As you told the home needs carers who speak Punjabi", "you ask me about"
    "as you told", "like you told", "you ask me", "you ask me about", "you say the",
    "you say that",
]  # fmt: skip
# "The sensory room you've just finished is beautiful", "the salt room sounds amazing": praise,
# after which decide.py looks back for the thing praised (a content word in "the ...").
_PRAISE_WORDS = [
    "lovely", "great", "amazing", "stunning", "beautiful", "impressive", "brilliant",
    "fascinating", "interesting", "fantastic", "incredible", "inspiring", "cool", "fun", "neat",
    "wonderful", "superb", "excellent", "delicious", "gorgeous", "clever", "smart", "ingenious",
    "genius", "perfect", "unreal", "epic", "mental", "class", "a great", "a good", "a real",
    "a lovely", "a brilliant", "a clever", "a smart", "the best", "the highlight", "sick",
    "something else", "something special", "magic", "a joy", "a delight", "inspired",
    "remarkable", "spotless", "hilarious", "funny", "eye - opening", "insightful",
    "memorable", "on my mind", "difficult", "more difficult", "tricky", "tough", "hard",
    "challenging", "harder", "much fun", "a lot of fun", "so much fun", "unforgettable",
    "like a huge", "like a great", "like a real", "like a big", "like a fun", "fine work",
    "good work", "great work", "impressive work", "relatable", "useful", "helpful", "a beauty",
    "a nightmare", "a beast", "a monster", "a highlight", "wild", "crazy", "intense", "no joke",
    "spot on", "a game changer", "a game - changer", "mad", "fab", "ace", "brill", "lush",
    "insane", "immense", "awesome", "wicked", "cute",
    # "the kitchen was way bigger than I thought"
    "bigger than i", "smaller than i", "busier than i", "quieter than i", "larger than i",
]  # fmt: skip
# Praise words are matched alone (decide.py checks the verb before them: "sounds amazing",
# "was really lovely"); the phrases after them name the thing before them without praise.
_PRAISED_BEFORE = [
    "made me smile", "made me laugh", "made me think", "stuck with me", "stayed with me",
    "has stuck with me", "has stayed with me", "stays with me",
    # not praise, but the thing is named before them: "the book I mentioned", "the X tour"
    "tour", "i mentioned", "we talked about", "we discussed", "caught me out", "made my day",
    "made my week", "like i said", "as i said", "like i mentioned", "i told you about",
    "i was telling you about",
]  # fmt: skip
# "Your receptionist said most of the staff have been there over 10 years", "the residents said
# it needs brightening up": what someone met there said.
_THEIR_STAFF_SAID = re.compile(
    r"\b(?:your|the) (?:[\w-]+ )?(?:receptionist|manager|chef|nurse|colleague|supervisor|"
    r"team leader|staff|residents|lads|team|boss|owner|director|head|deputy|foreman|"
    r"engineer|guys|girls|kids|children|patients) (?P<cue>said|mentioned|told me|told us|"
    r"explained|pointed out)\b",
    re.IGNORECASE,
)
# "[NAME] from housekeeping said the biggest headache is ...": a remark by someone met there.
_NAMED_REMARK = re.compile(
    r"\[NAME\](?: (?:from|on|in|at) (?:the )?[\w-]+(?: [\w-]+)?)? (?P<cue>said|mentioned|told me|"
    r"explained|showed me|pointed out)\b"
)


# "That spindle moulder is a beast", "That ride-on with the dodgy clutch wants looking at": a
# sentence opening on "that" + a thing points at something both saw (decide.py wants a content
# word after it); "That said", "That was great", "That gave me ..." do not.
_THAT_THING = re.compile(
    r"(?:^|[.!?]\s+|\n\s*)(?P<cue>[Tt]h(?:at|ose)) (?!(?:said|being|is|was|are|were|would|will|"
    r"could|should|might|may|must|can|sounds?|sounded|makes?|made|means?|meant|way|one|really|"
    r"definitely|just|also|has|had|have|does|did|seems?|seemed|looks?|looked|feels?|felt|all|"
    r"alone|aside|gave|got|left|helped|put|took|reminds?|reminded|and|so|too|aside)\b)"
)


# SPEC_NOUN cues are a short noun phrase, specific when one of its words is a content word
# (decide.py): "Hope the puppy is settling in", "hope the audit goes well" (their news; not "hope
# the interview went well"), and "On the forecasting question, I built ..." (a question asked
# there, named by its topic).
_HOPE_IT_GOES_WELL = re.compile(
    r"\bhope (?:that )?(?:the|your) (?P<cue>[\w'’-]+(?: [\w'’-]+){0,6}?) (?:is|are|goes|go|went|"
    r"was|were|gets|got|settles|settling|recovers|recovered|turns|turned|comes|came|runs|ran|"
    r"behaves|works|worked|feels|stays|holds|opens|arrives|passes|finishes|lands)\b",
    re.IGNORECASE,
)
# "I hope you get to the bottom of the air compressor that keeps tripping"
_HOPE_YOU_FIX = re.compile(
    r"\bhope you (?:get to the bottom of|sort out|sort|fix|find|solve|crack) (?:the|your) "
    r"(?P<cue>[\w'’-]+(?: [\w'’-]+){0,3})",
    re.IGNORECASE,
)
# "The early shift at 5am is no problem for me", "the rural round past the reservoir is fine
# with me": a condition they described, accepted.
_FINE_WITH_ME = re.compile(
    r"\b(?:the|your) (?P<cue>[\w'’-]+(?: [\w'’-]+){0,10}?) (?:is|are|sounds|would be|will be) "
    r"(?:absolutely |totally |completely )?(?:no problem|not a problem|fine|ok|okay|no bother|"
    r"no issue|not an issue) (?:for|with|by) me\b",
    re.IGNORECASE,
)
# The animals of the place: "the office dog", "your shop cat" (not "a dog", "my dog").
_THEIR_ANIMAL = re.compile(
    r"\b(?:the|your) (?:[\w-]+ )?(?P<cue>dogs?|cats?|spaniels?|labradors?|pupp(?:y|ies)|pups?|"
    r"kittens?|parrots?|tortoises?|rabbits?|hens|chickens|bees|goats?|pon(?:y|ies)|horses?|"
    r"budgies?|terriers?|retrievers?|lurchers?|whippets?|collies?|greyhounds?|fish)\b",
    re.IGNORECASE,
)
_NAMED_QUESTION = re.compile(
    r"\b(?:on|about|to|re|regarding|for|with) (?:the|your) (?P<cue>[\w-]+(?: [\w-]+)?) "
    r"(?:question|problem|issue)\b",
    re.IGNORECASE,
)
# "About your question for night shifts: ..."
_QUESTION_ABOUT = re.compile(
    r"\b(?:your|the) question (?:about|on|for|regarding|re) (?:the |your |my )?"
    r"(?P<cue>[\w-]+(?: [\w-]+)?)",
    re.IGNORECASE,
)


@spacy.registry.misc("followup.specific_rules.v1")
def specific_rules() -> list[Rule]:
    """Details from the conversation: remarks, topics with content, numbers, quotes, names.

    SPEC_TOPIC cues need a content word after them ("learning about the team" is not specific,
    "learning about the billing migration" is). NUMBER and CAPITALISED are filtered in decide.py
    (times, experience years, sentence starts, greetings and sign-offs do not count).
    """
    rules = _phrases("SPEC_REMARK", "specific_reference.remark", _REMARKS)
    rules += _phrases("SPEC_PRAISE_WORD", "specific_reference.praised_thing", _PRAISE_WORDS)
    rules += _phrases("SPEC_PRAISED", "specific_reference.praised_thing", _PRAISED_BEFORE)
    rules += _phrases("SPEC_TOPIC", "specific_reference.topic", _CONTENT_CUES)
    # "the great conversation this morning about migrating your regression suite"
    rules += _phrases(
        "SPEC_TOPIC",
        "specific_reference.topic",
        _expand(["conversation", "discussion", "chat", "talk", "call", "exchange", "session"],
                _opt("today", "earlier", "this morning", "this afternoon", "yesterday",
                     "on friday", "on monday", "on tuesday", "on wednesday", "on thursday",
                     "last week", "we had"),
                ["about", "on", "around", "regarding", "of"]),
    )  # fmt: skip
    # "your comment that the cohort data ...", "her question about how I would reforecast"
    rules += _phrases(
        "SPEC_TOPIC",
        "specific_reference.their_remark",
        _expand(["your", "his", "her", "their", "'s", "the", "the honest", "your honest"],
                ["comment", "comments", "point", "remark", "observation", "concern", "question",
                 "answer", "answers", "mention", "advice", "tip", "tips", "feedback", "points",
                 "picture", "overview", "summary", "rundown", "breakdown", "challenge", "detail",
                 "details",
                 "thoughts", "ideas", "stories", "examples", "questions",
                 "suggestion", "words of encouragement",
                 "account", "story", "description", "explanation", "example", "worry",
                 "frustration", "admission", "honesty", "candour", "candor", "take", "view"],
                ["that", "about", "of", "on", "around", "regarding"]),
    )  # fmt: skip
    rules += _phrases(
        "SPEC_TOPIC",
        "specific_reference.topic",
        _expand(_opt("being"), _opt("so", "very", "really"),
                ["open about", "honest about", "candid about", "frank about", "upfront about",
                 "transparent about", "open that", "honest that", "candid that", "frank that",
                 "upfront that"]),
    )  # fmt: skip
    rules += [
        # Numbers; decide.py drops digits inside words ("3pm", "2nd", "B2B").
        Rule("NUMBER", "specific_reference.number", re.compile(r"\d+(?:[.,]\d+)*")),
        # Capitalised mid-sentence: after "word " or "word, " -- never at a sentence start.
        # The cue is the named group; the regex starts with a character class (fast scan).
        Rule("CAPITALISED", "specific_reference.proper_term",
             re.compile(r"[a-z0-9,)] (?P<cue>[A-Z][A-Za-z0-9]*[A-Za-z0-9])\b")),
        # "the new mass spectrometer", "the hospice's new café": decide.py wants a content word.
        Rule("SPEC_NEW", "specific_reference.new_thing",
             re.compile(r"(?:\b(?:the|your|their|its|our)|['’]s) (?P<cue>new)\b", re.IGNORECASE),
             ("new",)),

        Rule("SPEC_TOPIC", "specific_reference.that_thing", _THAT_THING, ("that", "those")),
        Rule("SPEC_NOUN", "specific_reference.hope_it_goes_well", _HOPE_IT_GOES_WELL, ("hope",)),
        Rule("SPEC_NOUN", "specific_reference.fine_with_me", _FINE_WITH_ME, (" me",)),
        Rule("SPEC_NOUN", "specific_reference.hope_you_fix", _HOPE_YOU_FIX, ("hope you",)),
        Rule("SPEC_NOUN", "specific_reference.named_question", _NAMED_QUESTION, ("question",)),
        Rule("SPEC_NOUN", "specific_reference.question_about", _QUESTION_ABOUT, ("question",)),
        Rule("SPEC_REMARK", "specific_reference.their_staff_said", _THEIR_STAFF_SAID,
             ("said", "mentioned", "told me", "told us", "explained", "pointed out")),
        Rule("SPEC_TOPIC", "specific_reference.named_remark", _NAMED_REMARK,
             ("said", "mentioned", "told me", "explained", "showed me", "pointed out")),
        # "give the office spaniel a pat from me", "say hi to Mango (the practice cat)"
        Rule("SPEC_SEEN", "specific_reference.their_animal", _THEIR_ANIMAL,
             ("dog", "cat", "spaniel", "labrador", "pupp", "pup", "kitten", "parrot", "tortoise",
              "rabbit", "hens", "chickens", "bees", "goat", "pony", "horse", "budgie", "terrier",
              "retriever", "lurcher", "whippet", "collie", "greyhound", "fish")),
        Rule("SPEC_SEEN", "specific_reference.demo",
             re.compile(r"\b(?P<cue>demo(?:s|nstration)?)\b", re.IGNORECASE), ("demo",)),
        Rule("QUOTE", "specific_reference.quoted_phrase",
             re.compile(r"[\"“]([^\"“”\n]{3,100})[\"”]"), ('"', "“")),
    ]  # fmt: skip
    return rules
