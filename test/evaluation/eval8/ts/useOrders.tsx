import { useEffect, useState } from "react";

export interface Order {
  id: string;
  placedAt: string;
  totalCents: number;
  status: string;
}

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function useOrders(page: number) {
  const [orders, setOrders] = useState<Order[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);

  useEffect(() => {
    let cancelled = false;

    async function loadOrders(): Promise<void> {
      try {
        const res = await fetch(`/api/orders?page=${page}`, { credentials: "include" });
        if (!res.ok) throw new Error(`orders request failed: ${res.status}`);
        const body = (await res.json()) as { orders: Order[] };
        if (!cancelled) {
          setOrders(body.orders);
          setError(null);
          setLoading(false);
        }
      } catch (err) {
        if (cancelled) return;
        setError(String(err));
        await sleep(3000);
        return loadOrders();
      }
    }

    loadOrders();
    return () => {
      cancelled = true;
    };
  }, [page]);

  return { orders, error, loading };
}
