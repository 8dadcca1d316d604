"""Declarative forms: what a form asks (field specs) and what it shows now (a neutral view).

A feature describes its form once, as `FieldSpec`s: name, widget, label, limits, where the
options come from. Its handler turns what the person entered into a `FormView`: the values,
the options, an error under each field, notices, and — when it applies — the choice to
replace an earlier submission. Each platform has one generic renderer for views (a Slack
modal, a Teams Adaptive Card, console prompts) and one generic parser back to values; no
platform names a field of any particular form.

Pure: no I/O, no platform.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Literal

from bot.i18n import say
from bot.models import Snapshot
from bot.reply import Language

Widget = Literal["choice", "radio", "text", "email", "long_text", "confirm"]
# The name of the extra yes/no field a view carries when the person has an earlier
# submission that this one would replace.
REPLACE_FIELD = "replace"


@dataclass(frozen=True)
class Option:
    value: str
    label: str


OptionSource = Callable[[Snapshot, Language], tuple[Option, ...]]


@dataclass(frozen=True)
class FieldSpec:
    """One question of a form. Texts are i18n keys (bot/i18n.py), resolved per language.

    `prompt`: how the console asks for it. `confirm`: the tick-box text of a "confirm" field.
    `details`: choosing a value changes what the view explains (e.g. a function's tasks), so
    platforms that can refresh a form on a choice do so."""

    name: str
    widget: Widget
    label: str
    prompt: str
    max_length: int | None = None
    options: OptionSource | None = None
    hint: str | None = None
    confirm: str | None = None
    details: bool = False
    optional: bool = False


@dataclass(frozen=True)
class FormSpec:
    name: str
    title: str
    submit: str
    close: str
    choose: str
    fields: tuple[FieldSpec, ...]
    # The button that shows what a `details` field's choice means, on a platform that cannot
    # refresh a form the moment a choice changes (a Teams card).
    refresh: str | None = None

    def field(self, name: str) -> FieldSpec:
        return next(spec for spec in self.fields if spec.name == name)


@dataclass(frozen=True)
class FieldView:
    """A field as it is shown now: texts resolved, the current value, its error."""

    spec: FieldSpec
    label: str
    prompt: str
    value: str | bool
    options: tuple[Option, ...] = ()
    error: str | None = None
    hint: str | None = None
    confirm: str | None = None

    @property
    def name(self) -> str:
        return self.spec.name

    @property
    def text(self) -> str:
        return self.value if isinstance(self.value, str) else ""

    @property
    def ticked(self) -> bool:
        return self.value is True

    def chosen(self) -> Option | None:
        """The option the value names, if it names one (a select's initial choice)."""
        return next((option for option in self.options if option.value == self.value), None)


@dataclass(frozen=True)
class FormView:
    """Everything a renderer needs, and nothing platform-specific. `notice` comes first (e.g.
    until when the form is open); `details` explains the current choice of a `details` field;
    `replace` is the extra confirmation field when an earlier submission would be replaced,
    with `replace_notice` saying which one."""

    spec: FormSpec
    language: Language
    title: str
    submit: str
    close: str
    choose: str
    fields: tuple[FieldView, ...]
    notice: str = ""
    details: str = ""
    replace: FieldView | None = None
    replace_notice: str = ""
    refresh: str = ""

    @property
    def all_fields(self) -> tuple[FieldView, ...]:
        return (*self.fields, self.replace) if self.replace else self.fields

    def errors(self) -> dict[str, str]:
        return {f.name: f.error for f in self.all_fields if f.error}


REPLACE_SPEC = FieldSpec(
    name=REPLACE_FIELD,
    widget="confirm",
    label="cand_replace_block",
    prompt="cand_console_replace",
    confirm="cand_replace_option",
    optional=True,
)


@dataclass(frozen=True)
class Entered:
    """What a person entered, by field name, as a parser read it from a platform: text or a
    choice's value for most widgets; for "confirm" fields a bool, or the string "true" as an
    Adaptive Card toggle reports it. `replace` is None when the form did not show the replace
    field."""

    values: Mapping[str, str | bool] = field(default_factory=dict)
    replace: bool | None = None

    def text(self, name: str) -> str:
        value = self.values.get(name, "")
        return value if isinstance(value, str) else ""

    def ticked(self, name: str) -> bool:
        value = self.values.get(name)
        return value is True or value == "true"


def build_view(
    spec: FormSpec,
    snapshot: Snapshot,
    language: Language,
    entered: Entered,
    *,
    errors: Mapping[str, str] | None = None,
    notice: str = "",
    details: str = "",
    replace_notice: str | None = None,
) -> FormView:
    """The view of `spec` with what was entered; `replace_notice` given adds the replace field."""
    lang = language
    errors = errors or {}

    def view_of(field_spec: FieldSpec, value: str | bool) -> FieldView:
        return FieldView(
            spec=field_spec,
            label=say(lang, field_spec.label),
            prompt=say(lang, field_spec.prompt),
            value=value,
            options=field_spec.options(snapshot, lang) if field_spec.options else (),
            error=errors.get(field_spec.name),
            hint=say(lang, field_spec.hint) if field_spec.hint else None,
            confirm=say(lang, field_spec.confirm) if field_spec.confirm else None,
        )

    fields = tuple(
        view_of(
            field_spec,
            entered.ticked(field_spec.name)
            if field_spec.widget == "confirm"
            else entered.text(field_spec.name),
        )
        for field_spec in spec.fields
    )
    replace = None
    if replace_notice is not None:
        replace = view_of(REPLACE_SPEC, bool(entered.replace))
    return FormView(
        spec=spec,
        language=lang,
        title=say(lang, spec.title),
        submit=say(lang, spec.submit),
        close=say(lang, spec.close),
        choose=say(lang, spec.choose),
        fields=fields,
        notice=notice,
        details=details,
        replace=replace,
        replace_notice=replace_notice or "",
        refresh=say(lang, spec.refresh) if spec.refresh else "",
    )
