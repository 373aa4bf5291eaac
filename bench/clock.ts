/**
 * CPU time of the main thread alone. process.cpuUsage counts every thread of
 * the process, so a stage timed with it also pays for the garbage collection
 * and compiling V8's helper threads do beside it for the stages before; on
 * Linux the main thread's own time is in /proc/thread-self/schedstat
 * (nanoseconds on CPU, first field), read again at each call.
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
