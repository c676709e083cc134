import { useQuery, useQueryClient } from "@tanstack/react-query";

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

async function getJson<T>(path: string): Promise<T> {
  const res = await fetch(`/api${path}`, { credentials: "include" });
  if (!res.ok) {
    const ra = Number(res.headers.get("Retry-After"));
    throw new HttpError(res.status, `${path} -> ${res.status}`, ra > 0 ? ra * 1000 : undefined);
  }
  return (await res.json()) as T;
}

export interface Invoice {
  id: string;
  total: number;
  status: "draft" | "open" | "paid";
}

function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= 3) return false;
  if (error instanceof HttpError) return error.status >= 500;
  return true; // network error
}

export function useInvoices(customerId: string) {
  return useQuery({
    queryKey: ["invoices", customerId],
    queryFn: () => getJson<Invoice[]>(`/customers/${customerId}/invoices`),
    retry: shouldRetry,
    retryDelay: (attempt, error) =>
      (error as HttpError).retryAfterMs ?? Math.random() * Math.min(30_000, 1000 * 2 ** attempt),
    staleTime: 60_000,
  });
}

export function useInvalidateInvoices() {
  const client = useQueryClient();
  return (customerId: string) => client.invalidateQueries({ queryKey: ["invoices", customerId] });
}
