/**
 * JSON.parse with the checks a health-data API needs before trusting a body: no duplicate keys (JSON.parse keeps
 * the last silently, so two parties could read different values), no `__proto__` keys, bounded nesting depth.
 * Returns the value or an error message; never throws.
 */
export type StrictJsonResult = { ok: true; value: unknown } | { ok: false; message: string };

const WS = new Set([' ', '\t', '\n', '\r']);

export function parseStrictJson(text: string, maxDepth = 100): StrictJsonResult {
  const problem = scan(text, maxDepth);
  if (problem) return { ok: false, message: problem };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (e) {
    return { ok: false, message: `Invalid JSON: ${(e as Error).message}` };
  }
}

/** Walks the text once, tracking the keys of each open object; syntax itself is left to JSON.parse. */
function scan(text: string, maxDepth: number): string | undefined {
  const stack: (Set<string> | null)[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i]!;
    if (c === '"') {
      const start = i;
      i++;
      let escaped = false;
      while (i < n && text[i] !== '"') {
        if (text[i] === '\\') {
          escaped = true;
          i++;
        }
        i++;
      }
      const end = i;
      i++;
      const top = stack[stack.length - 1];
      if (top) {
        let j = i;
        while (j < n && WS.has(text[j]!)) j++;
        if (text[j] === ':') {
          let key = text.slice(start + 1, end);
          if (escaped) {
            try {
              key = JSON.parse(text.slice(start, end + 1)) as string;
            } catch {
              return 'Invalid JSON: bad string escape';
            }
          }
          if (key === '__proto__') return 'JSON key "__proto__" is not allowed';
          if (top.has(key)) return `Duplicate JSON key "${key}"`;
          top.add(key);
        }
      }
      continue;
    }
    if (c === '{' || c === '[') {
      stack.push(c === '{' ? new Set() : null);
      if (stack.length > maxDepth) return `JSON nested deeper than ${maxDepth} levels`;
    } else if (c === '}' || c === ']') {
      stack.pop();
    }
    i++;
  }
  return undefined;
}
