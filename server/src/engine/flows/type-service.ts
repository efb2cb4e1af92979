// The type checker for the flow analysis, scoped and cached: a program over just the files asked
// about and what they import by relative path (never node_modules), served from memory with the
// ES2022 lib bundled in ts-morph. Trees are cached by text, so a new program after an edit re-parses
// one file, and the checker only checks what it is asked.
import { getLibFiles } from '@ts-morph/common';
import type { ts } from 'ts-morph';
import { compiler } from '../extract/typescript/compiler';
import { parseSource } from '../extract/typescript';

const LIB_FOLDER = '/__lib__';
const OPTIONS: ts.CompilerOptions = {
  target: compiler.ScriptTarget.ES2022,
  lib: ['lib.es2022.d.ts'],
  allowJs: true,
  checkJs: false,
  jsx: compiler.JsxEmit.Preserve,
  experimentalDecorators: true,
  strict: false,
  noEmit: true,
  skipLibCheck: true,
  types: [],
  moduleResolution: compiler.ModuleResolutionKind.Bundler,
  module: compiler.ModuleKind.ESNext,
};

/** Lib trees are the same for every program of the process: parse them once. */
let libTexts: Map<string, string> | undefined;
const libTrees = new Map<string, ts.SourceFile>();

function libText(fileName: string): string | undefined {
  libTexts ??= new Map(getLibFiles().map((f) => [`${LIB_FOLDER}/${f.fileName}`, f.text]));
  return libTexts.get(fileName);
}

/** Where a checker says something is declared: a workspace file and the start of the declaration's name. */
export interface DeclarationSite {
  readonly file: string;
  readonly start: number;
}

/** What the resolver asks the checker; nodes must belong to a tree the service was given. */
export interface TypeLookup {
  /** Declarations of the property a property access (or `x['key']`) reads. */
  propertyDeclarations(access: ts.PropertyAccessExpression | ts.ElementAccessExpression): DeclarationSite[];
  /** Declarations of an expression's type, lists and promises unwrapped; `array` when it is a list. */
  typeDeclarations(expression: ts.Expression): { sites: DeclarationSite[]; array: boolean };
}

const toVirtual = (relative: string): string => `/${relative}`;
const fromVirtual = (fileName: string): string | undefined => (fileName.startsWith(`${LIB_FOLDER}/`) ? undefined : fileName.replace(/^\//, ''));

const RESOLVE_EXTENSIONS = ['.ts', '.tsx', '.d.ts', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];

export class TypeService {
  private readonly trees = new Map<string, { text: string; tree: ts.SourceFile }>();
  private program: ts.Program | undefined;
  private programRoots = '';
  private stale = true;

  /** @param textOf the current text of a workspace file (workspace-relative path), if it exists */
  constructor(private readonly textOf: (relative: string) => string | undefined) {}

  /** Hands over a tree already parsed for this text (the extraction's), so the checker shares its nodes. */
  setTree(relative: string, text: string, tree: ts.SourceFile): void {
    const cached = this.trees.get(relative);
    if (cached?.tree === tree) return;
    this.trees.set(relative, { text, tree });
    this.stale = true;
  }

  /** A file changed or went away: its tree is parsed again when next needed. */
  forget(relative: string): void {
    if (this.trees.delete(relative)) this.stale = true;
  }

  /** The service's tree of a file (parsed now if needed); analyse this tree to ask the checker about its nodes. */
  treeFor(relative: string): ts.SourceFile | undefined {
    const text = this.textOf(relative);
    if (text === undefined) return undefined;
    const cached = this.trees.get(relative);
    if (cached && cached.text === text) return cached.tree;
    const tree = parseSource(relative, text);
    this.trees.set(relative, { text, tree });
    return tree;
  }

  private host(): ts.CompilerHost {
    const exists = (fileName: string): boolean => {
      if (fileName.startsWith(`${LIB_FOLDER}/`)) return libText(fileName) !== undefined;
      const relative = fromVirtual(fileName);
      return relative !== undefined && !relative.includes('node_modules/') && this.textOf(relative) !== undefined;
    };
    return {
      getSourceFile: (fileName) => {
        if (fileName.startsWith(`${LIB_FOLDER}/`)) {
          let tree = libTrees.get(fileName);
          const text = tree ? undefined : libText(fileName);
          if (!tree && text !== undefined) libTrees.set(fileName, (tree = compiler.createSourceFile(fileName, text, compiler.ScriptTarget.ES2022, true)));
          return tree;
        }
        const relative = fromVirtual(fileName);
        return relative === undefined ? undefined : this.treeFor(relative);
      },
      getDefaultLibFileName: () => `${LIB_FOLDER}/lib.es2022.d.ts`,
      getDefaultLibLocation: () => LIB_FOLDER,
      writeFile: () => undefined,
      getCurrentDirectory: () => '/',
      getCanonicalFileName: (fileName) => fileName,
      useCaseSensitiveFileNames: () => true,
      getNewLine: () => '\n',
      fileExists: exists,
      readFile: (fileName) => (fileName.startsWith(`${LIB_FOLDER}/`) ? libText(fileName) : this.textOf(fromVirtual(fileName) ?? '')),
      directoryExists: () => true,
      getDirectories: () => [],
      // Relative imports only: packages are not read (their types would cost more than they tell).
      resolveModuleNames: (names, containingFile) =>
        names.map((name) => {
          if (!name.startsWith('.')) return undefined;
          const base = `${containingFile.replace(/\/[^/]*$/, '')}/${name}`;
          const normalised = normalisePath(base).replace(/\.(js|jsx|mjs|cjs)$/, '');
          for (const candidate of [...RESOLVE_EXTENSIONS.map((e) => normalised + e), ...RESOLVE_EXTENSIONS.map((e) => `${normalised}/index${e}`)]) {
            if (exists(candidate)) return { resolvedFileName: candidate, extension: extensionOf(candidate), isExternalLibraryImport: false };
          }
          return undefined;
        }),
    };
  }

  /** A checker over a program whose roots are these files (reused while nothing changed). */
  lookupFor(roots: readonly string[]): TypeLookup {
    const rootKey = [...roots].sort().join('\n');
    if (!this.program || this.stale || rootKey !== this.programRoots) {
      this.program = compiler.createProgram({ rootNames: roots.map(toVirtual), options: OPTIONS, host: this.host(), ...(this.program ? { oldProgram: this.program } : {}) });
      this.programRoots = rootKey;
      this.stale = false;
    }
    return new CheckerLookup(this.program.getTypeChecker());
  }
}

function normalisePath(p: string): string {
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '..') out.pop();
    else if (part !== '.' && part !== '') out.push(part);
  }
  return `/${out.join('/')}`;
}

