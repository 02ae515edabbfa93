/** The roles of the security baseline; `system` is work started on the server itself (CLI, demo loader). */
export type Role = 'clinician' | 'nurse' | 'admin' | 'researcher' | 'patient' | 'system';

export const ROLES: readonly Role[] = ['clinician', 'nurse', 'admin', 'researcher', 'patient', 'system'];

/**
 * Who is asking, passed to every service call. Authentication fills it from a verified access token; services,
 * not routes, decide what that user may do.
 */
export interface RequestUser {
  /** Account id: the username of a local account, the client id of a service account. */
  readonly id: string;
  readonly role: Role;
  readonly display?: string;
  /** The Organization (id) the user works for: clinicians and nurses see its patients. */
  readonly organization?: string;
  /** The user's Practitioner (id): signatures and care-team membership refer to it. */
  readonly practitioner?: string;
  /** The Patient (id) a `patient` account is. */
  readonly patient?: string;
  /** SMART scopes granted to the token (`user/*.rs`, `patient/Observation.read`…); absent: the role's defaults. */
  readonly scopes?: readonly string[];
}

export interface RequestContext {
  readonly requestId: string;
  /** The signed-in user; absent only for the unauthenticated endpoints (metadata, health, sign-in). */
  readonly user?: RequestUser;
  /** The request's base URL for absolute links (e.g. http://host:8080/fhir). */
  readonly baseUrl: string;
}

/** A context for work started from the command line on the server itself. */
export function systemContext(baseUrl = 'urn:careloop:cli'): RequestContext {
  return { requestId: 'cli', user: { id: 'system', role: 'system' }, baseUrl };
}
