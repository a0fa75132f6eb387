#!/usr/bin/env bash
# The pictures of every area, on a fresh demo school, at the two sizes a school PC has.
# Usage: scripts/screenshots.sh DIR   (DIR gets the 1280x800 pictures, DIR/1024x768 the small)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:?usage: scripts/screenshots.sh DIR}
mkdir -p "$out/1024x768"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}
export KOERS_DATA_DIR="$work"
# A password for the fictional demo accounts only; it never leaves this temporary folder.
export KOERS_PASSWORD="demo-schermafbeeldingen-$$"
url="sqlite:///$work/koers.db"
.venv/bin/python -m app demo --students 300 --database "$url"
.venv/bin/python -m app --screenshots "$out" --database "$url" --user demo
.venv/bin/python -m app --screenshots "$out/1024x768" --size 1024x768 --database "$url" --user demo
# A region of three schools: the board's area ("Bestuur"), counts per school and no names.
region="sqlite:///$work/regio.db"
.venv/bin/python -m app demo --schools 3 --students 150 --database "$region"
mkdir -p "$out/regio/1024x768"
.venv/bin/python -m app --screenshots "$out/regio" --database "$region" --user bestuur
.venv/bin/python -m app --screenshots "$out/regio/1024x768" --size 1024x768 --database "$region" --user bestuur
echo "screenshots in $out and $out/1024x768 (the board's in $out/regio)"
