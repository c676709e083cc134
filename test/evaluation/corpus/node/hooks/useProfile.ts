import { useEffect, useState } from "react";
import { useAuth } from "../auth/AuthProvider";

export interface Profile {
  id: string;
  name: string;
  avatarUrl?: string;
  plan: "free" | "pro" | "team";
}

interface ProfileState {
  profile: Profile | null;
  loading: boolean;
  error: string | null;
}

export function useProfile(userId: string | undefined): ProfileState {
  const { token, signOut } = useAuth();
  const [state, setState] = useState<ProfileState>({ profile: null, loading: true, error: null });

  useEffect(() => {
    if (!userId) return;
    const controller = new AbortController();

    (async () => {
      const res = await fetch(`/api/v1/users/${userId}/profile`, {
        headers: { Authorization: `Bearer ${token}` },
        signal: controller.signal,
      });

      if (res.status === 401) {
        signOut();
        return;
      } else if (res.status === 404) {
        setState({ profile: null, loading: false, error: "This user no longer exists." });
        return;
      } else if (!res.ok) {
        setState({ profile: null, loading: false, error: "Could not load profile." });
        return;
      }
      setState({ profile: await res.json(), loading: false, error: null });
    })().catch((err) => {
      if (err.name !== "AbortError") {
        setState({ profile: null, loading: false, error: "Network error" });
      }
    });

    return () => controller.abort();
  }, [userId, token, signOut]);

  return state;
}
