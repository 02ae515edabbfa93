import type { ElementDefinition, StructureDefinition, ValueSet } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { createValidator } from './create-validator';

/*
 * A miniature model in the shape of the R4 snapshots (https://hl7.org/fhir/R4/structuredefinition.html), so the
 * compiler is tested here without the definition files; the server tests run it on the real R4 definitions.
 */
type Row = readonly [path: string, min: number, max: string, types: string, extra?: Partial<ElementDefinition>];

function sd(
  type: string,
  kind: StructureDefinition['kind'],
  rows: readonly Row[],
  abstract = false,
): StructureDefinition {
  const element: ElementDefinition[] = [{ path: type }];
  for (const [path, min, max, types, extra] of rows) {
    const type = types === '' ? undefined : types.split('|').map((code) => ({ code }));
    element.push({ path, min, max, base: { path, min, max }, ...(type ? { type } : {}), ...extra });
  }
  const base = { resourceType: 'StructureDefinition', url: `http://hl7.org/fhir/StructureDefinition/${type}` } as const;
  return {
    ...base,
    name: type,
    status: 'active',
    kind,
    abstract,
    type,
    derivation: 'specialization',
    snapshot: { element },
  };
}

const SYSTEM_STRING = 'http://hl7.org/fhirpath/System.String';
const fhirType = (t: string): Partial<ElementDefinition> => ({
  type: [
    {
      code: SYSTEM_STRING,
      extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/structuredefinition-fhir-type', valueUrl: t }],
    },
  ],
});
const required = (valueSet: string): Partial<ElementDefinition> => ({ binding: { strength: 'required', valueSet } });

const definitions: StructureDefinition[] = [
  sd(
    'Element',
    'complex-type',
    [
      ['Element.id', 0, '1', '', fhirType('string')],
      ['Element.extension', 0, '*', 'Extension'],
    ],
    true,
  ),
  sd('Extension', 'complex-type', [
    ['Extension.extension', 0, '*', 'Extension'],
    ['Extension.url', 1, '1', '', fhirType('uri')],
    ['Extension.value[x]', 0, '1', 'string|boolean|Coding'],
  ]),
  sd('Coding', 'complex-type', [
    ['Coding.system', 0, '1', 'uri'],
    ['Coding.code', 0, '1', 'code'],
  ]),
  sd('CodeableConcept', 'complex-type', [
    ['CodeableConcept.coding', 0, '*', 'Coding'],
    ['CodeableConcept.text', 0, '1', 'string'],
  ]),
  sd('Reference', 'complex-type', [
    ['Reference.reference', 0, '1', 'string'],
    ['Reference.display', 0, '1', 'string'],
  ]),
  sd('DomainResource', 'resource', [['DomainResource.id', 0, '1', '']], true),
  sd('Widget', 'resource', [
    ['Widget.id', 0, '1', '', { ...fhirType('string'), base: { path: 'Resource.id', min: 0, max: '1' } }],
    ['Widget.contained', 0, '*', 'Resource', { base: { path: 'DomainResource.contained', min: 0, max: '*' } }],
    ['Widget.extension', 0, '*', 'Extension'],
    ['Widget.status', 1, '1', 'code', required('http://example.org/vs/status')],
    ['Widget.kind', 0, '1', 'CodeableConcept', required('http://example.org/vs/kind')],
    ['Widget.alias', 0, '*', 'string'],
    ['Widget.part', 0, '*', 'BackboneElement'],
    ['Widget.part.id', 0, '1', '', { ...fhirType('string'), base: { path: 'Element.id', min: 0, max: '1' } }],
    ['Widget.part.name', 1, '1', 'string'],
    ['Widget.part.part', 0, '*', '', { contentReference: '#Widget.part' }],
    ['Widget.owner', 0, '1', 'Reference'],
    ['Widget.when[x]', 0, '1', 'date|boolean'],
    ['Widget.retired', 0, '0', 'boolean'],
  ]),
];
const valueSets: ValueSet[] = [
  {
    resourceType: 'ValueSet',
    url: 'http://example.org/vs/status',
    status: 'active',
    compose: { include: [{ system: 'http://example.org/cs', concept: [{ code: 'on' }, { code: 'off' }] }] },
  },
  {
    resourceType: 'ValueSet',
    url: 'http://example.org/vs/kind',
    status: 'active',
    compose: { include: [{ system: 'http://example.org/k', concept: [{ code: 'big' }] }] },
  },
];
const v = createValidator({ structureDefinitions: definitions, valueSets });
const widget = (extra: Record<string, unknown>): Record<string, unknown> => ({
  resourceType: 'Widget',
  status: 'on',
  ...extra,
});

