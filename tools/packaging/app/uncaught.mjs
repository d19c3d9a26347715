// A plain mistake left uncaught, after starting the given backend: stderr must not depend on it.
import { ops, setBackend, tensor } from 'strata';

await setBackend(process.argv[2]);
ops.reshape(tensor([1, 2, 3]), [2]);
