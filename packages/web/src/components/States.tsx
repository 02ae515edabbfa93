import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { ApiError } from '../api/client';

/** A failed request in plain words: what happened and what to do, with the server's detail when it gave one. */
export function errorText(t: TFunction, error: unknown): string {
  if (!(error instanceof ApiError)) return t('errors.server', { detail: '' });
  const detail = error.detail;
  switch (error.status) {
    case 0:
      return t('errors.network');
    case 400:
    case 422:
      return t('errors.invalid', { detail });
    case 401:
      return t('errors.session');
    case 403:
      return t('errors.forbidden', { detail });
    case 404:
    case 410:
      return t('errors.notFound', { detail });
    case 409:
    case 412:
      return t('errors.conflict', { detail });
    case 423:
    case 429:
      return t('errors.locked', { detail });
    default:
      return t('errors.server', { detail });
  }
}

export function Loading(): ReactNode {
  const { t } = useTranslation();
  return (
    <p className="state state-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" /> {t('states.loading')}
    </p>
  );
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }): ReactNode {
  const { t } = useTranslation();
  return (
    <div className="state state-error" role="alert">
      <p>
        <span aria-hidden="true">⚠ </span>
        {errorText(t, error)}
      </p>
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {t('states.retry')}
        </button>
      )}
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }): ReactNode {
  return <p className="state state-empty">{children}</p>;
}
