import { useState, type SyntheticEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppSeverity } from '@careloop/core/app-api/types';

const SEVERITIES: readonly AppSeverity[] = ['critical', 'high', 'moderate', 'low', 'info'];

/** A review form in place: its fields, the alert shown once a required field was left empty, submit and cancel. */
function InlineForm(props: {
  className: string;
  label: string;
  /** Shown as an alert when set. */
  error: string | undefined;
  submitLabel: string;
  submitClass: 'danger' | 'primary';
  busy: boolean;
  onSubmit: () => void;
  onCancel: () => void;
  children: ReactNode;
}): ReactNode {
  const { t } = useTranslation();
  const submit = (e: SyntheticEvent): void => {
    e.preventDefault();
    props.onSubmit();
  };
  return (
    <form className={props.className} onSubmit={submit} aria-label={props.label}>
      {props.children}
      {props.error !== undefined && (
        <p className="form-error" role="alert">
          {props.error}
        </p>
      )}
      <div className="actions">
        <button type="submit" className={props.submitClass} disabled={props.busy}>
          {props.submitLabel}
        </button>
        <button type="button" onClick={props.onCancel}>
          {t('review.cancel')}
        </button>
      </div>
    </form>
  );
}

/** What a review form is given: whether a request is under way, where its value goes, how to close it. */
interface ReviewFormProps<T> {
  busy: boolean;
  onSubmit: (value: T) => void;
  onCancel: () => void;
}

/** A labelled two-row free-text field (a reason). */
function ReasonField(props: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  autoFocus?: boolean;
  /** Marks the field aria-invalid (left empty though required). */
  invalid?: boolean;
}): ReactNode {
  return (
    <>
      <label htmlFor={props.id}>{props.label}</label>
      <textarea
        id={props.id}
        autoFocus={props.autoFocus}
        rows={2}
        value={props.value}
        aria-invalid={props.invalid || undefined}
        onChange={(e) => {
          props.onChange(e.target.value);
        }}
      />
    </>
  );
}

/** Asks why a finding is wrong; the reason is required (the server refuses an empty one too). */
export function RejectForm(props: ReviewFormProps<string> & { title: string }): ReactNode {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const submit = (): void => {
    if (!reason.trim()) {
      setMissing(true);
      return;
    }
    props.onSubmit(reason.trim());
  };
  return (
    <InlineForm
      className="inline-form"
      label={t('review.rejectTitle', { title: props.title })}
      error={missing ? t('review.rejectReason') : undefined}
      submitLabel={t('review.confirmReject')}
      submitClass="danger"
      busy={props.busy}
      onSubmit={submit}
      onCancel={props.onCancel}
    >
      <ReasonField
        id="reject-reason"
        label={t('review.rejectReason')}
        value={reason}
        onChange={setReason}
        autoFocus
        invalid={missing}
      />
    </InlineForm>
  );
}

export interface NewFinding {
  readonly title: string;
  readonly severity: AppSeverity;
  readonly reason: string;
}

/** A clinician's own finding: what, how serious, and why. */
export function AddFindingForm(props: ReviewFormProps<NewFinding>): ReactNode {
  const { t } = useTranslation();
  const [title, setTitle] = useState('');
  const [severity, setSeverity] = useState<AppSeverity>('moderate');
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const submit = (): void => {
    if (!title.trim() || !reason.trim()) {
      setMissing(true);
      return;
    }
    props.onSubmit({ title: title.trim(), severity, reason: reason.trim() });
  };
  return (
    <InlineForm
      className="inline-form card"
      label={t('review.add')}
      error={missing ? t('review.required') : undefined}
      submitLabel={t('review.confirmAdd')}
      submitClass="primary"
      busy={props.busy}
      onSubmit={submit}
      onCancel={props.onCancel}
    >
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
      <ReasonField id="add-reason" label={t('review.addReason')} value={reason} onChange={setReason} />
    </InlineForm>
  );
}
