"""What check-sheet must say about a sheet set up before the Organen and Kennis tabs, shared by
the local-workbook and the Google Sheets tests."""

from __future__ import annotations


def assert_warns_that_the_new_tabs_are_missing(output: str) -> None:
    """Two warnings, not errors, each naming the fix; nothing else wrong."""
    warnings = [line for line in output.splitlines() if line.startswith("WAARSCHUWING")]
    assert [line.split(":")[0] for line in warnings] == [
        "WAARSCHUWING Organen",
        "WAARSCHUWING Kennis",
    ]
    assert all("g40bot init-sheet" in line for line in warnings)
    assert "0 fout(en), 2 waarschuwing(en)" in output
