import { parseArgs, type ParseArgsConfig } from 'node:util';
/**
 * `sitrep <command>`: each command lives in its own module, loaded only when
 * called, so `sitrep extract` does not pay for the server's start-up.
 * Exit codes (INTERFACE.md): 0 success, 1 some input failed, 2 bad usage.
 */
type Command = (args: string[]) => Promise<number>;

const commands: Record<string, { summary: string; load: () => Promise<Command> }> = {
  extract: { summary: 'code events from text/HTML/JSONL files or stdin', load: async () => (await import('./extract.ts')).run },
  geoparse: { summary: 'print the toponyms found, resolved', load: async () => (await import('./geoparse.ts')).run },
  dates: { summary: 'print the time expressions found, resolved', load: async () => (await import('./dates.ts')).run },
  ingest: { summary: 'read, extract, merge and store documents', load: async () => (await import('./ingest.ts')).run },
  serve: { summary: 'HTTP API and dashboard', load: async () => (await import('./serve.ts')).run },
  export: { summary: 'events from the database in a chosen format', load: async () => (await import('./export.ts')).run },
  gazetteer: { summary: 'gazetteer import FILE...: add GeoNames dump files', load: async () => (await import('./gazetteer.ts')).run },
  worker: { summary: 'code queued documents (PostgreSQL)', load: async () => (await import('./worker.ts')).run },
};

export function usage(): string {
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`);
  return `usage: sitrep <command> [options]\n\ncommands:\n${lines.join('\n')}\n`;
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage());
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    process.stderr.write(`sitrep: unknown command "${name}"\n${usage()}`);
    return 2;
  }
  try {
    return await (await command.load())(rest);
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`sitrep ${name}: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
}

/** Thrown by a command for bad options; main turns it into exit code 2. */
export class UsageError extends Error {}

/**
 * parseArgs with positionals allowed, its errors turned into UsageError
 * (exit 2), followed by the command's help when given.
 * @example const { values, positionals } = parseOptions(args, { db: { type: 'string' } });
 */
export function parseOptions<const O extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: O, help?: string) {
  try {
    return parseArgs({ args, options, allowPositionals: true });
  } catch (e) {
    throw new UsageError(help ? `${(e as Error).message}\n${help}` : (e as Error).message);
  }
}
