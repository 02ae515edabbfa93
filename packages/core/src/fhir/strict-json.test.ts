import { describe, expect, it } from 'vitest';
import { parseStrictJson } from './strict-json';

describe('parseStrictJson', () => {
  it.each([
    ['{"a":1,"b":{"a":2}}', { a: 1, b: { a: 2 } }],
    ['[{"a":1},{"a":2}]', [{ a: 1 }, { a: 2 }]],
    ['{"a":"x\\"y","b":"{"}', { a: 'x"y', b: '{' }],
    ['{"values":["a","a"]}', { values: ['a', 'a'] }],
  ])('accepts %s', (text, value) => {
    expect(parseStrictJson(text)).toEqual({ ok: true, value });
  });

  it.each([
    ['{"a":1,"a":2}', /Duplicate JSON key "a"/],
    ['{"b":{"a":1, "a" :2}}', /Duplicate JSON key "a"/],
    ['{"\\u0061":1,"a":2}', /Duplicate JSON key "a"/],
    ['{"__proto__":{"admin":true}}', /__proto__/],
    ['[[[[[[1]]]]]]', /deeper than 5/],
    ['{"a":', /Invalid JSON/],
    ['not json', /Invalid JSON/],
  ])('rejects %s', (text, message) => {
    const r = parseStrictJson(text, 5);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(message);
  });
});
