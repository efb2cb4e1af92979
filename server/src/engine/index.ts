// The engine's public surface for the adapters (CLI, language server): scan a workspace, apply
// fixes, and the plain data types they exchange. Nothing here knows LSP, argv or stdout.
export { analyseRead, manifestFromText, readWorkspace, scanWorkspace, type AnalyseReadOptions, type ScanOptions, type ScanResult, type ScanStats, type WorkspaceRead } from './scan';
export { analyseFiles, severityFor, type AnalysedSource, type AnalysisOptions, type AnalysisResult, type ExtractionCache, type SourceText } from './analyse';
export { defaultManifest, loadManifest, type LoadedManifest, type ManifestProblem } from './manifest/load';
export { applyFixes, type FixResult } from './fixes';
export { type Finding, type Fix, ENGINE_PROBLEM_IDS, type EngineProblemId } from './findings';
export { ConfigError } from './errors';
export { CancelledError, type CancellationSignal } from './cancellation';
export { type Logger, NULL_LOGGER } from './logger';
export { MANIFEST_FILE_NAME } from './manifest/load';
export { LiveWorkspace, type FileAnalysis } from './live-workspace';
export { summariseFlows, summariseInventory, type CategoryCoverage, type FlowSummary, type InventorySummary, type RecipientSummary } from './inventory';
export { LineIndex } from './text/line-index';
export { changeScope } from './change-scope';
export { baselineOf, coverageOf, flowKey, matchKey, reviewChange, reviewedResult, summariseRevision, withinScope, type FiledKey, type RevisionSummary, withoutBaseline, type Baseline, type Coverage, type Review } from './review';
