"""From a decision to a `Reply`: the narrow answer first (the one or two lines that answer the
question, then the holder and a contact, each printed once), "meer" for the full card, and the
readings to choose from when the question is unclear. Every name, date, number and address
comes from the snapshot; what the sheet does not say, the answer says it does not say."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Literal, TypeVar

from bot.answers.lexicon import (
    ALLOWANCE_WORDS,
    ALWAYS_WORDS,
    CANDIDACY_WORDS,
    CONTRASTS,
    COUNT_WORDS,
    DATES_KNOWN_WORDS,
    ELECTION_WORDS,
    FACETS,
    FUNCTION_WORDS,
    HEDGES,
    MAKEUP_WORDS,
    MEMBERSHIP_WORDS,
    MUST_WORDS,
    NEGATIONS,
    NEGATIVE_POLARITY,
    OPPOSITES,
    PLANNING_WORDS,
    POST_KINDS,
    PREFERENCE,
    QUALIFIER_WORDS,
    REACH_WORDS,
    TOTALITY_WORDS,
    WHEN_WORDS,
    YES_NO_VERBS,
)
from bot.answers.reading import Reading, asks_whom_supported
from bot.answers.search import NAME_TERM, Entity, Hit, Passage, sentences
from bot.dates import day_of
from bot.i18n import EXAMPLES, count_word, format_day, format_span, join_names, pick, say
from bot.models import CANDIDACY_PHASE_ID, Body, Person, Phase, Portfolio, Role, Snapshot
from bot.reply import Choice, Language, Link, Reply
from bot.text import fold, words

_T = TypeVar("_T")
# "Ja. ", "Nee, ", "Yes. ": the opener of an answer to a yes/no question.
_OPENER = re.compile(r"^(?:ja|nee|yes|no)[.,!:]\s+", re.IGNORECASE)
DecisionKind = Literal[
    "blank",
    "thanks",
    "help",
    "candidacy",
    "planning",
    "members",
    "person",
    "entity",
    "passages",
    "relations",
    "functions",
    "pillars",
    "contact",
    "clarify",
    "fallback",
]


@dataclass(frozen=True)
class Decision:
    """What to answer: the kind of answer, its subject, the passages to quote, the readings to
    offer. `subject` is what a follow-up ("en het tijdsbeslag?") refers to."""

    kind: DecisionKind
    reading: Reading
    language: Language
    entities: tuple[Entity, ...] = ()
    hits: tuple[Hit, ...] = ()
    choices: tuple[tuple[Entity, ...], ...] = ()
    full: bool = False
    # A yes/no question on membership naming a place the member list does not hold.
    unknown_place: bool = False
    # Passage answers: several owners may answer one question ("wie vertegenwoordigt ...").
    groups: tuple[tuple[Entity, ...], ...] = field(default=())
    # The passages are shown, but do not hold all a yes/no question asks: no Ja or Nee.
    unsettled: bool = False
    # The question repeats a Kennis question: the staff's answer, with its own Ja or Nee.
    repeated: bool = False
    # "gaan de verkiezingen volledig online?": asked whether one part is the whole, answered
    # by a line on all parts: Nee.
    partial: bool = False
    # "stuur marc een mailtje", "bel de voorzitter": an errand the bot cannot run; the contact.
    errand: bool = False

    @property
    def subject(self) -> tuple[Entity, ...]:
        if self.entities:
            return self.entities
        if self.groups:
            return self.groups[0]
        return ()


def lower_first(title: str, language: Language) -> str:
    """A title mid-sentence: 'de eerste vicevoorzitter', 'the first vice chair'; but
    'de AOT-secretaris' and an English title in title case ('the Secretary General') stay."""
    if len(title) > 1 and title[1].isupper():
        return title
    # 'the Secretary General' stays; 'the pillar vice chair Social' (a pillar's name last).
    if language == "en" and any(word[:1].isupper() for word in title.split()[1:2]):
        return title
    return title[:1].lower() + title[1:]


@dataclass(frozen=True)
class People:
    """How a person is shown: name, organisation, e-mail, phone; absent or standing in."""

    snapshot: Snapshot

    def person_text(self, person: Person) -> str:
        parts = [person.name]
        if person.organisation:
            parts[0] += f" ({person.organisation})"
        parts += [value for value in (person.email, person.phone) if value]
        return ", ".join(parts)

    def holder_text(self, person_id: str | None, lang: Language, today: date) -> str:
        person = self.snapshot.people.get(person_id) if person_id else None
        if person is None:
            return say(lang, "not_filled")
        text = self.person_text(person)
        if person.is_absent(today):
            back = person.back_on
            text = (
                say(lang, "away_until", who=text, back=format_day(back, lang))
                if back
                else say(lang, "away", who=text)
            )
        return text

    def contact_text(self, person_id: str | None, lang: Language, today: date) -> str | None:
        """Whom to contact: the person, or on an absent day their stand-in."""
        person = self.snapshot.people.get(person_id) if person_id else None
        if person is None:
            return None
        if not person.is_absent(today) or not person.stand_in:
            return self.holder_text(person.id, lang, today)
        stand_in = self.snapshot.people.get(person.stand_in.casefold())
        stand_in_text = self.person_text(stand_in) if stand_in else person.stand_in
        if person.back_on:
            return say(
                lang,
                "stand_in_for",
                stand_in=stand_in_text,
                name=person.name,
                back=format_day(person.back_on, lang),
            )
        return say(lang, "stand_in_open", stand_in=stand_in_text, name=person.name)

    def contact_link(self, person_id: str | None, today: date) -> Link | None:
        person = self.snapshot.people.get(person_id) if person_id else None
        if person is None:
            return None
        if person.is_absent(today) and person.stand_in:
            stand_in = self.snapshot.people.get(person.stand_in.casefold())
            email = stand_in.email if stand_in else person.stand_in
            label = stand_in.name if stand_in else person.stand_in
        else:
            email, label = person.email, person.name
        return Link(label, f"mailto:{email}") if email and "@" in email else None

    def general_contact(self) -> str | None:
        """Whom to ask what the bot cannot answer: the person the sheet names for the network
        as a whole — the holder (or contact) of the role that is every board role's support at
        the top, found by the data: the secretary general's row, else the first staff member."""
        role = self.snapshot.roles.get("algemeen-secretaris")
        for person_id in (role.holder, role.more_info) if role else ():
            if person_id and person_id in self.snapshot.people:
                return person_id
        for member in self.snapshot.staff:
            person = next(
                (p for p in self.snapshot.people.values() if member.email == p.email), None
            )
            if person is not None:
                return person.id
        return None


