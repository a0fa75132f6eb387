#!/usr/bin/env bash
# Prepares a fresh Debian machine for Koers: the system libraries Qt needs (installed only
# when missing), a virtual environment in .venv and the project with its dev extras.
# Usage: scripts/bootstrap.sh [--with-postgres] [--with-tools]
set -euo pipefail
cd "$(dirname "$0")/.."

want_postgres=0
want_tools=0
for arg in "$@"; do
  case "$arg" in
    --with-postgres) want_postgres=1 ;;
    --with-tools) want_tools=1 ;;
    *) echo "unknown option: $arg" >&2; exit 2 ;;
  esac
done

# Even offscreen, PySide6 loads these; fonts-dejavu-core gives PDFs and screenshots a font.
qt_packages=(libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3
  libglib2.0-0 libx11-xcb1 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0
  libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xkb1 fonts-dejavu-core)
packages=("${qt_packages[@]}")
if [ "$want_tools" = 1 ]; then
  # Tests render PDFs to PNG and start the app under a virtual screen.
  packages+=(poppler-utils xvfb xauth)
fi
if [ "$want_postgres" = 1 ]; then
  packages+=(postgresql)
fi

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$p")
    fi
  done
fi

if [ "${#missing[@]}" -gt 0 ]; then
  echo "Installing system packages: ${missing[*]}"
  if [ "$(id -u)" = 0 ]; then
    sudo_cmd=()
  elif command -v sudo >/dev/null 2>&1; then
    sudo_cmd=(sudo)
  else
    echo "These Debian packages are missing and I am not root: ${missing[*]}" >&2
    echo "Install them with: apt-get install ${missing[*]}" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

python=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$python" -m venv .venv
fi
# Reinstall only when pyproject.toml changed since the last install.
stamp=.venv/.koers-installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -e ".[dev]"
  touch "$stamp"
fi
# The compiled translations (.qm, not in git) from the committed .ts files.
scripts/translations.sh --release-only
