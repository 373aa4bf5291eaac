import { test } from 'node:test';
import assert from 'node:assert/strict';
import { acledFigure, mayCountCasualties, quantitiesInText, readAmount } from './index.ts';
import { narrowText } from './native.ts';

function found(text: string) {
  return quantitiesInText(text).map((q) => ({ kind: q.kind, text: text.slice(q.start, q.end), amount: text.slice(q.amountStart, q.amountEnd), low: q.low, best: q.best, high: q.high }));
}

test('amounts and hedges become intervals', () => {
  assert.deepEqual(readAmount('four'), { low: 4, best: 4, high: 4 });
  assert.deepEqual(readAmount('at least 28'), { low: 28, best: 28, high: null });
  assert.deepEqual(readAmount('more than 20'), { low: 21, best: null, high: null });
  assert.deepEqual(readAmount('up to 10'), { low: null, best: null, high: 10 });
  assert.deepEqual(readAmount('dozens'), { low: 24, best: null, high: 99 });
  assert.deepEqual(readAmount('Thousands of'), { low: 2000, best: null, high: 9999 });
  assert.deepEqual(readAmount('a number of'), { low: null, best: null, high: null });
  assert.deepEqual(readAmount('1,200'), { low: 1200, best: 1200, high: 1200 });
  assert.deepEqual(readAmount('twenty-five'), { low: 25, best: 25, high: 25 });
  assert.deepEqual(readAmount('two hundred and fifty'), { low: 250, best: 250, high: 250 });
  assert.equal(readAmount('the'), null);
  assert.deepEqual(readAmount('150 to 200'), { low: 150, best: null, high: 200 });
  assert.deepEqual(readAmount('several hundred'), { low: 300, best: null, high: 999 });
});

test('a verb ties each amount to its kind, with the evidence span', () => {
  const seed = found('The network said the strikes killed four people and injured 17, including a number of children.');
  assert.deepEqual(seed.map((q) => [q.kind, q.text, q.amount, q.best]), [['killed', 'killed four people', 'four', 4], ['injured', 'injured 17', '17', 17]]);
  const turkey = found("Turkey's military has killed at least 28 Islamic State fighters in shelling")[0];
  assert.deepEqual([turkey.kind, turkey.low, turkey.best, turkey.high, turkey.amount], ['killed', 28, 28, null, 'at least 28']);
  const cases: [string, string, number | null, number | null][] = [
    ['The bodies of 3 men were found near the river.', 'killed', 3, 3],
    ['A civilian was killed by a sniper.', 'killed', 1, 1],
    ['Two soldiers were killed in the ambush.', 'killed', 2, 2],
    ['A car bomb exploded, killing 5.', 'killed', 5, 5],
    ['The attack hit a market, leaving 7 dead.', 'killed', 7, 7],
    ['The death toll rose to 12 on Monday.', 'killed', 12, 12],
    ['Officials reported 9 fatalities.', 'killed', 9, 9],
    ['Up to 10 protesters were arrested.', 'arrested', null, null],
    ['Gunmen abducted twenty-five students.', 'kidnapped', 25, 25],
    ['Thousands of civilians have fled the offensive.', 'fled', 2000, null],
    ['The fighting forced 500 families to flee.', 'fled', 500, 500],
    ['Gunmen shot and killed a taxi driver in the town.', 'killed', 1, 1],
    ['Shells hit a house, killing a woman.', 'killed', 1, 1],
    ['The body of an unidentified man was found by police.', 'killed', 1, 1],
    ['A man was shot to death in his home.', 'killed', 1, 1],
    ['Gunmen killed an unknown number of civilians.', 'killed', null, null],
  ];
  assert.deepEqual(found('2 killed, 3 wounded in the blast').map((q) => [q.kind, q.best]), [['killed', 2], ['injured', 3]]);
  const fled = found('Thousands of civilians have fled the offensive.')[0];
  assert.deepEqual([fled.text, fled.amount, fled.low, fled.best, fled.high], ['Thousands of civilians have fled', 'Thousands', 2000, null, 9999]);
  for (const [text, kind, low, best] of cases) {
    const q = found(text);
    assert.equal(q.length, 1, `${text}: ${JSON.stringify(q)}`);
    assert.deepEqual([q[0].kind, q[0].low, q[0].best], [kind, low, best], text);
  }
});

