/**
 * Reads data/actors/*.json, validates each file against data/actors/schema.json
 * and compiles the phrase trie. The only I/O of the actor stage is here, and
 * it runs once per process (loadCodebook); buildCodebook is pure.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { addPhrase, emptyNode, type PhraseNode } from './phrases.ts';
import { codebookProblems } from './check.ts';
import type { ActorEntry, Codebook, CodebookFiles, CountryEntry, GenericRules } from './types.ts';

/** Where the codebook lives in the repository. */
export const DEFAULT_ACTORS_DIR = fileURLToPath(new URL('../../../data/actors/', import.meta.url));
/** Digests of codebooks that passed every check (see loadCodebook's `rememberChecks`). */
const CHECKED_DIR = fileURLToPath(new URL('../../../.cache/codebook-checked/', import.meta.url));

/** A data file that is missing, not JSON, or not valid against the schema. Stable code: ACTOR_CODEBOOK_INVALID. */
export class CodebookError extends Error {
  readonly code = 'ACTOR_CODEBOOK_INVALID';
  constructor(message: string) {
    super(message);
    this.name = 'CodebookError';
  }
}

type Validate = ((data: unknown) => boolean) & { errors?: { instancePath: string; message?: string }[] | null };

/** The raw text of each codebook file, by name. */
type Texts = Map<string, string>;

function readTexts(dir: string): Texts {
  const texts: Texts = new Map();
  const read = (name: string) => {
    try {
      texts.set(name, readFileSync(join(dir, name), 'utf8'));
    } catch (e) {
      throw new CodebookError(`${join(dir, name)}: ${(e as Error).message}`);
    }
  };
  for (const name of ['schema.json', 'countries.json', 'generic.json']) read(name);
  const actorFiles = readdirSync(dir).filter((f) => /^actors\..+\.json$/.test(f)).sort();
  if (actorFiles.length === 0) throw new CodebookError(`${dir}: no actors.*.json files`);
  for (const name of actorFiles) read(name);
  return texts;
}

function parse(texts: Texts, name: string, dir: string): unknown {
  try {
    return JSON.parse(texts.get(name)!);
  } catch (e) {
    throw new CodebookError(`${join(dir, name)}: ${(e as Error).message}`);
  }
}

function actorFileNames(texts: Texts): string[] {
  return [...texts.keys()].filter((f) => f.startsWith('actors.'));
}

type Ajv = { addSchema(s: unknown): void; getSchema(ref: string): Validate | undefined };

/** One Ajv instance holds the schema; each file kind validates against one of its parts. */
function validators(schema: unknown): (part: string) => Validate {
  // loaded here, not at the top: a start-up with an already checked codebook does without it (~0.1 s)
  const AjvModule = createRequire(import.meta.url)('ajv') as { default?: unknown };
  const AjvClass = (AjvModule.default ?? AjvModule) as new (o: object) => Ajv;
  const ajv = new AjvClass({ allErrors: true, strict: false });
  ajv.addSchema(schema);
  return (part) => {
    const v = ajv.getSchema(`sitrep/actors#/${part}`);
    if (!v) throw new CodebookError(`schema.json has no part ${part}`);
    return v;
  };
}

function checked<T>(validate: Validate, data: unknown, file: string): T {
  if (!validate(data)) {
    const first = (validate.errors ?? []).slice(0, 5).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
    throw new CodebookError(`${file}: not valid against schema.json: ${first.join('; ')}`);
  }
  return data as T;
}

/**
 * Reads and validates the codebook files of a directory (default data/actors):
 * countries.json, generic.json and every actors.*.json.
 * @throws CodebookError naming the file and the failing path
 */
export function readCodebookFiles(dir: string = DEFAULT_ACTORS_DIR): CodebookFiles {
  return validated(readTexts(dir), dir);
}

function validated(texts: Texts, dir: string): CodebookFiles {
  const validator = validators(parse(texts, 'schema.json', dir));
  const countries = checked<{ countries: CountryEntry[] }>(validator('countriesFile'), parse(texts, 'countries.json', dir), 'countries.json');
  const generic = checked<GenericRules>(validator('genericFile'), parse(texts, 'generic.json', dir), 'generic.json');
  const validateActors = validator('actorsFile');
  const actors = actorFileNames(texts).map((file) => ({ file, entries: checked<{ actors: ActorEntry[] }>(validateActors, parse(texts, file, dir), file).actors }));
  return { countries: countries.countries, generic, actors };
}

/** Files whose exact text already passed validated() and codebookProblems(). */
function unvalidated(texts: Texts, dir: string): CodebookFiles {
  const countries = (parse(texts, 'countries.json', dir) as { countries: CountryEntry[] }).countries;
  const actors = actorFileNames(texts).map((file) => ({ file, entries: (parse(texts, file, dir) as { actors: ActorEntry[] }).actors }));
  return { countries, generic: parse(texts, 'generic.json', dir) as GenericRules, actors };
}

