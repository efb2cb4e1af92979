// Which files a change can affect, for the diff scan: the changed files, and the files that mention
// a record holding personal data (or an @erases target) declared in a changed file in either
// revision, since flows and erasure checks there follow those records. Unchanged files have equal
// texts in both revisions, so the scope is the same for the base and the head.
import type { Vocabulary } from '../../../rules/manifest/types';
import type { ExtractionCache, SourceText } from './analyse';
import { classifyWorkspace } from './classify';
import { extractFileSafely } from './extract';
import type { ExtractedFile } from './model';

/** Names shorter than this ("Id", "T") would pull in nearly every file. */
const MIN_NAME_LENGTH = 3;

async function extracted(file: SourceText, cache: ExtractionCache | undefined): Promise<ExtractedFile> {
  const cached = cache?.get(file.path, file.text);
  if (cached) return cached;
  const extraction = await extractFileSafely(file.path, file.text);
  if (extraction.sourceFile !== undefined || extraction.extracted.language === 'prisma') cache?.set(file.path, file.text, extraction.extracted);
  return extraction.extracted;
}

/**
 * Names of the records with personal data the files declare, and their @erases targets. The files
 * are classified among themselves only: enough to tell a Customer from a Logger or a Repository.
 */
function namesOf(files: readonly ExtractedFile[], vocabulary: Vocabulary): string[] {
  const classified = classifyWorkspace(files, vocabulary);
  const names: string[] = [];
  files.forEach((file, f) => {
    file.containers.forEach((container, c) => {
      const fields = classified[f]?.classifications[c] ?? [];
      if (fields.some((field) => field.personal)) names.push(container.parent?.container ?? container.name);
    });
    for (const tag of file.functionTags) if (tag.name === 'erases') names.push(...(tag.value.match(/[A-Za-z_$][\w$]*/g) ?? []));
  });
  return names.filter((n) => n.length >= MIN_NAME_LENGTH);
}

function escape(name: string): string {
  return name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The changed files plus every head file whose text mentions, in any case, a record name declared
 * in a changed file at the base or at the head (`user.email` and `currentUser` both mention User).
 */
export async function changeScope(changed: ReadonlySet<string>, head: readonly SourceText[], base: readonly SourceText[], vocabulary: Vocabulary, cache?: ExtractionCache): Promise<Set<string>> {
  const names = new Set<string>();
  for (const revision of [head, base]) {
    const files: ExtractedFile[] = [];
    for (const file of revision) {
      if (!changed.has(file.path)) continue;
      try {
        files.push(await extracted(file, cache));
      } catch {
        // A file that cannot be extracted declares nothing the scope could follow; the analysis reports it.
      }
    }
    for (const name of namesOf(files, vocabulary)) names.add(name);
  }
  const scope = new Set(changed);
  if (names.size === 0) return scope;
  const mention = new RegExp([...names].map(escape).join('|'), 'i');
  for (const file of head) if (!scope.has(file.path) && mention.test(file.text)) scope.add(file.path);
  return scope;
}
