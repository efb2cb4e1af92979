// The TypeScript compiler API that ts-morph bundles, bound once. Reading `ts` through the ts-morph
// import on every call went through two property getters in the bundle, a measurable share of a
// scan (every ts.isX / ts.SyntaxKind access in the hot walk). Types still come from `ts-morph`.
import { ts as bundled } from 'ts-morph';

export const compiler: typeof bundled = bundled;