@dataclass
class Composer:
    """One question's answer; a class only to keep the many small builders' arguments short."""

    snapshot: Snapshot
    people: People
    decision: Decision
    today: date
    labels: dict[Entity, tuple[str, str]]
    members_of: dict[str, list[str]]
    mentions: dict[Passage, tuple[Entity, ...]] = field(default_factory=dict)

    @property
    def lang(self) -> Language:
        return self.decision.language

    @property
    def reading(self) -> Reading:
        return self.decision.reading

    def mid(self, title: str) -> str:
        return lower_first(title, self.lang)

    def title(self, role: Role) -> str:
        return pick(self.lang, role.title, role.title_en)

    def label(self, entity: Entity) -> str:
        if entity.kind == "fact":
            fact = self.snapshot.facts[entity.id]
            return fact.questions[0]
        names = self.labels.get(entity)
        return names[0 if self.lang == "nl" else 1] if names else entity.id

    def body_phrase(self, entity: Entity, *, opening: bool = True) -> str:
        """A body's name with its article: 'Het Dagelijks Bestuur', 'the Executive Board'
        ('Ja, Dagelijks Bestuur wordt ...' reads as a telegram)."""
        name = self.label(entity)
        if self.lang == "nl":
            article = dutch_article(name)
        else:
            article = "" if name.casefold().startswith("the ") else "the"
        phrase = f"{article} {name}".strip()
        return phrase[:1].upper() + phrase[1:] if opening else phrase

    def name_of(self, entity: Entity) -> str:
        """A thing's name mid-sentence; one of the question's group of roles by the group's
        common title ('de pijlervicevoorzitter', not only its Sociaal one)."""
        for group in (self.decision.entities, self.reading.also):
            if entity in group and len(group) > 1 and self.grouped(group):
                return self.mid(self.group_label(group))
        return self.mid(self.label(entity)) if entity.kind == "role" else self.label(entity)

    def grouped(self, group: Sequence[Entity]) -> bool:
        """Whether these are one role of each pillar (they share their tasks)."""
        roles = [self.snapshot.roles.get(e.id) for e in group if e.kind == "role"]
        return len(roles) == len(group) and _same_text([r for r in roles if r is not None])

    def group_label(self, group: Sequence[Entity]) -> str:
        return common_title([self.label(entity) for entity in group])

    # --- dispatch -----------------------------------------------------------------------------

    def build(self) -> Reply:
        reply = self._build()
        if self.decision.errand:
            # Said first, plainly: the card alone reads as if the mail were on its way.
            return replace(reply, lines=(say(self.lang, "cannot_reach"), *reply.lines))
        return reply

    def _build(self) -> Reply:
        decision = self.decision
        kind = decision.kind
        if kind == "blank":
            return self.examples("empty_title", "empty_intro", kind="fallback")
        if kind == "thanks":
            return Reply(title=say(self.lang, "you_are_welcome"), language=self.lang)
        if kind == "help":
            return self.examples("help_title", "help_intro", kind="answer")
        if kind == "candidacy":
            return self.candidacy()
        if kind == "planning":
            return self.planning([e.id for e in decision.entities if e.kind == "phase"])
        if kind == "members":
            return self.members([e.id for e in decision.entities if e.kind == "municipality"])
        if kind == "person":
            return self.person(self.snapshot.people[decision.entities[0].id])
        if kind == "relations":
            return self.relations()
        if kind == "functions":
            return self.functions()
        if kind == "pillars":
            return self.pillars()
        if kind == "contact":
            return self.general_contact()
        if kind == "passages":
            return self.passages()
        if kind == "clarify":
            return self.clarify()
        if kind == "fallback":
            return self.fallback()
        return self.entity()

    def entity(self) -> Reply:
        entities = self.decision.entities
        kinds = {e.kind for e in entities}
        if self.reading.yes_no and not self.decision.full:
            answer = self.yes_no()
            if answer is not None:
                return answer
        if kinds == {"body"}:
            return self.body(self.snapshot.bodies[entities[0].id])
        if kinds == {"portfolio"} and len(entities) > 1:
            return self.portfolios([self.snapshot.portfolios[e.id] for e in entities])
        if kinds == {"portfolio"}:
            return self.portfolio(self.snapshot.portfolios[entities[0].id])
        roles = [self.snapshot.roles[e.id] for e in entities if e.kind == "role"]
        return self.roles(roles)

    # --- roles and portfolios -----------------------------------------------------------------

    def roles(self, roles: list[Role], *, facets: frozenset[str] | None = None) -> Reply:
        """A narrow answer by default: what the question asks (a line of the sheet, or a
        facet: tasks, time, pay, stand-ins, ...), then the holder and a contact; the full card
        on 'meer'."""
        facets = facets if facets is not None else self.reading.facets
        if self.reading.asks_what and not facets and not self.decision.hits:
            facets = frozenset({"tasks"})
        group_title = common_title([self.title(role) for role in roles])
        full = self.decision.full
        lacking: list[str] = []
        if full:
            # The full card: what the sheet holds, and one line for what it does not.
            held = {facet: self.sheet_holds(roles, facet) for facet in _CARD_FACETS}
            facets = frozenset(facet for facet, yes in held.items() if yes)
            lacking = [facet for facet, yes in held.items() if not yes]
        hits = () if full else self.decision.hits
        lines: list[str] = [self.quote(hit, roles) for hit in hits]
        for body_entity in self.reading.also if self.reading.asks_chair and not hits else ():
            body = self.snapshot.bodies.get(body_entity.id) if body_entity.kind == "body" else None
            if body is not None and body.chair in {role.id for role in roles}:
                chair = self.mid(self.title(self.snapshot.roles[body.chair]))
                lines.append(
                    say(self.lang, "chair_of", body=self.body_phrase(body_entity), role=chair)
                )
        if "appointment" in facets:
            lines += self.appointment_lines(roles)
        if "rhythm" in facets and not hits:
            lines += self.rhythm_lines(roles)
        if "tasks" in facets:
            lines += self.tasks_lines(roles, group_title)
        for facet in ("competences", "time", "paid"):
            if facet in facets or (facet == "paid" and "allowance" in facets):
                lines += [f"{label}: {value}" for label, value in self.profile_fields(roles, facet)]
        if "portfolios" in facets:
            lines += self.portfolio_lines(roles)
        if "deputies" in facets:
            lines += self.deputy_lines(roles)
        card = not (facets or hits)
        if card or full:
            lines += self.holder_lines(roles)
        if "support" in facets and asks_whom_supported(self.reading):
            lines += self.supports_lines(roles)
        elif "support" in facets or card:
            explain = "support" in facets and not (hits or full)
            lines += self.support_lines(roles, [], explain_missing=explain)
            if "support" in facets:
                lines += self.portfolio_support_lines(roles, shown=lines)
        if lacking:
            lines.append(self.lacking_line(lacking, group_title))
        if not (card or full) and ("contact" not in facets or len(roles) > 1):
            lines += self.holder_lines(roles, shown=lines)
        lines += self.more_info_lines(roles, explain_missing="contact" in facets, shown=lines)
        if card and not any(role.holder or role.more_info for role in roles):
            # Nobody to name: what the role is (its first line), and whom to ask instead.
            lines += [
                pick(self.lang, role.tasks, role.tasks_en)[0] for role in roles[:1] if role.tasks
            ]
            lines += self.ask_instead()
        return Reply(
            title=group_title,
            lines=_lines(lines),
            suggestions=self.role_suggestions(group_title, facets),
            links=self.links([role.more_info for role in roles]),
            language=self.lang,
            more=None if full else self.more_question(group_title),
        )

    def sheet_holds(self, roles: list[Role], facet: str) -> bool:
        """Whether the sheet says anything of this facet for any of the roles (a supporter
        only when the sheet knows that post)."""
        if facet == "support":
            return any(i in self.snapshot.roles for role in roles for i in role.supported_by)
        return any(role_holds(role, facet) for role in roles)

    def lacking_line(self, facets: Sequence[str], group_title: str) -> str:
        """'Het sheet noemt voor de pijlervicevoorzitter geen competenties of vervanger.'"""
        names = [say(self.lang, f"lacks_{facet}") for facet in facets]
        what = join_names(names, self.lang, alternatives=True)
        return say(self.lang, "card_lacks", role=self.mid(group_title), what=what)

    def supported_by(self, roles: list[Role]) -> list[Role]:
        """The roles these roles support, by the sheet's support columns."""
        ids = {role.id for role in roles}
        supported = [r for r in self.snapshot.roles.values() if ids & set(r.supported_by)]
        supported += [
            self.snapshot.roles[p.role]
            for p in self.snapshot.portfolios.values()
            if ids & set(p.supported_by) and p.role in self.snapshot.roles
        ]
        return supported

    def supports_lines(self, roles: list[Role]) -> list[str]:
        supported = self.supported_by(roles)
        title = self.mid(common_title([self.title(role) for role in roles]))
        if not supported:
            return [say(self.lang, "supports_none", role=title)]
        names = ", ".join(_unique(self.title(role) for role in supported))
        return [say(self.lang, "supports_list", role=title, who=names)]

    def portfolio_lines(self, roles: list[Role]) -> list[str]:
        """The portfolios and opgavegroepen a role holds, chairs or is linking pin for."""
        ids = {role.id for role in roles}
        held = [p for p in self.snapshot.portfolios.values() if p.role in ids]
        title = self.mid(common_title([self.title(role) for role in roles]))
        if not held:
            return [say(self.lang, "no_portfolios", role=title)]
        names = ", ".join(_unique(pick(self.lang, p.name, p.name_en) for p in held))
        return [say(self.lang, "portfolios_of", role=title, portfolios=names)]

    def portfolio(self, portfolio: Portfolio) -> Reply:
        role = self.snapshot.roles[portfolio.role]
        facets = self.reading.facets
        name = pick(self.lang, portfolio.name, portfolio.name_en)
        facets = facets - {"portfolios"}
        notes = sentences(pick(self.lang, portfolio.notes, portfolio.notes_en))
        # "wat houdt het penningmeesterschap in?": the portfolio's own notes say what it is.
        content = "tasks" in facets and bool(notes)
        if facets - {"support", "contact"} - ({"tasks"} if content else set()):
            return self.roles([role], facets=facets)
        if self.decision.full:
            return self.roles([role], facets=facets)
        relation_key = {
            "houder": "portfolio_holder",
            "voorzitter": "portfolio_chair",
            "linking-pin": "portfolio_linking_pin",
        }[portfolio.relation]
        lines: list[str] = [self.quote(hit, [role]) for hit in self.decision.hits]
        title = self.mid(self.title(role))
        # 'the first vice chair holds the treasurer portfolio'
        held = (
            portfolio_mid(name)
            if self.lang == "en" and relation_key == "portfolio_holder"
            else name
        )
        said = title
        if relation_key == "portfolio_chair":
            # 'The Social pillar is chaired by the pillar chair', not 'The pillar chair
            # Social chairs Social pillar': the thing chaired leads, named once.
            held = self.chaired_name(portfolio, name)
            if role.pillar:
                said = self.mid(_without_trailing(self.title(role), name))
        if content:
            lines += notes
            lines += self.holder_lines([role])
        if facets == {"contact"}:
            # Whom to contact makes sense beside who holds it.
            lines.append(say(self.lang, relation_key, portfolio=held, role=said))
        if not facets:
            # Who holds it, and the notes' first sentence when it says more of that.
            lines.append(say(self.lang, relation_key, portfolio=held, role=said))
            lines += notes[:1] if notes and title.casefold() in notes[0].casefold() else []
            lines += self.holder_lines([role])
            if portfolio.relation == "linking-pin" or portfolio.own_chair:
                lines.append(
                    say(
                        self.lang,
                        "own_chair",
                        holder=self.people.holder_text(portfolio.own_chair, self.lang, self.today),
                    )
                )
        if not facets or "support" in facets or facets == {"contact"}:
            # Whoever supports the holder in the portfolio is someone to ask about it too
            # ('who do I ask about communications?': the strategic communications adviser).
            lines += self.support_lines(
                [role], portfolio.supported_by, explain_missing="support" in facets
            )
        lines += self.more_info_lines(
            [role], explain_missing="contact" in facets, subject=name, shown=lines
        )
        return Reply(
            title=name,
            lines=_lines(lines),
            suggestions=self.role_suggestions(self.title(role), facets),
            links=self.links([role.more_info]),
            language=self.lang,
            more=self.more_question(self.title(role)),
        )

    def chaired_name(self, portfolio: Portfolio, name: str) -> str:
        """A chaired portfolio's name to open a sentence with: 'Pijler Sociaal', 'De
        opgavegroep Interbestuurlijke samenwerking', 'The Social pillar', 'The
        Intergovernmental cooperation task group'."""
        kind = portfolio.kind
        if self.lang == "en":
            named = name if kind == "pijler" else f"{name} {say('en', 'kind_' + kind)}"
            return f"The {named}"
        if kind == "pijler":
            return name
        return f"De {say('nl', 'kind_' + kind)} {name}"

    def portfolios(self, portfolios: list[Portfolio]) -> Reply:
        """'wie ondersteunt de tweede vicevoorzitter bij veiligheid en financiën?': each
        portfolio's answer under its name, every contact once."""
        replies = [self.portfolio(portfolio) for portfolio in portfolios]
        lines: list[str] = []
        for reply in replies:
            lines.append(f"{reply.title}:")
            lines += [line for line in reply.lines if line not in lines]
        first = replies[0]
        return replace(
            first,
            title=join_names([reply.title for reply in replies], self.lang),
            lines=tuple(lines),
            links=tuple(_unique(link for reply in replies for link in reply.links)),
        )

    def holder_lines(self, roles: list[Role], *, shown: Sequence[str] = ()) -> list[str]:
        """'Voorzitter: nog niet in het overzicht'; for a group of roles each line also names the
        role's contact, so that a contact is printed once, next to its role."""
        lines = []
        for role in roles:
            holder = self.people.holder_text(role.holder, self.lang, self.today)
            line = say(self.lang, "holder_line", role=self.title(role), holder=holder)
            if len(roles) > 1:
                who = self.people.contact_text(role.more_info, self.lang, self.today)
                if who and not _shown(self.snapshot, role.more_info, [*shown, line]):
                    line += " — " + say(self.lang, "contact_short", who=who)
            lines.append(line)
        return lines

    def portfolio_support_lines(self, roles: list[Role], *, shown: Sequence[str]) -> list[str]:
        """'wie ondersteunt de tweede vicevoorzitter?': also who supports the role in each
        portfolio it holds (Veiligheid: the CCV adviser), each supporter named once."""
        ids = {role.id for role in roles}
        lines: list[str] = []
        for portfolio in self.snapshot.portfolios.values():
            if portfolio.role not in ids:
                continue
            name = pick(self.lang, portfolio.name, portfolio.name_en)
            for supporter_id in portfolio.supported_by:
                supporter = self.snapshot.roles.get(supporter_id)
                if supporter is None:
                    continue
                if any(self.title(supporter) in line for line in [*shown, *lines]):
                    continue
                who = self.supporter_text(supporter)
                lines.append(say(self.lang, "support_in", portfolio=name, who=who))
        return lines

    def support_lines(
        self, roles: list[Role], override: list[str], *, explain_missing: bool = False
    ) -> list[str]:
        lines = []
        for role in roles:
            supporters = [
                self.snapshot.roles[i]
                for i in (override or role.supported_by)
                if i in self.snapshot.roles
            ]
            if not supporters and explain_missing:
                title = self.mid(self.title(role))
                lines.append(say(self.lang, "no_support", role=title))
                supported = _unique(self.mid(self.title(r)) for r in self.supported_by([role]))
                if supported:
                    who = join_names(supported, self.lang)
                    lines.append(say(self.lang, "supports_instead", role=title, who=who))
            for supporter in supporters:
                lines.append(say(self.lang, "support", who=self.supporter_text(supporter)))
        return lines

    def supporter_text(self, supporter: Role) -> str:
        """A supporting post with its holder ('Plv. algemeen secretaris — Gerdien Looman, …');
        an outside party (Bureau Wepublic) by its name alone, unless the sheet names a holder."""
        who = self.title(supporter)
        if supporter.holder or supporter.body != "extern":
            who += " — " + self.people.holder_text(supporter.holder, self.lang, self.today)
        return who

    def more_info_lines(
        self,
        roles: list[Role],
        *,
        explain_missing: bool = False,
        subject: str | None = None,
        shown: Sequence[str] = (),
    ) -> list[str]:
        """Whom to ask, once: a contact an earlier line already gives is not repeated, unless
        the question asks for it."""
        lines: list[str] = []
        for role in roles:
            who = self.people.contact_text(role.more_info, self.lang, self.today)
            repeated = bool(who) and _shown(self.snapshot, role.more_info, [*shown, *lines])
            asked_again = explain_missing and not any((who or "") in line for line in shown)
            if repeated and not asked_again:
                continue
            if who:
                if len(roles) > 1:
                    lines.append(say(self.lang, "contact_role", role=self.title(role), who=who))
                else:
                    lines.append(say(self.lang, "more_info", who=who))
            elif explain_missing:
                lines.append(
                    say(self.lang, "no_contact", subject=subject or self.mid(self.title(role)))
                )
        return lines

    def tasks_lines(self, roles: list[Role], group_title: str) -> list[str]:
        lines: list[str] = []
        tasks_by_role = [(role, pick(self.lang, role.tasks, role.tasks_en)) for role in roles]
        distinct = {tuple(tasks) for _, tasks in tasks_by_role}
        shown = (
            [(group_title, tasks_by_role[0][1])]
            if len(distinct) == 1
            else [(self.title(r), t) for r, t in tasks_by_role]
        )
        for title, tasks in shown:
            if not tasks:
                lines.append(say(self.lang, "no_tasks", role=self.mid(title)))
                continue
            lines.append(say(self.lang, "tasks", role=self.mid(title)))
            lines += [f"• {task}" for task in tasks]
        return lines

    def profile_fields(self, roles: list[Role], facet: str) -> list[tuple[str, str]]:
        label = say(self.lang, facet)
        if (
            facet in {"competences", "time"}
            and len(roles) > 1
            and not self.sheet_holds(roles, facet)
        ):
            # One line for the family: 'Het sheet noemt geen competenties voor de
            # pijlersecretaris', not one per pillar.
            title = self.mid(common_title([self.title(role) for role in roles]))
            return [(label, say(self.lang, f"no_{facet}", role=title))]
        values = []
        for role in roles:
            values.append((self.title(role), self.profile_value(role, facet)))
        if len({value for _, value in values}) == 1:
            return [(label, values[0][1])]
        return [(f"{label} — {title}", value) for title, value in values]

    def profile_value(self, role: Role, facet: str) -> str:
        if facet == "competences":
            items = pick(self.lang, role.competences, role.competences_en)
            return ", ".join(items) or say(
                self.lang, "no_competences", role=self.mid(self.title(role))
            )
        if facet == "time":
            text = pick(self.lang, role.time_commitment, role.time_commitment_en)
            return " ".join(text.split("\n")) or say(
                self.lang, "no_time", role=self.mid(self.title(role))
            )
        status = {True: "paid_yes", False: "paid_no", None: "paid_unknown"}[role.paid]
        allowance = pick(self.lang, role.allowance, role.allowance_en)
        if role.paid is None and allowance:
            # What the sheet does say about pay, without a 'niet vermeld' before it.
            return allowance
        return say(self.lang, status) + (f". {allowance}" if allowance else "")

    def deputy_lines(self, roles: list[Role]) -> list[str]:
        lines = []
        away = {e.id for e in self.reading.absent if e.kind == "role"}
        for role in roles:
            deputies = [self.snapshot.roles[i] for i in role.deputies if i in self.snapshot.roles]
            gone = [deputy for deputy in deputies if deputy.id in away]
            if gone:
                # The stand-ins said to be away too are skipped: who comes next, in order.
                absent = join_names([self.mid(self.title(d)) for d in gone], self.lang)
                deputies = [deputy for deputy in deputies if deputy.id not in away]
                key = "deputies_after" if deputies else "no_deputies_after"
                lines.append(say(self.lang, key, role=self.mid(self.title(role)), absent=absent))
                if not deputies:
                    continue
            elif not deputies:
                lines.append(say(self.lang, "no_deputies", role=self.mid(self.title(role))))
                continue
            else:
                lines.append(say(self.lang, "deputies", role=self.mid(self.title(role))))
            for number, deputy in enumerate(deputies, start=1):
                holder = self.people.holder_text(deputy.holder, self.lang, self.today)
                lines.append(f"{number}. {self.title(deputy)} — {holder}")
        return lines

    def appointment_lines(self, roles: list[Role]) -> list[str]:
        """How a role is filled: the sheet's own sentence if it has one, else whether it is
        one of the elected functions."""
        if not roles:
            return []
        # One post of each pillar is one post: said of the post, not of its first pillar.
        same = all(role.elected == roles[0].elected for role in roles)
        titles = [self.title(role) for role in roles] if same else [self.title(roles[0])]
        key = "elected_yes" if roles[0].elected else "elected_no"
        return [_capital(say(self.lang, key, role=self.mid(common_title(titles))))]

    def rhythm_lines(self, roles: list[Role]) -> list[str]:
        return [
            f"{say(self.lang, 'time')}: {self.profile_value(role, 'time')}" for role in roles[:1]
        ]

    def role_suggestions(self, title: str, facets: frozenset[str]) -> tuple[str, ...]:
        mid = self.mid(title)
        options = {
            "nl": {
                "tasks": f"wat doet de {mid}?",
                "time": f"tijdsbeslag {mid}",
                "contact": f"contact {mid}",
            },
            "en": {
                "tasks": f"what does the {mid} do?",
                "time": f"time commitment {mid}",
                "contact": f"contact {mid}",
            },
        }[self.lang]
        return tuple(text for facet, text in options.items() if facet not in facets)[:2]

    def more_question(self, title: str) -> str:
        return say(self.lang, "more_about", subject=self.mid(title))

    def more_about_thing(self, entity: Entity) -> str:
        """'meer over het Dagelijks Bestuur', 'more about the Executive Board': a body with
        its own article; other things by their name."""
        if entity.kind == "body":
            return say(
                self.lang, "more_about_name", subject=self.body_phrase(entity, opening=False)
            )
        return say(self.lang, "more_about_name", subject=self.label(entity))

    def links(self, person_ids: Sequence[str | None]) -> tuple[Link, ...]:
        found = (self.people.contact_link(pid, self.today) for pid in person_ids)
        return tuple(_unique(link for link in found if link))

    # --- yes or no ----------------------------------------------------------------------------

    def yes_no(self) -> Reply | None:
        """'Ja'/'Nee' first, only when the sheet settles it; None when it does not (the
        ordinary answer then says what the sheet does say)."""
        verdict = self.verdict()
        if verdict is None:
            return None
        settled, because, entities = verdict
        if fold(" ".join(self.reading.tokens)) and set(self.reading.tokens) & NEGATIVE_POLARITY:
            settled = not settled
        word = say(self.lang, "yes" if settled else "no")
        # "Ja, vanuit de G40 ...": a sentence from the sheet continues the yes or no.
        because = _continued(because)
        if set(entities) <= set(self.decision.entities):
            entities = self.decision.entities
        elif set(entities) <= set(self.reading.also) and self.grouped(self.reading.also):
            # 'the pillar chair': the group the question named, not its first pillar's.
            entities = self.reading.also
        roles = [self.snapshot.roles[e.id] for e in entities if e.kind == "role"]
        lines = [f"{word}, {because}" if because else word]
        lines += [self.passage_text(hit) for hit in self.decision.hits[:1] if self.on_topic(hit)]
        if roles:
            lines += self.holder_lines(roles, shown=lines)
            lines += self.more_info_lines(roles, shown=lines)
        if set(entities) <= set(self.decision.entities):
            entities = self.decision.entities
        title = common_title([self.label(e) for e in entities]) if entities else ""
        return Reply(
            title=title,
            lines=_lines(lines),
            links=self.links([role.more_info for role in roles[:1]]),
            language=self.lang,
            more=self._more_of(entities, title),
        )

    def _more_of(self, entities: Sequence[Entity], title: str) -> str | None:
        if len(entities) == 1 and entities[0].kind == "body":
            return self.more_about_thing(entities[0])
        return self.more_question(title) if title else None

    def on_topic(self, hit: Hit) -> bool:
        """A line beside a yes or no about a role and a body ('is de voorzitter lid van het
        DB?') names that body: 'bestuurslid van de VNG' is about another board."""
        bodies = [e for e in self.reading.also if e.kind == "body"]
        if not set(self.reading.tokens) & MEMBERSHIP_WORDS:
            return True
        if bodies and not _says_membership(hit.passage):
            # 'zit de pijlervoorzitter Sociaal in de pijler Economie en Werk?' - the line on
            # which posts are elected names both, but says nothing of who sits where.
            return False
        return not bodies or any(
            NAME_TERM + body.id in hit.covered
            or hit.covered & {fold(w) for name in self.labels.get(body, ()) for w in words(name)}
            for body in bodies
        )

    def verdict(self) -> tuple[bool, str, tuple[Entity, ...]] | None:
        reading = self.reading
        entities = self.decision.entities
        also = reading.also
        facets = reading.facets
        roles = [self.snapshot.roles[e.id] for e in entities if e.kind == "role"]
        if not roles and len(entities) == 1 and entities[0].kind == "portfolio" and not also:
            # "is there a fee for the treasurer's bookkeeping?": the role that holds it.
            holder = self.snapshot.portfolios[entities[0].id].role
            roles = [self.snapshot.roles[holder]] if holder in self.snapshot.roles else []
        role = roles[0] if len(roles) == 1 or _same_text(roles) else None
        lang = self.lang
        if not entities:
            return None
        first = entities[0]
        if reading.conditional and self.decision.hits:
            # "als de pijlervicevoorzitter invalt, zit die dan in het DB?": the line about that
            # situation, not the membership column.
            found = self.passage_verdict(entities)
            if found is not None:
                return found
        # Two things named: how they relate (stand-in, support, portfolio, body, holder).
        for other in also:
            found = self.relation(first, other) or self.relation(other, first)
            if found is not None:
                return found
        words = set(reading.tokens)
        if first.kind == "body" and facets & {"paid"}:
            members = [self.snapshot.roles[i] for i in self.members_of.get(first.id, [])]
            pays = {member.paid for member in members}
            if len(pays) == 1 and None not in pays:
                paid = pays.pop() is True
                key = "body_paid" if paid else "body_unpaid"
                return paid, say(lang, key, body=self.body_phrase(first, opening=False)), entities
        if role is None:
            return self.passage_verdict(entities)
        # 'de pijlervoorzitter' as asked, not 'de pijlervoorzitter Sociaal' for all three.
        title = self.mid(self.group_label(entities) if self.grouped(entities) else self.title(role))
        if "allowance" in facets and words & ALLOWANCE_WORDS:
            allowance = pick(lang, role.allowance, role.allowance_en)
            if allowance:
                return True, allowance, entities
            if role.paid is False:
                return False, say(lang, "unpaid_no_allowance", role=title), entities
            return None
        if "paid" in facets:
            if role.paid is None:
                return None
            key = "is_paid" if role.paid else "is_unpaid"
            text = say(lang, key, role=title)
            allowance = pick(lang, role.allowance, role.allowance_en)
            if not role.paid and allowance:
                # Unpaid, but an allowance for part of the work: both, or "No" misleads.
                text = f"{text} {allowance}"
            return role.paid, text, entities
        kinds = [kind for kind, named in POST_KINDS.items() if words & named]
        if len(kinds) == 1 and not also and not facets:
            # "is de penningmeester een ambtenaar?": the post's kind in the sheet.
            post = title
            if first.kind == "portfolio":
                # 'de penningmeester (de eerste vicevoorzitter)': the post that holds it.
                portfolio = self.snapshot.portfolios[first.id]
                post = f"{self.mid(pick(lang, portfolio.name, portfolio.name_en))} ({title})"
            text = say(lang, f"kind_{role.kind}", role=post)
            return role.kind == kinds[0], text, entities
        if role.body == "extern" and words & (FUNCTION_WORDS | CANDIDACY_WORDS | ELECTION_WORDS):
            what = pick(lang, role.tasks, role.tasks_en)[:1]
            text = " ".join([say(lang, "extern_role", role=self.title(role)), *what])
            return False, text, entities
        if words & (CANDIDACY_WORDS | ELECTION_WORDS):
            key = "elected_yes" if role.elected else "elected_no"
            return role.elected, say(lang, key, role=title), entities
        listed = self.competence_asked(role)
        if listed is not None:
            items = ", ".join(pick(lang, role.competences, role.competences_en))
            item = listed[:1].lower() + listed[1:]
            text = say(lang, "competence_listed", item=item, role=title, items=items)
            return True, text, entities
        if "portfolios" in facets:
            lines = self.portfolio_lines([role])
            held = any(p.role == role.id for p in self.snapshot.portfolios.values())
            return held, lines[0], entities
        if "deputies" in facets and not also:
            if not role.deputies:
                return self.passage_verdict(entities)
            names = ", ".join(self.mid(self.title(self.snapshot.roles[i])) for i in role.deputies)
            return True, say(lang, "deputies_are", role=title, who=names), entities
        if "support" in facets and not also and role.supported_by:
            names = ", ".join(
                self.mid(self.title(self.snapshot.roles[i]))
                for i in role.supported_by
                if i in self.snapshot.roles
            )
            return True, say(lang, "supported_by_are", role=title, who=names), entities
        return self.passage_verdict(entities)

    def competence_asked(self, role: Role) -> str | None:
        """'moet de voorzitter een netwerker zijn?', 'does the chair need to be good with the
        media?': the competence of the role's profile that the question's words name (every
        word of the question beside the name and its qualifiers is a word of that item)."""
        if not self.reading.yes_no or not role.competences:
            return None
        asked = [
            w for w in self.reading.unexplained if w not in QUALIFIER_WORDS and w not in MUST_WORDS
        ]
        # 'ervaring', 'experience': a word of the profile itself, and of an item.
        optional = [w for w in self.reading.tokens if w in FACETS["competences"]]
        if not asked and not optional:
            return None
        for item in (*role.competences, *role.competences_en):
            item_words = [fold(w) for w in words(item) if len(w) >= 4]
            matched = [w for w in optional if any(_same_stem(w, i) for i in item_words)]
            if not asked and not matched:
                continue
            if all(any(_same_stem(w, i) for i in item_words) for w in asked):
                return pick(self.lang, *_pair(role, item))
        return None

    def passage_verdict(
        self, entities: tuple[Entity, ...]
    ) -> tuple[bool, str, tuple[Entity, ...]] | None:
        """Yes when one of the thing's own lines says what the question asks, plainly; no when
        that line denies it ('Is geen DB-lid') or only prefers what the question says must be
        ('bij voorkeur bestuurslid van de VNG'); nothing when the line hedges."""
        hit = self.decision.hits[0] if self.decision.hits else None
        verdict = self.line_verdict(hit) if hit and not self.decision.unsettled else None
        if hit and self.decision.unsettled and self.says_opposite(hit.passage, named=True):
            # A line that names the thing asked about and says the other side settles it,
            # however loosely it matched the rest of the question.
            verdict = False
        return None if verdict is None else (verdict, "", entities)

    def line_verdict(self, hit: Hit) -> bool | None:
        """What one line of the sheet says to a yes/no question: a staff answer's own Ja or
        Nee; else yes when it says it plainly, no when it denies it or only prefers what the
        question says must be, nothing when it hedges."""
        passage = hit.passage
        if passage.owners[0].kind == "fact":
            fact = self.snapshot.facts[passage.owners[0].id]
            opener = _OPENER.match(fact.answer) or _OPENER.match(fact.answer_en)
            if opener and self.decision.repeated:
                return opener.group(0)[:1].casefold() in {"j", "y"}
            if passage.aspect in {"question", "answer"}:
                answer = _OPENER.sub("", fact.answer, count=1)
                answer_en = _OPENER.sub("", fact.answer_en, count=1)
                passage = Passage(passage.owners, "answer", answer, answer_en)
        text = set(words(passage.text)) | set(words(passage.text_en))
        asked = set(self.reading.tokens)
        if text & PREFERENCE and asked & MUST_WORDS:
            return False
        if text & PREFERENCE or (text & HEDGES and asked & MUST_WORDS):
            # 'Indien nodig treden DB-leden ... naar buiten': yes, when needed; but no
            # obligation.
            return None
        if text & NEGATIONS and text & CONTRASTS and self.reading.conditional:
            return True
        if asked & TOTALITY_WORDS and _counted_parts(passage.text, passage.text_en):
            # "are they all mayors?" - "three mayors and three aldermen": a part, so no.
            return False
        if self.says_opposite(passage):
            return False
        if not self.says_a_side(passage):
            # "komt het DB fysiek bij elkaar?" - a line that says neither way settles nothing.
            return None
        return not (text & NEGATIONS and not asked & NEGATIONS)

    def says_a_side(self, passage: Passage) -> bool:
        """The line says either side of every opposite pair the question asks one side of."""
        asked = set(_side_words(self.reading.text))
        said = set(_side_words(passage.text, lower_only=True))
        said |= set(_side_words(passage.text_en, lower_only=True))
        return all(
            said & (first | second)
            for first, second in OPPOSITES
            if bool(asked & first) != bool(asked & second)
        )

    def says_opposite(self, passage: Passage, *, named: bool = False) -> bool:
        """The line says the other side of what is asked: 'zijn de netwerkdagen online?' -
        'de netwerkdagen (drie keer per jaar fysiek)'. With both sides in the line, the side
        said nearest the thing asked about decides; asked 'always', any other side denies it."""
        asked = set(_side_words(self.reading.text))
        whole = bool(asked & (ALWAYS_WORDS | TOTALITY_WORDS))
        anchors = {
            w
            for entity in self.decision.entities
            for name in self.labels.get(entity, ())
            for w in words(name)
            if len(w) >= 4
        }
        for text in (passage.text, passage.text_en):
            said = _side_words(text, lower_only=True)
            if named and not anchors & set(said):
                continue
            for first, second in OPPOSITES:
                if bool(asked & first) == bool(asked & second):
                    continue
                mine = first if asked & first else second
                sides = [(i, w in mine) for i, w in enumerate(said) if w in first | second]
                if all(same for _, same in sides):
                    continue
                if whole or not any(same for _, same in sides):
                    return True
                near = [i for i, w in enumerate(said) if w in anchors]
                if near:
                    nearest = min(sides, key=lambda side: min(abs(side[0] - i) for i in near))
                    if not nearest[1]:
                        return True
        return False

    def relation(self, a: Entity, b: Entity) -> tuple[bool, str, tuple[Entity, ...]] | None:
        """Whether `a` stands in for, supports, holds, sits in or chairs `b`, by the sheet's
        own columns; None when the two are not things such a relation is about."""
        lang = self.lang
        facets = self.reading.facets
        roles = self.snapshot.roles
        if a.kind == "person" and b.kind == "role":
            role = roles[b.id]
            held = role.holder == a.id
            person = self.snapshot.people[a.id].name
            holder = self.people.holder_text(role.holder, lang, self.today)
            text = say(lang, "holder_line", role=self.title(role), holder=holder)
            return held, text if not held else f"{person}: {self.mid(self.title(role))}", (b,)
        sits_in = bool(set(self.reading.tokens) & MEMBERSHIP_WORDS)
        if a.kind == "role" and b.kind == "portfolio" and sits_in and b.id in self.snapshot.bodies:
            # "zit de pijlervoorzitter Sociaal in de pijler Economie en Werk?": the pillar as
            # the body one sits in, not the portfolio one holds.
            b = Entity("body", b.id)
        if a.kind == "role" and b.kind == "portfolio":
            portfolio = self.snapshot.portfolios[b.id]
            holds = portfolio.role == a.id or _same_pillar_group(roles, portfolio.role, a.id)
            name = pick(lang, portfolio.name, portfolio.name_en)
            owner = self.mid(self.title(roles[portfolio.role]))
            return (
                holds,
                say(lang, "portfolio_of", portfolio=name, role=owner),
                (Entity("role", portfolio.role),),
            )
        if a.kind == "role" and b.kind == "body":
            body = self.snapshot.bodies[b.id]
            if body.chair in roles and self.reading.asks_chair:
                chairs = body.chair == a.id
                chair = self.mid(self.title(roles[body.chair]))
                chaired = say(lang, "chair_of", body=self.body_phrase(b), role=chair)
                return chairs, chaired, (a,)
            if not set(self.reading.tokens) & MEMBERSHIP_WORDS:
                return None
            members = self.members_of.get(b.id, [])
            inside = a.id in members
            key = "member_of" if inside else "not_member_of"
            body_name = self.body_phrase(b, opening=False)
            return inside, say(lang, key, role=self.name_of(a), body=body_name), (a,)
        if a.kind == "role" and b.kind == "role":
            subject, target = roles[a.id], roles[b.id]
            if "competences" in facets:
                same = subject.competences == target.competences and bool(subject.competences)
                key = "same_competences" if same else "other_competences"
                return (
                    same,
                    say(
                        lang,
                        key,
                        role=self.mid(self.title(subject)),
                        other=self.mid(self.title(target)),
                    ),
                    (a,),
                )
            if "deputies" in facets:
                order = target.deputies
                if a.id in order:
                    place = order.index(a.id) + 1
                    return (
                        True,
                        say(
                            lang,
                            "deputy_rank",
                            role=self.name_of(a),
                            target=self.name_of(b),
                            rank=place,
                        ),
                        (b,),
                    )
                if order:
                    names = ", ".join(self.mid(self.title(roles[i])) for i in order if i in roles)
                    return (
                        False,
                        say(lang, "deputies_are", role=self.mid(self.title(target)), who=names),
                        (b,),
                    )
                return None
            if "support" in facets:
                supporters = target.supported_by
                if a.id in supporters:
                    return (
                        True,
                        say(
                            lang,
                            "supports",
                            role=self.mid(self.title(subject)),
                            target=self.mid(self.title(target)),
                        ),
                        (b,),
                    )
                if supporters:
                    names = ", ".join(
                        self.mid(self.title(roles[i])) for i in supporters if i in roles
                    )
                    return (
                        False,
                        say(lang, "supported_by_are", role=self.mid(self.title(target)), who=names),
                        (b,),
                    )
        return None

    # --- bodies -------------------------------------------------------------------------------

    def body(self, body: Body) -> Reply:
        """A body: the sheet's line the question asks about; else what it does, who sits in
        it (composition, chair, the member roles' holders) or how often it meets."""
        facets = self.reading.facets
        lang = self.lang
        name = pick(lang, body.name, body.name_en)
        full = self.decision.full
        lines: list[str] = [] if full else [self.passage_text(h) for h in self.decision.hits]
        for hit in [] if full else self.decision.hits[:1]:
            lines += self.who_is_named(hit)
        members = [self.snapshot.roles[i] for i in self.members_of.get(body.id, [])]
        description = pick(lang, body.description, body.description_en)
        composition = pick(lang, body.composition, body.composition_en)
        asks_members = "composition" in facets or (self.reading.asks_who and not lines)
        if "rhythm" in facets or full:
            rhythm = pick(lang, body.rhythm, body.rhythm_en)
            if rhythm:
                lines.append(f"{say(lang, 'rhythm')}: {rhythm}")
            else:
                named = self.body_phrase(Entity("body", body.id), opening=False)
                lines.append(say(lang, "no_rhythm", body=named))
                lines += self.ask_instead()
        if "time" in facets and not lines:
            lines += [line for line in composition if any(c.isdigit() for c in line)]
        wants_description = full or not lines or ("tasks" in facets and not self.decision.hits)
        if wants_description and (not asks_members or full):
            if not facets and not full and not lines:
                # "wat is het AOT eigenlijk?": what it is starts with what it is made of.
                lines += composition[:1]
            lines += description
            rhythm = pick(lang, body.rhythm, body.rhythm_en)
            if rhythm and not full and not facets:
                # What a body is includes how often it meets.
                lines.append(f"{say(lang, 'rhythm')}: {rhythm}")
        if full or asks_members or not lines:
            # Who sits in it: the sheet's first line on that, then each member role's holder.
            whole = full or not asks_members or set(self.reading.tokens) & MAKEUP_WORDS
            lines += composition if whole else composition[:1]
            if body.chair and body.chair in self.snapshot.roles:
                chair = self.snapshot.roles[body.chair]
                lines.append(say(lang, "chaired_by", role=self.mid(self.title(chair))))
                if not members:
                    lines += self.holder_lines([chair])
                    lines += self.more_info_lines([chair], shown=lines)
            lines += self.holder_lines(members) if asks_members or full else []
        if not lines:
            lines = [say(lang, "body_none")]
        return Reply(
            title=name,
            lines=_lines(lines),
            language=lang,
            more=None if full else self.more_about_thing(Entity("body", body.id)),
        )

    def who_is_named(self, hit: Hit) -> list[str]:
        """For a 'who' question answered by a body's or a fact's line: the role that line
        names, with its holder and contact."""
        if not self.reading.asks_who:
            return []
        owners = [e for e in hit.passage.owners if e.kind == "role"]
        found = owners or self.first_named(hit.passage)
        named = [self.snapshot.roles[e.id] for e in found]
        lines = self.holder_lines(named)
        return lines + self.more_info_lines(named, shown=lines)

    def first_named(self, passage: Passage) -> list[Entity]:
        """The role a line names first — or the pillar roles it names by their common name."""
        named = self.mentions.get(passage, ())
        if not named:
            return []
        first = self.snapshot.roles[named[0].id]
        return [named[0]] + [
            e for e in named[1:] if _same_pillar_group(self.snapshot.roles, first.id, e.id)
        ]

    def _more_info_of(self, entity: Entity) -> str | None:
        role = self.snapshot.roles.get(entity.id)
        return role.more_info if role else None

    def ask_instead(self) -> list[str]:
        """Whom to ask what the sheet does not say: the general contact, if it names one."""
        who = self.people.contact_text(self.people.general_contact(), self.lang, self.today)
        return [say(self.lang, "ask_instead", who=who)] if who else []

    def relations(self) -> Reply:
        """Who stands in for whom, in order, or who supports whom: every row that says so."""
        facets = self.reading.facets
        lines: list[str] = []
        roles = self.snapshot.roles
        if "deputies" in facets:
            title = say(self.lang, "deputies_title")
            for role in roles.values():
                deputies = [self.title(roles[i]) for i in role.deputies if i in roles]
                if deputies:
                    ordered = ", ".join(f"{n}. {t}" for n, t in enumerate(deputies, start=1))
                    lines.append(f"{self.title(role)}: {ordered}")
        else:
            title = say(self.lang, "support_title")
            for role in roles.values():
                supporters = [self.title(roles[i]) for i in role.supported_by if i in roles]
                if supporters:
                    lines.append(f"{self.title(role)}: {', '.join(supporters)}")
        return Reply(title=title, lines=tuple(lines), language=self.lang)

    # --- passages -----------------------------------------------------------------------------

    def passage_text(self, hit: Hit) -> str:
        passage = hit.passage
        if passage.aspect == "question":
            fact = self.snapshot.facts[passage.owners[0].id]
            text = pick(self.lang, fact.answer, fact.answer_en)
        else:
            text = pick(self.lang, passage.text, passage.text_en)
        if passage.owners[0].kind == "fact" and not (
            self.reading.yes_no and self.decision.repeated
        ):
            # "Ja. De pijlers krijgen ...": a staff answer's yes or no answers its own
            # question, not one that asks something else of the same fact ('blijven de namen
            # hetzelfde?').
            text = _OPENER.sub("", text, count=1)
            text = text[:1].upper() + text[1:]
        return text

    def quote(self, hit: Hit, answered: Sequence[Role]) -> str:
        """A line in an answer about `answered` posts. Another post's task line names its post:
        'Ondersteunt de eerste vicevoorzitter …' under 'Eerste vicevoorzitter' read as if the
        post supported itself; it is the plv. algemeen secretaris's line."""
        text = self.passage_text(hit)
        owners = hit.passage.owners
        ids = {role.id for role in answered}
        if owners[0].kind != "role" or any(owner.id in ids for owner in owners):
            return text
        return f"{self.group_label(owners)}: {text}"

    def passages(self) -> Reply:
        """Who or what answers the question: each owner's line, then its holder and contact."""
        lines: list[str] = []
        contacts: list[str | None] = []
        decision = self.decision
        titles: list[str] = []
        for group in decision.groups:
            hit = next(h for h in decision.hits if set(h.passage.owners) & set(group))
            kind = group[0].kind
            label = self.group_label(group)
            text = self.passage_text(hit)
            if kind == "fact":
                lines.append(text)
                lines += self.who_is_named(hit)
                contacts += [self._more_info_of(e) for e in self.first_named(hit.passage)]
                continue
            titles.append(label)
            lines.append(f"{label}: {text}" if len(decision.groups) > 1 else text)
            if kind == "role":
                roles = [self.snapshot.roles[e.id] for e in group]
                lines += self.holder_lines(roles)
                if len(roles) == 1:
                    lines += self.support_lines(roles, [])
                lines += self.more_info_lines(roles, shown=lines)
                contacts += [role.more_info for role in roles]
            elif kind == "portfolio":
                portfolio = self.snapshot.portfolios[group[0].id]
                role = self.snapshot.roles[portfolio.role]
                lines += self.holder_lines([role])
                lines += self.more_info_lines([role], shown=lines)
                contacts.append(role.more_info)
            elif kind == "body":
                lines += self.who_is_named(hit)
                contacts += [self._more_info_of(e) for e in self.first_named(hit.passage)]
            elif kind == "phase":
                lines.insert(
                    len(lines) - 1,
                    phase_line(self.snapshot.phases[group[0].id], self.lang, self.today),
                )
        if self.reading.yes_no and not decision.unsettled and lines and decision.hits:
            verdict = False if decision.partial else self.line_verdict(decision.hits[0])
            if verdict is not None and not _OPENER.match(lines[0]):
                word = say(self.lang, "yes" if verdict else "no")
                lines[0] = f"{word}, {_continued(lines[0])}"
        title = common_title(titles) if titles else ""
        first = decision.groups[0] if decision.groups else ()
        more = None
        if first and first[0].kind == "role":
            # 'meer over de pijlersecretaris', never 'meer over de algemeen secretaris / ...':
            # several posts are no one card.
            if len(first) == 1 or self.grouped(first):
                more = say(self.lang, "more_about", subject=self.mid(self.group_label(first)))
        elif first and first[0].kind == "body" and len(first) == 1:
            more = self.more_about_thing(first[0])
        elif first and first[0].kind in {"body", "portfolio"}:
            more = say(self.lang, "more_about_name", subject=self.group_label(first))
        return Reply(
            title=title,
            lines=_lines(lines),
            links=self.links(contacts),
            language=self.lang,
            more=more,
            choices=self.choice_list(decision.choices),
        )

    # --- unsure, unknown ----------------------------------------------------------------------

    def choice_list(self, groups: Iterable[tuple[Entity, ...]]) -> tuple[Choice, ...]:
        return tuple(
            Choice(self.group_label(group), self.choice_question(group)) for group in groups
        )

    def choice_question(self, group: Sequence[Entity]) -> str:
        entity = group[0]
        if entity.kind == "fact":
            return self.snapshot.facts[entity.id].questions[0]
        label = self.group_label(group)
        key = {
            "role": "ask_role",
            "portfolio": "ask_portfolio",
            "phase": "ask_phase",
            "body": "ask_body",
            "person": "ask_person",
        }.get(entity.kind, "ask_role")
        return say(self.lang, key, subject=self.mid(label) if entity.kind == "role" else label)

    def clarify(self) -> Reply:
        choices = self.choice_list(self.decision.choices)
        if len(choices) == 1:
            title = say(self.lang, "did_you_mean", options=f"'{choices[0].label}'")
        else:
            title = say(self.lang, "which_one")
        return Reply(
            title=title,
            suggestions=tuple(choice.question for choice in choices),
            language=self.lang,
            kind="clarify",
            choices=choices if len(choices) > 1 else (),
        )

    def fallback(self) -> Reply:
        """'Dat weet ik niet', whom to ask instead (the sheet's general contact), and a few
        questions the bot does answer."""
        contact = self.people.general_contact()
        who = self.people.contact_text(contact, self.lang, self.today)
        # A thing the question names, though not what it asks of it: offered, not answered.
        choices = self.choice_list(self.decision.choices)
        examples = () if choices and who else tuple(f"• {e}" for e in EXAMPLES[self.lang][:3])
        if choices and who:
            intro = say(self.lang, "fallback_named", who=who)
        elif who:
            intro = say(self.lang, "fallback_contact", who=who)
        else:
            intro = say(self.lang, "fallback_intro")
        return Reply(
            title=say(self.lang, "fallback_title"),
            lines=(intro, *examples),
            # Slack and Teams show the offered thing as a button.
            suggestions=tuple(choice.question for choice in choices),
            links=self.links([contact]),
            language=self.lang,
            kind="fallback",
            choices=choices,
        )

    def examples(self, title: str, intro: str, *, kind: Literal["answer", "fallback"]) -> Reply:
        lang = self.lang
        return Reply(
            title=say(lang, title),
            lines=(say(lang, intro), *(f"• {example}" for example in EXAMPLES[lang])),
            suggestions=EXAMPLES[lang][:3],
            language=lang,
            kind=kind,
        )

    # --- other answers ------------------------------------------------------------------------

    def person(self, person: Person) -> Reply:
        held = [self.title(r) for r in self.snapshot.roles.values() if r.holder == person.id]
        informs = [self.title(r) for r in self.snapshot.roles.values() if r.more_info == person.id]
        lines = [self.people.contact_text(person.id, self.lang, self.today) or person.name]
        if self.reading.yes_no and set(self.reading.tokens) & REACH_WORDS:
            lines.insert(0, self.reachable(person))
        if held:
            lines.append(
                say(
                    self.lang,
                    "person_roles",
                    name=person.name,
                    roles=", ".join(self.mid(t) for t in held),
                )
            )
        if informs:
            lines.append(say(self.lang, "person_contact_for", roles=", ".join(informs)))
        return Reply(
            title=person.name, lines=tuple(lines), links=self.links([person.id]), language=self.lang
        )

    def reachable(self, person: Person) -> str:
        """'Nee, Lotus van Nes is afwezig; weer bereikbaar vanaf ...' or 'Ja, ...'."""
        if person.is_absent(self.today):
            if person.back_on:
                back = format_day(person.back_on, self.lang)
                text = say(self.lang, "person_away", name=person.name, back=back)
            else:
                text = say(self.lang, "person_away_open", name=person.name)
            return f"{say(self.lang, 'no')}, {text}"
        return f"{say(self.lang, 'yes')}, {say(self.lang, 'person_here', name=person.name)}"

    def planning(self, phase_ids: list[str]) -> Reply:
        """The election phases with their dates (or that they are not known yet, with what
        the sheet does say); one phase with its description and contact; 'Ja'/'Nee' first
        when asked whether a phase is past or its dates known."""
        phases = [self.snapshot.phases[i] for i in phase_ids] or list(self.snapshot.phases.values())
        phases.sort(key=lambda p: (p.start is None, _sortable(p.start)))
        lines: list[str] = []
        if self.reading.yes_no and len(phases) == 1:
            lines += self.phase_verdict(phases[0])
        for phase in phases:
            line = phase_line(phase, self.lang, self.today)
            description = sentences(pick(self.lang, phase.description, phase.description_en))
            if phase.start is None and description and len(phases) > 1:
                line += " " + description[0]
            lines.append(line)
        if not phases:
            lines.append(say(self.lang, "no_phases"))
        contacts: list[str | None] = []
        if len(phases) == 1:
            phase = phases[0]
            description_text = pick(self.lang, phase.description, phase.description_en)
            if description_text:
                lines.append(description_text)
            who = self.people.contact_text(phase.contact, self.lang, self.today)
            if who:
                lines.append(say(self.lang, "more_info", who=who))
            contacts.append(phase.contact)
        lines += [self.passage_text(hit) for hit in self.decision.hits]
        return Reply(
            title=say(self.lang, "planning_title"),
            lines=_lines(lines),
            links=self.links(contacts),
            language=self.lang,
        )

    def phase_verdict(self, phase: Phase) -> list[str]:
        tokens = set(self.reading.tokens)
        name = pick(self.lang, phase.name, phase.name_en)
        if tokens & {"geweest", "voorbij", "happened", "past", "over", "plaatsgevonden"}:
            if phase.start is None:
                return []
            past = day_of(phase.end or phase.start) < self.today
            key = "phase_is_past" if past else "phase_not_past"
            return [f"{say(self.lang, 'yes' if past else 'no')}, {say(self.lang, key, phase=name)}"]
        if tokens & (DATES_KNOWN_WORDS | WHEN_WORDS):
            # "is er al een datum voor het digitale deel?": Nee when the sheet has none yet.
            if phase.start is None:
                text = say(self.lang, "phase_dates_unknown", phase=name)
                return [f"{say(self.lang, 'no')}, {text}"]
            dates = format_span(phase.start, phase.end, self.lang)
            return [f"{say(self.lang, 'yes')}: {dates}."]
        return []

    def candidacy(self) -> Reply:
        elected = [self.title(r) for r in self.snapshot.roles.values() if r.elected]
        lines = [say(self.lang, "candidacy_roles", roles=", ".join(elected))] if elected else []
        phase = self.snapshot.phases.get(CANDIDACY_PHASE_ID)
        contact = phase.contact if phase else None
        if phase is None or phase.start is None:
            lines.append(say(self.lang, "candidacy_unknown"))
        else:
            lines.append(
                say(
                    self.lang,
                    "candidacy_phase",
                    dates=format_span(phase.start, phase.end, self.lang),
                )
            )
        if phase is not None:
            description = pick(self.lang, phase.description, phase.description_en)
            if description:
                lines.append(description)
        lines.append(say(self.lang, "cand_how"))
        who = self.people.contact_text(contact, self.lang, self.today)
        if who:
            lines.append(say(self.lang, "candidacy_questions", who=who))
        return Reply(
            title=say(self.lang, "candidacy_title"),
            lines=tuple(lines),
            links=self.links([contact]),
            language=self.lang,
        )

    def members(self, municipality_ids: list[str]) -> Reply:
        names = {fold(name): name for name in self.snapshot.municipalities}
        if self.decision.unknown_place:
            place = _place(self.reading)
            line = say(self.lang, "place_not_member", name=place, count=len(names))
            lines = [f"{say(self.lang, 'no')}, {line}"]
        elif municipality_ids:
            lines = [
                say(self.lang, "member_yes", name=names[i]) for i in municipality_ids if i in names
            ]
        else:
            lines = [
                say(self.lang, "members_count", count=len(names), names=", ".join(names.values()))
            ]
        return Reply(title=say(self.lang, "members_title"), lines=tuple(lines), language=self.lang)

    def general_contact(self) -> Reply:
        """Whom to ask: for the elections the contact of the candidacy phase, else the sheet's
        general contact."""
        tokens = set(self.reading.tokens)
        phase = self.snapshot.phases.get(CANDIDACY_PHASE_ID)
        elections = tokens & (PLANNING_WORDS | CANDIDACY_WORDS)
        person = phase.contact if elections and phase and phase.contact else None
        person = person or self.people.general_contact()
        who = self.people.contact_text(person, self.lang, self.today)
        if not who:
            return self.fallback()
        return Reply(
            title=say(self.lang, "contact_title"),
            lines=(say(self.lang, "general_contact", who=who),),
            links=self.links([person]),
            language=self.lang,
        )

    def pillars(self) -> Reply:
        """'welke pijlers zijn er?', 'how many pillars are there?': the pillars, counted and
        named, and what the sheet says of them all."""
        pillars = [p for p in self.snapshot.portfolios.values() if p.kind == "pijler"]
        names = [pick(self.lang, p.name, p.name_en) for p in pillars]
        lines = [
            say(
                self.lang,
                "pillars_list",
                count=count_word(len(pillars), self.lang),
                names=join_names(names, self.lang),
            )
        ]
        lines += [self.passage_text(hit) for hit in self.decision.hits[:1]]
        return Reply(title=say(self.lang, "pillars_title"), lines=tuple(lines), language=self.lang)

    def functions(self) -> Reply:
        """The functions of the network: those up for election first, then the others."""
        roles = list(self.snapshot.roles.values())
        elected = [self.title(r) for r in roles if r.elected]
        tokens = set(self.reading.tokens)
        about_elections = tokens & (ELECTION_WORDS | CANDIDACY_WORDS | {"verkiezingen"})
        others = [
            self.title(r)
            for r in roles
            if not r.elected and r.body != "extern" and not about_elections
        ]
        lines = [say(self.lang, "candidacy_roles", roles=", ".join(elected))] if elected else []
        if others:
            lines.append(say(self.lang, "functions_other", roles=", ".join(others)))
        lines += [self.passage_text(hit) for hit in self.decision.hits[:1]]
        return Reply(
            title=say(self.lang, "functions_title"), lines=tuple(lines), language=self.lang
        )


