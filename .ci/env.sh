#!/usr/bin/env bash
# Sourced by .ci/run and tools/flake-check: installs what the tests need that npm cannot provide and
# sets the variables that make a missing piece a failure instead of a skip. Run from the repository root.

# The WebGPU tests run in Node through Dawn (the `webgpu` package), which needs a Vulkan driver. CI
# machines have no GPU: Debian's chromium package ships SwiftShader, a Vulkan driver on the CPU.
SWIFTSHADER_ICD=/usr/lib/chromium/vk_swiftshader_icd.json
if [ ! -f "$SWIFTSHADER_ICD" ]; then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  $SUDO apt-get update
  $SUDO apt-get install -y chromium
fi
export VK_ICD_FILENAMES="$SWIFTSHADER_ICD"
# Dawn loads the Vulkan loader (libvulkan.so.1, Debian's libvulkan1) by name. Where the system has
# none, use the copy chromium keeps beside its SwiftShader driver rather than install another.
if ! compgen -G '/usr/lib/*-linux-gnu*/libvulkan.so.1' >/dev/null && [ ! -e /usr/lib/libvulkan.so.1 ]; then
  export LD_LIBRARY_PATH="/usr/lib/chromium${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
fi
# Strata's SIMD wasm kernels (packages/backend-wasm/src/simd) are checked in with their C source; CI
# rebuilds them with Debian's clang and lld and checks the bytes match, so a stale binary fails here.
if ! { command -v clang || command -v clang-14; } >/dev/null || ! { command -v wasm-ld || command -v wasm-ld-14; } >/dev/null; then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  $SUDO apt-get update
  $SUDO apt-get install -y clang lld
fi
export STRATA_REQUIRE_CLANG=1
# Here a WebGPU backend that fails to start is a failure, not a skip.
export STRATA_REQUIRE_WEBGPU=1

# The Python oracles (Keras 3, ONNX's checker, ONNX Runtime, TensorBoard), pinned, in .venv/. Here their
# absence is a failure, not a skip.
bash tools/python/setup-venv.sh
export STRATA_REQUIRE_PYTHON=1
