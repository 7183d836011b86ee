#!/usr/bin/env bash
# Scores the engine on a folder of letter specs with their questions: each letter is built into a
# temporary folder as the file a Sở sends (.docx or text PDF), then its questions are asked with
# that letter loaded alone, and again with the five seed letters beside it; a letter spec with a
# "province:" key is scored a third time as that province's deployment (TROLY_PROVINCE, a fresh
# database), seeds beside it. A question set with no letter spec of its own asks about the seed
# letters (seeds_unseen_qa.yaml): it is scored without letters and with them. A letter spec with a
# "loaded_with:" key (names of other specs, e.g. the earlier letter it amends) is always asked with
# those letters loaded beside it, as a Sở that keeps both would have them.
# Usage: scripts/letters_eval.sh [SPEC_DIR [SEEDS_DIR]]
#   SPEC_DIR  eval/heldout18 (default: measure only, never tune on it) or eval/dev_letters
#   SEEDS_DIR default ../shared/seeds
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
SPECS=${1:-eval/heldout18}
SEEDS=${2:-${TROLY_SEEDS_DIR:-../shared/seeds}}
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
$PY eval/build_letters.py "$SPECS" "$OUT" >/dev/null
for questions in "$SPECS"/*_qa.yaml; do
    name=$(basename "$questions" _qa.yaml)
    if ! letter=$(ls "$OUT/$name".* 2>/dev/null); then
        echo "== $name: without letters"
        env -u TROLY_PROVINCE $PY -m bot eval "$questions" 2>/dev/null
        echo "== $name: with the seed letters"
        env -u TROLY_PROVINCE $PY -m bot eval "$questions" --letters "$SEEDS" 2>/dev/null
        continue
    fi
    # shellcheck disable=SC2206
    letters=($letter)
    for earlier in $(sed -n 's/^loaded_with: *//p' "$SPECS/$name.yaml" | tr -d '[],'); do
        letters+=("$(ls "$OUT/$earlier".*)")
    done
    echo "== $name: $(basename "$letter") alone"
    env -u TROLY_PROVINCE $PY -m bot eval "$questions" --letters "${letters[@]}" 2>/dev/null
    if [ -d "$SEEDS" ]; then
        echo "== $name: $(basename "$letter") with the seed letters"
        env -u TROLY_PROVINCE $PY -m bot eval "$questions" --letters "${letters[@]}" "$SEEDS" 2>/dev/null
    fi
    province=$(sed -n 's/^province: *//p' "$SPECS/$name.yaml")
    if [ -n "$province" ]; then
        echo "== $name: $(basename "$letter") deployed in $province, seed letters beside it"
        TROLY_PROVINCE=$province $PY -m bot eval "$questions" --db "$OUT/$name.sqlite3" \
            --letters "${letters[@]}" $([ -d "$SEEDS" ] && echo "$SEEDS") 2>/dev/null
    fi
done
