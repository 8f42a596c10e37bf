#!/usr/bin/env bash
# Gongwen end-to-end tests in real VS Code (code-server 4.100.3 in Debian's chromium).
#
#   npm run test:e2e            (= bash test/e2e/run.sh)
#
# 1. setup.sh (installs what is missing; < 1 s when all is there)
# 2. compile the e2e tests (test/e2e/tsconfig.json, CommonJS, into test/e2e/out)
# 3. npm run package -> gongwen.vsix (skipped with GONGWEN_E2E_VSIX=path/to/file.vsix)
# 4. extension-host suite: test/e2e/suite/*.test.ts through VS Code's extension-test
#    mechanism inside code-server (launch/codeServer.ts)
# 5. UI suite: test/e2e/ui/*.test.ts, the .vsix installed into a fresh extensions folder,
#    driven with playwright-core (mocha, test/e2e/.mocharc.json)
#
# Env: GONGWEN_E2E_SUITES="host ui" (which suites), GONGWEN_E2E_GREP (mocha grep, both),
#      GONGWEN_E2E_HOME (install + scratch folder, default ~/.cache/gongwen-e2e),
#      GONGWEN_E2E_VSIX, GONGWEN_E2E_EXTENSION_DIR (test another build of the extension).
# Screenshots and logs: test/e2e/.artifacts/<run id>/{screenshots,logs}/ (gitignored;
# the 5 newest runs are kept). Exit status: 0 when every suite passed.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
ROOT="$PWD"
E2E="$ROOT/test/e2e"
export GONGWEN_E2E_HOME="${GONGWEN_E2E_HOME:-$HOME/.cache/gongwen-e2e}"
export GONGWEN_E2E_RUN_ID="${GONGWEN_E2E_RUN_ID:-$(date +%Y%m%d-%H%M%S)}"
ART="$E2E/.artifacts/$GONGWEN_E2E_RUN_ID"
SUITES="${GONGWEN_E2E_SUITES:-host ui}"
START=$SECONDS
say() { printf 'e2e [%3ss] %s\n' "$((SECONDS - START))" "$*"; }

bash "$E2E/setup.sh" || exit 1

# keep the 5 newest artifact folders and the 2 newest scratch folders (browser profiles, user data)
ls -1dt "$E2E"/.artifacts/*/ 2>/dev/null | tail -n +5 | xargs -r rm -rf
ls -1dt "$GONGWEN_E2E_HOME"/runs/*/ 2>/dev/null | tail -n +2 | xargs -r rm -rf
mkdir -p "$ART/logs"

say "compile test/e2e"
npx tsc -p "$E2E" || exit 1

if [ -z "${GONGWEN_E2E_VSIX:-}" ] && [[ " $SUITES " == *" ui "* || -z "${GONGWEN_E2E_EXTENSION_DIR:-}" ]]; then
  say "npm run package (build + .vsix; log: $ART/logs/package.log)"
  if ! npm run package >"$ART/logs/package.log" 2>&1; then
    tail -n 40 "$ART/logs/package.log" >&2
    exit 1
  fi
fi

passed=0; failed=0; pending=0; status=0
count() { # add mocha's "N passing / N failing / N pending" from log $1
  local p f s
  p=$(grep -Eo '^ *[0-9]+ passing' "$1" | tail -n 1 | grep -Eo '[0-9]+' || true)
  f=$(grep -Eo '^ *[0-9]+ failing' "$1" | tail -n 1 | grep -Eo '[0-9]+' || true)
  s=$(grep -Eo '^ *[0-9]+ pending' "$1" | tail -n 1 | grep -Eo '[0-9]+' || true)
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); pending=$((pending + ${s:-0}))
}

if [[ " $SUITES " == *" host "* ]]; then
  say "extension-host suite (VS Code extension tests inside code-server)"
  node "$E2E/out/launch/codeServer.js" 2>&1 | tee "$ART/logs/host-suite.log"
  rc=${PIPESTATUS[0]}
  count "$ART/logs/host-suite.log"
  # a suite that could not start has no mocha summary: count it as one failure
  if [ "$rc" -ne 0 ]; then status=1; grep -Eq '^ *[0-9]+ failing' "$ART/logs/host-suite.log" || failed=$((failed + 1)); fi
fi

if [[ " $SUITES " == *" ui "* ]]; then
  say "UI suite (installed .vsix, playwright-core + chromium)"
  grep_args=()
  [ -n "${GONGWEN_E2E_GREP:-}" ] && grep_args=(--grep "$GONGWEN_E2E_GREP")
  npx mocha --config "$E2E/.mocharc.json" "${grep_args[@]}" 2>&1 | tee "$ART/logs/ui-suite.log"
  rc=${PIPESTATUS[0]}
  count "$ART/logs/ui-suite.log"
  if [ "$rc" -ne 0 ]; then status=1; grep -Eq '^ *[0-9]+ failing' "$ART/logs/ui-suite.log" || failed=$((failed + 1)); fi
fi

say "screenshots: $ART/screenshots"
say "logs:        $ART/logs"
echo "e2e: $passed passed, $failed failed, $pending skipped"
exit "$status"
