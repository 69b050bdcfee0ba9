#!/usr/bin/env bash
# Install what building and testing privlens needs, and only what is missing, so a second run
# takes seconds: the wasm toolchain (rustup's wasm32 target when present, otherwise Debian's
# rustc-web, cargo-web and rust-web-src for build-std), wasm-bindgen-cli pinned to the
# wasm-bindgen version in Cargo.lock, Chromium and Firefox ESR for the end-to-end tests, and
# the npm packages from package-lock.json.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { echo "setup: $*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

apt_needed=()
command -v chromium >/dev/null 2>&1 || apt_needed+=(chromium)
command -v firefox-esr >/dev/null 2>&1 || apt_needed+=(firefox-esr)
# Headless screenshots (demo, README) need a colour emoji font for the popup's pictograms.
[ -e /usr/share/fonts/truetype/noto/NotoColorEmoji.ttf ] || apt_needed+=(fonts-noto-color-emoji)
if ! rustup target list --installed 2>/dev/null | grep -q '^wasm32-unknown-unknown$'; then
  if ! { [ -x /usr/bin/rustc ] && [ -x /usr/bin/cargo ] && [ -d /usr/lib/rustlib/src/rust/library ]; }; then
    apt_needed+=(rustc-web cargo-web rust-web-src)
  fi
fi
if [ ${#apt_needed[@]} -gt 0 ]; then
  say "installing Debian packages: ${apt_needed[*]}"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${apt_needed[@]}" >/dev/null
fi

want=$(awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
have=$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }' || true)
if [ "$want" != "$have" ]; then
  say "installing wasm-bindgen-cli $want (matches Cargo.lock)"
  cargo install -q wasm-bindgen-cli --version "=$want"
fi

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages from package-lock.json"
  npm ci --no-audit --no-fund --loglevel=error
fi
say "ready"
