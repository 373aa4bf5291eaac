/**
 * `sitrep gazetteer build|import|lookup`: build the bundled gazetteer (run by
 * `npm install`), add GeoNames dump files to it, or resolve one name.
 */
import { SingleBar, Presets } from 'cli-progress';
import { buildGazetteer, gazetteerPath, lookupPlace, openGazetteer } from '../geo/index.ts';
import { isCurrent } from '../geo/gazetteer.ts';
import { statSync } from 'node:fs';
import { BULK_IMPORT_BYTES, importDump, ImportError, importWithoutSkeletonIndexes } from '../geo/import.ts';
import { currentLookupToken, writeLookupIndex } from '../geo/index-write.ts';
import { lookupPath } from '../geo/index-format.ts';
import { parseOptions, UsageError } from './main.ts';

const HELP = `usage:
  sitrep gazetteer build [--force] [--gazetteer PATH]     build the bundled gazetteer (cities500 + countries + admin1)
  sitrep gazetteer import FILE... [--gazetteer PATH]      add GeoNames dump files (XX.txt, allCountries.txt,
                                                          alternateNamesV2.txt, admin1CodesASCII.txt, admin2Codes.txt)
  sitrep gazetteer lookup NAME [--country CC]             resolve one name
The gazetteer is --gazetteer PATH, else $SITREP_GAZETTEER, else .cache/gazetteer.db in the project.
`;

export async function run(args: string[]): Promise<number> {
  const parsed = parseOptions(args, {
      gazetteer: { type: 'string' },
      force: { type: 'boolean', default: false },
      country: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    });
  const { values, positionals } = parsed;
  const [sub, ...rest] = positionals;
  if (values.help || !sub) {
    process.stdout.write(HELP);
    return values.help ? 0 : 2;
  }
  const path = gazetteerPath(values.gazetteer ? { path: values.gazetteer } : undefined);
  if (sub === 'build') return build(path, values.force ?? false);
  if (sub === 'import') {
    if (rest.length === 0) throw new UsageError('import needs at least one FILE');
    return importFiles(path, rest);
  }
  if (sub === 'lookup') {
    if (rest.length === 0) throw new UsageError('lookup needs a NAME');
    const gaz = openGazetteer({ path });
    const place = lookupPlace(gaz, rest.join(' '), { country: values.country });
    process.stdout.write(`${JSON.stringify(place)}\n`);
    gaz.close();
    return place ? 0 : 1;
  }
  throw new UsageError(`unknown gazetteer subcommand "${sub}" (build, import, lookup)`);
}

function build(path: string, force: boolean): number {
  if (!force && isCurrent(path)) {
    process.stderr.write(`sitrep gazetteer: ${path} is up to date (use --force to rebuild)\n`);
    // a gazetteer built before the lookup file existed gets one
    lookupFile(path);
    return 0;
  }
  const started = Date.now();
  process.stderr.write(`sitrep gazetteer: building ${path} from GeoNames cities500 and countries-states-cities…\n`);
  const n = buildGazetteer(path, (done) => process.stderr.isTTY && process.stderr.write(`\r  ${done} places`));
  process.stderr.write(`${process.stderr.isTTY ? '\n' : ''}sitrep gazetteer: ${n} places in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  lookupFile(path);
  return 0;
}

/** Writes the lookup file that makes first lookups cheap (index-write.ts). */
function lookupFile(path: string): void {
  const started = Date.now();
  const gaz = openGazetteer({ path, lookupFile: false });
  try {
    if (currentLookupToken(gaz.db, path)) return;
    writeLookupIndex(gaz.db, path);
    process.stderr.write(`sitrep gazetteer: lookup file ${lookupPath(path)} written in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  } finally {
    gaz.close();
  }
}

async function importFiles(path: string, files: string[]): Promise<number> {
  const gaz = openGazetteer({ path, lookupFile: false });
  let failed = 0;
  const bytes = files.reduce((n, f) => n + fileSize(f), 0);
  const importAll = async () => {
    for (const file of files) {
      const bar = new SingleBar({ format: `  ${file} [{bar}] {percentage}% | {value}/{total} MB`, stream: process.stderr }, Presets.shades_classic);
      const started = Date.now();
      let barStarted = false;
      try {
        const result = await importDump(gaz.db, file, (bytes, total) => {
          if (!barStarted) {
            bar.start(Math.ceil(total / 1e6), 0);
            barStarted = true;
          }
          bar.update(Math.round(bytes / 1e6));
        });
        if (barStarted) bar.stop();
        process.stderr.write(`sitrep gazetteer: ${file}: ${result.rows} ${result.kind} rows imported in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
        for (const s of result.skipped.slice(0, 5)) process.stderr.write(`  skipped malformed ${s}\n`);
        if (result.skipped.length > 5) process.stderr.write(`  … and ${result.skipped.length - 5} more malformed lines skipped\n`);
        for (const c of result.conflicts.slice(0, 5)) process.stderr.write(`  left out ${c}\n`);
        if (result.conflicts.length > 5) process.stderr.write(`  … and ${result.conflicts.length - 5} more rows left out for a repeated id\n`);
      } catch (err) {
        if (barStarted) bar.stop();
        if (!(err instanceof ImportError)) throw err;
        process.stderr.write(`sitrep gazetteer: ${err.message}\n`);
        failed++;
      }
    }
  };
  try {
    if (bytes > BULK_IMPORT_BYTES) {
      await importWithoutSkeletonIndexes(gaz.db, async () => {
        await importAll();
        process.stderr.write('sitrep gazetteer: rebuilding the name skeleton indexes…\n');
      });
    } else await importAll();
    gaz.db.exec('ANALYZE');
  } finally {
    gaz.close();
  }
  lookupFile(path);
  return failed > 0 ? 1 : 0;
}

function fileSize(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}