test('ages, years, distances and stocks are no event figures', () => {
  // the age is no count; the article is
  assert.deepEqual(found('A 19-year-old student was killed.').map((q) => [q.amount, q.best]), [['A', 1]]);
  assert.deepEqual(found('Since 2015 the town was shelled and a man was killed.').map((q) => q.amount), ['a']);
  assert.deepEqual(found('The road runs 20 kilometres (12 miles) to the northeast.'), []);
  assert.deepEqual(found('Prices rose 40 percent.'), []);
  assert.deepEqual(found('Millions of dogs are killed each year.'), []);
  assert.deepEqual(found('One in five teachers was killed.'), []);
  assert.deepEqual(found('Troops killed 2,000 cattle.'), []);
  assert.deepEqual(found('He said one should be detained.'), []);
  const stock = found('The war forced more than 4.8 million people to become refugees in neighboring countries.');
  assert.deepEqual(stock.map((q) => [q.kind, q.low]), [['people', 4800001]]);
});

test('data/lexicon amount and casualty files are well formed', async () => {
  const read = async (name: string) => (await import(`../../../data/lexicon/${name}`, { with: { type: 'json' } })).default;
  const [vague, hedges, words] = await Promise.all([read('vague-amounts.json'), read('amount-hedges.json'), read('casualty-words.json')]);
  for (const file of [vague, hedges, words]) assert.ok(typeof file.$comment === 'string' && file.$comment.length > 40);
  const seen = new Set<string>();
  for (const e of vague.entries) {
    assert.ok(!seen.has(e.text), `duplicate vague amount ${e.text}`);
    seen.add(e.text);
    const [low, best, high] = [e.low ?? -Infinity, e.best, e.high ?? Infinity];
    assert.ok(low <= high && (best === null || (low <= best && best <= high)), `bad interval for ${e.text}`);
  }
  const rules = new Set(['exact', 'atLeast', 'moreThan', 'upTo', 'lessThan', 'approximately', 'nearly']);
  for (const e of hedges.entries) assert.ok(rules.has(e.rule), `unknown rule ${e.rule} for ${e.text}`);
  assert.equal(new Set(hedges.entries.map((e: { text: string }) => e.text)).size, hedges.entries.length);
  // one word, one kind, per slot: otherwise "dead" could count as killed and injured
  for (const slot of ['active', 'passive', 'nouns', 'tolls', 'left']) {
    const owner = new Map<string, string>();
    for (const [kind, w] of Object.entries(words.kinds) as [string, Record<string, string[]>][]) {
      for (const word of w[slot] ?? []) {
        assert.ok(!owner.has(word) || owner.get(word) === kind, `"${word}" is ${owner.get(word)} and ${kind} in ${slot}`);
        owner.set(word, kind);
      }
    }
  }
  for (const noun of words.nonPersonNouns) assert.ok(!words.personNouns.includes(noun), `${noun} is a person and a non-person`);
});

test('run-on input costs linear time: 1,000 number words in one sentence', () => {
  const started = Date.now();
  const q = quantitiesInText(`${Array(1000).fill('two').join(' ')} killed`);
  assert.ok(Date.now() - started < 8000, 'quantitiesInText took too long');
  assert.equal(q.length, 1);
});

test('one victim named in many ways counts one', () => {
  const ones = [
    'Gunmen attacked a minibus and killed the driver.',
    'Police clashed with a member of the group, killing the man.',
    'Several armed men broke into a store and shot dead the owner.',
    'The victim died.',
    'The soldier later died in the hospital.',
    'A man from Ankhel died as a result of torture in a regime prison.',
    'A former Barangay councilor was shot dead by unidentified assailants.',
    'A local leader of Jubo League was stabbed to death by unidentified assailants.',
    'A local leader was beaten to death by four men.',
    "An old man's body was found in the town.",
    'Militants shot a civilian, resulting in his death.',
    'Police fired on demonstrators, leading to death of one demonstrator.',
    'Militants exchanged fire, resulting in one death.',
    'The police officer returned fire, killing him.',
    'One of the injured men died days later.',
  ];
  for (const text of ones) {
    const killed = found(text).filter((q) => q.kind === 'killed');
    assert.equal(killed.length, 1, `${text}: ${JSON.stringify(found(text))}`);
    assert.deepEqual([killed[0].low, killed[0].best], [1, 1], text);
  }
  // a plural or a non-person is no single victim; an intent is no deed
  assert.deepEqual(found('Troops killed the militants in the camp.').filter((q) => q.kind === 'killed'), []);
  assert.deepEqual(found('A mob threatened to kill a soldier at the market.'), []);
  assert.deepEqual(found('1 fatality.').map((q) => [q.kind, q.best]), [['killed', 1]]);
});

