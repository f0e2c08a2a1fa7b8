// The app's two languages. Japanese is the default; the choice is kept in the browser.
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';

export type Lang = 'ja' | 'en';
export interface Text {
  ja: string;
  en: string;
}

const STORAGE_KEY = 'leakaid.lang';

function initialLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'ja';
  } catch {
    return 'ja';
  }
}

interface LangState {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: (text: Text) => string;
}

const LangContext = createContext<LangState | null>(null);

export function LangProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const setLang = (next: Lang): void => {
    setLangState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Private browsing may refuse storage; the switch still works for this visit.
    }
  };
  return <LangContext.Provider value={{ lang, setLang, t: (text) => text[lang] }}>{children}</LangContext.Provider>;
}

export function useLang(): LangState {
  const state = useContext(LangContext);
  if (state === null) throw new Error('useLang outside LangProvider');
  return state;
}
