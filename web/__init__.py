"""The web dashboard for the Sở, the Phòng and principals, served by the bot's own process.

Same rule as handlers/: a page parses the request, checks who may see it (re-read on every
request), calls a service and renders a template. No SQL here.
"""
