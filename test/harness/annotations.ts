// Caret annotations in test cases: a comment line of carets under a code line marks an expected
// finding's span and message id. The annotation lines are removed before analysis.
//
//   email: string;
//   ^^^^^ missingPurpose

export interface AnnotatedFinding {
  readonly messageId: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

const ANNOTATION = /^(\s*)\/\/(\s*)(\^+)\s+([A-Za-z][A-Za-z0-9]*)\s*$/;

/** Splits annotated code into the clean code and the findings it expects (1-based, end exclusive). */
export function parseAnnotations(annotated: string): { code: string; findings: AnnotatedFinding[] } {
  const kept: string[] = [];
  const findings: AnnotatedFinding[] = [];
  for (const line of annotated.split('\n')) {
    const match = ANNOTATION.exec(line);
    if (!match || kept.length === 0) {
      kept.push(line);
      continue;
    }
    const column = (match[1] ?? '').length + 2 + (match[2] ?? '').length + 1;
    const carets = (match[3] ?? '').length;
    findings.push({ messageId: match[4] ?? '', line: kept.length, column, endLine: kept.length, endColumn: column + carets });
  }
  return { code: kept.join('\n'), findings };
}
