/** `api-error-insight explain <what>`. */
export function runExplain(args: string[], out: { write(s: string): void }, err: { write(s: string): void }): number {
  void args;
  void out;
  err.write("explain: not available yet\n");
  return 2;
}
