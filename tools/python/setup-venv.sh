#!/usr/bin/env bash
# Creates (or refreshes) the repository's Python oracle environment at .venv/ (ignored by git) from
# tools/python/requirements.txt. Idempotent: a venv whose requirements are unchanged is left alone.
# Tests find it through tools/python/oracle.ts; where it is absent they skip with the reason, unless
# STRATA_REQUIRE_PYTHON=1 (set by .ci/run) makes absence a failure.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
venv="$root/.venv"
req="$root/tools/python/requirements.txt"
stamp="$venv/.requirements.sha256"
want="$(sha256sum "$req" | cut -d' ' -f1)"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then exit 0; fi
python3 -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$req"
echo "$want" > "$stamp"
