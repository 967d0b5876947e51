// Starts browser mode's body parser worker (body-worker.ts) with tsx's loader inside the worker
// thread: a worker does not inherit the TypeScript loader of the process that starts it.
import { tsImport } from 'tsx/esm/api';

await tsImport('./body-worker.ts', import.meta.url);
