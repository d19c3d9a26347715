// Test-only: lets Dawn find SwiftShader, the CPU Vulkan driver of Debian's chromium package, on
// machines with no GPU (CI). Import it before anything starts Dawn.
import { existsSync } from 'node:fs';
import { constants } from 'node:os';
import { SWIFTSHADER_ICD } from '../no-adapter';

const CHROMIUM_VULKAN_LOADER = '/usr/lib/chromium/libvulkan.so.1';
// glibc's RTLD_NODELETE: keeps the loader mapped when Node closes a library that is not an addon.
const RTLD_NODELETE = 0x1000;

// Jest gives each test file a copy of process.env that native code never sees: the real process
// object is the one whose environment Dawn's Vulkan loader reads.
const realProcess: NodeJS.Process = process.getBuiltinModule?.('node:process') ?? process;

if (realProcess.env.VK_ICD_FILENAMES === undefined && existsSync(SWIFTSHADER_ICD)) {
  realProcess.env.VK_ICD_FILENAMES = SWIFTSHADER_ICD;
  process.env.VK_ICD_FILENAMES = SWIFTSHADER_ICD;
}

// Dawn opens the Vulkan loader as "libvulkan.so.1"; without Debian's libvulkan1 the only copy is
// chromium's private one. Loading it first by path makes that name resolve to it (glibc matches an
// already loaded library by its soname). process.dlopen then complains that it is no Node addon.
if (realProcess.env.VK_ICD_FILENAMES === SWIFTSHADER_ICD && existsSync(CHROMIUM_VULKAN_LOADER)) {
  try {
    realProcess.dlopen(
      { exports: {} } as NodeJS.Module,
      CHROMIUM_VULKAN_LOADER,
      constants.dlopen.RTLD_NOW | constants.dlopen.RTLD_GLOBAL | RTLD_NODELETE,
    );
  } catch {
    // "Module did not self-register": expected, the library stays loaded.
  }
}
