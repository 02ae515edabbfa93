import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PatientSummary as Summary, ScoreConclusion } from '@careloop/core/app-api/types';
import { apiJson } from '../api/client';
import { SignOffLine, WhyButton } from '../components/Evidence';
import { SeverityBadge } from '../components/Severity';
import { Empty, ErrorState, Loading } from '../components/States';
import { TrendChart } from '../components/TrendChart';
import { useFormats } from '../format';
import { hrefOf } from '../router';
import { useLoad } from '../use-load';

function Scores({ scores }: { scores: readonly ScoreConclusion[] }): ReactNode {
  const { t } = useTranslation();
  const f = useFormats();
  if (scores.length === 0) return <Empty>{t('patient.noRisks')}</Empty>;
  return (
    <ul className="scores">
      {scores.map((s) => (
        <li key={s.id ?? s.scoreId} className="card">
          <p>
            <strong>{s.name}</strong>: {s.valueText}
            {s.category && <> · {s.category}</>}
            {s.date && <span className="muted"> · {f.date(s.date)}</span>}
          </p>
          {s.interpretation && <p>{s.interpretation}</p>}
          <WhyButton chain={s.evidence} label={t('patient.why')} />
        </li>
      ))}
    </ul>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }): ReactNode {
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

function SummaryView({ s }: { s: Summary }): ReactNode {
  const { t } = useTranslation();
  const f = useFormats();
  const p = s.patient;
  return (
    <>
      <h1>
        {p.name}{' '}
        <span className="muted">
          {p.gender && t(`patient.genders.${p.gender}`)}
          {p.age !== undefined && <> · {t('patient.age', { count: p.age })}</>}
        </span>
      </h1>
      <div className="grid">
        <Section id="demo" title={t('patient.demographics')}>
          <dl>
            <dt>{t('patient.born')}</dt>
            <dd>{f.date(p.birthDate)}</dd>
            <dt>{t('patient.gender')}</dt>
            <dd>{p.gender ? t(`patient.genders.${p.gender}`) : '—'}</dd>
            {p.address && (
              <>
                <dt>{t('patient.address')}</dt>
                <dd>{p.address}</dd>
              </>
            )}
          </dl>
          <h3>{t('patient.identifiers')}</h3>
          <ul>
            {p.identifiers.map((i) => (
              <li key={`${i.system ?? ''}|${i.value}`}>
                {i.type ?? i.system ?? ''}: <code>{i.value}</code>
              </li>
            ))}
          </ul>
        </Section>
        <Section id="problems" title={t('patient.problems')}>
          {s.problems.length === 0 ? (
            <Empty>{t('patient.noProblems')}</Empty>
          ) : (
            <ul>
              {s.problems.map((c) => (
                <li key={c.id}>
                  {c.code.display}
                  {(c.onset ?? c.recordedDate) && (
                    <span className="muted"> · {t('patient.since', { date: f.date(c.onset ?? c.recordedDate) })}</span>
                  )}
                </li>
              ))}
            </ul>
          )}
        </Section>
        <Section id="meds" title={t('patient.medications')}>
          {s.medications.length === 0 ? (
            <Empty>{t('patient.noMedications')}</Empty>
          ) : (
            <ul>
              {s.medications.map((m) => (
                <li key={m.id}>
                  {m.medication.display}
                  {m.dosage && <> — {m.dosage}</>}
                </li>
              ))}
            </ul>
          )}
        </Section>
        <Section id="allergies" title={t('patient.allergies')}>
          {s.allergies.length === 0 ? (
            <Empty>{t('patient.noAllergies')}</Empty>
          ) : (
            <ul>
              {s.allergies.map((a) => (
                <li key={a.id}>
                  {a.code.display}
                  {a.criticality && <> ({a.criticality})</>}
                  {a.reactions.length > 0 && <> — {a.reactions.join(', ')}</>}
                </li>
              ))}
            </ul>
          )}
        </Section>
      </div>
      <Section id="risks" title={t('patient.risks')}>
        <Scores scores={s.scores} />
      </Section>
      <Section id="reports" title={t('patient.reports')}>
        {s.reports.length === 0 ? (
          <Empty>{t('states.empty')}</Empty>
        ) : (
          <ul className="reports">
            {s.reports.map((r) => (
              <li key={r.reportId}>
                <a href={hrefOf({ name: 'report', id: r.reportId })}>
                  {r.title} · {f.date(r.date)}
                </a>{' '}
                {r.findings[0] && <SeverityBadge severity={r.findings[0].severity} />}
                <SignOffLine signOff={r.signOff} />
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section id="trends" title={t('patient.trends')}>
        {s.trends.length === 0 ? (
          <Empty>{t('patient.noTrend')}</Empty>
        ) : (
          <div className="charts">
            {s.trends.map((c) => (
              <TrendChart key={c.id} chart={c} />
            ))}
          </div>
        )}
      </Section>
      <Section id="timeline" title={t('patient.timeline')}>
        {s.encounters.length === 0 ? (
          <Empty>{t('patient.noEncounters')}</Empty>
        ) : (
          <ol className="timeline">
            {s.encounters.map((e) => (
              <li key={e.id}>
                <time dateTime={e.start}>{f.date(e.start)}</time> — {e.type ?? e.class?.display ?? e.class?.code ?? ''}
                {e.reason.length > 0 && <span className="muted"> · {e.reason.join(', ')}</span>}
                {e.reportId && (
                  <>
                    {' '}
                    <a href={hrefOf({ name: 'report', id: e.reportId })}>{t('patient.reports')}</a>
                  </>
                )}
              </li>
            ))}
          </ol>
        )}
      </Section>
    </>
  );
}

/** The patient summary: demographics, problems, medications, allergies, risks with their why, trends, encounters. */
export default function PatientSummary({ id }: { id: string }): ReactNode {
  const { t, i18n } = useTranslation();
  const [load, reload] = useLoad(
    () => apiJson<Summary>(`/api/patients/${encodeURIComponent(id)}/summary?locale=${i18n.language}`),
    [id, i18n.language],
  );
  return (
    <section aria-label={t('patient.title')} className="patient">
      <p>
        <a href="#/">← {t('states.backToWorklist')}</a>
      </p>
      {load.state === 'loading' && <Loading />}
      {load.state === 'error' && <ErrorState error={load.error} onRetry={reload} />}
      {load.state === 'done' && <SummaryView s={load.data} />}
    </section>
  );
}
