// Cooperative cancellation: long work checks the signal between files and rules and gives the
// event loop a turn now and then, so that an LSP cancel request or a newer edit can arrive.

export interface CancellationSignal {
  readonly isCancelled: boolean;
}

export const NEVER_CANCELLED: CancellationSignal = { isCancelled: false };

export class CancelledError extends Error {
  constructor() {
    super('analysis was cancelled');
    this.name = 'CancelledError';
  }
}

export function throwIfCancelled(signal: CancellationSignal): void {
  if (signal.isCancelled) throw new CancelledError();
}

/** Yields to the event loop when more than `budgetMs` passed since the last yield. */
export class Yielder {
  private last = performance.now();

  constructor(private readonly budgetMs = 10) {}

  async maybeYield(signal: CancellationSignal): Promise<void> {
    if (performance.now() - this.last < this.budgetMs) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
    this.last = performance.now();
    throwIfCancelled(signal);
  }
}
