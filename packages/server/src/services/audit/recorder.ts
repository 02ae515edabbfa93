import type { RequestContext } from '../context';

/** What happened, in FHIR AuditEvent terms (https://hl7.org/fhir/R4/auditevent.html). */
export type AuditKind =
  | 'login'
  | 'logout'
  | 'token'
  | 'read'
  | 'vread'
  | 'history'
  | 'search'
  | 'create'
  | 'update'
  | 'delete'
  | 'transaction'
  | 'batch'
  | 'sign'
  | 'review'
  | 'print'
  | 'export'
  | 'import'
  | 'admin';

export interface AuditInput {
  readonly kind: AuditKind;
  /** `success`; `refused` (401/403: authentication or authorisation said no); `failed` (any other error). */
  readonly outcome: 'success' | 'refused' | 'failed';
  /** The records touched or returned, as `Type/id`. */
  readonly entities?: readonly string[];
  /** The patients whose data was involved (Patient ids). */
  readonly patients?: readonly string[];
  /** The query of a search or export, as sent. */
  readonly query?: string;
  /** A short free-text description (never the data itself). */
  readonly detail?: string;
  /** The user a sign-in was attempted for, when there is no authenticated user yet. */
  readonly username?: string;
  /** Client network address, where known. */
  readonly address?: string;
}

/** Appends an audit event for the context's user. Implementations must never lose an event silently. */
export interface AuditRecorder {
  record(ctx: RequestContext, event: AuditInput): Promise<void>;
}

/** A recorder that keeps events in memory: for unit tests of code that only needs to emit events. */
export class MemoryAuditRecorder implements AuditRecorder {
  readonly events: { readonly ctx: RequestContext; readonly event: AuditInput }[] = [];
  record(ctx: RequestContext, event: AuditInput): Promise<void> {
    this.events.push({ ctx, event });
    return Promise.resolve();
  }
}
