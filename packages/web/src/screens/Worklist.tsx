import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorklistItem, WorklistKind, WorklistResponse, WorklistSort } from '@careloop/core/app-api/types';
import { apiJson } from '../api/client';
import { SeverityBadge } from '../components/Severity';
import { Empty, ErrorState, Loading } from '../components/States';
import { useFormats } from '../format';
import { hrefOf } from '../router';
import { useLoad } from '../use-load';

const KINDS: readonly WorklistKind[] = ['awaiting-sign-off', 'urgent-finding', 'follow-up-due', 'follow-up-overdue'];
const KIND_KEY = {
  'awaiting-sign-off': 'report',
  'urgent-finding': 'urgent',
  'follow-up-due': 'due',
  'follow-up-overdue': 'overdue',
} as const;
const COUNT_KEY = {
  'awaiting-sign-off': ['awaitingSignOff', 'worklist.awaiting'],
  'urgent-finding': ['urgentFindings', 'worklist.urgent'],
  'follow-up-due': ['followUpsDue', 'worklist.due'],
  'follow-up-overdue': ['followUpsOverdue', 'worklist.overdue'],
} as const;
const SORTS: readonly [WorklistSort, string][] = [
  ['date', 'worklist.sortDateDesc'],
  ['-date', 'worklist.sortDate'],
  ['severity', 'worklist.sortPriority'],
  ['patient', 'worklist.sortName'],
];

function Row({ item }: { item: WorklistItem }): ReactNode {
  const { t } = useTranslation();
  const f = useFormats();
  const report = item.link.reportId;
  return (
    <tr className={`row-${item.kind}`}>
      <th scope="row">
        <a href={hrefOf({ name: 'patient', id: item.link.patientId })}>{item.patient.name}</a>
        {item.patient.age !== undefined && (
          <span className="muted"> · {t('patient.age', { count: item.patient.age })}</span>
        )}
      </th>
      <td>{t(`worklist.kind.${KIND_KEY[item.kind]}`)}</td>
      <td>
        {item.what}
        {item.daysOverdue !== undefined && <strong> · {t('worklist.daysOverdue', { count: item.daysOverdue })}</strong>}
      </td>
      <td>{item.severity ? <SeverityBadge severity={item.severity} /> : '—'}</td>
      <td>{f.date(item.due ?? item.date)}</td>
      <td>
        <a
          className="button"
          href={hrefOf(report ? { name: 'report', id: report } : { name: 'patient', id: item.link.patientId })}
        >
          {report ? t('worklist.openReport') : t('worklist.openPatient')}
        </a>
      </td>
    </tr>
  );
}

/** The first screen: what needs the clinician now, with counts, a filter and a sort order. */
export function Worklist(): ReactNode {
  const { t, i18n } = useTranslation();
  const f = useFormats();
  const [kind, setKind] = useState<WorklistKind | ''>('');
  const [sort, setSort] = useState<WorklistSort>('date');
  const [query, setQuery] = useState('');
  const [load, reload] = useLoad(() => {
    const q = new URLSearchParams({ sort, locale: i18n.language, _count: '200' });
    if (kind) q.set('kind', kind);
    return apiJson<WorklistResponse>(`/api/worklist?${q.toString()}`);
  }, [kind, sort, i18n.language]);
  const items =
    load.state === 'done'
      ? load.data.items.filter((i) => i.patient.name.toLowerCase().includes(query.trim().toLowerCase()))
      : [];
  return (
    <section aria-labelledby="worklist-title">
      <h1 id="worklist-title">{t('worklist.title')}</h1>
      {load.state === 'done' && (
        <section aria-label={t('worklist.counts')} className="counts">
          {KINDS.map((k) => (
            <button
              key={k}
              type="button"
              className={`count count-${k}`}
              aria-pressed={kind === k}
              onClick={() => {
                setKind(kind === k ? '' : k);
              }}
            >
              <span className="count-n">{f.number(load.data.counts[COUNT_KEY[k][0]])}</span>
              <span className="count-label">{t(COUNT_KEY[k][1])}</span>
            </button>
          ))}
        </section>
      )}
      <div className="toolbar">
        <label>
          {t('worklist.filter')}{' '}
          <select
            value={kind}
            onChange={(e) => {
              setKind(e.target.value as WorklistKind | '');
            }}
          >
            <option value="">{t('worklist.all')}</option>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(COUNT_KEY[k][1])}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('worklist.sort')}{' '}
          <select
            value={sort}
            onChange={(e) => {
              setSort(e.target.value as WorklistSort);
            }}
          >
            {SORTS.map(([value, label]) => (
              <option key={value} value={value}>
                {t(label)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('worklist.search')}{' '}
          <input
            type="search"
            value={query}
            onChange={(e) => {
              setQuery(e.target.value);
            }}
          />
        </label>
      </div>
      {load.state === 'loading' && <Loading />}
      {load.state === 'error' && <ErrorState error={load.error} onRetry={reload} />}
      {load.state === 'done' &&
        (items.length === 0 ? (
          <Empty>{kind || query ? t('worklist.emptyFiltered') : t('worklist.empty')}</Empty>
        ) : (
          <div className="table-wrap">
            <table className="worklist">
              <caption className="sr-only">{t('worklist.caption', { count: items.length })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('worklist.colPatient')}</th>
                  <th scope="col">{t('worklist.colKind')}</th>
                  <th scope="col">{t('worklist.colDetail')}</th>
                  <th scope="col">{t('worklist.colPriority')}</th>
                  <th scope="col">{t('worklist.colDate')}</th>
                  <th scope="col">{t('worklist.colAction')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((item) => (
                  <Row key={item.key} item={item} />
                ))}
              </tbody>
            </table>
          </div>
        ))}
    </section>
  );
}
