"""Phrase banks for the synthetic sample (transforms/sample.py).

Each bank holds one idea in many phrasings. Banks keyed by register have a ``formal`` and an
``informal`` list. Slots in braces are filled by the generator: ``{topic}``, ``{project}``,
``{team}``, ``{number}`` (interview specifics, only in SPECIFIC banks), ``{skill}``, ``{years}``
(the candidate's background, in FIT banks). Slot values of the two kinds never overlap, so a
generic note can be checked to contain no interview-specific value.

Traps (``TRAPS``) are sentences that look like a mistake or a signal but are not one.
"""

from __future__ import annotations

GREETINGS_NAMED = ("Dear {name},", "Hi {name},", "Hello {name},", "{name},", "Hey {name}!")
GREETINGS_PLAIN = (
    "Dear Hiring Team,",
    "Hello,",
    "Hi there,",
    "Good afternoon,",
    "Dear interview panel,",
    "Hi all,",
    "Hi team,",
    "To the hiring committee,",
)
NAMES = (
    "Maria", "Tom", "Priya", "Daniel", "Aisha", "Lukas", "Chen", "Sofia", "James", "Fatima",
    "Olga", "Mateo", "Hannah", "Kwame", "Yuki", "Noah", "Ines", "Ravi", "Emma", "Omar",
)  # fmt: skip

# Thanks: say thank you and nothing specific (safe in generic notes).
THANKS = {
    "formal": (
        "Thank you for taking the time to meet with me.",
        "Thank you very much for the interview.",
        "I wanted to thank you for speaking with me about the position.",
        "Thank you for the opportunity to interview for the role.",
        "I am grateful for the time you spent with me during the interview.",
        "Please accept my sincere thanks for meeting with me.",
        "I appreciate you taking the time to discuss the role with me.",
        "Thank you for your time and for the thoughtful conversation.",
        "It was a pleasure speaking with you, and thank you for having me.",
        "Many thanks for the interview and for your hospitality.",
        "Thank you for considering me for this position.",
        "I would like to express my appreciation for the interview.",
        "Thank you for a very informative conversation about the role.",
        "I truly appreciated the chance to meet the team.",
        "Thank you again for the interview; I enjoyed our discussion.",
        "Thank you for the gift of your time.",
    ),
    "informal": (
        "Thanks so much for chatting with me!",
        "Thanks for the chat, really enjoyed it.",
        "thx for meeting with me!",
        "Just wanted to say thanks for the interview.",
        "Thanks a lot for having me over.",
        "Really appreciate you taking the time to talk.",
        "Big thanks for the conversation earlier.",
        "Thank you!! It was great talking with you.",
        "Thanks for the interview, it was fun.",
        "Cheers for taking the time to meet.",
        "Thanks again for the call.",
        "Quick note to say thank you for the interview.",
        "Thanks for squeezing me into your schedule.",
        "Loved our chat, thanks for having me.",
        "ty for your time today!",
        "Thanks heaps for the interview.",
    ),
}