def portfolio_mid(name: str) -> str:
    """An English portfolio name mid-sentence: 'treasurer', 'lobby coordination'; a name with
    a figure or an acronym in it ('G40 communications') stays."""
    first = name.split()[0] if name.split() else ""
    if any(ch.isdigit() for ch in first) or first[1:2].isupper():
        return name
    return name[:1].lower() + name[1:]


_COUNTED = "|".join(sorted(COUNT_WORDS))
# "drie burgemeesters en drie wethouders": a whole told as counted parts.
_PARTS = re.compile(rf"\b(?:{_COUNTED})\s+\w+\s+(?:en|and)\s+(?:{_COUNTED})\s+\w+")


# The words of MEMBERSHIP_WORDS that say someone sits somewhere, not mere prepositions.
_SITTING_WORDS = MEMBERSHIP_WORDS - {"in", "on", "under", "maakt", "valt", "onder", "deel"}


def _says_membership(passage: Passage) -> bool:
    """Whether a line says who sits in, is a member of or belongs to something."""
    said = {fold(w) for w in (*words(passage.text), *words(passage.text_en))}
    return bool(said & _SITTING_WORDS) or ("uit" in said and "maakt" in said)


def _counted_parts(*texts: str) -> bool:
    return any(_PARTS.search(fold(text)) for text in texts)


