"""Trợ lý Bồi dưỡng: a Telegram assistant for the 2018-programme teacher training."""

__version__ = "0.1.0"
