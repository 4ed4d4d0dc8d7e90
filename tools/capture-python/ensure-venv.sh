#!/usr/bin/env bash
# Creates (or reuses) tools/capture-python/.venv with the official Tinker Python SDK pinned in
# requirements.txt. Idempotent: a venv whose stamp matches requirements.txt and the interpreter is
# reused without touching the network. The LAST line on stdout is the venv's absolute path;
# on failure it exits non-zero and the last line says why.
#
#   bash tools/capture-python/ensure-venv.sh          # prints the venv path
#   TINKER_PYTHON=/usr/bin/python3.12 bash …          # choose the interpreter (default: python3.11, python3)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
venv="$here/.venv"
req="$here/requirements.txt"

fail() { echo "ensure-venv: $*" >&2; echo "ensure-venv failed: $*"; exit 1; }

pick_python() {
  local candidates=("${TINKER_PYTHON:-}" python3.11 python3.12 python3.13 python3)
  for py in "${candidates[@]}"; do
    [ -n "$py" ] || continue
    command -v "$py" >/dev/null 2>&1 || continue
    # The SDK requires Python >= 3.11.
    if "$py" -c 'import sys, venv; sys.exit(0 if sys.version_info >= (3, 11) else 1)' >/dev/null 2>&1; then
      command -v "$py"
      return 0
    fi
  done
  return 1
}

python=$(pick_python) || fail "no Python >= 3.11 with the venv module found (set TINKER_PYTHON to one)"
py_version=$("$python" -c 'import sys; print(".".join(map(str, sys.version_info[:3])))')
sdk_pin=$(grep -E '^tinker==' "$req" | head -n 1 | cut -d= -f3)
[ -n "$sdk_pin" ] || fail "requirements.txt has no exact 'tinker==X.Y.Z' line"
want_stamp="$(sha256sum "$req" | cut -d' ' -f1) python-$py_version"

if [ -x "$venv/bin/python" ] && [ "$(cat "$venv/.stamp" 2>/dev/null)" = "$want_stamp" ]; then
  have=$("$venv/bin/python" -c 'import importlib.metadata as m; print(m.version("tinker"))' 2>/dev/null || true)
  if [ "$have" = "$sdk_pin" ]; then
    echo "$venv"
    exit 0
  fi
fi

echo "› creating $venv (tinker==$sdk_pin, Python $py_version)" >&2
rm -rf "$venv"
"$python" -m venv "$venv" >&2 || fail "'$python -m venv' failed (on Debian/Ubuntu: apt-get install python3-venv)"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check --no-input -r "$req" >&2 \
  || { rm -rf "$venv"; fail "pip could not install $req (is the package index reachable?)"; }
have=$("$venv/bin/python" -c 'import importlib.metadata as m; print(m.version("tinker"))' 2>/dev/null || true)
[ "$have" = "$sdk_pin" ] || { rm -rf "$venv"; fail "installed tinker is '$have', expected $sdk_pin"; }
echo "$want_stamp" > "$venv/.stamp"
echo "$venv"
