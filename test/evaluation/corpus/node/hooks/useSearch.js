import { useEffect, useRef, useState } from 'react';
import debounce from 'lodash/debounce';

const MIN_QUERY_LENGTH = 2;

export function useSearch(query, { scope = 'all', pageSize = 20 } = {}) {
  const [results, setResults] = useState([]);
  const [message, setMessage] = useState(null);
  const [loading, setLoading] = useState(false);
  const runRef = useRef(null);

  if (!runRef.current) {
    runRef.current = debounce(async (q, s, size, setters) => {
      const { setResults: put, setMessage: say, setLoading: busy } = setters;
      busy(true);
      try {
        const res = await fetch(`/api/search?q=${encodeURIComponent(q)}&scope=${s}&limit=${size}`);
        if (res.ok) {
          const body = await res.json();
          put(body.hits);
          say(body.hits.length ? null : 'No results');
          return;
        }
        switch (res.status) {
          case 400:
            say('That search could not be understood. Try fewer special characters.');
            break;
          case 401:
            window.location.assign('/login');
            break;
          case 404:
            say(`Search is not available for "${s}".`);
            break;
          default:
            say('Something went wrong.');
        }
        put([]);
      } finally {
        busy(false);
      }
    }, 300);
  }

  useEffect(() => {
    if (query.trim().length < MIN_QUERY_LENGTH) {
      setResults([]);
      return;
    }
    runRef.current(query, scope, pageSize, { setResults, setMessage, setLoading });
  }, [query, scope, pageSize]);

  return { results, message, loading };
}
