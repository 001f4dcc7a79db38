#!/usr/bin/env bash
# Installs the system packages KOL Studio's tests need on Debian/Ubuntu:
#   chromium (browser e2e), xvfb + xauth (OBS and Electron windows without a display),
#   obs-studio (real OBS for integration tests), fonts-noto-cjk (Chinese text in pages and PDFs),
#   poppler-utils (pdftotext, to read exported PDFs back), nginx + libnginx-mod-rtmp (a local RTMP receiver that
#   OBS streams to in tests; started by the tests on their own port and config, never as the system service),
#   redis-server (two sync server instances sharing one Redis; the test starts its own on its own port and
#   folder, never the system service).
# Run as root or with sudo. Safe to run again.
set -euo pipefail

packages=(chromium xvfb xauth obs-studio fonts-noto-cjk poppler-utils nginx libnginx-mod-rtmp redis-server)

if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-system-deps: apt-get not found; install these with your package manager: ${packages[*]}" >&2
  exit 1
fi

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done

if [ "${#missing[@]}" -eq 0 ]; then
  echo "install-system-deps: all present (${packages[*]})"
  exit 0
fi

echo "install-system-deps: installing ${missing[*]}"
"${sudo_cmd[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
