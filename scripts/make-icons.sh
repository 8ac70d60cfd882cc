#!/usr/bin/env bash
# Renders the app icons (PNG) from their SVG sources in public/icons/. The PNGs are committed, so
# building the app never needs this; run it again after changing an SVG:
#
#   scripts/make-icons.sh
#
# Uses rsvg-convert from Debian's librsvg2-bin (installed here if it is missing). The sources are
# shapes only (no text, no fonts), so the output does not depend on the machine.
set -euo pipefail
cd "$(dirname "$0")/../public/icons"

if ! command -v rsvg-convert >/dev/null; then
  echo "Installing rsvg-convert (Debian's librsvg2-bin)"
  if [ "$(id -u)" = 0 ]; then sudo=""; else sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq librsvg2-bin
fi

render() { # source size output
  rsvg-convert --width "$2" --height "$2" --keep-aspect-ratio "$1" --output "$3"
  echo "$3: ${2}x${2}"
}

render icon.svg 192 icon-192.png
render icon.svg 512 icon-512.png
render maskable.svg 512 maskable-512.png
# The home-screen icon iOS uses (it ignores the manifest's icons): full-bleed, iOS rounds it.
render maskable.svg 180 apple-touch-icon.png
