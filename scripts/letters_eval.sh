#!/usr/bin/env bash
# Scores the engine on a folder of letter specs with their questions: each letter is built into a
# temporary folder as the file a Sở sends (.docx or text PDF), then its questions are asked with
# that letter loaded alone, and again with the five seed letters beside it, each time as the
# deployment of the letter's own province (its spec's `province:`) and as the demo deployment
# (Bình Phước, whose curated entries must not answer for a newer letter that covers a question).
# Usage: scripts/letters_eval.sh [SPEC_DIR [SEEDS_DIR]]
#   SPEC_DIR  eval/heldout (default: measure only, never tune on it) or eval/dev_letters
#   SEEDS_DIR default ../shared/seeds
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
SPECS=${1:-eval/heldout}
SEEDS=${2:-${TROLY_SEEDS_DIR:-../shared/seeds}}
DEMO=binh_phuoc
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
$PY eval/build_letters.py "$SPECS" "$OUT" >/dev/null
for questions in "$SPECS"/*_qa.yaml; do
    name=$(basename "$questions" _qa.yaml)
    letter=$(ls "$OUT/$name".*)
    own=$($PY -c 'import sys, yaml; print(yaml.safe_load(open(sys.argv[1])).get("province") or "")' \
        "$SPECS/$name.yaml")
    for province in ${own:+"$own"} "$DEMO"; do
        echo "== $name: $(basename "$letter") alone, deployment $province"
        $PY -m bot eval "$questions" --province "$province" --letters "$letter" 2>/dev/null
        if [ -d "$SEEDS" ]; then
            echo "== $name: $(basename "$letter") with the seed letters, deployment $province"
            $PY -m bot eval "$questions" --province "$province" --letters "$letter" "$SEEDS" \
                2>/dev/null
        fi
    done
done
