import type { CodeSystem, CodeSystemConcept, ValueSet, ValueSetComposeInclude } from '@medplum/fhirtypes';

/** The codes of an expanded value set: bare codes (for `code` elements) and `system|code` pairs (for Codings). */
export interface CodeSet {
  readonly url: string;
  readonly codes: ReadonlySet<string>;
  readonly pairs: ReadonlySet<string>;
}

/** Expands value sets by canonical URL; `undefined` means "cannot be expanded here, leave unchecked". */
export type Expander = (url: string) => CodeSet | undefined;

interface Mutable {
  readonly codes: Set<string>;
  readonly pairs: Set<string>;
}

/**
 * Builds an expander over the supplied terminology. A value set is expandable when every `compose.include` is a
 * concept list, a whole CodeSystem supplied with `content: complete`, or another expandable value set, and every
 * `compose.exclude` is a concept list; otherwise (filters, SNOMED/LOINC/UCUM, BCP-13 ...) it is unexpandable and its
 * binding goes unchecked. A value set with no compose but an `expansion` uses the expansion. Results are memoised.
 * @see https://hl7.org/fhir/R4/valueset.html#compositions
 */
export function createExpander(valueSets: readonly ValueSet[], codeSystems: readonly CodeSystem[]): Expander {
  const vsByUrl = new Map<string, ValueSet>();
  for (const vs of valueSets) if (vs.url !== undefined && !vsByUrl.has(vs.url)) vsByUrl.set(vs.url, vs);
  const csByUrl = new Map<string, CodeSystem>();
  for (const cs of codeSystems) if (cs.url !== undefined && !csByUrl.has(cs.url)) csByUrl.set(cs.url, cs);
  const memo = new Map<string, CodeSet | null>();

  const expand = (canonical: string, visiting: Set<string>): CodeSet | undefined => {
    const url = canonical.split('|')[0] ?? canonical;
    const known = memo.get(url);
    if (known !== undefined) return known ?? undefined;
    const vs = vsByUrl.get(url);
    if (vs === undefined || visiting.has(url)) return undefined;
    visiting.add(url);
    const out: Mutable = { codes: new Set(), pairs: new Set() };
    const ok =
      vs.compose !== undefined ? addCompose(vs, out, csByUrl, (u) => expand(u, visiting)) : addExpansion(vs, out);
    visiting.delete(url);
    const result = ok ? { url, ...out } : undefined;
    memo.set(url, result ?? null);
    return result;
  };
  return (url) => expand(url, new Set());
}

function addCompose(vs: ValueSet, out: Mutable, cs: Map<string, CodeSystem>, expand: Expander): boolean {
  for (const inc of vs.compose?.include ?? []) {
    if (!addInclude(inc, out, cs, expand)) return false;
  }
  for (const exc of vs.compose?.exclude ?? []) {
    if (exc.system === undefined || exc.concept === undefined || exc.filter !== undefined || exc.valueSet) return false;
    for (const c of exc.concept) {
      out.pairs.delete(`${exc.system}|${c.code}`);
      out.codes.delete(c.code);
    }
  }
  return out.codes.size > 0;
}

function addInclude(inc: ValueSetComposeInclude, out: Mutable, cs: Map<string, CodeSystem>, expand: Expander): boolean {
  if (inc.filter !== undefined && inc.filter.length > 0) return false;
  if (inc.valueSet !== undefined && inc.valueSet.length > 0) {
    if (inc.system !== undefined) return false;
    for (const url of inc.valueSet) {
      const sub = expand(url);
      if (sub === undefined) return false;
      for (const c of sub.codes) out.codes.add(c);
      for (const p of sub.pairs) out.pairs.add(p);
    }
    return true;
  }
  const system = inc.system;
  if (system === undefined) return false;
  if (inc.concept !== undefined) {
    for (const c of inc.concept) add(out, system, c.code);
    return true;
  }
  const codeSystem = cs.get(system);
  if (codeSystem?.content !== 'complete' || codeSystem.concept === undefined) return false;
  addConcepts(codeSystem.concept, system, out);
  return true;
}

function addConcepts(concepts: readonly CodeSystemConcept[], system: string, out: Mutable): void {
  for (const c of concepts) {
    add(out, system, c.code);
    if (c.concept !== undefined) addConcepts(c.concept, system, out);
  }
}

function addExpansion(vs: ValueSet, out: Mutable): boolean {
  const walk = (items: NonNullable<NonNullable<ValueSet['expansion']>['contains']>): void => {
    for (const c of items) {
      if (c.system !== undefined && c.code !== undefined && c.abstract !== true) add(out, c.system, c.code);
      if (c.contains !== undefined) walk(c.contains);
    }
  };
  walk(vs.expansion?.contains ?? []);
  return out.codes.size > 0;
}

function add(out: Mutable, system: string, code: string | undefined): void {
  if (code === undefined) return;
  out.codes.add(code);
  out.pairs.add(`${system}|${code}`);
}
