#!/usr/bin/env bash
# Builds the one-folder Koers bundle with PyInstaller: DIST/koers/koers.
# Usage: installer/build.sh [DIST_DIR [WORK_DIR]]   (defaults: dist/ and build/ in the repo)
# PYINSTALLER may name another pyinstaller than .venv/bin/pyinstaller.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
dist="${1:-$root/dist}"
work="${2:-$root/build}"
mkdir -p "$dist" "$work"
# Absolute paths, so relative arguments mean the caller's directory.
dist="$(cd "$dist" && pwd)"
work="$(cd "$work" && pwd)"
pyinstaller="${PYINSTALLER:-$root/.venv/bin/pyinstaller}"

cd "$root"
start=$SECONDS
# The .qm translations are build products; the spec bundles them.
PYSIDE6_BIN="$(dirname "$pyinstaller")" scripts/translations.sh --release-only
"$pyinstaller" --noconfirm --clean --log-level WARN \
  --distpath "$dist" --workpath "$work" installer/koers.spec
echo "build.sh: $dist/koers built in $((SECONDS - start)) s ($(du -sh "$dist/koers" | cut -f1))"