# The heads of Dutch names that take 'het' ('het Dagelijks Bestuur', 'het AOT').
_HET_HEADS = ("bestuur", "team", "overleg", "netwerk", "platform", "secretariaat", "bureau")


def dutch_article(name: str) -> str:
    """'het' or 'de' before a body's Dutch name, by its head word (its last, before any
    abbreviation in brackets)."""
    head = re.sub(r"\s*\(.*\)\s*$", "", name).split()[-1:] or [""]
    return "het" if head[0].casefold().endswith(_HET_HEADS) else "de"


def _continued(text: str) -> str:
    """A sentence from the sheet after 'Ja, ': lower case unless it opens with a name."""
    first = text.split(" ", 1)[0]
    if first in {"De", "Het", "Een", "Vanuit", "Voor", "In", "Ieder", "The", "A", "An", "Each"}:
        return text[:1].lower() + text[1:]
    return text


def _side_words(text: str, *, lower_only: bool = False) -> list[str]:
    """The folded words of `text` with 'in person' as one word; with `lower_only`, a
    capitalised word ('pijler Fysiek', 'Physical') stands for nothing."""
    joined = re.sub(r"\bin[ -]person\b", "in_person", text, flags=re.IGNORECASE)
    return [
        fold(w) if not lower_only or not w[:1].isupper() else "" for w in re.findall(r"\w+", joined)
    ]


