export interface Command {
  /** One line for `jianbao --help`. */
  summary: string;
  /** Full usage, first line `jianbao <name> …`. */
  usage: string;
  /** Returns the exit code (0 when omitted). */
  run(args: string[]): Promise<number | void>;
}
