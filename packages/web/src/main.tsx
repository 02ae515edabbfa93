import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n } from './i18n/index';
import { App } from './App';
import { adoptRedirectedSession } from './api/client';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
void Promise.all([initI18n(), adoptRedirectedSession().catch(() => undefined)]).then(() => {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
