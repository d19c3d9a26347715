// Run by process-listeners.test.ts as `node --import tsx uncaught-child.ts <backend> <case>`: a program
// that ends in an uncaught error, the same line for every backend, so that stderr and the exit code
// can be compared between cpu and wasm.
import { registerBackend, reshape, setBackend, tensor } from '@strata/tensor';
import { cpu } from '@strata/backend-cpu';
import { wasm } from '@strata/backend-wasm';

const [backend, scenario] = process.argv.slice(2);
registerBackend(cpu());
registerBackend(wasm());
await setBackend(backend);

const mistake = () => reshape(tensor([1, 2, 3]), [2]);

if (scenario === 'sync') mistake();
if (scenario === 'timer') setTimeout(mistake, 1);
if (scenario === 'rejection') void Promise.resolve().then(mistake);
if (scenario === 'own-uncaught-handler') {
  process.on('uncaughtException', (e) => {
    console.error(`handled: ${e.message}`);
    process.exitCode = 3;
  });
  setTimeout(mistake, 1);
  setTimeout(() => console.error('still running'), 20);
}
if (scenario === 'own-rejection-handler') {
  process.on('unhandledRejection', (reason) => console.error(`rejection: ${(reason as Error).message}`));
  void Promise.resolve().then(mistake);
  setTimeout(() => console.error('still running'), 20);
}
