/**
 * The HIPAA Safe Harbor identifiers (45 CFR 164.514(b)(2)(i)(A)–(R)) and what the de-identified export does with
 * each, as data: the table the README and reviewers read, and the element lists `deidentify` applies.
 */
export const SAFE_HARBOR_SOURCE =
  '45 CFR 164.514(b)(2) (HIPAA Privacy Rule, Safe Harbor method), https://www.ecfr.gov/current/title-45/section-164.514; HHS, Guidance Regarding Methods for De-identification of PHI (2012), https://www.hhs.gov/hipaa/for-professionals/special-topics/de-identification/';

export interface SafeHarborRule {
  /** The paragraph letter in 164.514(b)(2)(i). */
  readonly item: string;
  readonly identifier: string;
  /** What CareLoop does with it. */
  readonly handling: string;
  readonly source: string;
}

const s = SAFE_HARBOR_SOURCE;

export const SAFE_HARBOR_RULES: readonly SafeHarborRule[] = [
  {
    item: 'A',
    identifier: 'Names',
    handling:
      'every HumanName removed (name, contact.name, valueHumanName); name of Patient/Practitioner/RelatedPerson/Person/Organization/Location/Group/HealthcareService removed; Reference.display removed',
    source: s,
  },
  {
    item: 'B',
    identifier: 'Geographic subdivisions smaller than a state',
    handling:
      'Address keeps state and country only; US postalCode cut to its first 3 digits, or 000 for the restricted 3-digit areas (HHS list, 2000 census); other countries (e.g. CN): province (state) and country only, postal code removed (Safe Harbor is US law: the rule is applied by analogy); Location.position removed',
    source: s,
  },
  {
    item: 'C',
    identifier: 'All elements of dates (except year) related to the individual; ages over 89',
    handling:
      'every date/dateTime/instant shifted by one per-patient offset (±1..180 days, HMAC of the patient id): intervals are kept; birthDate reduced to the year of the shifted date; age ≥ 90 at export: birth year set to (export year − 90). NOTE: shifting keeps month/day, which strict Safe Harbor does not allow — it is the usual Expert Determination technique (HHS guidance §3); use year-only dates for a strict Safe Harbor release',
    source: s,
  },
  {
    item: 'D',
    identifier: 'Telephone numbers',
    handling: 'telecom and valueContactPoint removed everywhere',
    source: s,
  },
  { item: 'E', identifier: 'Fax numbers', handling: 'telecom removed everywhere', source: s },
  { item: 'F', identifier: 'Email addresses', handling: 'telecom removed everywhere', source: s },
  {
    item: 'G',
    identifier: 'Social security numbers',
    handling: 'Identifier.value replaced by a keyed pseudonym (HMAC-SHA256)',
    source: s,
  },
  {
    item: 'H',
    identifier: 'Medical record numbers',
    handling: 'Identifier.value replaced by a keyed pseudonym; Identifier.system replaced (it names the source system)',
    source: s,
  },
  {
    item: 'I',
    identifier: 'Health plan beneficiary numbers',
    handling: 'Identifier.value replaced by a keyed pseudonym',
    source: s,
  },
  { item: 'J', identifier: 'Account numbers', handling: 'Identifier.value replaced by a keyed pseudonym', source: s },
  {
    item: 'K',
    identifier: 'Certificate/license numbers',
    handling: 'Identifier.value replaced by a keyed pseudonym (incl. resident identity card numbers)',
    source: s,
  },
  {
    item: 'L',
    identifier: 'Vehicle identifiers and serial numbers',
    handling: 'Identifier.value pseudonymised; Device serialNumber, lotNumber, udiCarrier removed',
    source: s,
  },
  { item: 'M', identifier: 'Device identifiers and serial numbers', handling: 'as L', source: s },
  {
    item: 'N',
    identifier: 'Web URLs',
    handling:
      'meta.source removed; extensions kept only from hl7.org and without identifying content; absolute references rewritten to Type/<pseudonym>; other URLs in Attachment removed',
    source: s,
  },
  { item: 'O', identifier: 'IP addresses', handling: 'AuditEvent is never exported; meta.source removed', source: s },
  {
    item: 'P',
    identifier: 'Biometric identifiers',
    handling: 'photo, Attachment content (presentedForm, content, valueAttachment) removed',
    source: s,
  },
  { item: 'Q', identifier: 'Full-face photographs', handling: 'photo and every Attachment removed', source: s },
  {
    item: 'R',
    identifier: 'Any other unique identifying number, characteristic or code',
    handling: 'resource ids and references replaced by keyed pseudonyms; free text removed (table FREE_TEXT)',
    source: s,
  },
];

/** Elements removed wherever they occur: contact details, pictures, documents and signatures. */
export const REMOVED_ELEMENTS: ReadonlySet<string> = new Set([
  'telecom',
  'photo',
  'contact',
  'presentedForm',
  'content',
  'attachment',
  'valueAttachment',
  'valueContactPoint',
  'valueHumanName',
  'signature',
  'serialNumber',
  'lotNumber',
  'udiCarrier',
  'position',
  'assigner',
]);

/**
 * Free text, removed because it can carry names, places and dates that no rule can find. `text` is removed except
 * as the label of a coded CodeableConcept (a concept with a `coding`), and `display` except inside a Coding.
 */
export const FREE_TEXT_ELEMENTS: ReadonlySet<string> = new Set([
  'note',
  'comment',
  'description',
  'conclusion',
  'summary',
  'title',
  'patientInstruction',
  'valueString',
  'valueMarkdown',
  'detail',
  'reasonText',
  'div',
]);

/** Resource types whose `name` names a person, an employer or a place (Safe Harbor A and B). */
export const NAMED_TYPES: ReadonlySet<string> = new Set([
  'Patient',
  'Practitioner',
  'RelatedPerson',
  'Person',
  'Organization',
  'Location',
  'Group',
  'HealthcareService',
  'Endpoint',
]);

/** Resource types never exported de-identified: they describe users and network addresses, not patient data. */
export const NEVER_EXPORTED: ReadonlySet<string> = new Set(['AuditEvent', 'Subscription', 'Endpoint']);

/**
 * Three-digit ZIP areas with 20,000 people or fewer (2000 census), which Safe Harbor requires to be written 000.
 * Source: HHS de-identification guidance (2012), section 2.4 (list of 17 three-digit codes).
 */
export const RESTRICTED_ZIP3: ReadonlySet<string> = new Set([
  '036',
  '059',
  '063',
  '102',
  '203',
  '556',
  '692',
  '790',
  '821',
  '823',
  '830',
  '831',
  '878',
  '879',
  '884',
  '890',
  '893',
]);

/** Extensions kept: standard ones from hl7.org, except those that identify (names, places, birth details). */
export function keepExtension(url: string): boolean {
  if (!/^https?:\/\/hl7\.org\/fhir\//.test(url)) return false;
  return !/mothersMaidenName|birthPlace|birthTime|adxp|humanname|geolocation|nationality|contactpoint|religion|citizenship/i.test(
    url,
  );
}
