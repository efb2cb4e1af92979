// The logger the engine writes to; adapters decide where lines go (stderr, the LSP console).
// Lines carry identifiers, paths, counts and timings only, never source text or values.

export interface Logger {
  error(message: string): void;
  warn(message: string): void;
  info(message: string): void;
  debug(message: string): void;
}

export const NULL_LOGGER: Logger = { error: () => {}, warn: () => {}, info: () => {}, debug: () => {} };
