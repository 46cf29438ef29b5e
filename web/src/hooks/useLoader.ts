import { type DependencyList, useCallback, useEffect, useRef, useState } from 'react';

export type Loader<T> = {
  data: T | undefined;
  error: unknown;
  isLoading: boolean;
  reload: () => void;
  /** Replace the data with what a change returned, without another round trip. */
  setData: (data: T) => void;
};

/** Loads `fetcher()` whenever `deps` change; answers to stale requests are dropped. */
export function useLoader<T>(fetcher: () => Promise<T>, deps: DependencyList): Loader<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<unknown>();
  const [isLoading, setIsLoading] = useState(true);
  const [generation, setGeneration] = useState(0);
  const latest = useRef(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller names what the fetcher depends on
  useEffect(() => {
    const request = ++latest.current;
    setIsLoading(true);
    setError(undefined);
    fetcher().then(
      (result) => {
        if (request !== latest.current) return;
        setData(result);
        setIsLoading(false);
      },
      (failure: unknown) => {
        if (request !== latest.current) return;
        setError(failure);
        setIsLoading(false);
      },
    );
  }, [...deps, generation]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  return { data, error, isLoading, reload, setData };
}
