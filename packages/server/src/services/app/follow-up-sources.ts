import type { Citation } from '@careloop/core/clinical/source';

/**
 * Why a discharge home starts a follow-up due within 14 days: Medicare's transitional care management asks for a
 * face-to-face visit within 7 (high complexity) or 14 (moderate complexity) calendar days of discharge.
 */
export const DISCHARGE_FOLLOW_UP = {
  days: 14,
  source: {
    citation:
      'Centers for Medicare & Medicaid Services. Transitional Care Management Services. Medicare Learning Network booklet MLN908628 (face-to-face visit within 7 or 14 calendar days of discharge).',
    url: 'https://www.cms.gov/files/document/mln908628-transitional-care-management-services.pdf',
  } satisfies Citation,
  /** Discharges older than this (days) are not followed up by the worklist any more. */
  lookbackDays: 90,
} as const;
