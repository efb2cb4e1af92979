// Extracts one file's data model by language. A file too deeply nested for the default stack
// (the compiler's parser recurses) is retried in a worker thread with a larger stack.
import { Worker } from 'node:worker_threads';
import * as path from 'node:path';
import type { SourceLanguage } from '../../../../rules/api';
import type { ExtractedFile } from '../model';
import { extractPrisma } from './prisma';
import type { ts } from 'ts-morph';
import { extractTypeScriptWithTree } from './typescript';

export const TYPESCRIPT_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];

export function languageOf(file: string): SourceLanguage | undefined {
  const lower = file.toLowerCase();
  if (lower.endsWith('.prisma')) return 'prisma';
  const ext = path.extname(lower);
  if (ext === '.js' || ext === '.jsx' || ext === '.mjs' || ext === '.cjs') return 'javascript';
  if (TYPESCRIPT_EXTENSIONS.includes(ext)) return 'typescript';
  return undefined;
}

/** An extracted file and, for TypeScript and JavaScript, its syntax tree (kept for the flow analysis). */
export interface ExtractionWithTree {
  readonly extracted: ExtractedFile;
  readonly sourceFile?: ts.SourceFile;
}

/** Extracts in this thread; throws RangeError when the file is nested too deeply for the stack. */
export function extractFile(file: string, text: string): ExtractedFile {
  return extractFileWithTree(file, text).extracted;
}

export function extractFileWithTree(file: string, text: string): ExtractionWithTree {
  const language = languageOf(file) ?? 'typescript';
  if (language === 'prisma') return { extracted: extractPrisma(file, text) };
  const { file: extracted, sourceFile } = extractTypeScriptWithTree(file, text, language);
  return { extracted, sourceFile };
}

/** Stack for the retry: enough for tens of thousands of nesting levels. */
const DEEP_STACK_MB = 256;

/** The worker script sits next to this module (out/…/extract) or next to the bundle (dist/). */
function workerScript(): string {
  return path.join(__dirname, 'extract-worker.js');
}

function extractInWorker(file: string, text: string): Promise<ExtractedFile> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerScript(), { workerData: { file, text }, resourceLimits: { stackSizeMb: DEEP_STACK_MB } });
    worker.once('message', (message: { ok: true; result: ExtractedFile } | { ok: false; error: string }) => {
      void worker.terminate();
      if (message.ok) resolve(message.result);
      else reject(new RangeError(message.error));
    });
    worker.once('error', reject);
  });
}

/**
 * Extracts a file; a stack overflow in the parser is retried once in a worker with a large stack
 * (the tree stays in the worker: such a file gets no flow analysis).
 */
export async function extractFileSafely(file: string, text: string): Promise<ExtractionWithTree> {
  try {
    return extractFileWithTree(file, text);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return { extracted: await extractInWorker(file, text) };
  }
}
