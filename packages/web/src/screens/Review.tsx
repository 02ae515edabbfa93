import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FindingConclusion, ReportReview } from '@careloop/core/app-api/types';
import { apiJson } from '../api/client';
import type { Session } from '../api/session';
import { SignOffLine, WhyButton } from '../components/Evidence';
import { SeverityBadge } from '../components/Severity';
import { Empty, ErrorState, errorText, Loading } from '../components/States';
import { useFormats } from '../format';
import { hrefOf } from '../router';
import { useLoad } from '../use-load';
import { AddFindingForm, RejectForm, type NewFinding } from './review-forms';
import { addFinding, openFile, personPreview, rejectFinding, signReport } from './review-actions';
import { PersonPreview } from './PersonPreview';

interface Actions {
  readonly canEdit: boolean;
  readonly busy: boolean;
  readonly rejecting: string | undefined;
  setRejecting(id: string | undefined): void;
  reject(f: FindingConclusion, reason: string): void;
}

function Finding({ f, a }: { f: FindingConclusion; a: Actions }): ReactNode {
  const { t } = useTranslation();
  const rejected = f.review === 'rejected';
  return (
    <li className={`finding card${rejected ? ' rejected' : ''}`} aria-labelledby={`f-${f.id}`}>
      <h4 id={`f-${f.id}`}>
        <SeverityBadge severity={f.severity} /> {rejected ? <s>{f.title}</s> : f.title}
        {rejected && <span className="tag"> {t('review.rejected')}</span>}
        {f.review === 'added' && <span className="tag"> {t('review.added')}</span>}
      </h4>
      <p>{f.reason}</p>
      {f.reviewReason && (
        <p className="review-reason">
          <strong>{t('review.reason')}:</strong> {f.reviewReason}
        </p>
      )}
      {f.recommendations.length > 0 && (
        <>
          <h5>{t('review.recommendations')}</h5>
          <ul>
            {f.recommendations.map((r, i) => (
              <li key={`${r.kind}-${String(i)}`}>{r.text}</li>
            ))}
          </ul>
        </>
      )}
      <WhyButton chain={f.evidence} />
      {a.canEdit &&
        !rejected &&
        (a.rejecting === f.id ? (
          <RejectForm
            title={f.title}
            busy={a.busy}
            onSubmit={(reason) => {
              a.reject(f, reason);
            }}
            onCancel={() => {
              a.setRejecting(undefined);
            }}
          />
        ) : (
          <button
            type="button"
            className="secondary"
            aria-label={t('review.rejectTitle', { title: f.title })}
            onClick={() => {
              a.setRejecting(f.id);
            }}
          >
            {t('review.reject')}
          </button>
        ))}
    </li>
  );
}

function ReviewView({ r, session, reload }: { r: ReportReview; session: Session; reload: () => void }): ReactNode {
  const { t, i18n } = useTranslation();
  const f = useFormats();
  const id = r.report.reportId;
  const [busy, setBusy] = useState(false);
  const [rejecting, setRejecting] = useState<string>();
  const [adding, setAdding] = useState(false);
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');
  const canEdit = session.user.role === 'clinician';
  const run = (action: () => Promise<unknown>, done: string): void => {
    setBusy(true);
    setError('');
    action().then(
      () => {
        setBusy(false);
        setRejecting(undefined);
        setAdding(false);
        setStatus(done);
        reload();
      },
      (err: unknown) => {
        setBusy(false);
        setError(errorText(t, err));
      },
    );
  };
  const a: Actions = {
    canEdit,
    busy,
    rejecting,
    setRejecting,
    reject: (finding, reason) => {
      run(() => rejectFinding(id, finding.id, reason), t('review.rejectedDone'));
    },
  };
  const print = (format: 'html' | 'pdf'): void => {
    const q = new URLSearchParams({ audience: 'physician', format, locale: i18n.language });
    openFile(`/api/reports/${encodeURIComponent(id)}/print?${q.toString()}`, format === 'pdf').catch((err: unknown) => {
      setError(errorText(t, err));
    });
  };
  return (
    <>
      <h1>
        {t('review.title')}: {r.report.title} <span className="muted">{f.date(r.report.date)}</span>
      </h1>
      <p>
        {t('review.patient')}: <a href={hrefOf({ name: 'patient', id: r.patient.id })}>{r.patient.name}</a>
        {r.patient.age !== undefined && <span className="muted"> · {t('patient.age', { count: r.patient.age })}</span>}
      </p>
      <SignOffLine signOff={r.report.signOff} />
      <p className="live" role="status" aria-live="polite">
        {status}
      </p>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="actions toolbar">
        <button
          type="button"
          onClick={() => {
            print('html');
          }}
        >
          {t('review.print')}
        </button>
        <button
          type="button"
          onClick={() => {
            print('pdf');
          }}
        >
          {t('review.pdf')}
        </button>
        {canEdit && !adding && (
          <button
            type="button"
            onClick={() => {
              setAdding(true);
            }}
          >
            {t('review.add')}
          </button>
        )}
      </div>
      {adding && (
        <AddFindingForm
          busy={busy}
          onSubmit={(nf: NewFinding) => {
            run(() => addFinding(id, nf), t('review.addedDone'));
          }}
          onCancel={() => {
            setAdding(false);
          }}
        />
      )}
      <h2>{t('review.findings')}</h2>
      {r.findingGroups.length === 0 ? (
        <Empty>{t('review.noFindings')}</Empty>
      ) : (
        r.findingGroups.map((g) => (
          <section key={g.severity} aria-labelledby={`group-${g.severity}`} className={`group sev-group-${g.severity}`}>
            <h3 id={`group-${g.severity}`}>
              <SeverityBadge severity={g.severity} /> {t('review.groupCount', { count: g.findings.length })}
            </h3>
            <ul className="findings">
              {g.findings.map((finding) => (
                <Finding key={finding.id} f={finding} a={a} />
              ))}
            </ul>
          </section>
        ))
      )}
      <PersonPreview
        load={() =>
          personPreview(`/api/reports/${encodeURIComponent(id)}/review/person-preview?locale=${i18n.language}`)
        }
      />
      <section className="card sign" aria-labelledby="sign-h">
        <h2 id="sign-h">{t('review.sign')}</h2>
        {r.canSign && canEdit ? (
          <>
            <p>{t('review.signHint')}</p>
            <button
              type="button"
              className="primary"
              disabled={busy}
              onClick={() => {
                run(() => signReport(id), t('review.signed'));
              }}
            >
              {t('review.sign')}
            </button>
          </>
        ) : (
          <div>
            {r.report.signOff.signedBy ? (
              <SignOffLine signOff={r.report.signOff} />
            ) : (
              <p>{t('review.signOnlyClinician')}</p>
            )}
          </div>
        )}
      </section>
    </>
  );
}

/** Checkup review: findings by severity, reject or add with a reason, the person's version, sign, print. */
export default function Review({ id, session }: { id: string; session: Session }): ReactNode {
  const { t, i18n } = useTranslation();
  const [load, reload] = useLoad(
    () => apiJson<ReportReview>(`/api/reports/${encodeURIComponent(id)}/review?locale=${i18n.language}`),
    [id, i18n.language],
  );
  return (
    <section aria-label={t('review.title')} className="review">
      <p>
        <a href="#/">← {t('states.backToWorklist')}</a>
      </p>
      {load.state === 'loading' && <Loading />}
      {load.state === 'error' && <ErrorState error={load.error} onRetry={reload} />}
      {load.state === 'done' && <ReviewView r={load.data} session={session} reload={reload} />}
    </section>
  );
}
