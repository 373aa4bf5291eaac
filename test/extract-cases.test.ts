/**
 * Event coding, one construction per case, negative cases included: what
 * reporters write and what a careful coder makes of it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { code } from './coding.ts';

test('active and passive voice give the same roles', () => {
  const [active] = code('On 8 May 2020, Taliban fighters killed two policemen in Kandahar city.');
  const [passive] = code('On 8 May 2020, two policemen were killed by Taliban fighters in Kandahar city.');
  for (const e of [active, passive]) {
    assert.equal(e.actor1?.name, 'Taliban');
    assert.match(e.actor2?.name ?? '', /^Police Forces of Afghanistan/);
    assert.equal(e.sub_event_type, 'Armed clash');
    assert.equal(e.fatalities?.low, 2);
    assert.equal(e.event_date, '2020-05-08');
  }
});

test('the weapon decides the kind of remote violence', () => {
  assert.equal(code('On 7 May 2020, a roadside bomb exploded near a convoy in Helmand.')[0]?.sub_event_type, 'Remote explosive/landmine/IED');
  assert.equal(code('On 7 May 2020, warplanes struck the town of Maarat al-Numan.')[0]?.sub_event_type, 'Air/drone strike');
  assert.equal(code('On 7 May 2020, a suicide bomber blew himself up at a checkpoint in Mogadishu.')[0]?.sub_event_type, 'Suicide bomb');
});

test('protests: peaceful, with intervention, violent', () => {
  assert.equal(code('On 3 May 2020, hundreds of teachers protested in Lahore demanding unpaid salaries.')[0]?.sub_event_type, 'Peaceful protest');
  const dispersed = code('On 3 May 2020, hundreds of teachers protested in Lahore. Police dispersed them with tear gas.');
  assert.equal(dispersed[0]?.sub_event_type, 'Protest with intervention');
  assert.match(dispersed[0]?.actor1?.name ?? '', /^Protesters \(Pakistan\)$/);
  assert.equal(code('On 3 May 2020, demonstrators pelted stones at police in Srinagar.')[0]?.event_type, 'Riots');
  const topic = code('On 4 May 2020, residents protested in Beni following the killing of a trader by unknown gunmen.');
  assert.deepEqual(topic.map((e) => e.sub_event_type), ['Peaceful protest'], 'the killing is what the protest is about');
});

test('background, statistics, plans and denials are not events', () => {
  const none = [
    'Islamic State has been battling rebel factions since late in 2015.',
    'The militants threatened to attack the city.',
    'The army would launch an offensive if talks failed.',
    'In 2012, rebels captured the town of Azaz.',
    'On Monday, a dozen opposition parties in Tbilisi said they were planning to launch street protest rallies.',
  ];
  for (const text of none) assert.deepEqual(code(text, '2016-05-29').map((e) => e.sub_event_type), [], text);
  assert.deepEqual(code('Opposition parties announced protests in Tbilisi on 9 April 2009.', '2009-03-25'), [], 'dated after publication: a plan');
});

test('a story with no publication date is as late as the latest date it names: an event years before is background', () => {
  const text = 'In 1946, a mob lynched two men near Jos, Nigeria.\n\nOn 3 May 2009, gunmen shot dead a shopkeeper in Kano.';
  assert.deepEqual(code(text, null).map((e) => e.event_date), ['2009-05-03']);
  assert.deepEqual(code('In 1946, a mob lynched two men near Jos, Nigeria.', null).map((e) => e.sub_event_type), ['Mob violence'], 'told alone, it is the story');
});

test("generic actors belong to the country their sentence happens in, not the story's", () => {
  const text = 'Georgian police arrested two opposition activists in Tbilisi on Monday.\n\nOn 3 May 2009, gunmen shot dead a police officer in Kano.';
  const kano = code(text, '2009-05-04').find((e) => e.location?.name === 'Kano');
  assert.deepEqual([kano?.actor1?.name, kano?.actor2?.name], ['Unidentified Armed Group (Nigeria)', 'Police Forces of Nigeria (2010-)']);
});

test('accidents, fires fought, harm to animals, court charges, negated harm and other senses of the words are not events', () => {
  const none = [
    'A 58-year-old woman was killed in a car accident on icy roads in Marion County on Friday.',
    'Firefighters battled a blaze at an apartment block in Winnipeg on Friday.',
    'The former mayor died on Friday after a long battle with cancer.',
    'On Friday, the man was charged with first-degree murder in the death of his neighbour.',
    'On Friday, he pleaded not guilty to assault and kidnapping.',
    'A passenger was not injured in the collision on Friday.',
    'No residents were injured when the roof collapsed on Friday.',
    'The new plant captured carbon dioxide from its chimneys on Friday.',
    'On Friday, the broadcaster beat rival bidders to win the rights.',
    'On Friday, the two companies demonstrated a belief in the future of the town.',
    'The town will host its annual biker rally on Friday.',
    'On Friday, the couple sit in bed in a shop window in London.',
    'On Friday, the retailer removed designs with offensive features.',
    'He had a cardiac arrest on Friday.',
    'The murder suspect was declared incompetent to stand trial on Friday.',
    'On Friday, a court overturned the sex assault conviction.',
    'On Friday, a Gainesville man got 15 years for killing a baby.',
    'Police said on Friday the Wal-Mart shooting threat was a hoax.',
    'The S.C. Highway Patrol said on Friday it is looking for leads.',
    "On Friday, police said London's murder tally last year was far lower than New York's.",
    'The Santa Clara murder still haunts the family 15 years later, his mother said on Friday.',
    'On Friday, the report blamed the army for the 2014 offensive in Gaza.',
    'A motorcycle wreck on Rivers Avenue killed a passenger on Friday, police said.',
    'On Friday, police executed two search warrants at his properties.',
    'On Friday, a horse in Kano was killed after being attacked.',
    'On Friday, students at Battle Ground Academy in Kano celebrated the new year.',
    'On Friday, collapsing buildings injured 15 people in Lilongwe.',
    'A stampede killed four people at a stadium in Kano on Friday.',
    'On Friday, the family in Kano lost a legal battle over the land.',
    'On Friday, the Kano senator won a bruising political battle over the budget.',
  ];
  for (const text of none) assert.deepEqual(code(text, '2016-05-29').map((e) => e.sub_event_type), [], text);
  // a weapon in the clause makes a crash or a fire violence after all
  assert.equal(code('On Friday, gunmen shot dead two men after their car crashed into a barrier in Culiacan.', '2016-05-29').length, 1);
  assert.equal(code('On Friday, militants set fire to a school and attacked villagers in Borno.', '2016-05-29').length, 1);
  assert.equal(code('On Friday, gunmen attacked a cattle camp near Tonj and killed three herders.', '2016-05-29').length, 1, 'a cattle camp is people');
  assert.equal(code('On Friday, militants fired 3 Grad Missiles at an army base near Kidal.', '2016-05-29')[0]?.sub_event_type, 'Shelling/artillery/missile attack', 'a weapon named in capitals');
  assert.equal(code('Blast Injures Three In Kano Market', '2016-05-29').length, 1, 'a headline in title case');
});

test('what ACLED codes: crime only where it is part of organised violence, arrests and deals with their party, protests with their crowd, not what is shown, celebrated or sold', () => {
  const none = [
    'On Friday, a man was shot dead outside a bar in Dayton, Ohio, police said.',
    'On Friday, a teenager was stabbed to death in Croydon, south London.',
    'Police arrested a man in Leeds on Friday after a burglary.',
    'On Friday, a brawl broke out among patrons outside a bar in Dayton, Ohio.',
    'On Friday, thieves broke into a van in Malmo and stole the equipment.',
    'Four people were arrested in Kano on Friday.',
    'On Friday, a court in Kano ordered the company to pay damages.',
    'On Friday, the foreign minister of Nigeria demanded the release of the hostages.',
    'On Friday, the trial results in Kano demonstrated the safety of the vaccine.',
    'On Friday, chefs in Kano demonstrated new recipes.',
    'On Friday, the museum in Kano held blacksmithing demonstrations for visitors.',
    'On Saturday, the archbishop celebrated the Easter Vigil in Abuja.',
    'On Friday, the government approved the sale of 180 artillery systems to Nigeria.',
    'On Friday, a ship carrying a missile propellant ingredient reached Bandar Abbas.',
    'On Friday, Washington signed off on selling $1.3 billion in artillery to Nigeria.',
    'On Friday, a teenager in Kano who is fighting leukaemia joined a slimming club.',
    'Interactive demonstrations in Kano on Friday will cover gardening in small spaces.',
    'A Soyuz rocket blasts off from Baikonur on Friday.',
    'Minutes after blast-off from Baikonur on Friday, the crew waved for the camera.',
  ];
  for (const text of none) assert.deepEqual(code(text, '2016-05-29').map((e) => e.sub_event_type), [], text);
  const kept: [string, string][] = [
    ['On Friday, gunmen shot dead a man outside a bar in Culiacan, Sinaloa.', 'Attack'],
    ['On Friday, a far-right extremist shot dead two men outside a mosque in Hanau.', 'Attack'],
    ['On Friday, police fired tear gas at protesters in Paris.', 'Protest with intervention'],
    ['On Friday, inmates rioted and set mattresses on fire at the prison in Limassol.', 'Violent demonstration'],
    ['On Friday, police arrested four opposition activists in Kano.', 'Arrests'],
    ['On Friday, the Nigerian army banned motorcycles in Borno.', 'Change to group/activity'],
    ['On Friday, hundreds of workers gathered in Kano to demand unpaid wages.', 'Peaceful protest'],
    ['On Friday, market traders demonstrated in Kano over new taxes.', 'Peaceful protest'],
    ['On Friday, nurses demonstrated to ask for unpaid wages in Kano.', 'Peaceful protest'],
  ];
  for (const [text, sub] of kept) assert.deepEqual(code(text, '2016-05-29').map((e) => e.sub_event_type), [sub], text);
});

test('one event from several reports; ids are stable', () => {
  const text = 'On Friday, Islamic State fighters captured the town of Marea from Syrian rebels.\n\nThe jihadist group launched the offensive on Thursday, a monitor said.';
  const a = code(text, '2016-05-29');
  assert.equal(a.length, 1);
  assert.equal(a[0].sources.length, 2);
  assert.deepEqual([a[0].date.start, a[0].date.end], ['2016-05-26', '2016-05-27']);
  assert.deepEqual(code(text, '2016-05-29').map((e) => e.id), a.map((e) => e.id));
});
