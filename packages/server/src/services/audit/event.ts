import type { AuditEvent, AuditEventEntity } from '@medplum/fhirtypes';
import type { RequestContext } from '../context';
import type { AuditInput, AuditKind } from './recorder';

/**
 * An audit input as a FHIR R4 AuditEvent (https://hl7.org/fhir/R4/auditevent.html): type `rest` from
 * http://terminology.hl7.org/CodeSystem/audit-event-type with the interaction from
 * http://hl7.org/fhir/restful-interaction as subtype; sign-in events use the DICOM codes (110114 User
 * Authentication; 110122 Login, 110123 Logout); CareLoop's own actions (sign, review, print, export) a CareLoop
 * subtype.
 */
const EVENT_TYPE = 'http://terminology.hl7.org/CodeSystem/audit-event-type';
const RESTFUL = 'http://hl7.org/fhir/restful-interaction';
const DCM = 'http://dicom.nema.org/resources/ontology/DCM';
export const CARELOOP_AUDIT_KIND = 'https://careloop.dev/fhir/CodeSystem/audit-kind';
export const CARELOOP_USER = 'https://careloop.dev/fhir/sid/user';
const OBJECT_ROLE = 'http://terminology.hl7.org/CodeSystem/object-role';

const RESTFUL_CODE: Partial<Record<AuditKind, string>> = {
  read: 'read',
  vread: 'vread',
  history: 'history-instance',
  search: 'search-type',
  create: 'create',
  update: 'update',
  delete: 'delete',
  transaction: 'transaction',
  batch: 'batch',
};

/** C create, R read/view/print, U update, D delete, E execute (search, sign-in, operations). */
const ACTION: Readonly<Record<AuditKind, AuditEvent['action']>> = {
  login: 'E',
  logout: 'E',
  token: 'E',
  read: 'R',
  vread: 'R',
  history: 'R',
  search: 'E',
  create: 'C',
  update: 'U',
  delete: 'D',
  transaction: 'E',
  batch: 'E',
  sign: 'U',
  review: 'U',
  print: 'R',
  export: 'E',
  import: 'C',
  admin: 'E',
};

/** 0 success, 4 minor failure (refused), 8 serious failure (error). */
const OUTCOME: Readonly<Record<AuditInput['outcome'], AuditEvent['outcome']>> = {
  success: '0',
  refused: '4',
  failed: '8',
};

function typeOf(kind: AuditKind): Pick<AuditEvent, 'type' | 'subtype'> {
  const rest = RESTFUL_CODE[kind];
  if (rest) {
    return {
      type: { system: EVENT_TYPE, code: 'rest', display: 'RESTful Operation' },
      subtype: [{ system: RESTFUL, code: rest }],
    };
  }
  if (kind === 'login' || kind === 'logout' || kind === 'token') {
    const sub = kind === 'logout' ? { code: '110123', display: 'Logout' } : { code: '110122', display: 'Login' };
    return {
      type: { system: DCM, code: '110114', display: 'User Authentication' },
      subtype: [{ system: DCM, ...sub }, ...(kind === 'token' ? [{ system: CARELOOP_AUDIT_KIND, code: kind }] : [])],
    };
  }
  return {
    type: { system: EVENT_TYPE, code: 'rest', display: 'RESTful Operation' },
    subtype: [{ system: CARELOOP_AUDIT_KIND, code: kind }],
  };
}

function entities(input: AuditInput): AuditEventEntity[] {
  const out: AuditEventEntity[] = [];
  for (const p of new Set(input.patients ?? [])) {
    out.push({ what: { reference: `Patient/${p}` }, role: { system: OBJECT_ROLE, code: '1', display: 'Patient' } });
  }
  for (const e of new Set(input.entities ?? [])) out.push({ what: { reference: e } });
  if (input.query !== undefined) {
    out.push({
      type: { system: 'http://terminology.hl7.org/CodeSystem/audit-entity-type', code: '2', display: 'System Object' },
      role: { system: OBJECT_ROLE, code: '24', display: 'Query' },
      query: Buffer.from(input.query, 'utf8').toString('base64'),
    });
  }
  return out;
}

/** Builds the AuditEvent of one audit input. */
export function toAuditEvent(ctx: RequestContext, input: AuditInput, id: string, recorded: string): AuditEvent {
  const user = ctx.user;
  const who = user?.id ?? input.username ?? 'anonymous';
  const ent = entities(input);
  return {
    resourceType: 'AuditEvent',
    id,
    ...typeOf(input.kind),
    action: ACTION[input.kind],
    recorded,
    outcome: OUTCOME[input.outcome],
    ...(input.detail ? { outcomeDesc: input.detail } : {}),
    agent: [
      {
        who: { identifier: { system: CARELOOP_USER, value: who }, ...(user?.display ? { display: user.display } : {}) },
        ...(user
          ? { role: [{ coding: [{ system: CARELOOP_AUDIT_KIND, code: `role-${user.role}` }], text: user.role }] }
          : {}),
        requestor: true,
        ...(input.address ? { network: { address: input.address, type: '2' as const } } : {}),
      },
    ],
    source: {
      site: ctx.requestId,
      observer: { display: 'CareLoop' },
      type: [
        {
          system: 'http://terminology.hl7.org/CodeSystem/security-source-type',
          code: '4',
          display: 'Application Server',
        },
      ],
    },
    ...(ent.length ? { entity: ent } : {}),
  };
}
