// Errors the engine throws to its adapters: a configuration the scan cannot start with.
// Problems it can work around are reported as findings instead.

/** The scan cannot run as asked: a missing manifest named explicitly, a root that does not exist. */
export class ConfigError extends Error {
  constructor(
    message: string,
    /** The file the problem is in, when there is one. */
    readonly file?: string,
  ) {
    super(message);
    this.name = 'ConfigError';
  }
}
