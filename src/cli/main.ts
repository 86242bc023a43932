import { ConfigError } from '../config/env.js';
import { parseArgs, UsageError } from './args.js';
import { commands } from './commands/index.js';

function help(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'Usage: liaison <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run `liaison <command> --help` for its options.',
  ].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(help());
    return 0;
  }
  // Sub-commands ("fathom backfill") are resolved longest name first.
  const cmd =
    commands.find((c) => c.name === `${name} ${rest[0] ?? ''}`.trim()) ?? commands.find((c) => c.name === name);
  if (!cmd) {
    console.error(`unknown command: ${name}\n\n${help()}`);
    return 2;
  }
  const args = parseArgs(cmd.name.includes(' ') ? rest.slice(1) : rest);
  if (args.flags.help) {
    console.log(`${cmd.usage}\n\n${cmd.summary}`);
    return 0;
  }
  try {
    return (await cmd.run(args)) ?? 0;
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(`${err.message}\nusage: ${cmd.usage}`);
      return 2;
    }
    if (err instanceof ConfigError) {
      console.error(`invalid environment:\n  - ${err.issues.split('; ').join('\n  - ')}`);
      return 1;
    }
    throw err;
  }
}

process.exitCode = await main(process.argv.slice(2));
