/**
 * What a launch has opened so far (the database, the reader's worker threads, the listeners), so that
 * stop() and a step that fails half-way close the same things: a failed start must not leave a worker
 * thread or a socket keeping the process alive.
 */
export class OpenResources {
  private readonly closers: (() => Promise<void>)[] = [];

  /** Registers how to close something just opened. */
  add(close: () => Promise<void>): void {
    this.closers.push(close);
  }

  /**
   * Closes everything in the reverse order of opening (listeners before the reader before the database),
   * each one even when an earlier one fails; rejects with the first failure.
   */
  async closeAll(): Promise<void> {
    const failures: unknown[] = [];
    for (const close of this.closers.splice(0).reverse()) {
      await close().catch((e: unknown) => failures.push(e));
    }
    if (failures.length > 0) {
      throw failures[0];
    }
  }
}
