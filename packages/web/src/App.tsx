import { lazy, Suspense, useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { signOut } from './api/client';
import { currentSession, onSessionChange, type Session } from './api/session';
import { LanguageSwitch } from './components/LanguageSwitch';
import { Loading } from './components/States';
import { useRoute, type Route } from './router';
import { SignIn } from './screens/SignIn';
import { Worklist } from './screens/Worklist';

// The worklist is the first screen; the others load on demand to keep the first download small.
const PatientSummary = lazy(() => import('./screens/PatientSummary'));
const Review = lazy(() => import('./screens/Review'));

function Screen({ route, session }: { route: Route; session: Session }): ReactNode {
  switch (route.name) {
    case 'worklist':
      return <Worklist />;
    case 'patient':
      return <PatientSummary id={route.id} />;
    case 'report':
      return <Review id={route.id} session={session} />;
  }
}

export function App(): ReactNode {
  const { t } = useTranslation();
  const [session, setSession] = useState(currentSession);
  const route = useRoute();
  const shown = useRef<Route>(undefined);
  useEffect(() => onSessionChange(setSession), []);
  useEffect(() => {
    document.title = `${t(route.name === 'worklist' ? 'worklist.title' : route.name === 'patient' ? 'patient.title' : 'review.title')} · CareLoop`;
    // On a new screen (not on the first load, where Tab must reach the skip link first) move focus to its
    // content, so keyboard and screen-reader users start at its top.
    if (shown.current && shown.current !== route) document.getElementById('main')?.focus();
    shown.current = route;
  }, [route, t]);
  return (
    <>
      <a className="skip" href="#main">
        {t('app.skip')}
      </a>
      <header className="top">
        <a className="brand" href="#/">
          {t('app.name')}
        </a>
        {session && (
          <nav aria-label={t('app.nav')}>
            <a href="#/" aria-current={route.name === 'worklist' ? 'page' : undefined}>
              {t('app.worklist')}
            </a>
          </nav>
        )}
        <div className="top-right">
          <LanguageSwitch />
          {session && (
            <>
              <span className="who">
                {t('app.signedInAs', {
                  name: session.user.display ?? session.user.username,
                  role: t(`roles.${session.user.role}`),
                })}
              </span>
              <button type="button" onClick={() => void signOut()}>
                {t('app.signOut')}
              </button>
            </>
          )}
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {session ? (
          <Suspense fallback={<Loading />}>
            <Screen route={route} session={session} />
          </Suspense>
        ) : (
          <SignIn />
        )}
      </main>
    </>
  );
}
