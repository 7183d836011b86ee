"""The demo province (fictional) that the offline console and the tests run on."""

from pathlib import Path

DEMO_ROSTER = Path(__file__).with_name("roster.csv")
DEMO_SO_NAME = "Sở GD&ĐT tỉnh Sông Lam (demo)"
