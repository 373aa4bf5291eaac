/**
 * Name keys that make gazetteer matching insensitive to case, accents,
 * apostrophes (ayn/hamza marks), hyphens and leading Arabic articles, and a
 * consonant skeleton that equates Latin transliterations of one name
 * (A'zaz = I'zaz, Dayr az Zawr = Deir ez-Zor, Kharkov = Kharkiv).
 */

const ASCII = /^[\x00-\x7f]*$/;
const PRINTABLE_ASCII = /^[\x20-\x7e]+$/;
/** letters whose following h makes a digraph, and the vowels and semivowels a skeleton drops (as UTF-16 units) */
const DIGRAPH_HEADS = [...'bcdfgjklmnpqrstvxz'].map((c) => c.charCodeAt(0));
const SKIPPED_LETTERS = [...'aeiouyw'].map((c) => c.charCodeAt(0));
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
  // one pass per rule, in the order of the rules above: collapsing runs, dropping h, dj → j, dropping vowels;
  // on UTF-16 units, with the character classes spelled out (a regex test per character cost more than the rest)
  const collapsed: number[] = [];
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (i === 0 || c !== key.charCodeAt(i - 1) || isLineEnd(c)) collapsed.push(c);
  }
  const noH: number[] = [];
  for (let i = 0; i < collapsed.length; i++) {
    const c = collapsed[i];
    // a final h goes (Abdullah), and the h of a digraph (kh, sh, th, ph)
    if (c === 104 && (i + 1 === collapsed.length || !isWordUnit(collapsed[i + 1]) || (noH.length > 0 && DIGRAPH_HEADS.includes(noH[noH.length - 1])))) continue;
    noH.push(c);
  }
  let out = '';
  for (let i = 0; i < noH.length; i++) {
    const c = noH[i];
    if (c === 100 && noH[i + 1] === 106) continue;
    if (SKIPPED_LETTERS.includes(c) || isSpace(c)) continue;
    out += String.fromCharCode(c === 113 || c === 99 ? 107 : c);
  }
  return out;
}

/** /[\n\r\u2028\u2029]/ */
function isLineEnd(c: number): boolean {
  return c === 10 || c === 13 || c === 0x2028 || c === 0x2029;
}

/** /\w/ (no u flag): ASCII letters, digits and _ */
function isWordUnit(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

/** /\s/: the ECMAScript white space and line terminators */
function isSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
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
  const prev: number[] = [];
  for (let j = 0; j <= b.length; j++) prev.push(j);
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