test('victims joined in a list add up; "including" names a part', () => {
  const total = (text: string, kind = 'killed') => found(text).filter((q) => q.kind === kind).reduce((s, q) => s + (q.low ?? 0), 0);
  assert.equal(total('Gunmen opened fire, killing a woman and her son, and injuring her husband.'), 2);
  assert.equal(total('Forces killed a suspected ISGS commander and his son in the village.'), 2);
  assert.equal(total('A sugarcane farmer and his brother were killed in a clash.'), 2);
  assert.equal(total('Three CRPF personnel and one civilian were killed.'), 4);
  assert.equal(total('One French soldier and two suspected ISGS fighters were reportedly killed.'), 3);
  assert.equal(total('15 Taliban militants including a commander were killed and 5 were wounded.'), 15);
  assert.equal(total('Two militants and five security personnel including one policeman and four army personnel were killed.'), 7);
  assert.equal(total('The officer and her daughter died.'), 2);
  assert.equal(total('Airstrikes killed 5 civilians and 2 soldiers were wounded.'), 5);
  assert.equal(total('A mob attacked a youth. 1 killed 3 injured.'), 1);
  assert.equal(total('A mob attacked a youth. 1 killed 3 injured.', 'injured'), 3);
});

test('ranges with "between", mixed tolls and ACLED figures for vague amounts', () => {
  assert.deepEqual(readAmount('between 2 to 4'), { low: 2, best: null, high: 4 });
  assert.deepEqual(readAmount('between 43 and 52'), { low: 43, best: null, high: 52 });
  assert.deepEqual(found('Gunmen fired on a vehicle, killing between 2 to 4 QSD fighters.').map((q) => [q.kind, q.low, q.high]), [['killed', 2, 4]]);
  // killed and injured told together: how many died is unknown
  const mixed = found('Airstrikes targeted the camp, killing and injuring dozens of fighters.');
  assert.deepEqual(mixed.map((q) => [q.kind, q.low, q.best, q.high]), [['killed', null, null, null]]);
  assert.equal(acledFigure('dozens of', readAmount('dozens of')!), 12);
  assert.equal(acledFigure('several', readAmount('several')!), 10);
  assert.equal(acledFigure('an unknown number of', readAmount('an unknown number of')!), 10);
  assert.equal(acledFigure('hundreds', readAmount('hundreds')!), 100);
  assert.equal(acledFigure('at least 28', readAmount('at least 28')!), 28);
  // the interval of "more than 20" starts at 21; the figure the source reports is 20
  assert.equal(acledFigure('more than 20', readAmount('more than 20')!), 20);
  assert.equal(acledFigure('over 1,000', readAmount('over 1,000')!), 1000);
  assert.equal(acledFigure('more than dozens of', readAmount('more than dozens of')!), 12);
  assert.equal(acledFigure('up to 30', readAmount('up to 30')!), 30);
  assert.equal(acledFigure('seventy five', { low: null, best: null, high: null }), 10);
});

test('deaths told without a number are an unknown count', () => {
  for (const text of ['Houthi forces attacked the front, incurring fatalities and forcing a retreat.', 'The militants suffered heavy fatalities.']) {
    const q = found(text);
    assert.deepEqual(q.map((x) => [x.kind, x.low, x.best, x.high]), [['killed', null, null, null]], text);
    assert.equal(acledFigure(q[0].amount, q[0]), 10);
  }
  assert.deepEqual(found('The clashes caused casualties.'), [], 'casualties may be wounded only');
});

