import type { Condition } from '@medplum/fhirtypes';
import { CONDITION_CODES } from './condition-codes';
import type { ConditionKey } from './condition-codes';
import { isoDate } from './dates';
import { SYSTEM, coding, concept, ref } from './fhir';
import type { Person } from './person';

/** The id of a person's Condition resource for a condition. */
export function conditionId(person: Person, key: ConditionKey): string {
  return `${person.id}-${key.toLowerCase()}`;
}

/** Active, confirmed problem-list Conditions coded in ICD-10 (ICD-10-CM for the US) and SNOMED CT. */
export function conditionResources(person: Person): Condition[] {
  const us = person.profile.key === 'us';
  return person.conditions.map((c) => {
    const def = CONDITION_CODES[c.key];
    const icd = us ? (def.icd10cm ?? def.icd10) : def.icd10;
    const onset = isoDate(c.onsetDay);
    return {
      resourceType: 'Condition',
      id: conditionId(person, c.key),
      clinicalStatus: concept('Active', coding(SYSTEM.conditionClinical, 'active', 'Active')),
      verificationStatus: concept('Confirmed', coding(SYSTEM.conditionVerification, 'confirmed', 'Confirmed')),
      category: [
        concept('Problem List Item', coding(SYSTEM.conditionCategory, 'problem-list-item', 'Problem List Item')),
      ],
      code: concept(
        us ? def.snomed.display : def.zh,
        coding(us ? SYSTEM.icd10cm : SYSTEM.icd10, icd.code, icd.display),
        coding(SYSTEM.snomed, def.snomed.code, def.snomed.display),
      ),
      subject: ref('Patient', person.id),
      onsetDateTime: onset,
      recordedDate: onset,
    };
  });
}