function compile(files: CodebookFiles, byIso2: Map<string, CountryEntry>, actors: ActorEntry[]): PhraseNode {
  const root = emptyNode();
  const g = files.generic;
  for (const a of actors) {
    for (const p of a.aliases) addPhrase(root, p, { t: 'actor', id: a.id, context: false });
    for (const p of a.contextAliases ?? []) addPhrase(root, p, { t: 'actor', id: a.id, context: true });
    for (const p of a.leaders ?? []) addPhrase(root, p, { t: 'leader', actorId: a.id, iso2: null, regime: null });
  }
  for (const c of byIso2.values()) {
    for (const p of [c.name, ...(c.names ?? [])]) addPhrase(root, p, { t: 'country', iso2: c.iso2, form: 'name' });
    for (const p of c.demonyms) addPhrase(root, p, { t: 'country', iso2: c.iso2, form: 'demonym' });
    for (const r of c.regimes) for (const p of r.leaders ?? []) addPhrase(root, p, { t: 'leader', actorId: null, iso2: c.iso2, regime: r.label });
  }
  for (const [kind, rule] of Object.entries(g.kinds)) {
    for (const p of rule.heads ?? []) addPhrase(root, p, { t: 'head', kind }, false);
    for (const p of rule.standalone ?? []) addPhrase(root, p, { t: 'standalone', kind }, false);
  }
  g.namedGroups.forEach((n, group) => n.heads.forEach((p) => addPhrase(root, p, { t: 'named', group }, false)));
  for (const p of g.unidentifiedMilitary.phrases) addPhrase(root, p, { t: 'unidentified-military' }, false);
  for (const p of g.attackNouns) addPhrase(root, p, { t: 'attack' }, false);
  for (const p of g.memberNouns) addPhrase(root, p, { t: 'member' }, false);
  for (const d of g.descriptions) addPhrase(root, d.text, { t: 'description', categories: d.categories }, false);
  for (const p of g.determiners) addPhrase(root, p, { t: 'det' }, false);
  for (const p of g.loyalty) addPhrase(root, p, { t: 'loyal' }, false);
  for (const p of g.titles) addPhrase(root, p, { t: 'title' }, false);
  for (const p of g.possessive) addPhrase(root, p, { t: 'poss' }, false);
  return root;
}

/**
 * Builds the compiled codebook from parsed files (pure); rejects duplicate
 * ids, unknown countries and aliases that name two actors in one country.
 * @throws CodebookError listing the problems
 */
export function buildCodebook(files: CodebookFiles): Codebook {
  const problems = codebookProblems(files);
  if (problems.length > 0) throw new CodebookError(`actor codebook: ${problems.length} problem(s): ${problems.slice(0, 10).join('; ')}`);
  return assemble(files);
}

function assemble(files: CodebookFiles): Codebook {
  const byIso2 = new Map(files.countries.map((c) => [c.iso2, c] as const));
  const actors = files.actors.flatMap((f) => f.entries);
  const byId = new Map(actors.map((a) => [a.id, a] as const));
  return { countries: files.countries, actors, generic: files.generic, byIso2, byId, index: compile(files, byIso2, actors) };
}

/** Names the files' texts and the checks run on them, so a change to either is checked anew. */
function digest(texts: Texts): string {
  const h = createHash('sha256').update(codebookProblems.toString()).update(validated.toString());
  for (const [name, text] of texts) h.update('\0').update(name).update('\0').update(text);
  return h.digest('hex');
}

/**
 * Reads, validates and compiles the actor codebook (data/actors by default).
 * Call once and reuse: it reads about 10 files and builds a trie (~50 ms).
 * With `rememberChecks`, files that already passed the checks byte for byte
 * (a digest in .cache/codebook-checked) are not checked again: compiling the
 * schema costs more than the rest of the start-up of `sitrep extract`.
 * @example const cb = loadCodebook(); findActors(doc, cb)
 */
export function loadCodebook(dir: string = DEFAULT_ACTORS_DIR, opts: { rememberChecks?: boolean } = {}): Codebook {
  const texts = readTexts(dir);
  if (!opts.rememberChecks) return buildCodebook(validated(texts, dir));
  const marker = join(CHECKED_DIR, digest(texts));
  if (existsSync(marker)) return assemble(unvalidated(texts, dir));
  const codebook = buildCodebook(validated(texts, dir));
  try {
    mkdirSync(CHECKED_DIR, { recursive: true });
    writeFileSync(marker, `${dir}\n`);
  } catch {
    // a read-only install checks the codebook at every start
  }
  return codebook;
}
