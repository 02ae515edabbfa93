import { useState, type SyntheticEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppSeverity } from '@careloop/core/app-api/types';

const SEVERITIES: readonly AppSeverity[] = ['critical', 'high', 'moderate', 'low', 'info'];

/** Asks why a finding is wrong; the reason is required (the server refuses an empty one too). */
export function RejectForm(props: {
  title: string;
  busy: boolean;
  onSubmit: (reason: string) => void;
  onCancel: () => void;
}): ReactNode {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const submit = (e: SyntheticEvent): void => {
    e.preventDefault();
    if (!reason.trim()) {
      setMissing(true);
      return;
    }
    props.onSubmit(reason.trim());
  };
  return (
    <form className="inline-form" onSubmit={submit} aria-label={t('review.rejectTitle', { title: props.title })}>
      <label htmlFor="reject-reason">{t('review.rejectReason')}</label>
      <textarea
        id="reject-reason"
        autoFocus
        rows={2}
        value={reason}
        aria-invalid={missing || undefined}
        onChange={(e) => {
          setReason(e.target.value);
        }}
      />
      {missing && (
        <p className="form-error" role="alert">
          {t('review.rejectReason')}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="danger" disabled={props.busy}>
          {t('review.confirmReject')}
        </button>
        <button type="button" onClick={props.onCancel}>
          {t('review.cancel')}
        </button>
      </div>
    </form>
  );
}

export interface NewFinding {
  readonly title: string;
  readonly severity: AppSeverity;
  readonly reason: string;
}

/** A clinician's own finding: what, how serious, and why. */
export function AddFindingForm(props: {
  busy: boolean;
  onSubmit: (f: NewFinding) => void;
  onCancel: () => void;
}): ReactNode {
  const { t } = useTranslation();
  const [title, setTitle] = useState('');
  const [severity, setSeverity] = useState<AppSeverity>('moderate');
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const submit = (e: SyntheticEvent): void => {
    e.preventDefault();
    if (!title.trim() || !reason.trim()) {
      setMissing(true);
      return;
    }
    props.onSubmit({ title: title.trim(), severity, reason: reason.trim() });
  };
  return (
    <form className="inline-form card" onSubmit={submit} aria-label={t('review.add')}>
      <label htmlFor="add-title">{t('review.addTitle')}</label>
      <input
        id="add-title"
        autoFocus
        value={title}
        onChange={(e) => {
          setTitle(e.target.value);
        }}
      />
      <label htmlFor="add-severity">{t('review.addSeverity')}</label>
      <select
        id="add-severity"
        value={severity}
        onChange={(e) => {
          setSeverity(e.target.value as AppSeverity);
        }}
      >
        {SEVERITIES.map((s) => (
          <option key={s} value={s}>
            {t(`review.severity.${s}`)}
          </option>
        ))}
      </select>
      <label htmlFor="add-reason">{t('review.addReason')}</label>
      <textarea
        id="add-reason"
        rows={2}
        value={reason}
        onChange={(e) => {
          setReason(e.target.value);
        }}
      />
      {missing && (
        <p className="form-error" role="alert">
          {t('review.required')}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={props.busy}>
          {t('review.confirmAdd')}
        </button>
        <button type="button" onClick={props.onCancel}>
          {t('review.cancel')}
        </button>
      </div>
    </form>
  );
}
