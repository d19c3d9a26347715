// A plain mistake left uncaught, after starting the given backend: stderr must not depend on it.
import { reshape, setBackend, tensor } from 'strata';

await setBackend(process.argv[2]);
reshape(tensor([1, 2, 3]), [2]);
