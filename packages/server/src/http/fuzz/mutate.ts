import type { Random } from '../../synth/random';

type Json = unknown;

/** Strings that break naive code: control and bidi characters, lone surrogates, combining marks, huge code points. */
export const NASTY_STRINGS = [
  '',
  ' ',
  '\u0000',
  '\u202Eevil\u202C',
  '\u200B\u200D\uFEFF',
  '\uD800',
  '\uDFFF\uD800',
  'e\u0301\u0301\u0301',
  '😀👩‍⚕️🏥',
  '𠜎𠜱𠝹',
  "'; DROP TABLE resources; --",
  '../../../../etc/passwd',
  '%00%2e%2e',
  '<script>alert(1)</script>',
  '${jndi:ldap://x}',
  '\\u0000',
  '9'.repeat(400),
  '-0',
  '1e309',
];

const paths = (v: Json, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] => {
  if (typeof v === 'object' && v !== null) {
    for (const [k, child] of Object.entries(v)) {
      const p = [...prefix, Array.isArray(v) ? Number(k) : k];
      out.push(p);
      paths(child, p, out);
    }
  }
  return out;
};

function parentOf(root: Json, path: readonly (string | number)[]): Record<string | number, Json> | undefined {
  let cur = root;
  for (const k of path.slice(0, -1)) cur = (cur as Record<string | number, Json>)[k];
  return typeof cur === 'object' && cur !== null ? (cur as Record<string | number, Json>) : undefined;
}

function otherType(rng: Random, v: Json): Json {
  const options: Json[] = [42, -1.5e308, true, null, 'text', [], {}, [1, 'a'], { value: 'x' }, 0, ''];
  const next = rng.pick(options);
  return typeof next === typeof v ? rng.pick(options) : next;
}

const BAD_DATES = [
  '2024-13-45',
  '0000-00-00',
  '2024-02-30T25:61:61Z',
  '99999-01-01',
  '',
  'yesterday',
  '2024-1-1',
  '2024-01-01T10:00',
  '1900-01-01T00:00:00+99:00',
];
const BAD_REFS = [
  'Patient/../../x',
  'http://evil.example/Patient/1',
  '',
  'Patient/',
  'urn:uuid:nope',
  'Patient/a b',
  '#',
  'Observation/💥',
  'Patient/x/_history/-1',
];
const RESOURCE_TYPES = [
  'Observation',
  'Patient',
  'Foo',
  'patient',
  '',
  'OperationOutcome',
  'Bundle',
  'Parameters',
  '__proto__',
];

/** Structural mutations of a parsed value; each returns the mutated copy and the name of the mutation. */
export function mutateValue(rng: Random, value: Json): { value: Json; name: string } {
  const v = structuredClone(value);
  const all = paths(v);
  const target = all.length ? rng.pick(all) : undefined;
  const parent = target ? parentOf(v, target) : undefined;
  const key = target?.[target.length - 1];
  const kind = rng.int(0, 8);
  if (!parent || key === undefined) return { value: otherType(rng, v), name: 'root-type' };
  switch (kind) {
    case 0:
      parent[key] = otherType(rng, parent[key]);
      return { value: v, name: 'type-flip' };
    case 1:
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else Reflect.deleteProperty(parent, key);
      return { value: v, name: 'delete-key' };
    case 2:
      parent[key] = 'x'.repeat(rng.pick([1_000, 70_000, 300_000, 1_200_000]));
      return { value: v, name: 'huge-string' };
    case 3: {
      let deep: Json = rng.pick(['x', 1, null]);
      for (let i = rng.int(20, 400); i > 0; i--) deep = rng.chance(0.5) ? [deep] : { a: deep };
      parent[key] = deep;
      return { value: v, name: 'deep-nesting' };
    }
    case 4:
      parent[key] = rng.pick(NASTY_STRINGS);
      return { value: v, name: 'unicode' };
    case 5:
      (v as Record<string, Json>).resourceType = rng.pick(RESOURCE_TYPES);
      return { value: v, name: 'wrong-resource-type' };
    case 6:
      parent[key] = { reference: rng.pick(BAD_REFS) };
      return { value: v, name: 'bad-reference' };
    case 7:
      parent[key] = rng.pick(BAD_DATES);
      return { value: v, name: 'bad-date' };
    default:
      parent[`extra${rng.int(0, 9)}`] = rng.pick(NASTY_STRINGS);
      return { value: v, name: 'unknown-element' };
  }
}

/** Text-level mutations of serialised JSON: duplicate keys, prototype keys, truncation, garbage. */
export function mutateText(rng: Random, text: string): { text: string; name: string } {
  switch (rng.int(0, 4)) {
    case 0: {
      const m = /"([A-Za-z]+)":/.exec(text);
      return { text: m ? text.replace('{', `{"${m[1]!}":"dup",`) : `${text}}`, name: 'duplicate-key' };
    }
    case 1:
      return { text: text.replace('{', '{"__proto__":{"isAdmin":true},'), name: '__proto__' };
    case 2:
      return {
        text: text.replace('{', '{"constructor":{"prototype":{"isAdmin":true}},'),
        name: 'constructor.prototype',
      };
    case 3:
      return { text: text.slice(0, rng.int(0, Math.max(0, text.length - 1))), name: 'truncated' };
    default: {
      const i = rng.int(0, text.length);
      return {
        text: `${text.slice(0, i)}${rng.pick(['\u0000', ',', '}', ']', '"', 'NaN', '\\x'])}${text.slice(i)}`,
        name: 'garbage',
      };
    }
  }
}
