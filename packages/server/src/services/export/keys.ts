import { createHmac } from 'node:crypto';

/**
 * Keyed pseudonyms and date offsets (HMAC-SHA256 with the de-identification secret): the same input gives the
 * same output across exports with one secret, and nothing can be linked back without it.
 */
export class DeidentifyKeys {
  constructor(private readonly secret: string) {
    if (secret.length < 32) throw new Error('the de-identification secret must have at least 32 characters');
  }

  private mac(purpose: string, value: string): Buffer {
    return createHmac('sha256', this.secret).update(`${purpose}\u0000${value}`).digest();
  }

  /** A 32-hex-digit pseudonym, valid as a FHIR id; `purpose` keeps ids and identifier values apart. */
  pseudonym(purpose: 'id' | 'identifier', value: string): string {
    return this.mac(purpose, value).subarray(0, 16).toString('hex');
  }

  /** Days to shift one patient's dates by: ±1..180, never 0 (derived from the patient's own id). */
  dateOffset(patientKey: string): number {
    const v = this.mac('date-shift', patientKey).readUInt32BE(0) % 360;
    return v < 180 ? v - 180 : v - 179;
  }
}
