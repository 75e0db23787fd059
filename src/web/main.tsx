import { loadMoreScripts } from './app/fonts.js';
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/dates/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.js';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// The other scripts' fonts are declared once the page has loaded and the browser is idle, so the
// ~250 kB stylesheet never competes with the first screen or the first tap on a slow phone.
const whenIdle = (run: () => void) => ('requestIdleCallback' in window ? window.requestIdleCallback(run, { timeout: 3000 }) : globalThis.setTimeout(run, 200));
window.addEventListener('load', () => whenIdle(() => void loadMoreScripts()), { once: true });
