// A small history router: the app has a handful of pages, not worth a library.
import { createContext, useContext, useEffect, useState, type MouseEvent, type ReactNode } from 'react';

interface Location {
  path: string;
  search: URLSearchParams;
}

interface RouterState extends Location {
  navigate: (to: string) => void;
}

const RouterContext = createContext<RouterState | null>(null);

function current(): Location {
  return { path: window.location.pathname, search: new URLSearchParams(window.location.search) };
}

export function Router({ children }: { children: ReactNode }) {
  const [location, setLocation] = useState<Location>(current);
  useEffect(() => {
    const onPop = (): void => setLocation(current());
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const navigate = (to: string): void => {
    window.history.pushState(null, '', to);
    setLocation(current());
    window.scrollTo(0, 0);
  };
  return <RouterContext.Provider value={{ ...location, navigate }}>{children}</RouterContext.Provider>;
}

export function useRouter(): RouterState {
  const state = useContext(RouterContext);
  if (state === null) throw new Error('useRouter outside Router');
  return state;
}

export function Link({ to, className, children }: { to: string; className?: string; children: ReactNode }) {
  const { navigate } = useRouter();
  const onClick = (event: MouseEvent<HTMLAnchorElement>): void => {
    // New tabs and windows keep working as ordinary links.
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  };
  return (
    <a href={to} className={className} onClick={onClick}>
      {children}
    </a>
  );
}