function extensionOf(fileName: string): ts.Extension {
  for (const ext of ['.d.ts', '.tsx', '.ts', '.mts', '.cts', '.jsx', '.js', '.mjs', '.cjs'] as const) {
    if (fileName.endsWith(ext)) return ext as ts.Extension;
  }
  return compiler.Extension.Ts;
}

function siteOf(declaration: ts.Declaration): DeclarationSite | undefined {
  const file = fromVirtual(declaration.getSourceFile().fileName);
  if (file === undefined) return undefined;
  const name = (declaration as ts.NamedDeclaration).name;
  return { file, start: (name ?? declaration).getStart() };
}

class CheckerLookup implements TypeLookup {
  constructor(private readonly checker: ts.TypeChecker) {}

  propertyDeclarations(access: ts.PropertyAccessExpression | ts.ElementAccessExpression): DeclarationSite[] {
    const target = compiler.isPropertyAccessExpression(access) ? access.name : access.argumentExpression;
    const symbol = this.checker.getSymbolAtLocation(target);
    return (symbol?.declarations ?? []).map(siteOf).filter((s): s is DeclarationSite => s !== undefined);
  }

  typeDeclarations(expression: ts.Expression): { sites: DeclarationSite[]; array: boolean } {
    let type = this.checker.getTypeAtLocation(expression);
    let array = false;
    for (let i = 0; i < 4; i++) {
      if (type.isUnion()) {
        const real = type.types.filter((t) => !(t.flags & (compiler.TypeFlags.Undefined | compiler.TypeFlags.Null)));
        if (real.length === 1 && real[0]) type = real[0];
      }
      const awaited = this.checker.getAwaitedType(type);
      if (awaited && awaited !== type) {
        type = awaited;
        continue;
      }
      if (this.checker.isArrayType(type)) {
        const element = this.checker.getTypeArguments(type as ts.TypeReference)[0];
        if (element) {
          type = element;
          array = true;
          continue;
        }
      }
      break;
    }
    const symbol = type.aliasSymbol ?? type.getSymbol();
    const sites = (symbol?.declarations ?? []).map(siteOf).filter((s): s is DeclarationSite => s !== undefined);
    return { sites, array };
  }
}
