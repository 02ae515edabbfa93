import type { DiagnosticReport, HumanName, Patient, Practitioner } from '@medplum/fhirtypes';
import { ConfigError, type Config } from '../../config/config';
import type { Repository } from '../../store/repository';
import type { Role } from '../context';
import type { AccountService } from './accounts';

/** One demo account as printed at start-up. */
export interface DemoAccount {
  readonly username: string;
  readonly password: string;
  readonly role: Role;
  readonly display?: string;
  readonly organization?: string;
  readonly practitioner?: string;
  readonly patient?: string;
  /** False when it already existed (its password is then whatever it was changed to). */
  readonly created: boolean;
}

/** Fixed and printed: demo accounts exist only with CARELOOP_ENV=development. */
export const DEMO_PASSWORD = 'careloop-demo';
/** The Practitioner the demo nurse is (the demo population has GPs but no nurse). */
export const DEMO_NURSE_ID = 'careloop-demo-nurse';

const nameOf = (names: readonly HumanName[] | undefined): string | undefined => {
  const n = names?.find((x) => x.given?.length) ?? names?.[0];
  if (!n) return undefined;
  return n.text ?? [...(n.prefix ?? []), ...(n.given ?? []), n.family].filter(Boolean).join(' ');
};

async function count(repo: Repository, type: string, params: [string, string][]): Promise<number> {
  return (await repo.search(repo.parseSearch(type, [...params, ['_summary', 'count']]))).total ?? 0;
}

/** The candidate with the most matches (first on ties); undefined when none has any. */
async function busiest<T extends { id?: string }>(items: readonly T[], n: (item: T) => Promise<number>) {
  let best: { item: T; n: number } | undefined;
  for (const item of items) {
    const c = await n(item);
    if (c > 0 && (!best || c > best.n)) best = { item, n: c };
  }
  return best?.item;
}

/**
 * Finds, in the data, who the demo accounts should be: the Organization most Patients are managed by, the
 * Practitioner most of them have as GP, and a Patient of that organisation with a checkup report.
 */
async function demoPeople(repo: Repository) {
  const orgs = await repo.searchResources('Organization', { _count: '100' });
  const org = await busiest(orgs, (o) => count(repo, 'Patient', [['organization', `Organization/${o.id ?? ''}`]]));
  const orgRef = org?.id ? `Organization/${org.id}` : undefined;
  const practitioners = await repo.searchResources<Practitioner>('Practitioner', { _count: '100' });
  const doctor = orgRef
    ? await busiest(
        practitioners.filter((p) => p.id !== DEMO_NURSE_ID),
        (p) =>
          count(repo, 'Patient', [
            ['organization', orgRef],
            ['general-practitioner', `Practitioner/${p.id ?? ''}`],
          ]),
      )
    : undefined;
  let patient: Patient | undefined;
  if (orgRef) {
    const reports = await repo.searchResources<DiagnosticReport>('DiagnosticReport', {
      status: 'preliminary,final,amended,corrected',
      _count: '200',
    });
    for (const id of new Set(reports.map((r) => r.subject?.reference?.split('/')[1]).filter(Boolean))) {
      const p = (await repo.searchResources<Patient>('Patient', { _id: id ?? '' }))[0];
      if (p?.managingOrganization?.reference === orgRef) {
        patient = p;
        break;
      }
    }
  }
  return { org, doctor, patient };
}

/**
 * Creates the demo accounts that are absent (clinician, nurse, admin, researcher, patient), linked to the demo
 * data; development only. Adds the nurse's Practitioner when missing.
 */
export async function ensureDemoAccounts(
  config: Config,
  repo: Repository,
  accounts: AccountService,
): Promise<DemoAccount[]> {
  if (config.env !== 'development')
    throw new ConfigError('--demo is for development only: its accounts have published passwords');
  const { org, doctor, patient } = await demoPeople(repo);
  const organization = org?.id;
  const nurse: Practitioner = {
    resourceType: 'Practitioner',
    id: DEMO_NURSE_ID,
    active: true,
    name: [{ use: 'official', family: 'Wang', given: ['Fang'], prefix: ['Nurse'] }],
  };
  if (organization) await repo.upsertMany([nurse]);
  const wanted: Omit<DemoAccount, 'created' | 'password'>[] = [
    {
      username: 'doctor',
      role: 'clinician',
      display: nameOf(doctor?.name) ?? 'Demo clinician',
      ...(organization ? { organization } : {}),
      ...(doctor?.id ? { practitioner: doctor.id } : {}),
    },
    {
      username: 'nurse',
      role: 'nurse',
      display: nameOf(nurse.name) ?? 'Demo nurse',
      ...(organization ? { organization, practitioner: DEMO_NURSE_ID } : {}),
    },
    { username: 'admin', role: 'admin', display: 'Demo administrator', ...(organization ? { organization } : {}) },
    { username: 'researcher', role: 'researcher', display: 'Demo researcher' },
    ...(patient?.id
      ? [
          {
            username: 'patient',
            role: 'patient' as const,
            display: nameOf(patient.name) ?? 'Demo patient',
            patient: patient.id,
          },
        ]
      : []),
  ];
  const out: DemoAccount[] = [];
  for (const w of wanted) {
    const existing = await accounts.find(w.username);
    if (existing) {
      out.push({ ...w, ...existing, password: DEMO_PASSWORD, created: false });
      continue;
    }
    await accounts.add({ ...w, password: DEMO_PASSWORD });
    out.push({ ...w, password: DEMO_PASSWORD, created: true });
  }
  return out;
}

/** The start-up banner listing the demo accounts. */
export function demoAccountsBanner(list: readonly DemoAccount[]): string {
  const lines = list.map((a) => {
    const links = [
      a.organization && `org ${a.organization}`,
      a.practitioner && `practitioner ${a.practitioner}`,
      a.patient && `patient ${a.patient}`,
    ]
      .filter(Boolean)
      .join(', ');
    const pw = a.created ? a.password : `${a.password} (unless changed)`;
    return `  ${a.username.padEnd(11)} ${pw.padEnd(28)} ${a.role.padEnd(10)} ${a.display ?? ''}${links ? ` [${links}]` : ''}`;
  });
  return `demo accounts (development only; sign in at /):\n${lines.join('\n')}\n`;
}

/**
 * Production refuses to start while an enabled account still signs in with the published demo password (a store
 * that began as a demo): disable those accounts or change their passwords first.
 */
export async function refuseDemoPasswords(config: Config, accounts: AccountService): Promise<void> {
  if (config.env !== 'production') return;
  const exposed = await accounts.enabledWithPassword(DEMO_PASSWORD);
  if (exposed.length > 0)
    throw new ConfigError(
      `accounts ${exposed.join(', ')} still have the published demo password: disable them (careloop user disable <username>) before starting in production`,
    );
}
