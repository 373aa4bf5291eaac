/**
 * CPU time of the main thread alone. process.cpuUsage counts every thread of
 * the process, so a stage timed with it also pays for the garbage collection
 * and compiling V8's helper threads do beside it for the stages before; on
 * Linux the main thread's own time is in /proc/thread-self/schedstat
 * (nanoseconds on CPU, first field), read again at each call.
 *
 * The kernel brings that figure up to date at its ticks (every 4 ms) and
 * when the thread sleeps, not at the read: one short span between two
 * readings mostly reads 0 or a whole tick. Over a whole pass it is exact to
 * a tick; summed per stage over hundreds of articles it is a sampled
 * estimate, fair where the stages never sleep (extraction) and biased
 * towards the calls that wait where some do (a commit).
 */
import { openSync, readSync } from 'node:fs';

/** Milliseconds the main thread has run, or null where the kernel does not say (not Linux). */
export function mainThreadClock(): (() => number) | null {
  let fd: number;
  try {
    fd = openSync('/proc/thread-self/schedstat', 'r');
  } catch {
    return null;
  }
  const buf = Buffer.alloc(64);
  return () => {
    const n = readSync(fd, buf, 0, buf.length, 0);
    return Number(buf.toString('latin1', 0, n).split(' ')[0]) / 1e6;
  };
}
