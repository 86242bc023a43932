import type { ParsedArgs } from '../args.js';

export interface Command {
  name: string;
  usage: string;
  summary: string;
  run(args: ParsedArgs): Promise<number | void>;
}
