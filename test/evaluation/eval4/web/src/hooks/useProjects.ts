import { useEffect, useState } from "react";
import { useRouter } from "next/navigation";

export interface Project {
  id: string;
  name: string;
  updatedAt: string;
}

export function useProjects(page: number) {
  const router = useRouter();
  const [projects, setProjects] = useState<Project[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    async function load() {
      setLoading(true);
      try {
        const res = await fetch(`/api/projects?page=${page}`, { credentials: "include" });
        if (res.status === 401) {
          router.push("/login");
          return;
        }
        if (res.status === 404) {
          if (!cancelled) setProjects([]);
          return;
        }
        if (!res.ok) {
          throw new Error(`Could not load projects (${res.status})`);
        }
        const data = (await res.json()) as { items: Project[] };
        if (!cancelled) setProjects(data.items);
      } catch (e) {
        if (!cancelled) setError(e instanceof Error ? e.message : String(e));
      } finally {
        if (!cancelled) setLoading(false);
      }
    }
    load();
    return () => {
      cancelled = true;
    };
  }, [page, router]);

  return { projects, loading, error };
}
