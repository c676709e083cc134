import { useEffect, useState } from "react";

export interface Member {
  id: string;
  name: string;
  role: "owner" | "admin" | "member";
}

async function loadMembers(teamId: string, attempt = 1): Promise<Member[]> {
  try {
    const res = await fetch(`/api/teams/${teamId}/members`);
    if (!res.ok) throw new Error(`members request failed (${res.status})`);
    return (await res.json()) as Member[];
  } catch (err) {
    if (attempt >= 3) throw err;
    await new Promise((resolve) => setTimeout(resolve, 1000));
    return loadMembers(teamId, attempt + 1);
  }
}

export function useTeamMembers(teamId: string) {
  const [members, setMembers] = useState<Member[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    loadMembers(teamId)
      .then((m) => !cancelled && setMembers(m))
      .catch((e: Error) => !cancelled && setError(e.message));
    return () => {
      cancelled = true;
    };
  }, [teamId]);

  return { members, error };
}

export function MemberList({ teamId }: { teamId: string }) {
  const { members, error } = useTeamMembers(teamId);
  if (error) return <p className="error">{error}</p>;
  return (
    <table>
      <tbody>
        {members.map((m) => (
          <tr key={m.id}>
            <td>{m.name}</td>
            <td>{m.role}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