test('subjects with asides, agents after "by", families and pronouns', () => {
  const killed = (text: string) => found(text).filter((q) => q.kind === 'killed').map((q) => q.low);
  assert.deepEqual(killed('5 civilians (2 men, 2 women, and 1 child) were killed when their car hit a mine.'), [5]);
  assert.deepEqual(killed("Two HM militants including HM's de facto chief were killed."), [2]);
  assert.deepEqual(killed('5 JTF and Kamuku militiamen were killed.'), [5]);
  assert.ok(!killed('A man was abducted by four men and stabbed to death near a field.').includes(4), 'the four are the attackers');
  assert.deepEqual(killed('Shells killed a family of three, including a child.'), [3]);
  assert.deepEqual(killed('A relative said that he was tortured to death by prison guards.'), [1]);
  assert.deepEqual(killed('Clashes resulted in the killing of 1 member of the police.'), [1]);
  assert.deepEqual(killed('Several armed men broke into a store and shot dead the owner.'), [1]);
});

test('one victim hurt first and dead in the end counts as killed', () => {
  const kinds = (text: string) => found(text).filter((q) => q.kind !== 'people').map((q) => [q.kind, q.low]);
  assert.deepEqual(kinds('A police officer was shot in the forehead and died.'), [['killed', 1]]);
  assert.deepEqual(kinds('A man was injured in the attack and later died in hospital.'), [['killed', 1]]);
  assert.deepEqual(kinds('A man was abducted by four men and stabbed to death near a field.'), [['killed', 1]]);
  assert.deepEqual(kinds('A man was arrested by police and released later.'), [['arrested', 1]]);
  // the shooters are no victims: "shot and killed a man" is active
  assert.deepEqual(kinds('Two armed men driving a motorcycle shot and killed a man in Zona 12.'), [['killed', 1]]);
  assert.deepEqual(kinds('3 men were attacked and killed by a mob.'), [['killed', 3]]);
});

test('a suicide bomber is among the dead', () => {
  const killed = (text: string) => found(text).filter((q) => q.kind === 'killed').reduce((s, q) => s + (q.low ?? 0), 0);
  assert.equal(killed('A suicide bomber blew himself up at a checkpoint, killing 4 soldiers.'), 5);
  assert.equal(killed('Police killed one of the suicide bombers and the other detonated his explosive belt.'), 2);
});

test('"a number of", "a few" are amounts, not one person', () => {
  assert.deepEqual(found('A number of people died in the clashes.').map((q) => [q.kind, q.low, acledFigure(q.amount, q)]), [['killed', null, 10]]);
  assert.deepEqual(found('A few civilians died.').map((q) => [q.kind, acledFigure(q.amount, q)]), [['killed', 10]]);
});

test('a sentence sliced from a story with a curly quote reads the same held one byte a character', () => {
  const story = 'He said “seven”. Two soldiers were killed in the attack.';
  const sentence = story.slice(17);
  assert.deepEqual(narrowText(sentence), { text: sentence, wide: false });
  assert.deepEqual(narrowText(story), { text: story, wide: true });
  assert.deepEqual(quantitiesInText(sentence), quantitiesInText(sentence.split('').join('')));
  assert.equal(quantitiesInText(story)[0]?.low, 2);
});

test('mayCountCasualties: false only where no count of the killed or injured can be found', () => {
  const sentences = [
    'The strikes killed four people and wounded 12.',
    'A man was shot dead in the market.',
    'The death toll rose to 30.',
    'Two soldiers died of their wounds.',
    'The bodies of three men were found.',
    'He succumbed to his injuries on Friday.',
    'A suicide bomber blew himself up at the gate.',
    'More than 2,000 people fled to the border.',
    'Police arrested 15 protesters.',
    'The mayor spoke to reporters on Friday.',
    'The talks resumed in Geneva.',
    'About 300 families remain in the camp.',
  ];
  for (const text of sentences) {
    const casualties = quantitiesInText(text).some((q) => q.kind === 'killed' || q.kind === 'injured');
    if (casualties) assert.equal(mayCountCasualties(text), true, text);
  }
  assert.equal(mayCountCasualties('The strikes killed four people.'), true);
  for (const text of ['The mayor spoke to reporters on Friday.', 'The talks resumed in Geneva.', 'About 300 families remain in the camp.']) {
    assert.equal(mayCountCasualties(text), false, text);
  }
});
