"""Trợ lý Bồi dưỡng: a Telegram assistant for the 2018-programme teacher training."""

__version__ = "0.1.0"

import os

# python-telegram-bot 22 warns that RetryAfter.retry_after becomes a timedelta; opt in now.
os.environ.setdefault("PTB_TIMEDELTA", "1")
