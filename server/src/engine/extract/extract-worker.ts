// Worker entry for files nested too deeply for the main thread's stack: extracts one file and
// posts the plain result back (see extract/index.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { extractFile } from './index';

const { file, text } = workerData as { file: string; text: string };
try {
  parentPort?.postMessage({ ok: true, result: extractFile(file, text) });
} catch (error) {
  parentPort?.postMessage({ ok: false, error: error instanceof Error ? error.name : 'Error' });
}
