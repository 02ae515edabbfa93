import type { Observation, ObservationReferenceRange, Quantity } from '@medplum/fhirtypes';
import { formatNumber } from './fhir-text';

/** A quantity as printed: value and unit as the lab wrote them. */
export function quantityText(q: Quantity | undefined): string | undefined {
  if (q?.value === undefined) return undefined;
  const unit = q.unit ?? q.code;
  return `${formatNumber(q.value, 4)}${unit ? ` ${unit}` : ''}`;
}

/** An Observation's value as printed; a BP panel prints as `systolic/diastolic unit`. */
export function observationValue(o: Observation): string | undefined {
  if (o.valueQuantity) return quantityText(o.valueQuantity);
  if (o.valueCodeableConcept) return o.valueCodeableConcept.text ?? o.valueCodeableConcept.coding?.[0]?.display;
  if (o.valueString !== undefined) return o.valueString;
  if (o.valueBoolean !== undefined) return String(o.valueBoolean);
  const parts = (o.component ?? []).map((c) => c.valueQuantity?.value).filter((v): v is number => v !== undefined);
  const unit = o.component?.[0]?.valueQuantity?.unit;
  return parts.length > 0 ? `${parts.map((v) => formatNumber(v, 1)).join('/')}${unit ? ` ${unit}` : ''}` : undefined;
}

/** A reference range as printed: `low–high`, `< high`, `> low` or its text. */
export function rangeText(range: ObservationReferenceRange | undefined): string {
  if (!range) return '';
  const low = range.low?.value;
  const high = range.high?.value;
  if (low !== undefined && high !== undefined) return `${formatNumber(low, 4)}–${formatNumber(high, 4)}`;
  if (high !== undefined) return `< ${formatNumber(high, 4)}`;
  if (low !== undefined) return `> ${formatNumber(low, 4)}`;
  return range.text ?? '';
}
