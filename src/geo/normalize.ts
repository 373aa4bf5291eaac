/**
 * Name keys that make gazetteer matching insensitive to case, accents,
 * apostrophes (ayn/hamza marks), hyphens and leading Arabic articles, and a
 * consonant skeleton that equates Latin transliterations of one name
 * (A'zaz = I'zaz, Dayr az Zawr = Deir ez-Zor, Kharkov = Kharkiv).
 */

const ASCII = /^[\x00-\x7f]*$/;
const PRINTABLE_ASCII = /^[\x20-\x7e]+$/;
const LINE_END = /[\n\r\u2028\u2029]/;
const WORD = /\w/;
const DIGRAPH_HEAD = /^[bcdfgjklmnpqrstvxz]$/;
const SKIPPED = /[aeiouyw\s]/;
const FOLD: Record<string, string> = { ß: 'ss', ø: 'o', æ: 'ae', œ: 'oe', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i', ħ: 'h' };
const ARTICLE = /^(?:al|el|ad|adh|ar|as|ash|at|ath|az|an|ed|er|es|et|ez|en|il|ul|the)\s+/;
const INNER_ARTICLE = / (?:el|ad|adh|ar|as|ash|at|ath|az|an|ed|er|es|ez|en|ul|ud|un|ur|us|ut|uz|ush|ir|is|it|iz) (?=\S)/g;

/**
 * Lower-case, accent-free key of a name; leading articles dropped.
 * @example nameKey("Al-Wa`r") // 'war'
 * @example nameKey('Māri‘') // 'mari'
 * @example nameKey('Ma‘arrat an-Nu‘man') // 'maarrat al numan'
 */
export function nameKey(name: string): string {
  // words of plain letters with single spaces between them: nothing to fold, strip or collapse, only articles to mind
  let t = plainWords(name) ? name.toLowerCase() : foldedKey(name);
  // the Arabic article assimilates to the next consonant (an-Nu'man, ez-Zor, ash-Sham): one spelling inside names
  t = t.replace(INNER_ARTICLE, ' al ');
  const stripped = t.replace(ARTICLE, '');
  return stripped === '' ? t : stripped;
}

/** ASCII letters in words joined by single spaces, with none at either end. */
function plainWords(name: string): boolean {
  if (name.length === 0) return false;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c === 32) {
      if (i === 0 || i === name.length - 1 || name.charCodeAt(i - 1) === 32) return false;
    } else if ((c | 32) < 97 || (c | 32) > 122) return false;
  }
  return true;
}

/** Lower case without marks, apostrophes or separators other than single spaces. */
function foldedKey(name: string): string {
  // plain ASCII has nothing to decompose or fold (most names of a dump)
  let t = ASCII.test(name) ? name.toLowerCase() : name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[ßøæœłđðþıħ]/g, (c) => FOLD[c] ?? c);
  t = t.replace(/[’'`ʿʾ‘´ʼ"“”]/g, '');
  return t.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/**
 * Vowel-insensitive consonant skeleton of a key. Letters doubled in the
 * source collapse first, then vowels, semivowels and the h of digraphs drop, and letters that
 * transliterations swap (q/k, c/k) merge.
 * @example skeleton(nameKey("Dayr az Zawr")) === skeleton(nameKey('Deir ez-Zor')) // true
 */
export function skeleton(key: string): string {
  // one pass per rule, in the order of the rules above: collapsing runs, dropping h, dj → j, dropping vowels
  let collapsed = '';
  for (let i = 0; i < key.length; i++) if (i === 0 || key[i] !== key[i - 1] || LINE_END.test(key[i])) collapsed += key[i];
  let noH = '';
  for (let i = 0; i < collapsed.length; i++) {
    const c = collapsed[i];
    // a final h goes (Abdullah), and the h of a digraph (kh, sh, th, ph)
    if (c === 'h' && (i + 1 === collapsed.length || !WORD.test(collapsed[i + 1]) || DIGRAPH_HEAD.test(noH[noH.length - 1] ?? ''))) continue;
    noH += c;
  }
  let out = '';
  for (let i = 0; i < noH.length; i++) {
    const c = noH[i];
    if (c === 'd' && noH[i + 1] === 'j') continue;
    if (SKIPPED.test(c)) continue;
    out += c === 'q' || c === 'c' ? 'k' : c;
  }
  return out;
}

/** True when the text is written in Latin letters (digits and punctuation allowed). */
export function isLatin(text: string): boolean {
  if (PRINTABLE_ASCII.test(text)) return true;
  return /^[\p{Script=Latin}\p{N}\p{P}\p{Zs}\p{M}\p{S}]+$/u.test(text);
}

/** Great-circle distance in kilometres. */
export function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const r = Math.PI / 180;
  const a = Math.sin(((lat2 - lat1) * r) / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(((lon2 - lon1) * r) / 2) ** 2;
  return 12742 * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** 1 for equal strings, towards 0 as the edit distance grows. */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return 1 - prev[b.length] / Math.max(a.length, b.length);
}
