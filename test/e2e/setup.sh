#!/usr/bin/env bash
# Gongwen e2e: install what the end-to-end tests need to run real VS Code offline.
#
#   test/e2e/setup.sh            (or: npm run test:e2e:setup)
#
# * Debian packages: chromium (the browser the UI is driven in), ripgrep (VS Code's
#   search binary, which code-server's npm install would otherwise download), a CJK
#   font and an emoji font (readable screenshots: the coverage report marks rows
#   ✅ ❌ 🟡 ⚪) and the -dev headers for code-server's native modules.
# * code-server (VS Code web + server + its Node extension host) from the npm
#   registry, with its native modules rebuilt for this Node, into $GONGWEN_E2E_HOME
#   (default ~/.cache/gongwen-e2e) — never into the repository.
# * playwright-core is a devDependency of the project (npm ci installs it).
#
# Nothing is downloaded from outside the npm registry and Debian's mirror.
# Idempotent: every step writes a stamp under $GONGWEN_E2E_HOME/stamps/<version>/ and
# is skipped next time (a warm run takes well under a second). Delete the folder to
# start over. Logs of each step: $GONGWEN_E2E_HOME/logs/.
set -euo pipefail

CODE_SERVER_VERSION=4.100.3
APT_PACKAGES=(chromium ripgrep fonts-wqy-microhei fonts-noto-color-emoji libkrb5-dev libsecret-1-dev libx11-dev libxkbfile-dev)
E2E_HOME="${GONGWEN_E2E_HOME:-$HOME/.cache/gongwen-e2e}"

mkdir -p "$E2E_HOME"
E2E_HOME="$(cd "$E2E_HOME" && pwd)"
STAMPS="$E2E_HOME/stamps/code-server-$CODE_SERVER_VERSION"
LOGS="$E2E_HOME/logs"
mkdir -p "$STAMPS" "$LOGS"
START=$SECONDS

say() { printf 'e2e-setup [%3ss] %s\n' "$((SECONDS - START))" "$*"; }

# run_step NAME FUNCTION: run FUNCTION once (stamped), output to logs/NAME.log
run_step() {
  local name=$1 fn=$2 t=$SECONDS
  [ -e "$STAMPS/$name" ] && return 0
  say "$name …"
  if ! "$fn" >"$LOGS/$name.log" 2>&1; then
    say "$name FAILED — last lines of $LOGS/$name.log:"
    tail -n 40 "$LOGS/$name.log" >&2
    exit 1
  fi
  touch "$STAMPS/$name"
  say "$name done ($((SECONDS - t))s)"
}

# --- Node: code-server 4.100.x runs only on Node 20 -------------------------------
if [ "$(node -p 'process.versions.node.split(".")[0]')" != 20 ]; then
  echo "e2e-setup: code-server $CODE_SERVER_VERSION needs Node 20, found $(node --version)" >&2
  exit 1
fi

# --- Debian packages (checked every time: cheap, and a new machine lacks them) -----
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  say "apt-get install ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  {
    export DEBIAN_FRONTEND=noninteractive
    # update only when the package lists are missing or do not know a package
    if ! apt-cache show "${missing[@]}" >/dev/null 2>&1; then $SUDO apt-get update; fi
    $SUDO apt-get install -y --no-install-recommends "${missing[@]}"
  } >"$LOGS/apt.log" 2>&1 || { tail -n 40 "$LOGS/apt.log" >&2; exit 1; }
fi

CS="$E2E_HOME/node_modules/code-server"
VS="$CS/lib/vscode"

# 1. code-server itself. Its own postinstall is skipped (--ignore-scripts): it runs an
#    npm install whose @vscode/ripgrep step downloads rg from GitHub. Steps 2–6 do
#    the same work by hand.
install_code_server() {
  cd "$E2E_HOME"
  # own package.json, so npm never walks up into an enclosing project
  [ -f package.json ] || echo '{ "name": "gongwen-e2e-home", "private": true }' >package.json
  npm install --no-audit --no-fund --ignore-scripts --save-exact "code-server@$CODE_SERVER_VERSION"
}
run_step 1-code-server install_code_server

# 2. VS Code's runtime dependencies
vscode_deps() { cd "$VS" && npm install --no-audit --no-fund --omit=dev --ignore-scripts; }
run_step 2-vscode-deps vscode_deps

# 3. Debian's rg where @vscode/ripgrep expects its downloaded binary
ripgrep_link() {
  mkdir -p "$VS/node_modules/@vscode/ripgrep/bin"
  ln -sf "$(command -v rg)" "$VS/node_modules/@vscode/ripgrep/bin/rg"
}
run_step 3-ripgrep ripgrep_link

# 4. native modules (node-pty, spdlog, kerberos, @parcel/watcher, …) for this Node.
#    npm_config_yes: node-pty's script runs `npx node-gyp`, which otherwise refuses.
#    npm_config_build_from_source: kerberos' prebuild-install would first try to
#    download a prebuilt binary from GitHub; go straight to node-gyp instead.
native_rebuild() {
  cd "$VS" && npm_config_yes=true npm_config_build_from_source=true npm rebuild --foreground-scripts
}
run_step 4-native-rebuild native_rebuild

# 5. the links code-server's postinstall would have made
postinstall_links() {
  cd "$VS"
  ln -sfn node_modules node_modules.asar
  ln -sf code-linux.sh bin/remote-cli/code-server
  ln -sf browser-linux.sh bin/helpers/browser.sh
}
run_step 5-links postinstall_links

# 6. built-in extensions' dependencies (markdown language features, …)
builtin_extensions() { cd "$VS/extensions" && npm install --no-audit --no-fund --omit=dev --ignore-scripts; }
run_step 6-builtin-extensions builtin_extensions

# 7. code-server's password hashing module (needed to start at all)
argon2_rebuild() { cd "$E2E_HOME" && npm rebuild argon2; }
run_step 7-argon2 argon2_rebuild

# quick self-check, also stamped (it costs a second)
self_check() {
  # XDG_CONFIG_HOME: code-server writes a default config.yaml there on any start
  XDG_CONFIG_HOME="$E2E_HOME/xdg-config" node "$CS/out/node/entry.js" --version
  "${CHROMIUM_PATH:-/usr/bin/chromium}" --version
}
run_step 8-check self_check

[ $((SECONDS - START)) -gt 1 ] && say "ready: $E2E_HOME"
exit 0
