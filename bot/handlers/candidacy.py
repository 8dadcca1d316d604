"""Submitting, listing and withdrawing candidacies, for every platform.

Never lost, never doubled: a candidacy is stored first, together with its pending sheet write
(the outbox) and its audit entry, in one transaction. `drain_outbox` then writes it to the
Kandidaturen tab through the sheet writer, which skips a submission id that is already there;
a write that fails is retried with growing pauses until it lands. Who drains:

- the platform, right after a submission (in the background, after the ack), so the receipt
  can say whether the row is in the sheet already;
- `OutboxDrainer`, a small thread in every long-running process (every G40_OUTBOX_SECONDS);
- any other process (the clock) that calls `drain_outbox` on a schedule.

Several drainers may run at once: each write is leased to one of them at a time.
"""

from __future__ import annotations

import hashlib
import logging
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Protocol

from bot.candidacy import (
    CANDIDACY_FORM,
    SUBMITTED,
    Candidate,
    Form,
    Submission,
    Window,
    candidacy_window,
    earlier_active,
    electable_roles,
    group_by_role,
    is_staff,
    match_role,
    office_title,
    role_details,
    role_title,
    sheet_row,
    status_title,
    summary,
    title_of,
    validate,
    window_message,
)
from bot.dates import AMSTERDAM
from bot.forms import REPLACE_FIELD, Entered, FormView, build_view
from bot.handlers.ask import AskHandler
from bot.i18n import format_day, say
from bot.models import RawCell, Snapshot
from bot.periodic import Periodic
from bot.reply import Language, Reply
from bot.store.candidacies import APPEND_ROW, ActiveCandidacyExists, CandidacyRecords, SheetWrite

log = logging.getLogger(__name__)

# The outbox's own backoff: 15 s, 30 s, 1 min, … up to 15 minutes between attempts, forever.
FIRST_RETRY = timedelta(seconds=15)
LONGEST_RETRY = timedelta(minutes=15)
# Longer than one sheet write can take (the Google client times out after 30 s).
WRITE_LEASE = timedelta(minutes=2)
# From this many failed attempts on, every further failure is logged as an error.
ATTEMPTS_BEFORE_ALARM = 5


class CandidacyWriter(Protocol):
    """What the outbox needs from the sheet (bot.sheets.SheetWriter)."""

    def append_candidacy(self, row: Mapping[str, RawCell]) -> bool: ...

    def update_status(self, submission_id: str, status: str) -> bool: ...


def utc_now() -> datetime:
    return datetime.now(UTC)


def retry_delay(attempts: int) -> timedelta:
    """The pause after the `attempts`-th failed attempt."""
    doublings = min(max(attempts - 1, 0), 10)
    return min(FIRST_RETRY * (1 << doublings), LONGEST_RETRY)


# --- the outbox -------------------------------------------------------------------------------


@dataclass(frozen=True)
class DrainReport:
    done: int = 0
    failed: int = 0
    waiting: int = 0


def drain_outbox(
    records: CandidacyRecords,
    writer: CandidacyWriter,
    *,
    submission_id: str | None = None,
    now: Callable[[], datetime] = utc_now,
) -> DrainReport:
    """Perform every due sheet write (of one candidacy, or all), oldest first; the writes of
    one candidacy in order, so a status never overtakes the row it changes."""
    done = failed = waiting = 0
    blocked: set[str] = set()
    for write in records.pending_writes(submission_id):
        if write.submission_id in blocked or write.next_attempt_at > now():
            blocked.add(write.submission_id)
            waiting += 1
            continue
        blocked.add(write.submission_id)
        if not records.claim_write(write.id, WRITE_LEASE, due_by=now()):
            waiting += 1  # another drainer is on it
            continue
        try:
            detail = _perform(records, writer, write)
        except Exception as error:
            # The outbox is the retry mechanism: any failure is recorded and tried again later.
            attempts = write.attempts + 1
            retry_at = now() + retry_delay(attempts)
            reason = f"{type(error).__name__}: {error}"
            level = logging.ERROR if attempts >= ATTEMPTS_BEFORE_ALARM else logging.WARNING
            log.log(
                level,
                "candidacy %s: sheet %s failed (attempt %d: %s); next attempt at %s",
                write.submission_id,
                write.operation,
                attempts,
                reason,
                retry_at.isoformat(timespec="seconds"),
            )
            records.write_failed(write, reason, retry_at)
            failed += 1
            continue
        records.write_done(write, detail)
        blocked.discard(write.submission_id)
        done += 1
    return DrainReport(done, failed, waiting)


