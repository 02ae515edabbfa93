/**
 * Who is asking, passed to every service call. Authentication (a later issue) fills `user`; services, not
 * routes, decide what that user may do, so adding it changes no service signatures.
 */
export interface RequestUser {
  readonly id: string;
  readonly role: 'clinician' | 'nurse' | 'admin' | 'researcher' | 'patient' | 'system';
  readonly display?: string;
}

export interface RequestContext {
  readonly requestId: string;
  /** Absent until authentication exists: the embedded single-user mode. */
  readonly user?: RequestUser;
  /** The request's base URL for absolute links (e.g. http://host:8080/fhir). */
  readonly baseUrl: string;
}

/** A context for work started from the command line on the server itself. */
export function systemContext(baseUrl = 'urn:careloop:cli'): RequestContext {
  return { requestId: 'cli', user: { id: 'system', role: 'system' }, baseUrl };
}
