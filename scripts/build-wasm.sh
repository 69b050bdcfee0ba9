#!/usr/bin/env bash
# Build the wasm core (crates/privlens-wasm) and its JS glue into extension/build/pkg.
# Uses rustup's wasm32 target when installed; otherwise Debian's rustc-web with build-std
# (see ../shared/TOOLCHAIN.md), which scripts/setup.sh installs.
set -euo pipefail
cd "$(dirname "$0")/.."

OUT=extension/build/pkg
WASM=target/wasm32-unknown-unknown/wasm/privlens_wasm.wasm

if rustup target list --installed 2>/dev/null | grep -q '^wasm32-unknown-unknown$'; then
  cargo build -p privlens-wasm --target wasm32-unknown-unknown --profile wasm
else
  lld=$(ls "${RUSTUP_HOME:-$HOME/.rustup}"/toolchains/*/lib/rustlib/x86_64-unknown-linux-gnu/bin/rust-lld 2>/dev/null | head -n 1 || true)
  [ -n "$lld" ] || lld=$(command -v wasm-ld || command -v wasm-ld-22 || true)
  [ -n "$lld" ] || { echo "build-wasm: no rust-lld or wasm-ld found for linking wasm" >&2; exit 1; }
  RUSTC=/usr/bin/rustc RUSTC_BOOTSTRAP=1 CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER="$lld" \
    /usr/bin/cargo build -p privlens-wasm --target wasm32-unknown-unknown --profile wasm \
    -Z build-std=std,panic_abort
fi

rm -rf "$OUT"
wasm-bindgen --target web --out-dir "$OUT" "$WASM"
# Shrink the module (about 30%) with binaryen's wasm-opt, from npm (package.json) or the system.
wasm_opt=$(command -v wasm-opt || true)
[ -n "$wasm_opt" ] || [ ! -x node_modules/.bin/wasm-opt ] || wasm_opt=node_modules/.bin/wasm-opt
if [ -n "$wasm_opt" ]; then
  "$wasm_opt" -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
    "$OUT/privlens_wasm_bg.wasm" -o "$OUT/privlens_wasm_bg.wasm"
fi
echo "build-wasm: $(wc -c < "$OUT/privlens_wasm_bg.wasm") bytes in $OUT/privlens_wasm_bg.wasm"