def _perform(records: CandidacyRecords, writer: CandidacyWriter, write: SheetWrite) -> str:
    submission = records.get(write.submission_id)
    if submission is None:
        return "kandidatuur niet (meer) in de store; niets geschreven"
    if write.operation == APPEND_ROW:
        # The row carries the current status, so a candidacy withdrawn before its row landed
        # never shows as ingediend.
        added = writer.append_candidacy(sheet_row(submission))
        return "rij toegevoegd" if added else "rij stond er al; niet nogmaals toegevoegd"
    if writer.update_status(write.submission_id, write.status):
        return f"status {write.status}"
    # Staff removed the row: put it back, with its current status, rather than lose it.
    writer.append_candidacy(sheet_row(submission))
    return f"rij ontbrak; opnieuw toegevoegd met status {submission.status}"


class OutboxDrainer(Periodic):
    """Drains the outbox every `seconds` in a daemon thread of a long-running process."""

    def __init__(self, records: CandidacyRecords, writer: CandidacyWriter, seconds: float) -> None:
        super().__init__("g40-outbox", seconds, lambda: drain_outbox(records, writer))


# --- the handler ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Review:
    """What the rules say about a form: the validated candidate, or why not."""

    candidate: Candidate | None
    errors: dict[str, str]
    closed: str | None = None
    earlier: Submission | None = None
    replace: bool = False

    @property
    def ok(self) -> bool:
        return (
            self.candidate is not None
            and not self.errors
            and self.closed is None
            and (self.earlier is None or self.replace)
        )

    @property
    def needs_replace_confirmation(self) -> bool:
        return self.closed is None and not self.errors and self.earlier is not None


@dataclass(frozen=True)
class Outcome:
    review: Review
    submission: Submission | None = None
    replaced: str | None = None
    repeated: bool = False


def _form_of(entered: Entered) -> Form:
    return Form(
        role=entered.text("role"),
        name=entered.text("name"),
        email=entered.text("email"),
        municipality=entered.text("municipality"),
        office=entered.text("office"),
        motivation=entered.text("motivation"),
        confirmed=entered.ticked("confirmed"),
    )


def submission_id_for(now: datetime, seed: str | None = None) -> str:
    """`k-2026-7f3a9c01d2`; from `seed` (e.g. a Slack view id) the same id every time, so a
    repeated delivery of one submission is recognised."""
    digest = hashlib.sha256(seed.encode()).hexdigest() if seed else uuid.uuid4().hex
    return f"k-{now.astimezone(AMSTERDAM).year}-{digest[:10]}"