# Interview-specific references: a topic, project, remark, team or number from the conversation.
SPECIFIC = {
    "formal": (
        "I particularly enjoyed our discussion of {topic}.",
        "Your explanation of how the {team} team approaches {topic} was very insightful.",
        "I have been thinking further about {project} since we spoke.",
        "Learning that {project} cut processing time by {number} was impressive.",
        "Your point about {topic} stayed with me after the interview.",
        "I was struck by the scale of {project}, especially the goal of {number}.",
        "The challenges you described with {topic} are exactly the kind I enjoy working on.",
        "It was fascinating to hear how the {team} team grew to support {project}.",
        "Our conversation about {topic} gave me a much clearer picture of the role.",
        "I appreciated your candour about the difficulties with {project}.",
        "The way the {team} team measures success, with targets like {number}, resonated with me.",
        "Since our conversation I have read more about {topic}, and I have a few ideas.",
        "Your question about {topic} made me reflect on how I would handle it.",
        "Hearing about the roadmap for {project} was a highlight of the interview.",
        "I was interested to learn that the {team} team is moving towards {topic}.",
        "You mentioned that {project} is the priority for the next quarter; that excites me.",
        "Your remark that {topic} is still unsolved in the industry was thought-provoking.",
        "I enjoyed the whiteboard exercise on {topic}.",
        "The figure you shared, {number}, shows how much {project} has achieved.",
        "I found your description of the {team} team's weekly rituals very appealing.",
    ),
    "informal": (
        "Loved hearing about {project}!",
        "That bit about {topic} was super interesting.",
        "Still thinking about what you said on {topic}.",
        "{number} is wild for {project}, congrats to the {team} team.",
        "The {team} team sounds awesome, esp. the work on {topic}.",
        "Had a few more thoughts on {topic} on the way home.",
        "Really cool to hear how {project} came together.",
        "Didn't expect {project} to be that big - {number}!",
        "Your take on {topic} was spot on.",
        "Fun whiteboard problem on {topic}, btw.",
        "The {team} folks seem like a great bunch.",
        "Curious to see where {project} goes next.",
    ),
}
TOPICS = (
    "event-driven architecture", "churn forecasting", "the onboarding funnel", "API versioning",
    "pricing experiments", "warehouse automation", "accessibility audits", "supply chain risk",
    "customer segmentation", "incident response", "the mobile checkout flow", "data lineage",
    "the gift card product", "regional expansion", "vendor consolidation", "search relevance",
    "the holiday gift box campaign", "fraud detection", "quarterly planning", "brand refresh",
    "contract renewals", "latency budgets", "the partner portal", "A/B test design",
    "cash-flow forecasting", "the design system", "field sales coverage", "SOC 2 readiness",
    "ticket deflection", "recommendation quality", "the loyalty programme", "cost allocation",
)  # fmt: skip
PROJECTS = (
    "the Atlas migration", "Project Helios", "the Northstar dashboard", "the Falcon rewrite",
    "Project Orchard", "the Beacon launch", "the Tidewater integration", "Project Quill",
    "the Meridian pilot", "the Lantern redesign", "Project Kestrel", "the Summit rollout",
    "the Harbor replatforming", "Project Juniper", "the Compass initiative", "Project Ember",
)  # fmt: skip
TEAMS = (
    "Payments", "Platform", "Growth", "Risk", "Logistics", "Brand", "Enterprise Sales",
    "Developer Experience", "Finance Ops", "Customer Success", "Data Science", "Mobile",
    "Partnerships", "Infrastructure", "Trust & Safety", "Revenue Operations",
)  # fmt: skip
NUMBERS = (
    "40%", "3 million users", "12 markets", "2.5x", "200 ms", "18 months", "90 days",
    "$4M", "1,200 stores", "99.95% uptime", "35 engineers", "half", "10,000 tickets a week",
)  # fmt: skip

# A case for the candidate: fit, skills, experience, contribution.
FIT = {
    "formal": (
        "With {years} years of experience in {skill}, I am confident I could contribute quickly.",
        "My background in {skill} aligns well with what the role requires.",
        "In my current position I led work on {skill}, which I believe would transfer directly.",
        "I believe my experience with {skill} would allow me to add value from the first month.",
        "Having spent {years} years on {skill}, I understand the trade-offs this role involves.",
        "My track record in {skill} suggests I could take ownership of this area.",
        "I have built teams around {skill} before and would bring that experience with me.",
        "The skills I developed in {skill} map closely onto the responsibilities we discussed.",
        "I would bring a structured approach to {skill}, honed over {years} years.",
        "My previous role required deep work on {skill}, which is central to this position.",
        "I am well placed to help, having delivered several projects involving {skill}.",
        "Because I have mentored others in {skill}, I could also support the wider team.",
    ),
    "informal": (
        "I've done a lot of {skill} over the last {years} years, so I'd hit the ground running.",
        "My {skill} background feels like a really good match for this.",
        "I've been doing {skill} for {years} years and I'd love to bring that to the team.",
        "Pretty sure my {skill} experience would come in handy here.",
        "I think I could help a lot with {skill} - it's basically what I do every day.",
        "Having run {skill} at my last job, I know where the pitfalls are.",
    ),
}
SKILLS = (
    "stakeholder management", "Python development", "financial modelling", "B2B negotiation",
    "UX research", "distributed systems", "team leadership", "technical writing",
    "process improvement", "SQL analytics", "product marketing", "cloud cost optimisation",
    "recruiting operations", "customer onboarding", "statistical modelling", "vendor management",
)  # fmt: skip
YEARS = ("2", "3", "4", "5", "6", "8", "10", "12")

