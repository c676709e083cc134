import { useEffect, useState } from "react";

export interface UserProfile {
  id: string;
  displayName: string;
  avatarUrl: string | null;
}

export function useUserProfile(userId: string | undefined) {
  const [profile, setProfile] = useState<UserProfile | null>(null);
  const [notFound, setNotFound] = useState(false);
  const [error, setError] = useState<Error | null>(null);

  useEffect(() => {
    if (!userId) return;
    const controller = new AbortController();

    (async () => {
      try {
        const res = await fetch(`/api/users/${encodeURIComponent(userId)}`, {
          signal: controller.signal,
        });
        if (res.status === 404) {
          setNotFound(true);
          return;
        }
        if (!res.ok) {
          throw new Error(`Profile request failed: ${res.status} ${res.statusText}`);
        }
        setProfile((await res.json()) as UserProfile);
      } catch (e) {
        if ((e as Error).name !== "AbortError") setError(e as Error);
      }
    })();

    return () => controller.abort();
  }, [userId]);

  return { profile, notFound, error };
}

export function ProfileBadge({ userId }: { userId: string }) {
  const { profile, notFound } = useUserProfile(userId);
  if (notFound) return <span className="badge badge-muted">deleted user</span>;
  if (!profile) return <span className="badge skeleton" />;
  return (
    <span className="badge">
      {profile.avatarUrl && <img src={profile.avatarUrl} alt="" width={16} height={16} />}
      {profile.displayName}
    </span>
  );
}
