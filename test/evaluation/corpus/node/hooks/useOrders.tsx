import { useCallback, useEffect, useState } from "react";
import { useNavigate } from "react-router-dom";
import { toast } from "../ui/toast";

export type Order = { id: string; total: number; placedAt: string };

type State =
  | { kind: "loading" }
  | { kind: "ready"; orders: Order[] }
  | { kind: "empty" }
  | { kind: "error"; message: string; retryable: boolean };

export function useOrders(customerId: string) {
  const [state, setState] = useState<State>({ kind: "loading" });
  const navigate = useNavigate();

  const load = useCallback(async () => {
    setState({ kind: "loading" });
    const res = await fetch(`/api/customers/${customerId}/orders`, { credentials: "include" });

    switch (res.status) {
      case 200:
        setState({ kind: "ready", orders: await res.json() });
        return;
      case 204:
      case 404:
        setState({ kind: "empty" });
        return;
      case 401:
        navigate("/login?next=/orders");
        return;
      case 429: {
        const wait = Number(res.headers.get("Retry-After") ?? "30");
        toast.info(`You're going a bit fast. Try again in ${wait}s.`);
        setState({ kind: "error", message: "Rate limited", retryable: true });
        return;
      }
      case 500:
      case 502:
      case 503:
      case 504:
        setState({ kind: "error", message: "Our servers are having trouble. Please retry.", retryable: true });
        return;
      default:
        setState({ kind: "error", message: `Unexpected response (${res.status})`, retryable: false });
    }
  }, [customerId, navigate]);

  useEffect(() => {
    void load();
  }, [load]);

  return { state, reload: load };
}
