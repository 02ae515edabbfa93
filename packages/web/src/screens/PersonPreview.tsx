import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState, Loading } from '../components/States';
import { useLoad } from '../use-load';

function Frame({ load }: { load: () => Promise<string> }): ReactNode {
  const { t } = useTranslation();
  const [html, reload] = useLoad(load, []);
  if (html.state === 'loading') return <Loading />;
  if (html.state === 'error') return <ErrorState error={html.error} onRetry={reload} />;
  // sandbox="" : the server's HTML is shown without scripts, forms or navigation.
  return <iframe className="preview" title={t('review.preview')} sandbox="" srcDoc={html.data} />;
}

/** The person's plain-language version, opened on request (it is a second document to fetch). */
export function PersonPreview({ load }: { load: () => Promise<string> }): ReactNode {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <section className="card" aria-labelledby="preview-h">
      <h2 id="preview-h">{t('review.preview')}</h2>
      <p className="muted">{t('review.previewHint')}</p>
      <button
        type="button"
        aria-expanded={open}
        onClick={() => {
          setOpen((o) => !o);
        }}
      >
        {open ? t('review.hidePreview') : t('review.showPreview')}
      </button>
      {open && <Frame load={load} />}
    </section>
  );
}
