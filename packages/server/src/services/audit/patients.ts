import type { Resource } from '@medplum/fhirtypes';
import { idOf } from '../references';

/** Elements that name the patient a record is about (the common Patient-compartment links, for audit entities). */
const PATIENT_ELEMENTS = ['subject', 'patient', 'beneficiary', 'individual'] as const;

/** The Patient ids a record is about, for the audit trail (the store's own patient_id logic is authoritative). */
export function patientsOf(resource: Resource): string[] {
  if (resource.resourceType === 'Patient') return resource.id ? [resource.id] : [];
  const out: string[] = [];
  const r = resource as unknown as Record<string, unknown>;
  for (const el of PATIENT_ELEMENTS) {
    const ref = (r[el] as { reference?: unknown } | undefined)?.reference;
    const id = typeof ref === 'string' ? idOf(ref, 'Patient') : undefined;
    if (id) out.push(id);
  }
  return out;
}

/** `Type/id` of a stored resource. */
export function keyOf(resource: Resource): string {
  return `${resource.resourceType}/${resource.id ?? ''}`;
}

/** The distinct patients of many records. */
export function patientsOfAll(resources: readonly Resource[]): string[] {
  return [...new Set(resources.flatMap(patientsOf))];
}
