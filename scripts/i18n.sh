#!/usr/bin/env bash
# Re-extract the English message ids and merge them into the vi and en catalogs.
# Then translate what is new (empty msgstr) in locales/*/LC_MESSAGES/messages.po;
# tests/unit/test_i18n.py fails while any Vietnamese or English translation is missing or fuzzy.
set -euo pipefail
cd "$(dirname "$0")/.."
pybabel extract -F babel.cfg -k N_ -k gettext -k ngettext:1,2 --no-location --sort-output \
    --omit-header --no-wrap -o locales/messages.pot . >/dev/null 2>&1
pybabel update -i locales/messages.pot -d locales --no-fuzzy-matching --ignore-obsolete --no-wrap \
    >/dev/null 2>&1
echo "catalogs updated"
