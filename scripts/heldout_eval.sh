#!/usr/bin/env bash
# Scores the engine on the held-out letters (eval/heldout/README.md): each letter is built into a
# temporary folder as the file a Sở sends (.docx or text PDF), then its questions are asked with
# that letter loaded alone, and again with the five seed letters beside it.
# Usage: scripts/heldout_eval.sh [SEEDS_DIR]     (default ../shared/seeds)
# Measure only: no weight or threshold may be set from these figures.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
SEEDS=${1:-${TROLY_SEEDS_DIR:-../shared/seeds}}
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
$PY eval/heldout/build.py "$OUT" >/dev/null
for questions in eval/heldout/*_qa.yaml; do
    name=$(basename "$questions" _qa.yaml)
    letter=$(ls "$OUT/$name".*)
    echo "== $name: $(basename "$letter") alone"
    $PY -m bot eval "$questions" --letters "$letter" 2>/dev/null
    if [ -d "$SEEDS" ]; then
        echo "== $name: $(basename "$letter") with the seed letters"
        $PY -m bot eval "$questions" --letters "$letter" "$SEEDS" 2>/dev/null
    fi
done
