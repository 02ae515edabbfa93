import { api, postJson } from '../api/client';
import type { NewFinding } from './review-forms';

const base = (id: string): string => `/api/reports/${encodeURIComponent(id)}`;

export const rejectFinding = (reportId: string, findingId: string, reason: string): Promise<unknown> =>
  postJson(`${base(reportId)}/findings/${encodeURIComponent(findingId)}/reject`, { reason });

export const addFinding = (reportId: string, finding: NewFinding): Promise<unknown> =>
  postJson(`${base(reportId)}/findings`, finding);

export const signReport = (reportId: string): Promise<unknown> => postJson(`${base(reportId)}/sign`, {});

/** The person's plain-language version as HTML (shown in a sandboxed frame: no scripts, no navigation). */
export async function personPreview(path: string): Promise<string> {
  return (await api(path)).text();
}

/** Fetches a printable file with the session's token and hands it to the browser to print or save. */
export async function openFile(path: string, download: boolean): Promise<void> {
  const blob = await (await api(path)).blob();
  const url = URL.createObjectURL(blob);
  if (download) {
    const a = document.createElement('a');
    a.href = url;
    a.download = `careloop-report-${Date.now().toString(36)}.pdf`;
    document.body.append(a);
    a.click();
    a.remove();
  } else {
    window.open(url, '_blank', 'noopener');
  }
  // Give the browser time to read the file before the URL goes.
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 60_000);
}
