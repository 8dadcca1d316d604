"""The failures an operator fixes: a setting, the workbook, the database.

A leaf module, so the CLI's error boundary knows them without loading what raises them.
"""

from __future__ import annotations


class OperatorError(Exception):
    """Something an operator must fix before g40bot can go on; the message is one line that
    names what is wrong and what to do. The CLI prints it and exits with code 2."""
