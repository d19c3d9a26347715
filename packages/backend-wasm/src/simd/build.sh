#!/usr/bin/env bash
# Builds kernels.wasm (for tfjs-wasm's plain memory) and kernels-shared.wasm (for the threaded
# binary's shared memory) from kernels.c with clang and wasm-ld (Debian: apt-get install clang lld;
# CLANG=clang-14 picks a versioned one), then binaries.ts, the same bytes as base64 for bundlers.
# Fails if a binary has a data segment or uses the shadow stack: either would write into memory that
# tfjs-wasm owns. kernels.test.ts checks that the checked-in files match this build where clang exists.
set -euo pipefail
cd "$(dirname "$0")"
OUT="${1:-.}"
CLANG="${CLANG:-$(command -v clang || command -v clang-14)}"
FLAGS=(--target=wasm32 -msimd128 -mbulk-memory -O3 -nostdlib -fno-builtin -ffreestanding
  -Wl,--no-entry -Wl,--import-memory -Wl,-z,stack-size=0 -Wl,--strip-all)
"$CLANG" "${FLAGS[@]}" kernels.c -o "$OUT/kernels.wasm"
"$CLANG" "${FLAGS[@]}" -matomics -Wl,--shared-memory -Wl,--max-memory=4294967296 kernels.c \
  -o "$OUT/kernels-shared.wasm"
# No global.get/set: the shadow stack pointer (wasm-ld's only global) is never touched.
OBJDUMP="${OBJDUMP:-$(command -v llvm-objdump || command -v llvm-objdump-14)}"
# (The listing is read whole before grep looks: `grep -q` would stop at the first match and, under
# pipefail, the listing's broken pipe would turn the match into a failed condition.)
LISTING="$("$OBJDUMP" -d "$OUT/kernels.wasm" "$OUT/kernels-shared.wasm")"
if grep -q -E 'global\.(get|set)' <<<"$LISTING"; then
  echo "build.sh: a kernel uses the shadow stack; keep kernels.c's state in locals" >&2
  exit 1
fi
node check-binary.mjs "$OUT/kernels.wasm" "$OUT/kernels-shared.wasm" > "$OUT/binaries.ts"