ENTHUSIASM = {
    "formal": (
        "I am genuinely excited about the prospect of joining your team.",
        "This role is exactly the kind of opportunity I have been looking for.",
        "I remain very enthusiastic about the position.",
        "The more I learn about the team, the more I want to be part of it.",
        "I would be delighted to join the organisation.",
        "I am eager to contribute to the team's mission.",
        "Our conversation strengthened my interest in this role.",
    ),
    "informal": (
        "I'm really excited about this one!",
        "Honestly this sounds like my dream job.",
        "Would love to join the team!",
        "Super keen on the role.",
        "Can't wait to hopefully work with you all.",
        "Really hope I get to be part of this team.",
    ),
}

# Gift: the note sends, encloses or announces a gift.
GIFT = {
    "formal": (
        "I have sent a small {gift} to the office as a token of my appreciation.",
        "Please find enclosed a {gift} for the team.",
        "I took the liberty of having a {gift} delivered to your office.",
        "I hope you and the team enjoy the {gift} I arranged.",
        "As a small thank-you, I have included a {gift} with this note.",
        "I have arranged for a {gift} to arrive tomorrow morning.",
    ),
    "informal": (
        "I dropped off a {gift} for the team - enjoy!",
        "Sent over a {gift} as a little thank you :)",
        "Hope you like the {gift}!",
        "There's a {gift} coming your way, just a small thanks.",
        "Left a {gift} for everyone, hope it's a hit.",
    ),
}
GIFTS = (
    "fruit basket", "bouquet of flowers", "gift card", "box of chocolates", "bottle of wine",
    "box of cookies", "coffee gift card", "box of pastries", "potted plant", "book",
)  # fmt: skip

# Prewritten: the text speaks of the interview as still to come.
PREWRITTEN_FUTURE = {
    "formal": (
        "I am looking forward to meeting you today.",
        "Thank you in advance for the interview this afternoon.",
        "I am sure our conversation later today will be very productive.",
        "I look forward to discussing the role with you when we meet.",
        "I will be glad to answer any questions during our interview today.",
        "I anticipate that our meeting this morning will be enlightening.",
    ),
    "informal": (
        "Can't wait to meet you later today!",
        "Looking forward to our chat this afternoon.",
        "See you at the interview in a bit!",
        "Pretty sure we'll have a great chat today.",
    ),
}
PLACEHOLDER_GREETINGS = ("Dear [Interviewer Name],", "Hi {interviewer},", "Dear ____,")
PLACEHOLDER_SENTENCES = (
    "I am very excited about the opportunity at {company}.",
    "I enjoyed learning about [specific topic discussed].",
    "Thank you for telling me about ____.",
    "I would love to join the [Team Name] team.",
    "Working at {company_name} would be a dream.",
)

# Handed on exit: the text says it was left with reception on the way out.
HANDED = {
    "formal": (
        "I have left this note with your receptionist on my way out.",
        "I am leaving this card at the front desk as I depart.",
        "I asked your receptionist to pass this note along after my interview.",
        "I left this with reception on the way out so you would have it today.",
    ),
    "informal": (
        "Leaving this with the front desk on my way out!",
        "Dropped this at reception as I left.",
        "Gave this to your receptionist on the way out :)",
    ),
}

# Traps: look like a mistake or signal but are not one.
TRAPS = {
    "receptionist_mention": (
        "Your receptionist was so welcoming.",
        "Please thank the front desk team for the coffee.",
        "The receptionist made me feel at ease while I waited.",
    ),
    "next_round": (
        "I'm looking forward to the next round.",
        "I look forward to the next steps in the process.",
        "Looking forward to hearing about the next round!",
    ),
    "bare_fit": (
        "I'd be a great fit.",
        "I think I'm a perfect fit for the role.",
        "I really believe I'm the right person for this.",
    ),
    "negated_gift": (
        "I didn't want to send anything extravagant, just a sincere note.",
        "No flowers or chocolates from me, just my thanks.",
        "I thought about sending a gift but decided a note says it better.",
    ),
}

