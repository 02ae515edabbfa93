import { useCallback, useEffect, useRef, useState } from 'react';

/** What a screen shows while it loads: the data, the error, or neither yet. */
export type Load<T> =
  | { readonly state: 'loading' }
  | { readonly state: 'error'; readonly error: unknown }
  | { readonly state: 'done'; readonly data: T };

/**
 * Runs `load` whenever a dependency changes (and on `reload()`), dropping answers that arrive too late. A reload
 * keeps what is on screen until the new answer arrives, so focus and status messages are not lost.
 */
export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]): [Load<T>, () => void] {
  const [result, setResult] = useState<Load<T>>({ state: 'loading' });
  const [nonce, setNonce] = useState(0);
  const lastNonce = useRef(nonce);
  useEffect(() => {
    let live = true;
    const reloading = lastNonce.current !== nonce;
    lastNonce.current = nonce;
    setResult((prev) => (reloading && prev.state === 'done' ? prev : { state: 'loading' }));
    load().then(
      (data) => {
        if (live) setResult({ state: 'done', data });
      },
      (error: unknown) => {
        if (live) setResult({ state: 'error', error });
      },
    );
    return () => {
      live = false;
    };
  }, [...deps, nonce]);
  const reload = useCallback(() => {
    setNonce((n) => n + 1);
  }, []);
  return [result, reload];
}
