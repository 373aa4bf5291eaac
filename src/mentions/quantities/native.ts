/**
 * Regexes compiled straight to machine code. V8 runs a new regex in its
 * bytecode interpreter first and compiles it to machine code on its next
 * call; for long alternations such as the casualty patterns the bytecode
 * step is the slow one (≈ 40 ms for one pattern, against ≈ 10 ms for the
 * machine code), paid at the first document of every process. V8 skips it
 * when a regex first meets a subject of 1,000 characters or more, so the
 * first use runs the regex once over its subject padded to that length.
 * The padding keeps the subject's width (one byte or two a character), for
 * which V8 compiles its own code: the CLI, which turns V8's tier-up off
 * (bin/sitrep.js), then compiles each pattern once, as it would anyway.
 */
const PADDING = ' '.repeat(1000);

/**
 * A regex built on first use and compiled to machine code for `subject`'s
 * width: a pattern no document needs costs nothing.
 * @example const killed = nativeRegExp('\\bkilled\\b', 'gi'); killed('Two were killed').test('Two were killed') // true
 */
export function nativeRegExp(source: string, flags: string): (subject: string) => RegExp {
  let re: RegExp | undefined;
  return (subject) => {
    if (!re) {
      re = new RegExp(source, flags);
      re.exec(subject + PADDING);
      re.lastIndex = 0;
    }
    return re;
  };
}