def _same_stem(asked: str, word: str) -> bool:
    """'netwerken' ~ 'netwerker', 'media' ~ 'mediavaardig',
    'mediavaardigheid' ~ 'mediavaardig': the same word when they share a beginning of five
    letters or more that is most of the shorter."""
    shared = len(os.path.commonprefix([asked, word]))  # noqa: RUF071 - words, not paths
    return shared >= 5 and shared >= 0.7 * min(len(asked), len(word))


def _pair(role: Role, item: str) -> tuple[str, str]:
    """A competence in both languages, by its place in the role's lists."""
    dutch, english = role.competences, role.competences_en
    at = dutch.index(item) if item in dutch else english.index(item)
    return (
        dutch[at] if at < len(dutch) else item,
        english[at] if at < len(english) else item,
    )


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _shown(snapshot: Snapshot, person_id: str | None, lines: Sequence[str]) -> bool:
    """Whether a person's address (or, without one, their name) is already in these lines."""
    person = snapshot.people.get(person_id or "")
    if person is None:
        return False
    mark = person.email or person.name
    return any(mark in line for line in lines)


def _place(reading: Reading) -> str:
    """The place a membership question names, as typed ('Den Haag', 'Amsterdam')."""
    # "Hoort Utrecht bij de G40?", "does Rotterdam belong to the G40?": the verb that asks of
    # membership is no part of the place.
    asking = MEMBERSHIP_WORDS | YES_NO_VERBS
    unknown = [w for w in reading.unexplained if w not in asking] or list(reading.unexplained)
    typed = [word.strip("?!.,") for word in reading.text.split()]
    # Two typed words read as one term ('Den Haag' is 'denhaag').
    joined = {
        number + step
        for number in range(len(typed) - 1)
        if fold(typed[number] + typed[number + 1]) in unknown
        for step in (0, 1)
    }
    picked = [
        word
        for number, word in enumerate(typed)
        if fold(word) in unknown
        or number in joined
        or (
            number + 1 < len(typed)
            and fold(typed[number + 1]) in unknown
            and fold(word) in {"den", "de", "'s", "the"}
        )
    ]
    return " ".join(w[:1].upper() + w[1:] for w in picked) or " ".join(unknown)


