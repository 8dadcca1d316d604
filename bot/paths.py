"""Where g40bot's own files are. A leaf: settings name the seed without loading the sheet code."""

from __future__ import annotations

from pathlib import Path

SEED_DIR = Path(__file__).resolve().parent.parent / "config" / "seed"
