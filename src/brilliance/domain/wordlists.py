"""Word lists for matching: the small words that carry no meaning of their own.

Two levels. Function words ("a", "to", "our") are dropped before anything is compared, so the
topic map's phrase "seed round" is found in "raise a seed round". Weak words (role titles and
everyday adjectives) stay for phrases ("community manager") but never make a match alone:
"Community lead" and "hire a design lead" have nothing in common.
"""

from __future__ import annotations

FUNCTION_WORDS = frozenset(
    """
    a an and the of to in on for with at by from into onto about as is are am be been being
    it its my our their his her your me we us they them i you he she this that these those
    or but not no so than then too very can could would should shall just also up out
    over off via per some any all each every more most much many such own
    """.split()  # noqa: SIM905 - a list of words reads best as words
)

WEAK_WORDS = frozenset(
    """
    lead leads head manager managers senior junior staff director chief officer team teams
    work working job jobs role roles company companies person people principal associate
    small big bigger large larger little high low long short full real local global best
    kind help helps helping use using enjoy get gets getting got make makes making made new
    next year years month months week weeks day days time times lot better good great way
    thing things want wants wanting like one two three first last start starting started
    find finding found need needs needed try trying keep keeping do doing done go going take
    taking give giving set setting run running put able become becoming learn learning
    improve improving grow growing build building plan planning move moving open opening
    more less back well early late right around again other others everyone someone
    something anything thing stuff lots bit business businesses firm firms service
    services customer customers client clients user users product products home
    secure secured securing add adding stop stopping cut cutting handle handling turn
    make sure choose decide understand work world place prepare preparing preparation
    ready step steps talk talking tool tools sense form forms again will technical
    """.split()  # noqa: SIM905 - a list of words reads best as words
)
"""Words that never make a match on their own (they may still be part of a topic's phrase).

Verbs such as "build", "grow", "learn", "run" and "move" are here because they say what
someone wants to do, not what it is about: "build a developer community" and "build my own
dining table" share nothing. The topic map still reads them inside its phrases.
"""