def _same_text(roles: list[Role]) -> bool:
    return len({tuple(r.tasks) for r in roles}) == 1 and len(roles) > 0


def _same_pillar_group(roles: dict[str, Role], holder: str, asked: str) -> bool:
    first, second = roles.get(holder), roles.get(asked)
    return bool(first and second and first.tasks == second.tasks and first.pillar)


def phase_line(phase: Phase, language: Language, today: date) -> str:
    """'G40 netwerkdagen: donderdag 10 en vrijdag 11 september 2026.', '… (geweest).', or
    '…: datum nog niet bekend.' — never a date the sheet does not hold."""
    name = pick(language, phase.name, phase.name_en)
    if phase.start is None:
        return say(language, "phase_unknown", phase=name)
    dates = format_span(phase.start, phase.end, language)
    past = day_of(phase.end or phase.start) < today
    return say(language, "phase_past" if past else "phase_dates", phase=name, dates=dates)


def upcoming_phases(phases: Iterable[Phase], today: date) -> list[Phase]:
    """Phases not over yet, soonest first; those without dates last."""
    coming = [p for p in phases if p.start is None or day_of(p.end or p.start) >= today]
    return sorted(coming, key=lambda p: (p.start is None, day_of(p.start) if p.start else today))


def _sortable(moment: date | datetime | None) -> datetime:
    if moment is None:
        return datetime.max
    return moment if isinstance(moment, datetime) else datetime.combine(moment, datetime.min.time())


