"""How far a coded event can be trusted, from how the coder found it.

An event is as good as the weakest of the three things the coder decided: which act the
verb names, who did it, and to whom. Each way of finding one of them has a factor in
``data/events/confidence.toml``, measured as the share of events found that way that are
right on the fit part of the dev sets (benchmarks/event_confidence.py); an event's
confidence is their product. Listings, exports and the workbench show events at or above
``DEFAULT_THRESHOLD`` unless asked for all.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from newsgraph.records import ActorRef

DEFAULT_THRESHOLD = 0.5


# What a basis may say of the act besides its kinds, in the order ``str(basis)`` gives them.
MARKS = ("negated", "unrealised", "supposed", "unclassed", "untold", "backgrounded", "distant")


@dataclass(frozen=True)
class Basis:
    """How the coder found an event's act, source and target.

    ``act``: ``verb`` (a verb pattern or hand-written entry), ``default`` (only the verb's
    PETRARCH2 block default), ``noun`` (a noun the verb's subject names: "protests broke
    out"), ``demand`` (a reported obligation: "said Sudan must return"), ``borrowed`` (only
    the event the object names, which is another actor's: "downplayed *Trump's* attack"),
    ``travel`` (private people's journey or meeting: "migrants coming to the US"),
    ``accident`` (a death or damage an accident or disaster caused: "killed in a crash"),
    ``rally`` (a politician's rally at home, aimed at no one: a campaign event),
    ``press`` (a statement, appeal or consultation with a news outlet: "told CNN").
    ``source``: ``coded``
    (an actor or group with a CAMEO code), ``assumed`` (its country was assumed, not stated:
    an unplaced company or group taken as domestic, a private person), ``uncoded`` (nothing
    codes it), ``place`` (no agent: the country of the place, "were killed in
    Baghdad"). ``target``: ``named`` (an argument of the verb names a coded actor), ``assumed`` (it
    names one whose country was assumed or that nothing codes), ``implied`` (the
    nearest actor a target phrase is aimed at), ``place`` (where it was done), ``host``
    (the state of the place abroad a meeting was held in), ``domestic``
    (the source's own government, as CAMEO codes a protest that names no one), ``thing``
    (no actor, only what the act is done to, as written: "condemned the attacks"),
    ``owned`` (an actor named only as the owner of the thing a partnering act is done with:
    "met tough *Russian* standards", events/readings.py), ``related`` (an actor named
    only by its relation to the coded one: "Russia's *allies*"), ``aside`` (named
    only inside a meeting's purpose: "met to end the shelling of Mosul"), ``none``.
    ``unrealised``: the sentence puts the act in the future, a plan or a wish, not done.
    ``supposed``: the writer only supposes it. ``untold``: the sentence never tells it as
    done, whoever reports it: under a modal perfect ("would have objected to"), in a
    condition ("unless Israel ends"), as what is talked about ("told reporters about
    extending support") or what a relative clause holds ("the benefits Mexico provides").
    ``unclassed``: a CAMEO public statement (root 01) with no PLOVER category.
    ``backgrounded``: told in a clause that frames it (an open complement, a relative or
    noun clause, a preposition's clause), with its code not changed for it.
    ``distant``: its source found three or more arcs of the parse from the verb.
    """

    act: str
    source: str
    target: str
    negated: bool = False
    # The sentence says the act is still to come ("will present", "is set to ask").
    unrealised: bool = False
    # The writer only supposes it ("Smith would invite", "if he wins, he offers").
    supposed: bool = False
    # A CAMEO public statement (01) that PLOVER codes as no event ("considers", "denied").
    unclassed: bool = False
    # The sentence never tells it as done ("would have objected to", "unless Israel ends").
    untold: bool = False
    # Told in a clause that frames it ("was quick to praise", "the leader who met").
    backgrounded: bool = False
    # Its doer passed down to it through two clauses or more.
    distant: bool = False

    @property
    def marks(self) -> list[str]:
        """The ``MARKS`` this basis has, each a factor of its own in ``confidence.toml``."""
        return [mark for mark in MARKS if getattr(self, mark)]

    def __str__(self) -> str:
        return " ".join([self.act, self.source, self.target, *self.marks])


@cache
def _factors() -> dict[str, dict[str, float]]:
    path = resources.files("newsgraph") / "data" / "events" / "confidence.toml"
    return tomllib.loads(path.read_text(encoding="utf-8"))


def source_kind(source: ActorRef, from_place: bool) -> str:
    if from_place:
        return "place"
    if not source.code:
        return "uncoded"
    return "assumed" if source.assumed else "coded"


def target_kind(target: ActorRef | None, named: list[ActorRef], places: list[ActorRef]) -> str:
    if target is None:
        return "none"
    if any(target is ref for ref in named):
        return "assumed" if target.assumed or not target.code else "named"
    if any(target is ref for ref in places):
        return "place"
    return "domestic"


def confidence(basis: Basis) -> float:
    factors = _factors()
    value = (
        factors["act"][basis.act]
        * factors["source"][basis.source]
        * factors["target"][basis.target]
    )
    for mark in basis.marks:
        value *= factors[mark]["factor"]
    return round(value, 2)
