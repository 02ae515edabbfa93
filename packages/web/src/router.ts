import { useEffect, useState } from 'react';

/** The app's screens, read from the URL hash (`#/`, `#/patients/<id>`, `#/reports/<id>`). */
export type Route =
  | { readonly name: 'worklist' }
  | { readonly name: 'patient'; readonly id: string }
  | { readonly name: 'report'; readonly id: string };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '');
  const m = /^\/(patients|reports)\/([A-Za-z0-9\-.]{1,64})$/.exec(path);
  if (m?.[1] === 'patients' && m[2]) return { name: 'patient', id: m[2] };
  if (m?.[1] === 'reports' && m[2]) return { name: 'report', id: m[2] };
  return { name: 'worklist' };
}

export function hrefOf(route: Route): string {
  switch (route.name) {
    case 'worklist':
      return '#/';
    case 'patient':
      return `#/patients/${route.id}`;
    case 'report':
      return `#/reports/${route.id}`;
  }
}

/** The current route; re-renders on hash changes (links are plain anchors, so the keyboard and back button work). */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const onChange = (): void => {
      setRoute(parseRoute(location.hash));
    };
    window.addEventListener('hashchange', onChange);
    return () => {
      window.removeEventListener('hashchange', onChange);
    };
  }, []);
  return route;
}