# Neutral sentences that lengthen a note without adding any feature.
FILLERS = {
    "formal": (
        "It was a pleasure to learn more about the company culture.",
        "Please do not hesitate to contact me if you need any further information.",
        "I appreciated how clearly you explained the hiring process.",
        "I am happy to share references on request.",
        "I understand that you are speaking with several candidates.",
        "I hope the rest of your week goes well.",
        "I appreciated the openness with which you answered my questions.",
        "I would be happy to provide any additional materials.",
        "The office was lovely, and everyone I met was kind.",
        "I understand a decision is expected in the coming weeks.",
    ),
    "informal": (
        "Hope the rest of your week is chill.",
        "Let me know if you need anything else from me.",
        "Everyone I met was really nice.",
        "Happy to send over more stuff if useful.",
        "The office looks great btw.",
        "Have a good one!",
    ),
}
CLOSINGS = {
    "formal": (
        "I look forward to hearing from you.",
        "Thank you again for your consideration.",
        "I hope to hear from you soon.",
        "Please let me know if I can provide anything further.",
        "With appreciation for your time and consideration,",
        "Thank you for your patience with my many questions.",
        "Thank you once more for the opportunity.",
        "I remain at your disposal for any questions.",
        "I await your decision with interest.",
        "Thank you for your consideration.",
        "I hope our paths cross again soon.",
        "Wishing you a productive week.",
        "Kind regards and thanks again.",
        "With many thanks,",
        "I appreciate your time and look forward to your reply.",
    ),
    "informal": (
        "Talk soon!",
        "Hope to hear from you!",
        "Thanks again!",
        "Have a great day!",
        "Fingers crossed!",
        "Catch you later!",
        "Cheers!",
        "thx again",
        "Speak soon :)",
        "All the best!",
        "Take care!",
        "Hope to chat again soon.",
        "Thanks a ton!",
        "Keep in touch!",
        "Later!",
    ),
}
SIGNOFFS = (
    "Best regards,",
    "Sincerely,",
    "Best,",
    "Warm regards,",
    "Cheers,",
    "Thanks,",
    "Regards,",
)
CONTACTS = (
    "{name_lower}@example.com",
    "+1 555 0134",
    "+44 20 7946 0958",
    "linkedin.com/in/{name_lower}",
)

# Common misspellings: (correct, typo). Applied with literal replacement, once per note.
TYPOS = (
    ("definitely", "definately"), ("Thank you", "Thnak you"), ("the ", "teh "),
    ("really", "realy"), ("opportunity", "oppurtunity"), ("interview", "interveiw"),
    ("receive", "recieve"), ("forward", "foward"), ("appreciate", "apreciate"),
    ("excited", "exited"), ("experience", "experiance"), ("Thanks", "Thx"),
    ("conversation", "converstion"), ("team", "taem"), ("because", "becuase"),
    ("which", "wich"), ("really", "rly"), ("receptionist", "receptionst"),
)  # fmt: skip

# Non-English notes: (thanks, specific, fit, closing) banks per language.
FOREIGN = {
    "es": {
        "thanks": ("Muchas gracias por la entrevista.", "Gracias por su tiempo hoy."),
        "specific": (
            "Me encantó hablar de {topic}.",
            "El proyecto {project} me pareció fascinante.",
        ),
        "fit": ("Con {years} años de experiencia en {skill}, creo que puedo aportar mucho.",),
        "closing": ("Quedo a la espera de sus noticias.", "Un saludo cordial."),
    },
    "fr": {
        "thanks": ("Merci beaucoup pour l'entretien.", "Je vous remercie pour votre temps."),
        "specific": (
            "J'ai beaucoup apprécié notre échange sur {topic}.",
            "Le projet {project} m'a impressionné.",
        ),
        "fit": ("Mon expérience en {skill} correspond bien au poste.",),
        "closing": ("Dans l'attente de votre retour.", "Bien cordialement."),
    },
    "de": {
        "thanks": ("Vielen Dank für das Gespräch.", "Herzlichen Dank für Ihre Zeit."),
        "specific": (
            "Das Thema {topic} hat mich sehr interessiert.",
            "Das Projekt {project} klingt spannend.",
        ),
        "fit": ("Mit {years} Jahren Erfahrung in {skill} kann ich viel beitragen.",),
        "closing": ("Ich freue mich auf Ihre Rückmeldung.", "Mit freundlichen Grüßen."),
    },
}  # fmt: skip
