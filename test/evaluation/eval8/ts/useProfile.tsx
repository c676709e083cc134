import { useEffect, useState } from "react";

export interface Profile {
  id: string;
  name: string;
  avatarUrl: string | null;
  bio: string;
}

type State =
  | { status: "loading" }
  | { status: "missing" }
  | { status: "error"; message: string }
  | { status: "ready"; profile: Profile };

export function useProfile(handle: string): State {
  const [state, setState] = useState<State>({ status: "loading" });

  useEffect(() => {
    const controller = new AbortController();
    setState({ status: "loading" });

    (async () => {
      try {
        const res = await fetch(`/api/profiles/${encodeURIComponent(handle)}`, {
          signal: controller.signal,
        });
        if (res.status === 404) {
          setState({ status: "missing" });
          return;
        }
        if (!res.ok) throw new Error(`profile request failed (${res.status})`);
        setState({ status: "ready", profile: (await res.json()) as Profile });
      } catch (err) {
        if (controller.signal.aborted) return;
        setState({ status: "error", message: (err as Error).message });
      }
    })();

    return () => controller.abort();
  }, [handle]);

  return state;
}
