"use client";
import { useCallback, useEffect, useState } from "react";

type Order = { id: string; placedAt: string; total: number; status: string };

type LoadState =
  | { kind: "loading" }
  | { kind: "ready"; orders: Order[] }
  | { kind: "signed-out" }
  | { kind: "offline" }
  | { kind: "failed"; status: number };

export function OrderHistory({ customerId }: { customerId: string }) {
  const [state, setState] = useState<LoadState>({ kind: "loading" });

  const load = useCallback(async () => {
    setState({ kind: "loading" });
    let res: Response;
    try {
      res = await fetch(`/api/customers/${customerId}/orders`, { credentials: "include" });
    } catch {
      // fetch only rejects when the network is down
      setState({ kind: "offline" });
      return;
    }
    if (res.status === 401) {
      setState({ kind: "signed-out" });
      return;
    }
    if (!res.ok) {
      setState({ kind: "failed", status: res.status });
      return;
    }
    setState({ kind: "ready", orders: (await res.json()) as Order[] });
  }, [customerId]);

  useEffect(() => {
    void load();
  }, [load]);

  if (state.kind === "loading") return <p>Loading orders…</p>;
  if (state.kind === "signed-out") return <a href="/login">Sign in to see your orders</a>;
  if (state.kind === "offline" || state.kind === "failed") {
    return (
      <div role="alert">
        <p>{state.kind === "offline" ? "You seem to be offline." : `Something went wrong (${state.status}).`}</p>
        <button onClick={() => void load()}>Try again</button>
      </div>
    );
  }
  return (
    <ul>
      {state.orders.map((o) => (
        <li key={o.id}>
          {new Date(o.placedAt).toLocaleDateString()} — {o.status} — €{(o.total / 100).toFixed(2)}
        </li>
      ))}
    </ul>
  );
}
