import * as vscode from "vscode";

/**
 * The output channel the language client writes its protocol trace to.
 *
 * vscode-languageclient 11 traces only while its trace channel's log level is
 * Trace, and writes with `channel.trace()`, which a log channel hides at the
 * default level: `apiErrorInsight.trace.server` alone showed nothing. This
 * channel takes its level from that setting (Trace unless it is `off`) and
 * writes every line it is given, so the setting works as its description says.
 */
export class TraceChannel implements vscode.LogOutputChannel {
  private readonly channel: vscode.OutputChannel;
  private readonly levelChanged = new vscode.EventEmitter<vscode.LogLevel>();
  private readonly disposables: vscode.Disposable[] = [];
  private level: vscode.LogLevel;

  readonly onDidChangeLogLevel = this.levelChanged.event;

  /** @param section and `key` name the trace setting: `apiErrorInsight` and `trace.server`. */
  constructor(
    readonly name: string,
    private readonly section: string,
    private readonly key = "trace.server",
  ) {
    this.channel = vscode.window.createOutputChannel(name);
    this.level = this.readLevel();
    this.disposables.push(
      this.channel,
      this.levelChanged,
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (!event.affectsConfiguration(`${section}.${key}`)) return;
        const level = this.readLevel();
        if (level === this.level) return;
        this.level = level;
        this.levelChanged.fire(level);
      }),
    );
  }

  get logLevel(): vscode.LogLevel {
    return this.level;
  }

  private readLevel(): vscode.LogLevel {
    const value = vscode.workspace.getConfiguration(this.section).get<string>(this.key, "off");
    return value === "off" ? vscode.LogLevel.Off : vscode.LogLevel.Trace;
  }

  trace(message: string, ...args: unknown[]): void {
    this.write("trace", message, args);
  }
  debug(message: string, ...args: unknown[]): void {
    this.write("debug", message, args);
  }
  info(message: string, ...args: unknown[]): void {
    this.write("info", message, args);
  }
  warn(message: string, ...args: unknown[]): void {
    this.write("warning", message, args);
  }
  error(error: string | Error, ...args: unknown[]): void {
    this.write("error", error instanceof Error ? (error.stack ?? error.message) : error, args);
  }

  private write(level: string, message: string, args: unknown[]): void {
    const extra = args.map((a) => (typeof a === "string" ? a : JSON.stringify(a))).join(" ");
    this.channel.appendLine(`${new Date().toISOString()} [${level}] ${message}${extra ? ` ${extra}` : ""}`);
  }

  append(value: string): void {
    this.channel.append(value);
  }
  appendLine(value: string): void {
    this.channel.appendLine(value);
  }
  replace(value: string): void {
    this.channel.replace(value);
  }
  clear(): void {
    this.channel.clear();
  }
  show(columnOrPreserveFocus?: vscode.ViewColumn | boolean, preserveFocus?: boolean): void {
    if (typeof columnOrPreserveFocus === "boolean") this.channel.show(columnOrPreserveFocus);
    else this.channel.show(columnOrPreserveFocus, preserveFocus);
  }
  hide(): void {
    this.channel.hide();
  }
  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
