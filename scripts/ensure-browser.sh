#!/usr/bin/env bash
# The browser tests drive Debian's Chromium headless (never a downloaded browser); CJK fonts make the zh-CN
# screenshots legible. Installs both from Debian's packages when missing and allowed (root), else says how.
set -euo pipefail
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
fc-list 2>/dev/null | grep -qi 'Noto Sans CJK' || missing+=(fonts-noto-cjk)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "installing ${missing[*]} (Debian packages) for the browser tests"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
elif [[ " ${missing[*]} " == *" chromium "* ]]; then
  echo "The browser tests need Debian's Chromium at /usr/bin/chromium: sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
