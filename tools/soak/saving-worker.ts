// The child process of saving.ts: builds models A and B, says it is ready, and on 'go' saves B, A,
// B, ... over the target until it is killed, telling the parent before and after each save.
import { saveModel, setBackend } from 'strata';
import { savingModels } from './saving-models';

const [target, seed] = process.argv.slice(2);

async function main(): Promise<void> {
  await setBackend('cpu');
  const models = savingModels(Number(seed));
  process.send!({ ready: true });
  await new Promise((resolve) => process.once('message', resolve));
  // Save 1 writes B (A is already on disk), save 2 writes A, and so on.
  for (let i = 1; ; i++) {
    process.send!({ begin: i });
    await saveModel(models[i % 2], target);
    process.send!({ end: i });
  }
}

main().catch((e) => {
  console.error(`saving worker: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  process.exit(1);
});
