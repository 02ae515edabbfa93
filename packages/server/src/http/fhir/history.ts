import type { Bundle } from '@medplum/fhirtypes';
import type { HistoryEntry } from '../../store/repository';

/** A `history` Bundle: newest first, deletions as entries without a resource. */
export function historyBundle(base: string, entries: readonly HistoryEntry[], total: number): Bundle {
  return {
    resourceType: 'Bundle',
    type: 'history',
    total,
    entry: entries.map((e) => ({
      fullUrl: `${base}/${e.type}/${e.id}`,
      ...(e.resource ? { resource: e.resource } : {}),
      request: { method: e.method, url: e.method === 'POST' ? e.type : `${e.type}/${e.id}` },
      response: {
        status: e.method === 'POST' ? '201' : e.method === 'DELETE' ? '204' : '200',
        etag: `W/"${e.versionId}"`,
        lastModified: e.lastUpdated,
      },
    })),
  };
}