def _without_trailing(title: str, name: str) -> str:
    """A pillar role's title without the pillar's name at its end ('Pillar chair Social' beside
    'Social pillar' -> 'Pillar chair'); the title itself when nothing else would be left."""
    named = {fold(word) for word in name.split()}
    kept = title.split()
    while len(kept) > 1 and fold(kept[-1]) in named:
        kept.pop()
    return " ".join(kept)


# Where a role's row holds each facet a question can ask of it.
_FACET_COLUMNS = {
    "tasks": "tasks",
    "competences": "competences",
    "time": "time_commitment",
    "deputies": "deputies",
    "support": "supported_by",
}


def role_holds(role: Role, facet: str) -> bool:
    """Whether the role's own row says anything of this facet ('bezoldigd: nee' does)."""
    if facet == "paid":
        return role.paid is not None or bool(role.allowance)
    return bool(getattr(role, _FACET_COLUMNS[facet]))


def common_title(titles: list[str]) -> str:
    if len(titles) == 1:
        return titles[0]
    # Whole words only: 'Second vice chair' and 'Strategic adviser' share no title ('S').
    split = [title.split(" ") for title in titles]
    shared = os.path.commonprefix(split)  # noqa: RUF071 - word lists, not paths
    prefix = " ".join(shared).strip()
    return prefix or " / ".join(titles)


# A line this long that another line holds is a repeat ('Ja' inside 'Jaarsma' is not).
# What a full card ('meer') shows of a role, in order.
_CARD_FACETS = ("tasks", "competences", "time", "paid", "deputies", "support")
_WHOLE_LINE = 25


def _lines(lines: Iterable[str]) -> tuple[str, ...]:
    """An answer's lines, each said once: a line another line already holds is left out."""
    kept = _unique(lines)
    return tuple(
        line
        for line in kept
        if len(line) < _WHOLE_LINE
        # The lines are unique: the only other line equal to this one is itself.
        or not any(line in other and line != other for other in kept)
    )


def _unique(items: Iterable[_T]) -> list[_T]:
    seen: list[_T] = []
    for item in items:
        if item not in seen:
            seen.append(item)
    return seen
