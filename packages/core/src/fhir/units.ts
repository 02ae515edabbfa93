import ucum from '@lhncbc/ucum-lhc';

/**
 * UCUM unit conversion (https://ucum.org) through @lhncbc/ucum-lhc, with molar masses for mass ⇄ substance
 * conversions (e.g. cholesterol mmol/L ⇄ mg/dL).
 */
interface UcumUtils {
  convertUnitTo(
    from: string,
    value: number,
    to: string,
    options?: { molecularWeight?: number },
  ): { status: string; toVal: number | null; msg: string[] };
  convertToBaseUnits(
    unit: string,
    value: number,
  ): { status: string; magnitude?: number; unitToExp?: Record<string, number>; msg: string[] };
  validateUnitString(unit: string): { status: string };
}

const utils = (ucum as { UcumLhcUtils: { getInstance(): UcumUtils } }).UcumLhcUtils.getInstance();

export type Converted = { ok: true; value: number } | { ok: false; message: string };

/** Converts `value` from one UCUM unit to another; `molarMass` (g/mol) allows mass ⇄ substance conversion. */
export function convertUnit(value: number, from: string, to: string, molarMass?: number): Converted {
  if (from === to) return { ok: true, value };
  const r = utils.convertUnitTo(from, value, to, molarMass ? { molecularWeight: molarMass } : undefined);
  if (r.status === 'succeeded' && typeof r.toVal === 'number' && Number.isFinite(r.toVal)) {
    return { ok: true, value: r.toVal };
  }
  return { ok: false, message: `cannot convert ${from} to ${to}: ${r.msg.join(' ') || r.status}` };
}

/** A quantity in UCUM base units: `dimension` is a canonical key such as "g.m-3"; equal keys compare. */
export interface CanonicalQuantity {
  readonly value: number;
  readonly dimension: string;
}

interface LinearUnit {
  readonly factor: number;
  readonly offset: number;
  readonly dimension: string;
}
const baseCache = new Map<string, LinearUnit | null>();

function baseOf(unit: string): LinearUnit | null {
  const cached = baseCache.get(unit);
  if (cached !== undefined) return cached;
  let result: LinearUnit | null = null;
  const zero = utils.convertToBaseUnits(unit, 0);
  const one = utils.convertToBaseUnits(unit, 1);
  if (one.status === 'succeeded' && zero.status === 'succeeded' && one.unitToExp && one.magnitude !== undefined) {
    const dimension = Object.entries(one.unitToExp)
      .filter(([, e]) => e !== 0)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, e]) => `${k}${e}`)
      .join('.');
    const offset = zero.magnitude ?? 0;
    result = { factor: one.magnitude - offset, offset, dimension: dimension || '1' };
  }
  baseCache.set(unit, result);
  return result;
}

/** The quantity in base units, or undefined when the unit is not valid UCUM. Cached per unit. */
export function toCanonical(value: number, unit: string): CanonicalQuantity | undefined {
  const base = baseOf(unit);
  if (!base) return undefined;
  return { value: base.offset + value * base.factor, dimension: base.dimension };
}

// UCUM base units count substance in particles (1 mol = 6.0221367e23, the value ucum-lhc uses).
const AVOGADRO = 6.0221367e23;

/**
 * The same quantity expressed in the other of mass and substance, given the analyte's molar mass (g/mol):
 * mass concentration (g·m⁻³) ⇄ substance concentration (particles·m⁻³). Undefined for other dimensions.
 */
export function swapMassAndSubstance(q: CanonicalQuantity, molarMass: number): CanonicalQuantity | undefined {
  const dims = q.dimension.split('.');
  if (dims.includes('g1')) {
    const rest = dims.filter((d) => d !== 'g1');
    return { value: (q.value / molarMass) * AVOGADRO, dimension: rest.join('.') || '1' };
  }
  if (dims.some((d) => d.startsWith('g'))) return undefined;
  return {
    value: (q.value / AVOGADRO) * molarMass,
    dimension: [...dims, 'g1'].sort((a, b) => a.localeCompare(b)).join('.'),
  };
}

export function isValidUcum(unit: string): boolean {
  return baseOf(unit) !== null || utils.validateUnitString(unit).status === 'valid';
}
