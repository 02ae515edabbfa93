import { useEffect, useState, type SyntheticEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, externalSignInUrl, signIn } from '../api/client';
import { errorText } from '../components/States';

/** The sign-in form; the language switch sits in the header above it. */
export function SignIn(): ReactNode {
  const { t } = useTranslation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [external, setExternal] = useState<string>();
  useEffect(() => {
    externalSignInUrl().then(setExternal, () => undefined);
  }, []);
  const submit = (e: SyntheticEvent): void => {
    e.preventDefault();
    if (!username.trim() || !password) {
      setError(t('signIn.required'));
      return;
    }
    setBusy(true);
    setError('');
    signIn(username.trim(), password).then(
      () => {
        // The session listener in App shows the worklist.
      },
      (err: unknown) => {
        setBusy(false);
        setError(err instanceof ApiError && err.status === 401 ? t('errors.credentials') : errorText(t, err));
      },
    );
  };
  return (
    <section className="signin card" aria-labelledby="signin-title">
      <h1 id="signin-title">{t('signIn.title')}</h1>
      <p className="muted">{t('signIn.intro')}</p>
      <form onSubmit={submit} noValidate>
        <label htmlFor="username">{t('signIn.username')}</label>
        <input
          id="username"
          name="username"
          autoComplete="username"
          value={username}
          onChange={(e) => {
            setUsername(e.target.value);
          }}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'signin-error' : undefined}
        />
        <label htmlFor="password">{t('signIn.password')}</label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => {
            setPassword(e.target.value);
          }}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'signin-error' : undefined}
        />
        <p id="signin-error" className="form-error" role="alert">
          {error}
        </p>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('signIn.busy') : t('signIn.submit')}
        </button>
      </form>
      {external && (
        <p className="external-signin">
          <a href={external}>{t('signIn.external')}</a>
        </p>
      )}
    </section>
  );
}
