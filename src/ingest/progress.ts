/**
 * Progress of a long run on stderr: a bar on a terminal, plain lines
 * (at most one every few seconds) when stderr is a file or a pipe.
 */
import cliProgress from 'cli-progress';
import type { Tally } from './run.ts';

export interface Progress {
  update(t: Tally): void;
  done(t: Tally): void;
}

const LINE_EVERY_MS = 2000;

function summary(t: Tally, started: number): string {
  const secs = (Date.now() - started) / 1000;
  return `${t.documents} documents (${t.stored} stored, ${t.duplicates} duplicates, ${t.errors} errors), ${t.events} events, ${(t.documents / Math.max(secs, 0.001)).toFixed(1)} docs/s`;
}

/** @example const p = progress(process.stderr, 89); p.update(tally); p.done(tally) */
export function progress(out: NodeJS.WriteStream, total: number | null): Progress {
  const started = Date.now();
  if (out.isTTY && total) {
    const bar = new cliProgress.SingleBar({ stream: out, format: 'ingest [{bar}] {value}/{total} docs | {events} events | {duplicates} dup | {errors} err | {eta_formatted}', hideCursor: true }, cliProgress.Presets.shades_classic);
    bar.start(total, 0, { events: 0, duplicates: 0, errors: 0 });
    return {
      update: (t) => {
        if (t.documents > bar.getTotal()) bar.setTotal(t.documents);
        bar.update(t.documents, { events: t.events, duplicates: t.duplicates, errors: t.errors });
      },
      done: (t) => {
        bar.stop();
        out.write(`ingest: ${summary(t, started)}\n`);
      },
    };
  }
  let last = started;
  return {
    update: (t) => {
      if (Date.now() - last < LINE_EVERY_MS) return;
      last = Date.now();
      out.write(`ingest: ${t.documents}${total ? `/${total}` : ''} ${summary(t, started).replace(/^\d+ /, '')}\n`);
    },
    done: (t) => out.write(`ingest: done, ${summary(t, started)}\n`),
  };
}
