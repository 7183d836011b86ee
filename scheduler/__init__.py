"""Jobs run by python-telegram-bot's JobQueue (APScheduler). Jobs keep ids only and read fresh
state from the database when they fire."""
