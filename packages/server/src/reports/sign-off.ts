import type { DiagnosticReport, Provenance, Reference } from '@medplum/fhirtypes';
import { formatDateTime } from './fhir-text';

/** Where the report stands: preliminary (not for release), final or amended with who signed and when. */
export interface SignOffView {
  readonly state: 'preliminary' | 'final' | 'amended';
  readonly signer?: string;
  readonly signedAt?: string;
  /** The engine that drafted it, `name version`. */
  readonly engine?: string;
}

const SIGNER_ROLES = new Set(['attester', 'verifier', 'legal']);

function signerOf(p: Provenance): string | undefined {
  const agent = p.agent.find((a) => a.type?.coding?.some((c) => c.code !== undefined && SIGNER_ROLES.has(c.code)));
  const who = agent?.who ?? p.signature?.[0]?.who;
  return who?.display ?? who?.reference;
}

function isDevice(p: Provenance, ref: Reference | undefined): boolean {
  const r = ref?.reference;
  if (ref?.type === 'Device' || r?.startsWith('Device/')) return true;
  return (
    r?.startsWith('#') === true &&
    (p.contained ?? []).some((c) => c.resourceType === 'Device' && `#${c.id ?? ''}` === r)
  );
}

function engineOf(list: readonly Provenance[]): string | undefined {
  for (const p of list) {
    const device = p.agent.find((a) => isDevice(p, a.who));
    if (device?.who) return device.who.display ?? device.who.reference;
  }
  return undefined;
}

/** Reads the report's status and, when signed, the latest signer's Provenance. */
export function readSignOff(
  report: DiagnosticReport,
  provenance: Provenance | readonly Provenance[] | undefined,
): SignOffView {
  const list: readonly Provenance[] =
    provenance === undefined ? [] : Array.isArray(provenance) ? provenance : [provenance];
  const engine = engineOf(list);
  const status = report.status;
  const state =
    status === 'final' ? 'final' : status === 'amended' || status === 'corrected' ? 'amended' : 'preliminary';
  if (state === 'preliminary') return { state, ...(engine ? { engine } : {}) };
  const signed = list
    .filter((p) => signerOf(p) !== undefined)
    .sort((a, b) => (a.recorded < b.recorded ? 1 : a.recorded > b.recorded ? -1 : 0))[0];
  const signer = signed ? signerOf(signed) : report.resultsInterpreter?.[0]?.display;
  const when = signed?.signature?.[0]?.when ?? signed?.recorded ?? report.issued;
  return {
    state,
    ...(signer ? { signer } : {}),
    ...(when ? { signedAt: formatDateTime(when) } : {}),
    ...(engine ? { engine } : {}),
  };
}
