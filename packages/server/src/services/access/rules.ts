import type { Role } from '../context';

/**
 * The role rules, as data: what each role may do on each class of resource type, before the patient scope and
 * the token's SMART scopes narrow it further. Contract: /work/helpers/contracts.md (Roles) and the security issue.
 */

/** The FHIR interactions the policy speaks about (vread and history are `read`). */
export type Operation = 'read' | 'search' | 'create' | 'update' | 'delete';

export const OPERATIONS: readonly Operation[] = ['read', 'search', 'create', 'update', 'delete'];

/**
 * Classes of resource type: `compartment` (in the R4 Patient compartment: clinical data), `consent` (Consent:
 * compartment data with its own rule), `reference` (shared directory and terminology: Practitioner, Organization,
 * Location, Medication, ValueSet…), `audit` (AuditEvent: the audit log, served only by GET /api/audit).
 */
export type TypeClass = 'compartment' | 'consent' | 'reference' | 'audit';

const ALL = OPERATIONS;
const READ: readonly Operation[] = ['read', 'search'];
const NONE: readonly Operation[] = [];

/**
 * Role → class → allowed operations. AuditEvent is refused to everyone through /fhir: the log is append-only and
 * is read through GET /api/audit (admins) and `careloop audit list`, never written by clients.
 */
export const ROLE_RULES: Readonly<Record<Role, Readonly<Record<TypeClass, readonly Operation[]>>>> = {
  clinician: { compartment: ALL, consent: ['read', 'search', 'create', 'update'], reference: READ, audit: NONE },
  // Nurses record readings and work Tasks; they do not delete records and cannot sign (sign-off requires clinician).
  nurse: { compartment: ['read', 'search', 'create', 'update'], consent: READ, reference: READ, audit: NONE },
  admin: { compartment: NONE, consent: NONE, reference: ALL, audit: NONE },
  // Researchers get the de-identified export only (authorizeExport), never FHIR data.
  researcher: { compartment: NONE, consent: NONE, reference: NONE, audit: NONE },
  // A patient reads their own record and records their own privacy choices.
  patient: { compartment: READ, consent: ['read', 'search', 'create', 'update'], reference: READ, audit: NONE },
  system: { compartment: ALL, consent: ALL, reference: ALL, audit: NONE },
};

/**
 * Resource types a patient sees only once released, with the statuses that count as released (R4 value sets
 * diagnostic-report-status, composition-status, observation-status as used by RiskAssessment).
 */
export const RELEASED_ONLY_FOR_PATIENTS: Readonly<Record<string, readonly string[]>> = {
  DiagnosticReport: ['final', 'amended', 'corrected', 'appended'],
  Composition: ['final', 'amended'],
  RiskAssessment: ['final', 'amended', 'corrected'],
};

/** The SMART v2 letter of each operation (https://hl7.org/fhir/smart-app-launch/scopes-and-launch-context.html). */
export const SMART_OP: Readonly<Record<Operation, 'c' | 'r' | 'u' | 'd' | 's'>> = {
  create: 'c',
  read: 'r',
  update: 'u',
  delete: 'd',
  search: 's',
};
