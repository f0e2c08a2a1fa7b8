import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { LangProvider } from './i18n.js';
import { Router } from './router.js';
import './styles.css';

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <LangProvider>
      <Router>
        <App />
      </Router>
    </LangProvider>
  </StrictMode>,
);
