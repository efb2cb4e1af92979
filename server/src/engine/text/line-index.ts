// Offset ⇄ line/column conversion for one file's text (1-based lines and UTF-16 columns, as ESLint
// and SARIF report them), plus the small facts fixes need: a line's indentation and the file's line ending.

export interface Position {
  /** 1-based line. */
  readonly line: number;
  /** 1-based column in UTF-16 code units. */
  readonly column: number;
}

export class LineIndex {
  private readonly starts: number[];

  constructor(private readonly text: string) {
    this.starts = [0];
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
      } else if (ch === 10 /* \n */) {
        this.starts.push(i + 1);
      }
    }
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** The 1-based position of an offset (clamped to the text). */
  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: clamped - (this.starts[low] ?? 0) + 1 };
  }

  /** Offset of the first character of a 1-based line. */
  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line - 1, this.starts.length - 1))] ?? 0;
  }

  /** The offset of a 1-based position. */
  offsetAt(position: Position): number {
    return Math.min(this.lineStart(position.line) + position.column - 1, this.text.length);
  }

  /** The text of a 1-based line without its line ending. */
  lineText(line: number): string {
    const start = this.lineStart(line);
    const next = line < this.starts.length ? (this.starts[line] ?? this.text.length) : this.text.length;
    return this.text.slice(start, next).replace(/\r?\n$|\r$/, '');
  }

  /** The whitespace that starts the line holding `offset`. */
  indentAt(offset: number): string {
    const line = this.positionAt(offset).line;
    return /^[ \t]*/.exec(this.lineText(line))?.[0] ?? '';
  }

  /** True when only whitespace precedes `offset` on its line. */
  startsLine(offset: number): boolean {
    const start = this.lineStart(this.positionAt(offset).line);
    return /^[ \t]*$/.test(this.text.slice(start, offset));
  }
}

/** The line ending a file mostly uses; new lines we write match it. */
export function detectEol(text: string): '\n' | '\r\n' {
  const crlf = text.indexOf('\r\n');
  if (crlf < 0) return '\n';
  const lf = text.indexOf('\n');
  return lf === crlf + 1 ? '\r\n' : '\n';
}
