// Run by the webgpu tests in a child process (a test file cannot wait for a Promise before it
// declares its tests): prints the adapter Dawn finds and exits 0, or prints why not and exits 1.
import { create } from 'webgpu';

try {
  const adapter = await create([]).requestAdapter({ powerPreference: 'high-performance' });
  if (adapter === null) {
    console.log('Dawn found no GPU adapter');
    process.exit(1);
  }
  console.log(`${adapter.info.vendor} ${adapter.info.architecture} ${adapter.info.description}`.trim());
  process.exit(0);
} catch (e) {
  console.log(`Dawn failed: ${e.message}`);
  process.exit(1);
}
