#!/usr/bin/env bash
# Qt Linguist files of Koers. Dutch is the source language: the text in the code is Dutch and
# shows when no translation is loaded. resources/translations/koers_<lang>.ts are committed;
# the compiled koers_<lang>.qm are built from them (bootstrap, bundle) and not committed.
# Usage: scripts/translations.sh [--release-only]
#   (default) lupdate: collect the text of app/ui into every .ts, then lrelease
#   --release-only: only compile the .ts files to .qm (what bootstrap and the bundle do)
set -euo pipefail
cd "$(dirname "$0")/.."

bin="${PYSIDE6_BIN:-.venv/bin}"
dir=resources/translations
release_only=0
for arg in "$@"; do
  case "$arg" in
    --release-only) release_only=1 ;;
    *) echo "unknown option: $arg" >&2; exit 2 ;;
  esac
done

shopt -s nullglob
ts_files=("$dir"/koers_*.ts)
if [ "${#ts_files[@]}" = 0 ]; then
  echo "translations.sh: no $dir/koers_*.ts" >&2
  exit 1
fi
if [ "$release_only" = 0 ]; then
  # No source locations: the contexts (class or module) say where a text lives, and line
  # numbers would change the .ts on every edit of the UI.
  # lupdate does not find .py files when scanning a directory: name them.
  mapfile -t sources < <(find app/ui -name '*.py' | sort)
  "$bin/pyside6-lupdate" "${sources[@]}" -locations none -no-obsolete \
    -source-language nl_NL -ts "${ts_files[@]}"
fi
for ts in "${ts_files[@]}"; do
  "$bin/pyside6-lrelease" -silent "$ts" -qm "${ts%.ts}.qm"
done
