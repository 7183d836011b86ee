"""Plain-Python rules of the domain: no Telegram types, no SQL."""
