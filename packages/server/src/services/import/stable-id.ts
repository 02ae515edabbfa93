import { createHash } from 'node:crypto';
import type { Resource } from '@medplum/fhirtypes';

/** A UUID-shaped id derived from text: the same source record always gets the same id. */
export function stableId(text: string): string {
  const h = createHash('sha1').update(text).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)}${h.slice(18, 20)}-${h.slice(20, 32)}`;
}

const ID = /^[A-Za-z0-9\-.]{1,64}$/;
const UUID_URN = /^urn:uuid:([0-9a-fA-F-]{36})$/;

/**
 * The id a source record keeps in CareLoop: its own id, else the uuid of its `urn:uuid:` fullUrl, else one derived
 * from its first identifier, else from its content. Re-importing the same record therefore updates, never duplicates.
 */
export function importId(resource: Resource, fullUrl?: string): string {
  if (resource.id && ID.test(resource.id)) return resource.id;
  const urn = fullUrl ? UUID_URN.exec(fullUrl) : null;
  if (urn) return urn[1]!.toLowerCase();
  const identifier = (resource as { identifier?: { system?: string; value?: string }[] }).identifier?.find(
    (i) => i.value,
  );
  if (identifier) return stableId(`${resource.resourceType}|${identifier.system ?? ''}|${identifier.value!}`);
  return stableId(`${resource.resourceType}|${JSON.stringify(resource)}`);
}
