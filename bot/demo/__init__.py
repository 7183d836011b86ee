"""The demo province that the offline console and the tests run on: Bình Phước, whose letters
(000, 001) the default campaign and the knowledge base follow, so the demo is told its own
rules. The schools and people are invented."""

from pathlib import Path

DEMO_ROSTER = Path(__file__).with_name("roster.csv")
DEMO_SO_NAME = "Sở GD&ĐT tỉnh Bình Phước (demo)"
DEMO_PROVINCE = "binh_phuoc"
