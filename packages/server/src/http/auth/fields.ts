/** The string fields of a JSON object body or a form body (parsed as `[name, value]` pairs). */
export function bodyFields(body: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (Array.isArray(body)) {
    for (const pair of body as unknown[])
      if (Array.isArray(pair) && typeof pair[0] === 'string' && typeof pair[1] === 'string') out[pair[0]] = pair[1];
  } else if (body && typeof body === 'object') {
    for (const [k, v] of Object.entries(body)) if (typeof v === 'string') out[k] = v;
  }
  return out;
}
