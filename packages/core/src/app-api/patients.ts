/** GET /api/patients?q=&_count=&_offset=&locale= (see ./types.ts for the conventions). */
import type { AppIdentifier, AppReference, PatientBrief } from './common';

export interface PatientListItem extends PatientBrief {
  readonly identifiers: readonly AppIdentifier[];
  /** Patient.managingOrganization (id in `reference`, name in `display`). */
  readonly managingOrganization?: AppReference;
}

export interface PatientListResponse {
  /** All matches the user may see, before paging. */
  readonly total: number;
  readonly offset: number;
  readonly count: number;
  readonly items: readonly PatientListItem[];
}
