"""Word lists that the extraction rules share.

They are deliberately small and general (English newsroom usage), never a
list of the corpus's own names: names are learnt from the corpus.
"""

from __future__ import annotations

# Nouns that end an organisation's name; a name containing one is an
# organisation, and "of"/"for" may continue it ("Federal Assembly of the ...").
ORG_HEADS = frozenset(
    """
    academy agency alliance assembly association authority bank board bureau cabinet chamber
    church commission committee company conference congress corporation council court
    department duma federation forum foundation front government group hall house initiative
    institute institution league legislature ministry monument museum news office organisation
    organization parliament party police press programme project republic school senate
    service society summit tribunal union university
    """.split()
)

# Words that stand before a name as a title and are not part of the name.
TITLE_WORDS = frozenset(
    """
    ambassador chair chairman chairperson chairwoman chancellor comrade dr general governor
    head king leader mayor minister mr mrs ms premier president prime prince professor
    prof queen secretary senator sir speaker spokesman spokeswoman vice deputy director
    """.split()
)

# Role nouns in "<name>, <role> of <organisation>", and the group each belongs
# to: words of one group name the same role ("speaker" and "chairman" of a
# parliament), so they never contradict each other.
ROLE_GROUPS: dict[str, str] = {
    "chairman": "presiding officer",
    "chairwoman": "presiding officer",
    "chairperson": "presiding officer",
    "chair": "presiding officer",
    "speaker": "presiding officer",
    "head": "presiding officer",
    "president": "president",
    "leader": "leader",
    "premier": "head of government",
    "prime minister": "head of government",
    "minister": "minister",
    "secretary": "secretary",
    "spokesman": "spokesperson",
    "spokeswoman": "spokesperson",
    "spokesperson": "spokesperson",
    "director": "director",
    "ambassador": "ambassador",
    "governor": "governor",
    "mayor": "mayor",
    "member": "member",
    "vice-chairman": "deputy presiding officer",
    "vice-chairwoman": "deputy presiding officer",
    "vice-chair": "deputy presiding officer",
    "deputy chairman": "deputy presiding officer",
    "deputy speaker": "deputy presiding officer",
    "vice-president": "vice-president",
    "vice president": "vice-president",
}

# Verbs of speech that follow a person's name ("Zhao said").
SPEECH_VERBS = frozenset(
    "said says added noted stressed told urged emphasized emphasised called reiterated".split()
)

# Capitalised only because they open a sentence; never the start of a name.
SENTENCE_OPENERS = frozenset(
    """
    a according after also an and as at before besides but by during earlier efforts for from
    he her his however if in it its meanwhile noting observers on she since so than that the
    their there these they this those through to under when while with we yet focused
    analysts our
    """.split()
)

# Words for events that happen on a date: a meeting, talks, a visit.
EVENT_WORDS = frozenset(
    """
    meet meets met meeting meetings talk talks hold held host hosted hosting visit visited
    visiting visits session sessions summit conference call called
    """.split()
)

COUNTED_NOUNS = frozenset(
    """
    meeting session anniversary round summit congress conference edition plenum forum
    visit year term
    """.split()
)

# Capitalised words that are never names: they are read as dates.
NOT_NAMES = frozenset(
    """
    monday tuesday wednesday thursday friday saturday sunday january february march april
    june july august september october november december
    """.split()
)
