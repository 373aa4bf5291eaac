import { test } from 'node:test';
import assert from 'node:assert/strict';
import lists from '../../data/text/stopwords.json' with { type: 'json' };
import { guessLanguage } from './language.ts';

/** The guess written plainly, one string per word: the one-scan Latin path must agree with it. */
function plainGuess(text: string): string {
  const tokens = text.slice(0, 4_000).match(/\p{L}+/gu) ?? [];
  if (tokens.length === 0) return 'und';
  const words = tokens.filter((t) => t[0] === t[0].toLowerCase());
  const hits = new Map<string, number>();
  for (const t of words) for (const [lang, list] of Object.entries(lists.languages)) if ((list as string[]).includes(t)) hits.set(lang, (hits.get(lang) ?? 0) + 1);
  let best = { lang: 'und', share: 0 };
  for (const [lang, n] of hits) if (n / Math.max(1, words.length) > best.share) best = { lang, share: n / words.length };
  const en = (hits.get('en') ?? 0) / Math.max(1, words.length);
  if (best.lang !== 'en' && (hits.get(best.lang) ?? 0) >= 2 && best.share >= lists.minShare / 2) return best.lang;
  if (en >= lists.minShare / 3 || words.length < 40) return 'en';
  return 'und';
}

const TEXTS = [
  '',
  '1234 5678 -- ++',
  'Fighters captured the town on Friday, a monitor said.',
  'Les combattants ont pris la ville vendredi, selon un observateur qui est sur place dans la région.',
  'Los combatientes tomaron la ciudad el viernes, según un observatorio de la guerra en el país.',
  'Die Kämpfer haben die Stadt am Freitag eingenommen, sagte ein Beobachter der Lage in der Region.',
  'Savaşçılar cuma günü kasabayı ele geçirdi ve bir gözlemci bu bilgiyi doğruladı, İstanbul için de.',
  'ÉTAT D’URGENCE À PARIS ET À LYON',
  '“The rebels,” a monitor said — and the army’s units … withdrew 😀 from the town in the night.',
  'Les combattants « ont pris » la ville — selon un observateur 𝐀𝐁 qui est sur place dans la région.',
  'Al Jabal Al Akhdar Los Angeles New York Rio de Janeiro São Paulo',
  'ʻOkina ʼapostrophe ǅungla ǈubljana ǋje: letters of Latin Extended and IPA ɐ ɑ ɒ in a row.',
  Array(60).fill('Marea Azaz Aleppo Idlib').join(', '),
  Array(30).fill('the rebels and the army said that it was in the town').join(' '),
  // only the longest function words count here
  Array(20).fill('Kämpfer wurden Stadt Beobachter wurden Lage Region Freitag').join(' '),
  Array(20).fill('Pejuang mereka Kota adalah dengan Pengamat Wilayah telah').join(' '),
  Array(25).fill('Combattenti secondo Città secondo Osservatore Regione').join(' '),
];

test('the one-scan guess agrees with the plain one on Latin text', () => {
  for (const t of TEXTS) assert.equal(guessLanguage(t), plainGuess(t), t.slice(0, 60));
});

test('scripts still decide non-Latin text', () => {
  assert.equal(guessLanguage('“Fighters” — قال مرصد إن المقاتلين سيطروا على البلدة يوم الجمعة'), 'ar');
  assert.equal(guessLanguage('قال مرصد إن المقاتلين سيطروا على البلدة يوم الجمعة'), 'ar');
  assert.equal(guessLanguage('Боевики захватили город в пятницу, сообщил наблюдатель.'), 'ru');
});