/** [name, input, expected expressions]: each rule of https://hl7.org/fhir/R4/json.html on the miniature model. */
const CASES: readonly (readonly [string, Record<string, unknown>, readonly string[]])[] = [
  [
    'valid',
    widget({
      id: 'w1',
      alias: ['a'],
      _alias: [{ extension: [{ url: 'http://x.org', valueString: 'y' }] }],
      part: [{ name: 'p', part: [{ name: 'q' }] }],
      whenDate: '2020-01-01',
    }),
    [],
  ],
  ['required missing', { resourceType: 'Widget' }, ['Widget.status']],
  ['required binding', widget({ status: 'of' }), ['Widget.status']],
  [
    'CodeableConcept binding',
    widget({ kind: { coding: [{ system: 'http://example.org/k', code: 'small' }] } }),
    ['Widget.kind'],
  ],
  [
    'CodeableConcept binding ok',
    widget({
      kind: {
        coding: [
          { system: 'http://example.org/x', code: 'big' },
          { system: 'http://example.org/k', code: 'big' },
        ],
      },
    }),
    [],
  ],
  [
    'contentReference recursion',
    widget({ part: [{ name: 'p', part: [{ part: [{ name: 'r' }] }] }] }),
    ['Widget.part[0].part[0].name'],
  ],
  ['two choices', widget({ whenDate: '2020-01-01', whenBoolean: true }), ['Widget.whenBoolean']],
  ['choice type not allowed', widget({ whenString: 'x' }), ['Widget.whenString']],
  ['max 0 element is unknown', widget({ retired: true }), ['Widget.retired']],
  [
    'primitive extension ok, only extension',
    widget({ _status: { extension: [{ url: 'http://x.org', valueBoolean: true }] }, status: undefined }),
    [],
  ],
  [
    'primitive extension id only is empty (ele-1)',
    widget({ _alias: [{ id: 'x' }], alias: ['a'] }),
    ['Widget.alias[0]'],
  ],
  ['resource id regex', widget({ id: 'w 1' }), ['Widget.id']],
  ['Element.id is a string, not an id', widget({ part: [{ id: 'any thing', name: 'p' }] }), []],
  [
    'Extension.url is a uri',
    widget({ extension: [{ url: 'has space', valueString: 'x' }] }),
    ['Widget.extension[0].url'],
  ],
  ['ext-1', widget({ extension: [{ url: 'http://x.org' }] }), ['Widget.extension[0]']],
  [
    'contained validated',
    widget({ contained: [{ resourceType: 'Widget', id: 'c', status: 'bad' }] }),
    ['Widget.contained[0].status'],
  ],
  [
    'contained abstract type',
    widget({ contained: [{ resourceType: 'DomainResource' }] }),
    ['Widget.contained[0].resourceType'],
  ],
  [
    'local reference resolves',
    widget({ contained: [{ resourceType: 'Widget', id: 'c', status: 'on' }], owner: { reference: '#c' } }),
    [],
  ],
  ['local reference dangling', widget({ owner: { reference: '#c' } }), ['Widget.owner.reference']],
  ['Reference format', widget({ owner: { reference: 'Gadget/1' } }), ['Widget.owner.reference']],
];

describe('createValidator on a miniature model', () => {
  it('lists concrete resource types only', () => {
    expect(v.resourceTypes).toEqual(['Widget']);
  });

  it.each(CASES)('%s', (_, input, expressions) => {
    const clean = JSON.parse(JSON.stringify(input)) as unknown;
    expect(v.validate(clean).map((p) => p.expression)).toEqual(expressions);
  });

  it('accepts conditional references only when allowed', () => {
    const input = widget({ owner: { reference: 'Widget?name=x' } });
    expect(v.validate(input)).toHaveLength(1);
    expect(v.validate(input, { allowConditionalReferences: true })).toEqual([]);
  });
});
