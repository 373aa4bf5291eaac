/**
 * Regexes compiled straight to machine code. V8 runs a new regex in its
 * bytecode interpreter first and compiles it to machine code on its next
 * call; for long alternations such as the casualty patterns the bytecode
 * step is the slow one (≈ 40 ms for one pattern, against ≈ 10 ms for the
 * machine code), paid at the first document of every process. V8 skips it
 * when a regex first meets a subject of 1,000 characters or more, so the
 * first use runs the regex once over its subject padded to that length.
 * V8 compiles a regex's code for each width of subject (one byte or two a
 * character): the padding keeps the subject's width, so the CLI, which turns
 * V8's tier-up off (bin/sitrep.js), compiles each pattern once per width, as
 * it would anyway.
 */
const PADDING = ' '.repeat(1000);
const WIDE_PADDING = '\u2019' + PADDING;
/** A character outside Latin-1: a string holding one is two bytes a character. */
const WIDE = /[^\x00-\xff]/;

/** Whether `text` holds a character outside Latin-1; when it does not, it and its slices are one byte a character. */
export const isWide = (text: string): boolean => WIDE.test(text);

/**
 * A regex built on first use and compiled to machine code for `subject`'s
 * width: a pattern no document needs costs nothing. A caller that passes
 * `wide` (see `narrowText`) has it compiled again the first time the other
 * width comes; without it, only the first subject's width is.
 * @example const killed = nativeRegExp('\\bkilled\\b', 'gi'); killed('Two were killed').test('Two were killed') // true
 */
export function nativeRegExp(source: string, flags: string): (subject: string, wide?: boolean) => RegExp {
  let re: RegExp | undefined;
  /** the widths compiled: 1 one byte, 2 two bytes */
  let ready = 0;
  return (subject, wide) => {
    if (!re) {
      re = new RegExp(source, flags);
      re.exec(subject + PADDING);
      re.lastIndex = 0;
      // without `wide` the subject's width is unknown, and later subjects take V8's usual path
      ready = wide === undefined ? 3 : wide ? 2 : 1;
    } else if (wide !== undefined && (ready & (wide ? 2 : 1)) === 0) {
      re.lastIndex = 0;
      re.exec(wide ? WIDE_PADDING : PADDING);
      re.lastIndex = 0;
      ready |= wide ? 2 : 1;
    }
    return re;
  };
}

/**
 * `text` held one byte a character unless it has a character outside
 * Latin-1, and whether it has. V8 keeps a slice of a two-byte text two bytes
 * wide whatever the slice holds (a sentence of a story with one curly quote
 * elsewhere), and a regex runs, and first compiles, its own code for each
 * width: one-byte subjects where they can be keep most regex work on one
 * compiled width, which also runs faster.
 */
export function narrowText(text: string): { text: string; wide: boolean } {
  if (isWide(text)) return { text, wide: true };
  return { text: Buffer.from(text, 'latin1').toString('latin1'), wide: false };
}
