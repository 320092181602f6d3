"""Turn cues into the eight features, with evidence.

Cues carry character offsets. Each ``decide_*`` function takes the text and the cues grouped
by label and returns the cues that count; a feature is True when it has evidence.
``generic`` and ``thanks_only`` are derived: generic = no specific reference (evidence: the
whole text); thanks_only = thanks but no fit argument (evidence: the thanks words).

An empty note is generic (nothing in it is specific) and not thanks_only (it does not thank).

Context checks (same sentence, negation before a cue, the words after it) look at the text
around the cue with small regexes: per-token Python checks cost more than tokenizing.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from spacy.lang.en.stop_words import STOP_WORDS

from transforms.contract import FEATURES


class Cue(NamedTuple):
    label: str
    rule: str
    start: int  # character offset
    end: int  # character offset, exclusive


EvidenceTuple = tuple[str, str, int, int]
Cues = dict[str, list[Cue]]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_BREAK = re.compile(r"[.!?;…](?=\s|$)|\n")
_WORD = re.compile(r"[A-Za-z0-9'’+\-]+")
_NEGATIONS = _words(
    """not no never without nor neither hardly instead cannot dont didnt wont cant isnt wasnt
    havent hasnt hadnt couldnt wouldnt shouldnt arent werent nt"""
)
_GENERIC_OBJECTS = _words(
    """role position job opportunity opportunities company team organization organisation
    culture interview interviews conversation discussion time day meeting process everything
    things thing work more lot today yesterday chance details firm business department group
    vision mission values place people environment great good much really hiring recruitment
    opening responsibilities duties expectations goals questions question answers working
    learning hear learn talking speaking discussing chat call industry field sector future
    direction growth plans strategy priorities products product services clients customers
    insights insight perspective experience experiences approach everything everyone anything
    learned learnt heard seen saw met given busy period year week month season stage steps step
    round outcome decision challenge challenges opportunity history heritage website know think
    hours office offices atmosphere vibe energy welcome building site premises facilities feel
    setting staff commute pay salary start offer contract shift shifts availability interviewers
    panel tour visit look invite invitation feedback come meet touch name email phone url
    address receptionist reception manager managers recruiter hr whole overall vibes vibe
    view views storm weather rain traffic journey drive building discuss meet speak talk present
    share explain show join apply come hear learn tell ask answer demonstrate introduce
    contribute help
    enjoyed liked loved appreciated valued current creative ongoing upcoming daily wider various
    interested impressed excited keen struck fascinated commitment sustainability reputation
    ethos brand success innovation diversity inclusion excellence quality warm friendly kind
    welcoming positive professional lovely nice supportive helpful patients clients residents
    children pupils students members practice club structure programme program training
    induction onboarding benefits schedule
    exciting different future project projects detail application applications cv
    guest visitor visitors families family community communities colleague colleagues standards
    standard pride professionalism teamwork dedication passion sense care guys folks crew
    everybody surroundings morning afternoon evening tonight weekend operations action feel
    importance communication collaboration ownership transparency trust respect flexibility
    balance wellbeing development progression ideas complex simply clearly day-to-day
    marketing finance engineering design legal compliance procurement analytics technology
    digital actuarial research scope understanding ahead proud client service gift talent
    knack candidates candidate number shortlist warmth spirit purpose shared continuous
    improvement engaged online centred centered patient-centred person-centred client-centred
    customer-centric focus commitment nuanced stimulating illuminating thoughtful ambitions
    ambition aims journey variety range types kinds mix developing trainees trainee apprentices
    session emphasis behaviours behaviors profile competencies competency directorate division
    function landscape evolving changing grown rest pattern patterns delay wait
    mix-up confusion"""
)
# Common verbs: a clause that goes on past its noun phrase ("the team's mission reminded me",
# "how the team works") names nothing by them.
_COMMON_VERBS = _words(
    """works worked involves involved involve reminded reminds spoke operates operate operated
    runs ran fits fitted looks looked feels felt means meant makes made helps helped brings
    brought supports supporting supported grows growing grew find found finding get gets
    getting got give gives given gave take takes took taken go goes going went come comes
    coming came see sees saw seen know knows knew known think thinks thought tell tells told
    say says said ask asks asked want wants wanted need needs needed use uses used try tries
    tried keep keeps kept put puts seem seems seemed become becomes became leave left show
    shows showed shown hear hears heard believe believes believed happen happens happened
    provide provides provided include includes included continue continues continued
    understand understands understood create creates created allow allows allowed offer
    offers offered consider considers considered expect expects expected remain remains
    remained require requires required decide decides decided resonated resonates resonate
    described describe describes explained explain explains discussed mentioned spoken
    enjoy enjoys enjoying taking doing heading moving"""
)
# The workplace itself: "your nursery is gorgeous" praises the place, names nothing in it
# (but "the new kitchen" is a detail: see _new_thing_ok).
_WORKPLACES = _words(
    """nursery salon hotel school kitchen shop restaurant store depot warehouse ward clinic
    studio branch bar cafe café unit workplace gym facility factory plant showroom venue yard
    farm workshop garage centre center station classroom mill bakery pub brewery bank agency
    council charity university college
    surgery pharmacy gallery museum library theatre hospital home grounds lab laboratory"""
)
# Praise that names nothing: "the strong team culture", "the discussion informative".
_VAGUE_PRAISE = _words(
    """strong obvious evident clear genuine impressive amazing wonderful fantastic brilliant
    excellent beautiful stunning special incredible inspiring informative insightful
    interesting fascinating useful valuable productive enjoyable engaging innovative vibrant
    dynamic exceptional outstanding fun relaxed inclusive collaborative driven motivated
    talented dedicated passionate caring worthwhile rewarding encouraging enlightening lively
    happy real high remarkable distinguished unwavering evident data-driven customer-focused
    people-first fast-paced forward-thinking cutting-edge world-class award-winning
    market-leading fast-growing well-established high-performing results-driven mission-driven
    purpose-driven"""
)
_NOT_CONTENT = _GENERIC_OBJECTS | _WORKPLACES | _VAGUE_PRAISE | _COMMON_VERBS
# Words before a gift that make it hypothetical or someone else's idea ("a friend suggested
# flowers, but I decided against sending anything", "my mum said chocolates").
_GIFT_HEDGES = _NEGATIONS | _words(
    """against suggested suggest suggests considered considering thought tempted whether said
    says almost debated wondered wondering rather instead if should told advised urged
    recommended toyed idea insisted wonder pondered contemplated contemplating mulled people
    others candidates applicants instinct"""
)
_THANKS_WORDS = _words("thanks thank gratitude regards best wishes appreciation")
_CAPS_STOP = _words(
    """i i'm i've i'd i'll monday tuesday wednesday thursday friday saturday sunday january
    february march april may june july august september october november december mr ms mrs
    dr prof miss sir madam thank thanks dear hi hello hey best regards sincerely cheers warmly
    team hiring manager senior junior lead principal staff head chief director engineer
    engineering developer designer analyst associate specialist coordinator intern internship
    recruiter recruiting talent acquisition position role interview company inc llc ltd corp
    co ceo cto cfo coo vp hr ok okay ps asap fyi cv resume linkedin zoom teams skype meet
    name email phone url address officer executive assistant representative consultant
    administrator admin sr jr mid level ii iii iv please kind yours respectfully gratefully
    truly warm all again re subject am pm mon tue tues wed weds thu thur thurs fri sat sun
    q1 q2 q3 q4 h1 h2 fy gbp usd eur aud cad christmas xmas easter ramadan eid diwali pdf docx
    doc cv
    hanukkah thanksgiving halloween just further following"""
)
_NAME_PRECEDERS = _words(
    """at with for from join joining dear hi hello hey mr ms mrs dr thank thanks you to and of
    meet meeting met visit visiting visited"""
)
_MONTHS = _words(
    """january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec"""
)
_AFTER_NUMBER_EXCLUDED = _MONTHS | _words(
    "am pm a.m. p.m. o'clock years year yrs months st nd rd th min mins minutes minute hours hour"
)
_NOTE_WORDS = _words(
    """this it the a my our these note card letter thank you envelope copy here off quick short
    little handwritten over written thanks thank-you in behind"""
)
_NOTE_OBJECTS = _words("note card letter envelope")
# Words that may also stand between the verb and the desk: the person at the desk ("gave this
# note to the lady at the front desk", "left it with [NAME] on reception").
_DESK_PERSON_WORDS = _NOTE_WORDS | _words(
    """to with for your lady man guy woman gentleman person someone somebody staff chap bloke girl
    colleague member team name printed paper hard version of lad lass lassie fella gent guard
    fellow"""
)
_PII_TAGS = _words("NAME EMAIL PHONE URL ADDRESS")
# Words only a template field holds ("[Airline Name]"); "[Project Aurora]" names something.
_FIELD_WORDS = _words(
    """name insert company organisation organization role position title date recipient
    interviewer surname manager hiring chair"""
)
_PRONOUN_OBJECTS = _words("it this that them him her everything something anything")
_PLACEHOLDER_WORDS = _words(
    """name company organization organisation role position title job interviewer hiring
    manager date team department recipient insert your first last surname specific topic
    project detail details something skill skills industry product city day time contact
    person field employer firm agency school mention point example chair"""
)
_ROLE_AFTER_TITLE_RUN = re.compile(
    r"(?:(?:[\s()/&-]+|\s+(?:and|or|of|for|in)\s+)[A-Z0-9][A-Za-z0-9]*)*[)]?(?:\s+[a-z]+)?"
    r"\s+(?i:role|position|job|vacancy|post|title|interview|scheme|programme|program|day|"
    r"opportunity|traineeship|secondment|"
    r"apprenticeship|internship|certificate|certification|degree|diploma|licence|license|"
    r"qualification|award)\b"
)
_YEARS_BEFORE = re.compile(
    r"(?i:\b(my)\s+)?(?i:(?:over|nearly|almost|about)\s+)?"
    r"((?i:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|several|"
    r"many))"
    r"\s*\+?\s*$"
)
_GREETING = re.compile(
    r"^\s*(?i:dear|hi|hiya|hello|hey|heya|howdy|yo|greetings|morning|afternoon|evening|"
    r"good\s+(?:morning|afternoon|evening)|to)\b"
    r"[^,:!\n]{0,60}[,:!\n]"
)
_CLOSING_WORDS = (
    "best", "regards", "sincerely", "cheers", "thanks", "warmly", "respectfully", "yours",
    "gratefully", "cordially", "ta",
)  # fmt: skip
_CLOSING = re.compile(r"(?i:\b(?:" + "|".join(_CLOSING_WORDS) + r")\b)[ \t]*(?:[,!\-]|\n|$)")
_PROJECT_NAME = re.compile(r"(?:Project|Operation|Programme|Program|Initiative) [A-Z]")
_CURRENCY = frozenset("$£€¥")
_AMOUNT_SUFFIX = re.compile(r"(?i:k|m|bn|ms|x)(?![A-Za-z])")
_SKIP_BEFORE_WORD = " \t\"'“‘([*•-"
_TITLE_RUN_BEFORE = re.compile(r"(?:[A-Z][\w'’&.-]*\s+)+$")
_EMOTICON_BEFORE = re.compile(r"[:;=]-?[)(DPp]\s+$|[xX]{1,3}\s+$")
# A capitalised word right after these and before a sentence end is a name addressed
# ("Thanks so much for seeing me today Raj!").
_VOCATIVE_BEFORE = _words(
    """you today yesterday again tomorrow morning afternoon evening much lot guys all interview
    chat call meeting trial tour time"""
)
_ROLE_RUN = re.compile(
    r"\s*(?:the|this|your|a|an)?\s*(?:position|role|post|vacancy|job) (?:of|as) (?:an? )?"
    r"(?:[A-Z][\w/&-]*\s*)+|"
    r"\s*(?:the|this|your|a|an)?\s*(?:[\w/-]+\s+){0,4}?"
    r"(?i:role|position|job|post|vacancy|gig|contract|placement|internship|apprenticeship|"
    r"traineeship|secondment)\b"
)


# --- text helpers ----------------------------------------------------------------------------


def same_sentence(text: str, a: int, b: int) -> bool:
    """No sentence end or line break between character offsets a and b."""
    lo, hi = min(a, b), max(a, b)
    return _BREAK.search(text, lo, hi) is None


def _clause_before(text: str, start: int, chars: int = 60) -> str:
    """The text before `start` back to the last sentence break (at most `chars` chars)."""
    before = text[max(0, start - chars) : start]
    cut = max(
        before.rfind("."), before.rfind("!"), before.rfind("?"), before.rfind(";"),
        before.rfind("\n"), before.rfind("—"), before.rfind("–"),
    )  # fmt: skip
    return before[cut + 1 :]


def _words_after(text: str, end: int, n: int) -> list[str]:
    after = text[end : end + 80]
    cut = _BREAK.search(after)
    return [w.lower() for w in _WORD.findall(after[: cut.start()] if cut else after)[:n]]


def negated(text: str, start: int, window: int = 4) -> bool:
    """A negation word among the `window` words before `start`, in the same sentence."""
    return _any_word_in(text, start, window, _NEGATIONS)


def _any_word_in(text: str, start: int, window: int, words: frozenset[str]) -> bool:
    """One of `words` (or a word ending in n't) among the `window` words before `start`, in
    the same sentence, unless it intensifies rather than negates ("can't wait", "couldn't be
    more excited", "not just excited"). Called for most cues: a plain loop, and the position
    of the word is looked for only when one is found."""
    before = _clause_before(text, start)
    for word in _WORD.findall(before)[-window:]:
        lower = word.lower()
        if lower in words or lower.endswith(("n't", "n’t")):
            return _negates(text, start, before, window, words)
    return False


def _negates(text: str, start: int, before: str, window: int, words: frozenset[str]) -> bool:
    offset = start - len(before)
    for m in list(_WORD.finditer(before))[-window:]:
        lower = m.group().lower()
        if (lower in words or lower.endswith(("n't", "n’t"))) and not _INTENSIFYING.match(
            text, offset + m.end()
        ):
            return True
    return False


# What follows a negation word that makes it emphasis, not negation.
_INTENSIFYING = re.compile(
    r"\s+(?:wait|just|only|merely|resist|help\s+but|stop|bother|problems?|worries|worry|issues?|"
    r"trouble|doubt|"
    r"be\s+(?:any\s+)?(?:more|happier|prouder|gladder|better|keener)|been\s+(?:more|so)|"
    r"tell\s+you|thank\s+you\s+(?:enough|more)|say\s+(?:it\s+)?enough|stress|emphasi[sz]e|"
    r"overstate|express\s+(?:how|enough))\b",
    re.IGNORECASE,
)


def _near_any(text: str, cue: Cue, others: list[Cue]) -> bool:
    return any(same_sentence(text, cue.start, other.start) for other in others)


def _overlaps(cue: Cue, others: list[Cue]) -> bool:
    return any(o.start < cue.end and cue.start < o.end for o in others)


# --- thanks, enthusiasm, fit -----------------------------------------------------------------


def decide_thanks(text: str, cues: Cues) -> list[Cue]:
    return [c for c in cues.get("THANKS", []) if not negated(text, c.start, 2)]


def decide_enthusiasm(text: str, cues: Cues) -> list[Cue]:
    return [
        c
        for c in cues.get("ENTHUSIASM", [])
        if not negated(text, c.start) and not _AWAITING_REPLY.match(text, c.end)
    ]


# "Keen to hear back", "eager to hear from you": waiting for the reply, not for the job.
_AWAITING_REPLY = re.compile(
    r"\s+(?:to )?(?:hear|know|receive|get (?:back|feedback)|see you|speak to you)\b", re.I
)


def _years_cue(text: str, cue: Cue) -> Cue | None:
    """'5+ years of' / 'my six years in': FIT_YEARS right after a number (and maybe 'my')."""
    m = _YEARS_BEFORE.search(text, max(0, cue.start - 30), cue.start)
    if m is None:
        return None
    rule = "fit.my_n_years" if m.group(1) else "fit.n_years_of"
    return cue._replace(rule=rule, start=m.start(1) if m.group(1) else m.start(2))


def decide_fit(text: str, cues: Cues) -> list[Cue]:
    """A case for the candidate (experience, skills, contribution), not negated."""
    found = [
        c
        for c in cues.get("FIT", [])
        if (c.rule != "fit.i_did" or _did_work(text, c))
        and not _BARE_CLAIM.match(text, c.end)
        and not (c.rule in _BRINGING and _BRINGS_PAPERS.match(text, c.end))
        and text[c.end : c.end + 2] not in _FIELD_AFTER  # "my background in [field]"
        and not (c.rule == "fit.trade_papers" and _papers_handed(text, c.start))
    ]
    found += [y for c in cues.get("FIT_YEARS", []) if (y := _years_cue(text, c)) is not None]
    found += [
        c
        for c in cues.get("FIT_CHANGE", [])
        if _CHANGED_BY_ME.search(_clause_before(text, c.start, 100))
    ]
    return [c for c in found if not negated(text, c.start, 3)]


# "I took the contact centre (from 40 to 220 seats)", "my cyber book grew (from £2m to £7m)"
_CHANGED_BY_ME = re.compile(
    r"\b(?:i|we|my)\b.*\b(?:took|brought|grew|cut|reduced|increased|raised|lifted|moved|got|"
    r"doubled|halved)\b",
    re.IGNORECASE,
)


def _did_work(text: str, cue: Cue) -> bool:
    """'I've done an interview', 'I wrote this in the lift', 'I baked the team a batch of
    cookies' are not a record of work."""
    if _GIVEN_FOR_THEM.match(text, cue.end):
        return False  # "I baked some Welsh cakes for the residents": a gift
    next_five = _words_after(text, cue.end, 5)
    following = next_five[:3]
    if following[:1] and following[0] in _NOT_WORK_OBJECTS and not _demonstrative(following):
        return False
    if following[:2] in (["the", "team"], ["your", "team"]):
        return False
    if not _PREPARATION.isdisjoint(next_five):
        return False  # "I've done a lot of reading on your new app": preparation
    rest = next_five
    while rest[:1] and rest[0] in _QUANTITY_WORDS:
        rest = rest[1:]
    return not (rest[:1] and rest[0] in _NOT_WORK_OBJECTS and not _demonstrative(rest))


def _demonstrative(words: list[str]) -> bool:
    """'I led that audit': 'that' before a noun points at the work, not at the note."""
    return (
        words[0] in {"this", "that"}
        and len(words) > 1
        and words[1] not in STOP_WORDS
        and words[1] not in _WHEN_WORDS  # "the session I taught this morning"
    )


_WHEN_WORDS = _words("morning afternoon evening week weekend year month time summer day")


# "a fair few interviews", "a couple of interviews": what is done comes after these
_QUANTITY_WORDS = _words("a an the my fair few lot lots of couple number some many several loads")
_BRINGING = frozenset({"fit.i_bring", "fit.bring_my"})


def _papers_handed(text: str, start: int) -> bool:
    """'I enclose a copy of my CSCS card', 'I'll bring my SIA licence, valid until May':
    papers handed over in the clause, not a case."""
    return _PAPERS_HANDED.search(_clause_before(text, start, 100)) is not None


_PAPERS_HANDED = re.compile(
    r"\b(?:copy|copies|scan|scanned|photo|photos|bring|brought|enclose|enclosed|enclosing|"
    r"attach|attached|attaching|send|sent|sending|forward|forwarded|upload|uploaded)\b",
    re.IGNORECASE,
)
_FIELD_AFTER = frozenset({" [", " {", " <", " _"})
# "I will bring my ID and certificates as requested": papers to the interview, not a skill.
_BRINGS_PAPERS = re.compile(
    r"(?i: (?:some|a few|a box|a bag|a tray|a batch|cake|biscuits|doughnuts|donuts|pastries|"
    r"snacks)\b)|"
    r"(?: my| along| with me| the)*(?: [\w-]+)?? (?i:id|cv|resume|résumé|certificates?|"
    r"documents?|passport|portfolio|references|paperwork|laptop|driving licen[cs]e|dbs|boots|kit|"
    r"ppe|tools|uniform|knives|cards?|shoes|trainers|lunch|umbrella|coat)\b"
)
_PREPARATION = _words("reading research homework prep preparation")
_NOT_WORK_OBJECTS = _words(
    """interview interviews it this that so before anything you everyone them us enjoy like
    love want think mean feel appreciate out off home back"""
)
# "my background would make me a strong fit": a claim, not a case.
_BARE_CLAIM = re.compile(
    r"\s*be (?:a|an|the) (?:[\w-]+ ){0,2}(?:asset|fit|addition|match)\b|"
    r"[\s\w'’]{0,20}?\b(?:makes? )?me (?:a|an|the) (?:[\w-]+ ){0,2}(?:fit|candidate|match|choice|"
    r"addition|asset|hire)\b|"
    # "I can contribute a lot to your hospital.": how much, not what
    r"\s+(?:a lot|a great deal|greatly|significantly|so much|much|real value|value|"
    r"a lot of value)(?:\s+(?:to|for)\s+(?:the|your|this|you)\b[^.!?\n,;]{0,30})?\s*(?:[.!?\n]|$)|"
    # "I am sure I can contribute to your company with my skills and experience."
    r"\s+to (?:the|your|this) (?:team|company|organi[sz]ation|business|firm|role|department|"
    r"success|school|practice)(?:\s+with my (?:skills|experience|skills and experience|"
    r"experience and skills))?\s*(?:[.!?\n]|$|and\b)|"
    # "my experience would allow me to make a meaningful contribution", "my background aligns
    # well with your needs"
    r"\s+(?:allow|enable|help) me to (?:make a (?:[\w-]+ )?(?:contribution|difference|impact)|"
    r"contribute|add value|be an asset|hit the ground running|succeed|excel)\b|"
    r"\s+(?:well |closely |strongly |perfectly |nicely )?with (?:your|the) (?:needs|requirements|"
    r"role|position|job|criteria|spec|specification|team|vacancy|brief)\b|"
    # "how my experience can benefit your projects"
    r"\s+(?:benefit|help|serve|support|add value to)\s+(?:the|your|this|you)\b[^.!?\n,;]{0,30}"
    r"\s*(?:[.!?\n]|$)",
    re.IGNORECASE,
)


# --- gift --------------------------------------------------------------------------------------


def decide_gift(text: str, cues: Cues) -> list[Cue]:
    """A gift item and a delivery cue in the same sentence, neither negated nor excluded, or
    something left or sent for them (GIFT_GIVEN), not hedged."""
    given = cues.get("GIFT_GIVEN", []) + [
        c for c in cues.get("GIFT_OFFERED", []) if _GIVEN_FOR_THEM.match(text, c.end)
    ]
    given += [c for c in cues.get("GIFT_ON_ME", []) if not _IF_AFTER.match(text, c.end)]
    given = [c for c in given if not _hedged(text, c.start, 4)]
    items = cues.get("GIFT_ITEM")
    if not items:
        return given
    excluded = cues.get("GIFT_EXCLUDE", [])
    items = [c for c in items if not _overlaps(c, excluded) and not _eaten(text, c)]
    sends = [
        c
        for c in cues.get("GIFT_SEND", [])
        if not _overlaps(c, items) and not _TO_THE_WRITER.match(text, c.end)
    ]
    out: list[Cue] = []
    for item in items:
        for send in sends:
            if same_sentence(text, item.start, send.start) and not (
                _hedged(text, item.start, 6) or _hedged(text, send.start, 4)
            ):
                out += [item, send]
    return out + given


# After "left some …": who it is for ("for the staff", "to your office", "at reception"); and
# "a little" / "a small" must not be the note itself.
_GIVEN_FOR_THEM = re.compile(
    r"(?! (?:note|card|letter|envelope|thank))[^.!?\n]{0,50}?"
    r"\b(?:for (?:the|your|all the) (?:[\w'’-]+ )?(?:staff|team|office|crew|boys|lads|girls|"
    r"guys|shift|"
    r"night shift|day shift|department|kitchen|staff room|staffroom|panel|residents|patients|"
    r"kids|children|guests|nurses|volunteers)|for everyone|"
    r"for you and (?:the|your) (?:[\w'’-]+ )?(?:team|staff|office|crew|lads|girls)|"
    r"to (?:your|the) office|"
    r"(?:with|at) (?:the |your )?(?:reception|receptionist|front desk)|your way)\b",
    re.IGNORECASE,
)
_IF_AFTER = re.compile(r"\s+if\b", re.IGNORECASE)


def _eaten(text: str, item: Cue) -> bool:
    """'Left the interview, had lunch, came back': a meal the writer had, not one given (but
    'I had lunch delivered to the team' is)."""
    return (
        text[item.start : item.end].lower() in _MEALS
        and bool(_CONSUMED_BEFORE.search(text, max(0, item.start - 20), item.start))
        and not _SENT_ON.match(text, item.end)
    )


_MEALS = _words("lunch breakfast dinner coffee tea brunch sandwich pint drink")
_SENT_ON = re.compile(r"\s+(?:delivered|sent|brought|dropped|ordered|couriered)\b", re.IGNORECASE)
_CONSUMED_BEFORE = re.compile(
    r"\b(?:had|have|having|grabbed|grab|ate|eat|eating|drank|drink|drinking)\s+(?:a\s+|some\s+|"
    r"my\s+)?$",
    re.IGNORECASE,
)
# "for sending me home with a loaf": the employer gave, the writer received.
_TO_THE_WRITER = re.compile(r" (?:me|us)\b", re.IGNORECASE)


def _hedged(text: str, start: int, window: int) -> bool:
    """Negated or hypothetical: a negation or hedge word among the words before `start`, or
    'would have' / 'was going to' earlier in the clause."""
    if _any_word_in(text, start, window, _GIFT_HEDGES):
        return True
    clause = _clause_before(text, start).lower()
    return any(w in clause for w in _HYPOTHETICAL_WORDS) and bool(_HYPOTHETICAL.search(clause))


_HYPOTHETICAL_WORDS = ("would", "could", "going to", "planned", "meant", "thought", "think",
                       "wanted", "if ", "should", "once", "when", "is it")  # fmt: skip
_HYPOTHETICAL = re.compile(
    # "Should I join, the first round is on me", "Would it be weird to send biscuits?"
    r"\b(?:should i (?:join|get|be|start)|(?:once|when) i (?:start|join)|would it be|"
    r"is it (?:ok|okay|weird|odd|strange|appropriate|allowed)|"
    r"would(?: have|['’]ve)|could have|was going to|were going to|had planned to|"
    r"meant to|thought about|thinking of|thinking about|think about|did think|wanted to|"
    r"if i were|if it were|if i could|if i was allowed|if allowed|if i (?:get|land)|"
    r"if (?:i['’]m|i am) (?:lucky|successful|offered|hired)|if lucky)\b",
    re.IGNORECASE,
)


# --- prewritten --------------------------------------------------------------------------------


def _soon_after(text: str, cue: Cue, cues: Cues) -> bool:
    """A SOON cue ("today", "on Friday") or a clock time ("at 2pm") right after the cue."""
    return any(
        cue.end <= soon.start <= cue.end + 45 and same_sentence(text, cue.start, soon.start)
        for soon in cues.get("SOON", [])
    ) or any(
        cue.end <= n.start <= cue.end + 45
        and _CLOCK_TIME.match(text, n.start - 3)
        and same_sentence(text, cue.start, n.start)
        for n in cues.get("NUMBER", [])
    )


_CLOCK_TIME = re.compile(r"(?i:at )\d{1,2}(?:[:.]\d{2})? ?(?i:am|pm|a\.m\.|p\.m\.)")


def placeholder_ok(span: str) -> bool:
    """A bracketed/braced/angled span is an unfilled template field, not a literal bracket.

    The pipeline's own redaction tags ([NAME], [EMAIL], [PHONE], [URL], [ADDRESS]) and literal
    brackets ("[redacted]", "[sic]", "[1]") are not; "[Company]", "[Interviewer Name]",
    "{company}", "<<Role>>", "____" and "[XXX]" are.
    """
    if span and set(span) <= {"_"}:
        return True
    inner = span.strip("[]{}<> \t")
    if not inner or inner in _PII_TAGS or inner.rstrip("0123456789_") in _PII_TAGS:
        return False
    if span.startswith(("{", "<<", "%")):
        return True
    words = [w.strip(".,:;'’") for w in inner.replace("/", " ").replace("_", " ").split()]
    found = {_CONTRACTION.sub("", w.lower()) for w in words}
    if (
        all(w[:1].isupper() for w in words)
        and found.isdisjoint(_FIELD_WORDS)
        and any(_CONTRACTION.sub("", w.lower()) not in _PLACEHOLDER_WORDS and not w.isupper()
                for w in words)
    ):  # fmt: skip
        return False  # "[Project Aurora]": a name in brackets, not a field to fill
    return bool(found & _PLACEHOLDER_WORDS) or inner.upper().strip("X") == ""


def decide_prewritten(text: str, cues: Cues, fit: list[Cue] | tuple[()] = ()) -> list[Cue]:
    """The interview still to come (and not a later round), or an unfilled placeholder.

    A redaction tag for the candidate's own employer or school ("my placement at [SCHOOL]")
    is not a placeholder: it stands in the candidate's record, where a template names nothing.
    """
    later = cues.get("LATER_ROUND", [])
    strong = cues.get("FUTURE_MEET_YOU", []) + cues.get("FUTURE_INTERVIEW", [])
    weak = cues.get("FUTURE_MEET", [])
    # "Thanks for seeing me this afternoon" may be written before or after; a note that tells of
    # the visit in the past ("you said", "on my way out", "I found the discussion") came after.
    told_in_past = (strong or weak) and bool(
        cues.get("SPEC_REMARK") or cues.get("EXIT") or _PAST_VISIT.search(text)
    )
    ok = [
        c
        for c in strong
        if not _near_any(text, c, later)
        and not negated(text, c.start)
        and not (told_in_past and _SAME_DAY.search(text, c.start, c.end))
    ]
    if not told_in_past:
        ok += [c for c in weak if _soon_after(text, c, cues) and not _near_any(text, c, later)]
    ok += [
        c
        for c in cues.get("PLACEHOLDER", [])
        if placeholder_ok(text[c.start : c.end]) and not _own_organisation_tag(text, c, fit)
    ]
    return ok


def _own_organisation_tag(text: str, cue: Cue, fit: list[Cue] | tuple[()]) -> bool:
    """An all-capitals organisation tag ("[COMPANY]", "[SCHOOL]") in a clause about the
    candidate's own record: "I led a similar integration at [COMPANY]", "my placement at
    [SCHOOL]", "we had the same problem at [COMPANY]". Not when the clause looks ahead to the
    employer written to ("excited to join [COMPANY]")."""
    inner = text[cue.start + 1 : cue.end - 1].strip()
    if not (inner.isupper() and set(inner.split()) <= _ORGANISATION_TAGS):
        return False
    clause = _CLAUSE_START.split(_clause_before(text, cue.start, 80))[-1]
    if _TOWARDS_EMPLOYER.search(clause):
        return False
    return bool(_OWN_RECORD_BEFORE.search(clause)) or _in_clause_with(text, cue, list(fit))


_ORGANISATION_TAGS = _words(
    """COMPANY EMPLOYER SCHOOL UNIVERSITY UNI COLLEGE ORGANISATION ORGANIZATION FIRM CLIENT
    HOSPITAL AGENCY BANK STORE SHOP RESTAURANT HOTEL TRUST COUNCIL CHARITY PRACTICE CLINIC
    PREVIOUS CURRENT FORMER LAST OLD"""
)
_CLAUSE_START = re.compile(r",|\b(?:and|but|so|because|since|as|while|when)\b", re.IGNORECASE)
_TOWARDS_EMPLOYER = re.compile(
    r"\b(?:you|your|join|joining|forward|hope|hoping|would|will|excited|opportunity|apply|"
    r"applying|future)\b|['’]ll\b",
    re.IGNORECASE,
)
# "my previous internship at", "I rebuilt a patch like that at", "we had a similar problem at"
_OWN_RECORD_BEFORE = re.compile(
    r"\b(?:my|our|I|we)\b(?:['’](?:ve|d|m))?(?:\s+[\w'’/-]+){0,7}?\s+(?:at|with|for|in|from)\s*$",
    re.IGNORECASE,
)


_SAME_DAY = re.compile(r"\btoday\b|\bthis (?:morning|afternoon|evening)\b", re.IGNORECASE)
_PAST_VISIT = re.compile(
    r"\b(?:i (?:\w+ly )?(?:found|enjoyed|learned|learnt|loved|liked|dropped|left)|"
    r"we (?:discussed|talked|spoke|covered|chatted)|it was (?:great|lovely|good|nice|a pleasure)|"
    r"you (?:said|mentioned|showed|told))\b",
    re.IGNORECASE,
)


# --- handed on exit ----------------------------------------------------------------------------


# "would have left a note at reception but ...": the hand-over did not happen (but "I wanted to
# say thanks, so I left this with reception" did)
_COUNTERFACTUAL_BEFORE = re.compile(
    r"\b(?:(?:would|could|might)(?: have|['’]ve)|(?:was|were) going to|meant to|planned to)"
    r"\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)


def _hand_to_desk(text: str, hand: Cue, desk: Cue) -> bool:
    """'left [this note] with the receptionist': only note words between verb and desk."""
    if not hand.end <= desk.start <= hand.end + 60:
        return False
    between = _WORD.findall(text[hand.end : desk.start])
    # Names too: "handed a printed version of this note to Tom at reception"; anything else
    # beside the note itself: "left a wee succulent and this card with your receptionist".
    if not (
        (len(between) <= 8 and all(w.lower() in _DESK_PERSON_WORDS or w.istitle() for w in between))
        or (len(between) <= 12 and not _NOTE_OBJECTS.isdisjoint(w.lower() for w in between))
    ):
        return False
    between = [w.lower() for w in between]
    # "I leave on the reception a small box of baklava": something else was left.
    after = _words_after(text, desk.end, 5)
    if after[:1] in (["a"], ["an"], ["some"]) and _NOTE_OBJECTS.isdisjoint(between + after):
        return False
    # "pass my thanks to your receptionist" passes on words, not a note.
    return not (_THANKS_WORDS.intersection(between) and not _NOTE_OBJECTS.intersection(between))


def _hands_note(text: str, hand: Cue, reach: int = 5) -> bool:
    """The verb's object is the note: 'leaving this', 'handed you this card', 'left a note'."""
    following = _words_after(text, hand.end, reach)
    return bool(following) and (
        following[0] in {"this", "it"} or any(w in _NOTE_OBJECTS for w in following)
    )


def _hand_desk_note(text: str, hand: Cue, desk: Cue) -> bool:
    """'gave the receptionist this card': verb, desk noun, then the note."""
    if not hand.end <= desk.start <= hand.end + 2:
        return False
    following = _words_after(text, desk.end, 6)
    return any(w in _NOTE_OBJECTS for w in following) or following[:1] in (["this"], ["it"])


def decide_handed(text: str, cues: Cues) -> list[Cue]:
    """Left with the front desk, or a hand-over of the note together with 'on my way out'."""
    ok = [c for c in cues.get("HANDOFF_DESK", []) if not negated(text, c.start)]
    for hand in cues.get("HAND", []):
        if negated(text, hand.start) or _COUNTERFACTUAL_BEFORE.search(
            text, max(0, hand.start - 40), hand.start
        ):
            continue
        for desk in cues.get("DESK", []):
            if _hand_to_desk(text, hand, desk):
                ok.append(hand._replace(rule="handed_on_exit.left_with_desk", end=desk.end))
        for desk in cues.get("DESK_NOUN", []):
            if _hand_desk_note(text, hand, desk):
                ok.append(hand._replace(rule="handed_on_exit.gave_desk_the_note", end=desk.end))
        for exit_cue in cues.get("EXIT", []):
            if same_sentence(text, exit_cue.start, hand.start) and _hands_note(text, hand):
                ok += [exit_cue, hand._replace(rule="handed_on_exit.handed_on_way_out")]
        for desk in cues.get("DESK", []):
            # "[NAME] at reception passed this on to you": the desk hands the note on.
            if desk.end <= hand.start <= desk.end + 2 and _hands_note(text, hand, 3):
                ok.append(desk._replace(rule="handed_on_exit.desk_passed_it_on", end=hand.end))
    return ok


# --- specific reference ------------------------------------------------------------------------


def _has_content(text: str, end: int) -> bool:
    """A content word (not a stop word, not a generic object) in the clause after `end`."""
    after = text[end : end + 80]
    role = _ROLE_RUN.match(after)
    if role:  # "about the Data Analyst role" names the job; look past it ("... and the robot")
        after = after[role.end() :]
        employer = _AT_EMPLOYER.match(after)  # "... role at Monzo", "... at the BBC"
        if employer:
            after = after[employer.end() :]
    # A template's "[insert topic discussed]" ends the clause: its words are not content.
    cut = _CLAUSE_END.search(after)
    words = _WORD.findall(after[: cut.start()] if cut else after)[:7]
    if words and words[0].lower() in _PRONOUN_OBJECTS:
        return False  # "thinking about it since": the topic is not named
    for i, (previous, word) in enumerate(zip(["", *words], words, strict=False)):
        # ("so" or "as" opening the clause is an adverb: "explaining so clearly why")
        if (
            previous.lower() in _CONJUNCTIONS
            and not (i == 1 and previous.lower() in {"so", "as"})
            and not _starts_noun_phrase(word)
        ):
            return False  # "enjoyed the day and would love to join": a new clause
        if word.lower() in _RELATIVES:
            # "your client who brings in a photo of the same celeb": a story about someone
            # (but "the values that drive your team" only describes them)
            return word.lower() in _WHO and previous.lower() in _PEOPLE
        if word[:1].isupper() and word.endswith(("'s", "’s")):
            continue  # "Acme's mission": most likely the employer's name
        lower = _CONTRACTION.sub("", word.lower()).strip("'’")
        if len(lower) > 1 and _is_content(lower):
            return True
    return False


def _is_content(lower: str) -> bool:
    """Not a stop word nor a generic word, in the singular too ("the kitchens")."""
    return (
        lower not in STOP_WORDS
        and lower not in _NOT_CONTENT
        and not (lower[-1] == "s" and lower[:-1] in _NOT_CONTENT)
        and not (lower[-2:] == "ly" and lower[:-2] in _NOT_CONTENT)  # "genuinely"
    )


_CONTRACTION = re.compile(r"['’](?:s|d|ll|re|ve|m)$")
_AT_EMPLOYER = re.compile(
    r"\s+(?:at|with|for|in)\s+(?:the\s+)?[A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*)*"
)
_CONJUNCTIONS = _words("and but so because as")
_RELATIVES = _words("that which who whom where")
_WHO = _words("who whom")
_PEOPLE = _words(
    """client customer patient resident guest child boy girl lady man woman kid student pupil
    baby toddler gentleman chap bloke guy"""
)
# (the pipeline's own redaction tags are words: "introducing me to [NAME] from the data team")
_CLAUSE_END = re.compile(
    r"[.!?;,:\n{<]|\[(?!(?:NAME|EMAIL|PHONE|URL|ADDRESS)\])|__|\b(?:INSERT|ENTER)\b"
)
_DETERMINERS = _words("the a an your its their our his her this that these those some two three")


def _starts_noun_phrase(word: str) -> bool:
    """After 'and': 'the robot', 'Kubernetes', '3 sites' go on; 'remain interested' does not."""
    lower = word.lower()
    return lower in _DETERMINERS or (word[:1].isupper() and lower not in _I) or word[:1].isdigit()


_I = _words("i i'm i've i'd i'll i’m i’ve i’d i’ll")
_SELF_INTRODUCED_BEFORE = re.compile(r"\b(?:it(?: is| was|['’]s)|this is|its)\s+$", re.IGNORECASE)


def _number_ok(text: str, cue: Cue) -> bool:
    """A number on its own: not in a word ("3pm", "2nd"), a time ("10:30"), a date ("May 3")
    or years of experience ("5 years")."""
    prev, nxt = text[cue.start - 1 : cue.start], text[cue.end : cue.end + 1]
    if prev in _CURRENCY or _AMOUNT_SUFFIX.match(text, cue.end):
        return True  # "$4m", "£300k", "200ms", "3x": an amount from the conversation
    if prev.isalpha() or nxt.isalpha() or ":" in (prev, nxt) or prev == "_":
        return False
    after = _WORD.findall(text[cue.end : cue.end + 12])
    before = _WORD.findall(text[max(0, cue.start - 12) : cue.start])
    return not (
        (after and after[0].lower().rstrip(".") in _AFTER_NUMBER_EXCLUDED)
        or (after and after[0] == "+")
        or (before and before[-1].lower() in _MONTHS)
        or (before and before[-1].lower() in _GRADE_WORDS)
        or _clock_time(text, cue, before, after)
        or _ROLE_AFTER_NUMBER.match(text, cue.end) is not None  # "the Year 4 teacher post"
        or _TEXT_SPEAK.match(text, cue.start) is not None  # "hope 2 hear from u"
        or (nxt == "%" and bool(_GIVE_BEFORE.search(text, max(0, cue.start - 12), cue.start)))
        or _AGE_BEFORE.search(text, max(0, cue.start - 20), cue.start) is not None
    )


_GRADE_WORDS = _words("band grade level tier scale")
# (not all stop words: "the IT helpdesk", "our US office" are acronyms)
_SHOUTED = _words(
    """love loved amazing great thank thanks really sooo soo excited keen want need best hope
    please definitely absolutely huge massive big fun brilliant happy glad so very much more
    not never all do cannot can't totally"""
)
# "I may be 61 but ...", "aged 45": the writer's age
_AGE_BEFORE = re.compile(
    r"\b(?:i(?:['’]m| am| may be| might be| was)|aged|age)\s+"
    r"(?:nearly |almost |over |only |just )?$",
    re.IGNORECASE,
)
# "I give 100%", "giving 110%": effort promised, not a figure from the conversation
_GIVE_BEFORE = re.compile(r"\b(?:give|giving|gave|given|put in)\s+$", re.IGNORECASE)


# "2" and "4" written for "to" and "for" in text speak.
_TEXT_SPEAK = re.compile(
    r"[24] (?:hear|meet|see|u|you|ur|your|work|join|be|start|chat|talk|get|go|the|me|us|speak|"
    r"catch|learn|say|all|everything)\b"
)


def _clock_time(text: str, cue: Cue, before: list[str], after: list[str]) -> bool:
    """'See you at 3 tomorrow', 'today at 2.': an hour after at/by/until, then no word of the
    same clause or a word of time (not 'at 3 sites')."""
    number = text[cue.start : cue.end]
    return (
        number.isdigit()
        and len(number) <= 2
        and int(number) <= 24
        and bool(before)
        and before[-1].lower() in _TIME_PREPOSITIONS
        and (
            _NEXT_WORD.match(text, cue.end) is None
            or after[0].lower() in _TIME_WORDS
            or (before[-1].lower() == "at" and after[0].lower() == "to")
        )
    )


_NEXT_WORD = re.compile(r"[ \t]+[A-Za-z]")
_TIME_PREPOSITIONS = _words("at by until till around from before after")
# "ahead of our meeting tomorrow at 10 to say thank you"
_TIME_WORDS = _MONTHS | _words(
    """today tomorrow tonight this on then sharp ish next for and or monday tuesday wednesday
    thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun morning
    afternoon evening"""
)
_ROLE_AFTER_NUMBER = re.compile(
    r"(?:[\s()]+[\w-]+){0,3}?[\s()]+(?i:role|position|job|post|vacancy|opening|interview)\b"
)


def _line_start(text: str, start: int) -> bool:
    """`start` begins a sentence or line (ignoring quotes, brackets and bullets before it)."""
    j = start - 1
    while j >= 0 and text[j] in _SKIP_BEFORE_WORD:
        j -= 1
    return j < 0 or text[j] in ".!?:;…\n"


def _signoff_start(text: str) -> int:
    """Offset where the sign-off begins ("Best,\\nJane"), len(text) if there is none."""
    tail_start = max(0, len(text) - 120)
    end = _last_closing(text, tail_start)
    stripped = text.rstrip()
    last_line = stripped.rfind("\n") + 1
    # A short last line without sentence punctuation is a signature ("x Hollie", "Jas").
    last = stripped[last_line:]
    if 0 < last_line < end and len(last.split()) <= 3 and not any(ch in last for ch in ".!?"):
        end = last_line
    if "\n--" in text and (dashes := _SIGNATURE_DASHES.search(text)):
        end = min(end, dashes.start())  # "-- " on its own line opens an e-mail signature
    if ("Sent " in text or "Get " in text) and (client := _MAIL_CLIENT.search(text)):
        end = min(end, client.start())  # "Sent from my iPhone", "Get Outlook for iOS"
    return end


_SIGNATURE_DASHES = re.compile(r"^--[ \t]*$", re.MULTILINE)
_MAIL_CLIENT = re.compile(
    r"^(?:Sent from (?:my|Outlook|Mail|Yahoo)|Get Outlook for)\b", re.MULTILINE
)


def _last_closing(text: str, tail_start: int) -> int:
    """Start of the last closing word ("Best,", "Thanks!") from `tail_start`, len(text) if none.

    Closings cannot overlap, so the last one found scanning forward is the last place the
    pattern matches. An ASCII tail is searched from the right, trying only where a closing word
    occurs (the scan tried every position); other text keeps the scan (case folding of
    non-ASCII letters such as "ſ" could match where the lower-cased word does not occur).
    """
    tail = text[tail_start:]
    if not tail.isascii():
        found = [m.start() for m in _CLOSING.finditer(text, tail_start)]
        return found[-1] if found else len(text)
    lower = tail.lower()
    best = -1
    for word in _CLOSING_WORDS:
        i = lower.rfind(word)
        while i > best:
            if _CLOSING.match(text, tail_start + i):
                best = i
                break
            i = lower.rfind(word, 0, i + len(word) - 1)
    return tail_start + best if best >= 0 else len(text)


def _greeting_end(text: str) -> int:
    m = _GREETING.match(text)
    return m.end() if m else 0


def _praised_thing(text: str, praise: Cue) -> Cue | None:
    """'the salt room' before 'sounds amazing': the earliest the/your/that/this in the clause
    before the praise, with at most 8 words after it (and maybe 'you've just finished'), one of
    them a content word. The cue then spans the thing and the praise."""
    start = max(0, praise.start - _PRAISE_REACH)
    cuts = list(_CLAUSE_BREAK.finditer(text, start, praise.start))
    offset = cuts[-1].end() if cuts else start
    words = list(_WORD.finditer(text, offset, praise.start))
    for i, word in enumerate(words):
        if word.group().lower() not in _PRAISE_DETERMINERS:
            continue
        thing = [w.group() for w in words[i + 1 :]]
        if len(thing) > 12:
            continue
        inner = next((k for k, w in enumerate(thing) if w.lower() in _INNER_SUBJECTS), None)
        if inner is not None:  # "the room you've just finished": the room
            thing = thing[:inner]
        if not _COPULAS.isdisjoint(w.lower() for w in thing) or len(thing) > 8:
            # "your offices are beautiful and the view": try "the view"; "the old centrifuge
            # with the 'do not trust the timer' sticker": try the shorter thing too
            continue
        if thing and any(_is_content(w.lower()) for w in thing):
            return praise._replace(start=word.start())
        return None
    return None


_PRAISE_REACH = 100
# The verb before a praise word: "sounds amazing", "was really lovely", "is still on my mind".
_PRAISE_LEAD = re.compile(
    r"\b(?:was|were|is|are|looked|looks|look|sounded|sounds|sound|seemed|seems|seem|felt|tasted|"
    r"tastes)(?: (?:really|so|very|absolutely|proper|just|truly|such|quite|pretty|pure|seriously|"
    r"genuinely|still|way|much|even|far|a lot|loads))? $",
    re.IGNORECASE,
)
_COPULAS = _words("is are was were be been am")
_CLAUSE_BREAK = re.compile(r"[.!?;:,\n()–—]|\s-\s")
_PRAISE_DETERMINERS = _words("the your that this")
_INNER_SUBJECTS = _words("you they we you're you've they're they've we're we've")


def _new_thing_ok(text: str, cue: Cue) -> bool:
    """'the new mass spectrometer': a content word among the two words after 'new'."""
    after = _WORD.findall(text[cue.end : cue.end + 40])[:2]
    return any(
        w.lower() not in STOP_WORDS and w.lower() not in _GENERIC_OBJECTS and not w.isdigit()
        for w in after
    ) and not (after and after[0].lower() in _GENERIC_OBJECTS)


def _vocative(text: str, cue: Cue, before: list[str]) -> bool:
    """A name addressed at the end of a clause: 'thanks for seeing me today Raj!'."""
    nxt = text[cue.end : cue.end + 1]
    return (
        (nxt == "" or nxt in "!,.?\n") and bool(before) and before[-1].lower() in _VOCATIVE_BEFORE
    )


def _qualification_sentence(text: str, cue: Cue) -> bool:
    """The sentence around the cue speaks of licences, tickets or certificates, or of the
    candidate's own kit ("my own PPE")."""
    return not _QUALIFICATION_WORDS.isdisjoint(_sentence_words(text, cue))


def _sentence_words(text: str, cue: Cue) -> frozenset[str]:
    """The lower-cased words of the sentence around the cue (looked back at most 400
    characters; cached, as several cues share a sentence)."""
    lo = max(0, cue.start - 400)
    starts = [m.end() for m in _BREAK.finditer(text, lo, cue.start)]
    end = _BREAK.search(text, cue.end)
    return _words_of(text, starts[-1] if starts else lo, end.start() if end else len(text))


@lru_cache(maxsize=256)
def _words_of(text: str, start: int, end: int) -> frozenset[str]:
    return frozenset(w.lower() for w in _WORD.findall(text, start, end))


# Substrings of every _QUALIFICATION_WORDS and _JOURNEY_WORDS entry (a cheap first test).
_SENTENCE_STEMS = ("licen", "ticket", "certif", "qualif", "accredit", "diploma", "regist",
                   "charter", "card", "course", " own ", " late", "traffic", "delay", "roadwork",
                   "closed", "diversion", "cancel", "park", "commute", "journey")  # fmt: skip
# A sentence about getting there late ("the A14 was closed at Huntingdon") is about the occasion,
# not the conversation (labelling guide, g0231).
_JOURNEY_WORDS = _words(
    """late lateness traffic delayed delays roadworks closed diversion cancelled parking
    carpark commute journey"""
)


_SUBJECT_LINE = re.compile(r"\s*(?i:re|fw|fwd|subject)\s*:")
_QUALIFICATION_WORDS = _words(
    """licence license licences licenses licensed ticket tickets certificate certificates
    certified certification qualification qualifications qualified accredited accreditation
    diploma registered registration chartered card cards course courses own"""
)


def _in_brackets(text: str, start: int) -> bool:
    """Inside [..], {..} or <..> on its line: "[Job Title]", "[Ref: 2024/117]"."""
    line = text.rfind("\n", 0, start) + 1
    return any(text.rfind(o, line, start) > text.rfind(c, line, start) for o, c in _BRACKETS)


_BRACKETS = (("[", "]"), ("{", "}"), ("<", ">"))
_ROLE_BEFORE = re.compile(
    r"(?:\b(?:position|role|post|job|title|vacancy)(?: of| at| with)(?: the| your| an?)?|\bas an?)"
    r" (?:[A-Z][\w-]*\s+){0,4}$"
)


def _capitalised_ok(text: str, cue: Cue, check_sentence: bool = True) -> bool:
    """A capitalised word mid-sentence that is not a day, a name addressed or a job title
    (the caller leaves out greetings and sign-offs)."""
    word = text[cue.start : cue.end]
    if word.lower() in _CAPS_STOP or not word.upper().strip("X"):
        return False
    if word.isupper() and word.lower() in _SHOUTED:
        return False  # "would LOVE to join", "SO excited": emphasis, not an acronym
    if (
        word.lower() in _WORKPLACES
        and text[max(0, cue.start - 4) : cue.start].lower() == "the "
        and not text[cue.end : cue.end + 2].lstrip(" ")[:1].isupper()
    ):
        return False  # "the wider work of the School": the employer (not "the Station Road")
    if _line_start(text, cue.start) or _in_brackets(text, cue.start):
        return False
    if _ROLE_BEFORE.search(text, max(0, cue.start - 60), cue.start):
        return False  # "the position of Finance Business Partner", "join us as an IT Manager"
    if _EMOTICON_BEFORE.search(text, max(0, cue.start - 5), cue.start):
        return False  # "enjoy them :) Fingers crossed": a new sentence after a smiley
    # A title-case run is judged by the word before it: "visit St Anne's Primary", "for Data
    # Entry Clerk" name the place and the job.
    run = _TITLE_RUN_BEFORE.search(text, max(0, cue.start - 60), cue.start)
    run_start = run.start() if run else cue.start
    before = _WORD.findall(text[max(0, run_start - 20) : run_start])
    if run and not before:  # the run opens the text: "Thanks Jo. Hope I did ok."
        before = _WORD.findall(run.group())[:1]
    if _PROJECT_NAME.match(text, cue.start) and not _ROLE_AFTER_TITLE_RUN.match(text, cue.end):
        return True  # "with Project Ember": a named project (not "the Programme Manager role")
    if before and before[-1].lower() in _NAME_PRECEDERS or _vocative(text, cue, before):
        return False
    if _SELF_INTRODUCED_BEFORE.search(text, max(0, run_start - 12), run_start):
        return False  # "it was Kamil for the packing job", "this is Lee from this morning"
    if text[cue.end : cue.end + 2] in {"'s", "’s"} or (
        text[cue.end - 1 : cue.end] == "s" and text[cue.end : cue.end + 1] in {"'", "’"}
    ):
        return False  # "Acme's culture", "Barclays' SME team": most likely the employer's name
    if before and before[-1].lower() in {"my", "our"}:
        return False  # "my MSK outpatient experience": the candidate's own
    if cue.end == len(text.rstrip(" .!\n")) and len(text[cue.start : cue.end]) <= 3:
        return False  # "speak soon, JP": initials signing off
    if _SUBJECT_LINE.match(text, text.rfind("\n", 0, cue.start) + 1):
        return False  # "Re: Reservations Agent - still keen!": the job in a subject line
    # A title-case run ending in a role word ("Backend Engineer role") names the job.
    if _ROLE_AFTER_TITLE_RUN.match(text, cue.end):
        return False
    # "I hold a full PCV licence", "the A14 was closed at Huntingdon" (the costliest, last)
    if not check_sentence:
        return True
    words = _sentence_words(text, cue)
    return _QUALIFICATION_WORDS.isdisjoint(words) and _JOURNEY_WORDS.isdisjoint(words)


def _in_clause_with(text: str, cue: Cue, others: list[Cue]) -> bool:
    """One of `others` in the same clause: no sentence break, line break, colon or dash
    between."""
    for other in others:
        if other.start <= cue.start < other.end:
            return True
        lo, hi = (cue.start, other.start) if cue.start < other.start else (other.end, cue.start)
        if _CLAUSE_SPLIT.search(text, lo, hi) is None:
            return True
    return False


_CLAUSE_SPLIT = re.compile(r"[.!?;…:](?=\s|$)|\n|\s[—–-]\s")


def _just_before(text: str, cue: Cue, other: Cue) -> bool:
    """`cue` ends at most one word before `other` starts ("20 Amazon voucher")."""
    return 0 <= other.start - cue.end <= 20 and len(_WORD.findall(text, cue.end, other.start)) <= 1


def _idle_remark(text: str, cue: Cue) -> bool:
    """'the courtesy you showed me', 'you had me at hello': manners and idioms, not remarks."""
    if text[cue.end : cue.end + 3].lower() == " at" and text[cue.start : cue.end].lower() in {
        "you had me"
    }:
        return True
    return _MANNERS_BEFORE.search(text, max(0, cue.start - 40), cue.start) is not None


_OPEN_REMARK = re.compile(
    r"^your (?:point|comment|comments|question) (?:about|on|that)$", re.IGNORECASE
)
_MANNERS_BEFORE = re.compile(
    r"(?:courtesy|kindness|patience|warmth|hospitality|welcome|respect|consideration)"
    r" (?:that )?$",
    re.IGNORECASE,
)


_AHEAD_WORDS = ("forward to", "will", "'ll", "’ll", "going to")
_STILL_AHEAD = re.compile(r"forward to|\bwill\b|['’]ll\b|\bgoing to\b", re.IGNORECASE)


def _still_ahead(text: str, start: int) -> bool:
    """The clause before `start` speaks of the future ("looking forward to seeing the lab")."""
    return _STILL_AHEAD.search(_clause_before(text, start)) is not None


def decide_specific(
    text: str, cues: Cues, fit: list[Cue], gift: list[Cue] | tuple[()] = ()
) -> list[Cue]:
    """Remarks and quotes, then things praised or new, then content after topic cues, then
    numbers and proper terms mid-sentence.

    The groups are tried in that order and the first that has any cue that counts is the
    evidence: later groups are costlier to check (most notes have several topic cues, numbers
    and capitalised words) and weaker, so a specific note's evidence is its strongest cues, not
    necessarily all of them. Numbers and names in a clause about the candidate's own record or
    gift are not from the conversation.
    """
    ok = [
        c
        for c in cues.get("SPEC_REMARK", [])
        if not _idle_remark(text, c)
        # "your point about the importance of communication" names nothing
        and not (_OPEN_REMARK.match(text[c.start : c.end]) and not _has_content(text, c.end))
    ]
    quotes = cues.get("QUOTE")
    if quotes:  # not a motto in the signature
        signoff = _signoff_start(text)
        ok += [c for c in quotes if c.start < signoff]
    ok += cues.get("SPEC_SEEN", [])
    if ok:
        return ok
    ok = [c for c in cues.get("SPEC_NEW", []) if _new_thing_ok(text, c)]
    ok += [
        c
        for c in cues.get("SPEC_NOUN", [])
        if any(map(_is_content, text[c.start : c.end].lower().split()))
        and not _overlaps(c, cues.get("GIFT_ITEM", []))  # "hope the cookies go down well"
    ]
    ok += [t for c in cues.get("SPEC_PRAISED", []) if (t := _praised_thing(text, c))]
    for word in cues.get("SPEC_PRAISE_WORD", []):
        lead = _PRAISE_LEAD.search(text, max(0, word.start - 40), word.start)
        if lead and (t := _praised_thing(text, word._replace(start=lead.start()))):
            ok.append(t)
    if ok:
        return ok
    lower = text.lower()
    # "looking forward to seeing the lab", "we will have a great conversation about": not yet.
    ahead = any(w in lower for w in _AHEAD_WORDS)
    topics = cues.get("SPEC_TOPIC")
    if topics:
        ok = [
            c
            for c in topics
            if _has_content(text, c.end)
            and not _idle_remark(text, c)
            and not (ahead and _still_ahead(text, c.start))
        ]
    numbers, caps = cues.get("NUMBER"), cues.get("CAPITALISED")
    if ok or not (numbers or caps):
        return ok
    # The candidate's own record and gift: "at [NAME] I cut a similar lag from 55 to 6 minutes",
    # "a little box of Tony's Chocolonely for the team".
    own = fit + list(gift)
    # Whether any sentence can speak of licences or a late journey (most notes: no).
    sentences = any(stem in lower for stem in _SENTENCE_STEMS)
    gifts = cues.get("GIFT_ITEM", [])
    if numbers:  # "a GBP 20 Amazon voucher" is the candidate's gift
        numbers = [
            c
            for c in numbers
            if _number_ok(text, c)
            and not _in_brackets(text, c.start)
            and not _in_clause_with(text, c, own)
            and not (sentences and _qualification_sentence(text, c))
            and not any(_just_before(text, c, g) for g in gifts)
        ]
    if caps:
        caps = [
            c
            for c in caps
            if _capitalised_ok(text, c, sentences)
            and not _overlaps(c, cues.get("PLACEHOLDER", []))  # "INSERT PROJECT NAME"
            and not (ahead and _still_ahead(text, c.start))
            and not _in_clause_with(text, c, own)
            and not any(0 <= g.start - c.end <= 2 for g in gifts)  # "a Starbucks gift card"
        ]
    # Found last, and only when needed: where the greeting ends and the sign-off starts.
    if numbers or caps:
        signoff = _signoff_start(text)
        if numbers:  # not in the signature (phone numbers, addresses)
            ok += [c for c in numbers if c.start < signoff]
        if caps:
            greeting_end = _greeting_end(text)
            ok += [
                c
                for c in caps
                if greeting_end <= c.start < signoff and text[greeting_end : c.start].strip()
            ]
    return ok


def decide_all(text: str, cues: Cues) -> tuple[tuple[bool, ...], list[EvidenceTuple]]:
    """All eight features (in FEATURES order) and their evidence (feature, rule, start, end)."""
    fit = decide_fit(text, cues)
    gift = decide_gift(text, cues)
    specific = decide_specific(text, cues, fit, gift)
    thanks_only = (
        [] if fit else [c._replace(rule=_THANKS_ONLY_RULE) for c in decide_thanks(text, cues)]
    )
    prewritten = decide_prewritten(text, cues, fit)
    handed = decide_handed(text, cues)
    enthusiasm = decide_enthusiasm(text, cues)
    evidence = [
        (feature, rule, start, end)
        for feature, hits in (
            ("gift", gift),
            ("prewritten", prewritten),
            ("handed_on_exit", handed),
            ("specific_reference", specific),
            ("fit_argument", fit),
            ("enthusiasm", enthusiasm),
            ("thanks_only", thanks_only),
        )
        for _, rule, start, end in hits
    ]
    if not specific:
        evidence.append(("generic", "generic.no_specific_reference", 0, len(text)))
    # In FEATURES order: the five mistakes, then the three signals.
    features = (not specific, bool(thanks_only), bool(gift), bool(prewritten), bool(handed),
                bool(specific), bool(fit), bool(enthusiasm))  # fmt: skip
    return features, list(dict.fromkeys(evidence)) if len(evidence) > 1 else evidence


_THANKS_ONLY_RULE = "thanks_only.thanks_without_case"
assert FEATURES == ("generic", "thanks_only", "gift", "prewritten", "handed_on_exit",
                    "specific_reference", "fit_argument", "enthusiasm")  # fmt: skip
