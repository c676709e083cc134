/** Where the server's log lines go (the connection console, or an array in tests). */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** Keys remembered by a OnceLogger; the oldest are forgotten first (a key may then be logged again). */
export const MAX_ONCE_KEYS = 1_000;

/** Logs each distinct message once (skipped files, repeated problems). */
export class OnceLogger {
  private readonly seen = new Set<string>();

  constructor(private readonly logger: Logger) {}

  info(key: string, message: string): void {
    if (this.seen.has(key)) return;
    if (this.seen.size >= MAX_ONCE_KEYS) this.seen.delete(this.seen.values().next().value!);
    this.seen.add(key);
    this.logger.info(message);
  }

  /** Allows `key` to be logged again (its document changed, it was closed ...). */
  reset(key: string): void {
    this.seen.delete(key);
  }
}
