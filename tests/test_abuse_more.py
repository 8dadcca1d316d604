"""More abuse and fault probes, found by trying the running servers as an attacker, a candidate,
staff and an operator would (tests/test_abuse_slack.py and tests/test_abuse_teams.py hold the
request-level ones). Each names what a person would notice if it came back."""

from __future__ import annotations

import time_machine

from tests.test_candidacy_slack import (
    OPEN,
    CandidacyApp,
    app,
    complete,
    dms_to,
    slack,
)

__all__ = ["app", "slack"]  # the Slack candidacy server, shared with tests/test_candidacy_slack.py


# --- candidacies ----------------------------------------------------------------------------------


def test_a_form_id_someone_else_submitted_is_still_a_candidacy_of_ones_own(
    app: CandidacyApp,
) -> None:
    """A submission's id is made from the form it came from (Slack's view id) so that a repeated
    delivery is stored once. Two people whose submissions name the same form must not be taken
    for one repeated delivery: the second person's candidacy would be acknowledged and lost."""
    with time_machine.travel(OPEN, tick=True):
        first = complete(
            app.opened_modal("UFIRST"), role="voorzitter", name="Fenna Eerst", email="f@ede.nl"
        )
        assert app.submit(first, "UFIRST", "VSHARED").json() == {"response_action": "clear"}
        second = complete(
            app.opened_modal("USECOND"), role="voorzitter", name="Sara Tweede", email="s@ede.nl"
        )
        answered = app.submit(second, "USECOND", "VSHARED")
        app.settle()

    assert answered.json() == {"response_action": "clear"}
    [stored] = app.service.store.candidacies.of_user("slack", "USECOND")
    assert (stored.candidate.name, stored.candidate.email) == ("Sara Tweede", "s@ede.nl")
    [receipt] = dms_to(app.fake.delivered("chat.postMessage"), "USECOND")
    assert "Sara Tweede" in receipt["text"] and "Fenna Eerst" not in receipt["text"]
    [theirs] = app.service.store.candidacies.of_user("slack", "UFIRST")
    assert theirs.candidate.name == "Fenna Eerst"