class CandidacyHandler:
    def __init__(
        self,
        ask: AskHandler,
        records: CandidacyRecords,
        writer: CandidacyWriter,
        *,
        now: Callable[[], datetime] = utc_now,
    ) -> None:
        self.ask = ask
        self.records = records
        self.writer = writer
        self.now = now

    def snapshot(self) -> Snapshot:
        return self.ask.directory().snapshot

    def window(self) -> Window:
        return candidacy_window(self.snapshot(), self.now())

    def window_text(self, language: Language, window: Window | None = None) -> str:
        """Why the window is closed (or until when it is open), naming the contact person."""
        window = window or self.window()
        contact = window.phase.contact if window.phase else None
        today = self.now().astimezone(AMSTERDAM).date()
        who = self.ask.directory().people.contact_text(contact, language, today)
        return window_message(window, language, who)

    def day(self, moment: datetime, language: Language) -> str:
        return format_day(moment.astimezone(AMSTERDAM).replace(tzinfo=None), language)

    # -- the form, as every platform shows it ------------------------------------------------

    def form(
        self,
        language: Language,
        entered: Entered | None = None,
        *,
        errors: Mapping[str, str] | None = None,
        earlier: Submission | None = None,
    ) -> FormView:
        """The candidacy form with what was entered: the window's notice on top, the chosen
        function's tasks and time commitment, an error under each field, and — when the person
        already stands for the chosen function — the choice to replace that candidacy."""
        entered = entered or Entered()
        snapshot = self.snapshot()
        role = match_role(snapshot, entered.text("role"))
        return build_view(
            CANDIDACY_FORM,
            snapshot,
            language,
            entered,
            errors=errors,
            notice=self.window_text(language),
            details=role_details(role, language) if role else say(language, "cand_modal_pick_role"),
            replace_notice=self.duplicate_text(earlier, language) if earlier else None,
        )

    def refreshed_form(
        self, entered: Entered, *, platform: str, user_id: str, language: Language
    ) -> FormView:
        """The form after a choice changed it (a function chosen): that function's details,
        and the replace field again if it was shown, now for the function chosen."""
        earlier = None
        if entered.replace is not None:
            role = match_role(self.snapshot(), entered.text("role"))
            earlier = earlier_active(
                self.records.of_user(platform, user_id), platform, user_id, role.id if role else ""
            )
        return self.form(language, entered, earlier=earlier)

    def review_entered(
        self, entered: Entered, *, platform: str, user_id: str, language: Language
    ) -> FormView | None:
        """None when what was entered may be submitted as it is; else the form again saying
        what to change (or asking to confirm replacing an earlier candidacy). Stores nothing."""
        review = self.review(
            _form_of(entered),
            platform=platform,
            user_id=user_id,
            language=language,
            replace=bool(entered.replace),
        )
        return None if review.ok else self._refusal(review, entered, language)

    def submit_entered(
        self,
        entered: Entered,
        *,
        platform: str,
        user_id: str,
        language: Language,
        submission_id: str,
    ) -> Outcome | FormView:
        """Submit what a platform's form parser read: the stored outcome, or the form again
        (values kept) saying what to change."""
        outcome = self.submit(
            _form_of(entered),
            platform=platform,
            user_id=user_id,
            language=language,
            submission_id=submission_id,
            replace=bool(entered.replace),
        )
        if outcome.submission is not None:
            return outcome
        return self._refusal(outcome.review, entered, language)

    def _refusal(self, review: Review, entered: Entered, language: Language) -> FormView:
        """The form with why it cannot be submitted: a closed window under the first field,
        each field's error under it, or an earlier candidacy whose replacing must be ticked."""
        if review.closed:
            return self.form(
                language, entered, errors={CANDIDACY_FORM.fields[0].name: review.closed}
            )
        if review.errors or review.earlier is None:
            return self.form(language, entered, errors=review.errors)
        errors: dict[str, str] = {}
        if entered.replace is not None:  # the replace field was shown and left off
            earlier = review.earlier
            role = title_of(self.snapshot(), earlier.candidate.role, language)
            day = self.day(earlier.submitted_at, language)
            errors[REPLACE_FIELD] = say(language, "cand_err_replace", role=role, day=day)
        return self.form(language, entered, errors=errors, earlier=review.earlier)

    # -- submitting --------------------------------------------------------------------------

    def review(
        self, form: Form, *, platform: str, user_id: str, language: Language, replace: bool
    ) -> Review:
        window = self.window()
        if not window.open:
            return Review(None, {}, closed=self.window_text(language, window))
        checked = validate(form, self.snapshot(), language)
        if checked.candidate is None:
            return Review(None, checked.errors)
        earlier = earlier_active(
            self.records.of_user(platform, user_id),
            platform,
            user_id,
            checked.candidate.role,
        )
        return Review(checked.candidate, {}, earlier=earlier, replace=replace)

    def duplicate_text(self, earlier: Submission, language: Language) -> str:
        role = title_of(self.snapshot(), earlier.candidate.role, language)
        return say(
            language, "cand_duplicate", role=role, day=self.day(earlier.submitted_at, language)
        )

    def submit(
        self,
        form: Form,
        *,
        platform: str,
        user_id: str,
        language: Language,
        submission_id: str,
        replace: bool = False,
    ) -> Outcome:
        """Check the rules again and store the candidacy with its pending sheet write. A repeated
        delivery of one submission (same id, same person) returns what was stored, `repeated`."""
        known = self.records.get(submission_id)
        if known is not None and (known.platform, known.user_id) == (platform, user_id):
            return Outcome(Review(known.candidate, {}), known, repeated=True)
        review = self.review(
            form, platform=platform, user_id=user_id, language=language, replace=replace
        )
        if review.earlier is not None and review.earlier.submission_id == submission_id:
            # Another process stored this very submission since we looked: a repeat.
            return Outcome(Review(review.earlier.candidate, {}), review.earlier, repeated=True)
        if not review.ok or review.candidate is None:
            return Outcome(review)
        moment = self.now()
        submission = Submission(
            submission_id=submission_id,
            platform=platform,
            user_id=user_id,
            candidate=review.candidate,
            language=language,
            status=SUBMITTED,
            submitted_at=moment,
            updated_at=moment,
        )
        replaces = review.earlier.submission_id if review.earlier else None
        try:
            stored = self.records.add(submission, replaces=replaces)
        except ActiveCandidacyExists:
            # Another submission for this function won a race; show it to the person.
            again = self.review(
                form, platform=platform, user_id=user_id, language=language, replace=False
            )
            return Outcome(again)
        if not stored:
            return Outcome(review, self.records.get(submission_id), repeated=True)
        return Outcome(review, submission, replaced=replaces)

    def deliver(self, submission_id: str) -> bool:
        """Write what is due to the sheet now (this candidacy's row, and the status of the one
        it replaces); True when this candidacy's writes all landed."""
        # The outbox keeps real time, whatever moment the handler pretends it is (chat --on).
        try:
            drain_outbox(self.records, self.writer)
            return not self.records.pending_writes(submission_id)
        except Exception as error:
            # Writing now is only a head start on the outbox's drainer: the candidacy is stored
            # and the drainer writes it, so the person still gets a receipt (saying it is being
            # processed) rather than an apology for a failure that loses nothing.
            log.warning(
                "candidacy %s: not written at once (%s: %s); the outbox will write it",
                submission_id,
                type(error).__name__,
                error,
            )
            return False

    def receipt(
        self,
        submission: Submission,
        *,
        landed: bool,
        replaced: str | None,
        how_to_withdraw: str,
    ) -> Reply:
        lang = submission.language
        lines = [say(lang, "cand_receipt_landed" if landed else "cand_receipt_pending")]
        if replaced:
            lines.append(say(lang, "cand_receipt_replaces", previous=replaced))
        window = self.window()
        if window.before_deadline and window.phase and window.phase.end:
            end = format_day(window.phase.end, lang)
            lines.append(say(lang, "cand_withdraw_how", end=end, how=how_to_withdraw))
        return Reply(
            title=say(lang, "cand_receipt_title"),
            lines=tuple(lines),
            fields=summary(submission, self.snapshot(), lang),
            language=lang,
        )

    def staff_notice(self, submission: Submission, replaced: str | None) -> str:
        """For the staff channel; staff read Dutch."""
        candidate = submission.candidate
        text = say(
            "nl",
            "cand_notice_new",
            role=title_of(self.snapshot(), candidate.role, "nl"),
            name=candidate.name,
            municipality=candidate.municipality,
            office=office_title(candidate.office, "nl").casefold(),
            email=candidate.email,
            id=submission.submission_id,
            platform=submission.platform,
        )
        return text + (
            " " + say("nl", "cand_notice_replaces", previous=replaced) if replaced else ""
        )

    def withdrawal_notice(self, submission: Submission) -> str:
        return say(
            "nl",
            "cand_notice_withdrawn",
            name=submission.candidate.name,
            role=title_of(self.snapshot(), submission.candidate.role, "nl"),
            id=submission.submission_id,
        )

    # -- the candidate's own -----------------------------------------------------------------

    def mine(self, platform: str, user_id: str, language: Language) -> Reply:
        lang = language
        own = self.records.of_user(platform, user_id)
        lines = [
            say(
                lang,
                "cand_mine_line_active" if s.active else "cand_mine_line",
                role=title_of(self.snapshot(), s.candidate.role, lang),
                status=status_title(s.status, lang),
                day=self.day(s.submitted_at, lang),
                id=s.submission_id,
            )
            for s in own
        ] or [say(lang, "cand_mine_none")]
        lines.append(self.window_text(lang))
        return Reply(title=say(lang, "cand_mine_title"), lines=tuple(lines), language=lang)

    def withdrawable(self, platform: str, user_id: str) -> list[Submission]:
        """The person's active candidacies, while withdrawing is still allowed."""
        if not self.window().before_deadline:
            return []
        order = {role_id: index for index, role_id in enumerate(self.snapshot().roles)}
        active = [s for s in self.records.of_user(platform, user_id) if s.active]
        return sorted(active, key=lambda s: order.get(s.candidate.role, len(order)))

    def withdraw(
        self, platform: str, user_id: str, submission_id: str, language: Language
    ) -> tuple[Reply, Submission | None]:
        """(what to tell the person, the withdrawn candidacy or None when nothing changed)."""
        lang = language
        # Said only of what was withdrawn: under a refusal it would read as done.
        title = say(lang, "cand_not_withdrawn_title")
        submission = self.records.get(submission_id)
        if submission is None or (submission.platform, submission.user_id) != (platform, user_id):
            return Reply(title, (say(lang, "cand_withdraw_unknown"),), language=lang), None
        window = self.window()
        if not window.before_deadline:
            return Reply(title, (self.window_text(lang, window),), language=lang), None
        if not submission.active or not self.records.withdraw(
            submission_id, actor=user_id, platform=platform
        ):
            current = self.records.get(submission_id) or submission
            status = status_title(current.status, lang)
            return Reply(
                title, (say(lang, "cand_withdraw_already", status=status),), language=lang
            ), None
        role = title_of(self.snapshot(), submission.candidate.role, lang)
        line = say(lang, "cand_withdrawn", role=role, id=submission_id)
        done = say(lang, "cand_withdrawn_title")
        return Reply(done, (line,), language=lang), self.records.get(submission_id)

    # -- staff -------------------------------------------------------------------------------

    def is_staff(
        self, *, slack_id: str | None = None, teams_id: str | None = None, email: str | None = None
    ) -> bool:
        return is_staff(self.snapshot(), slack_id=slack_id, teams_id=teams_id, email=email)

    def overview(self, query: str, language: Language) -> Reply:
        """Current candidacies, per function (or of one function); for staff only."""
        lang = language
        snapshot = self.snapshot()
        role_id: str | None = None
        if query.strip():
            role = match_role(snapshot, query)
            if role is None:
                roles = ", ".join(role_title(r, lang) for r in electable_roles(snapshot))
                line = say(
                    lang, "cand_overview_role_unknown", value=query.strip()[:60], roles=roles
                )
                return Reply(
                    say(lang, "cand_overview_title"), (line,), language=lang, kind="clarify"
                )
            role_id = role.id
        active = self.records.active(role_id)
        title = (
            say(lang, "cand_overview_role_title", role=title_of(snapshot, role_id, lang))
            if role_id
            else say(lang, "cand_overview_title")
        )
        if not active:
            return Reply(title, (say(lang, "cand_overview_none"),), language=lang)
        count = "cand_overview_count_one" if len(active) == 1 else "cand_overview_count"
        lines = [say(lang, count, count=len(active))]
        for grouped_role, submissions in group_by_role(active, snapshot).items():
            lines.append(f"{title_of(snapshot, grouped_role, lang)}:")
            lines += [
                "• "
                + say(
                    lang,
                    "cand_overview_line",
                    name=s.candidate.name,
                    municipality=s.candidate.municipality,
                    office=office_title(s.candidate.office, lang).casefold(),
                    email=s.candidate.email,
                    day=self.day(s.submitted_at, lang),
                )
                for s in submissions
            ]
        return Reply(title, tuple(lines), language=lang)
