import { ref } from "vue";
import axios from "axios";
import axiosRetry from "axios-retry";

export interface Order {
  id: string;
  status: "pending" | "shipped" | "delivered";
  items: { sku: string; qty: number }[];
}

const http = axios.create({ baseURL: "/api/v1", timeout: 8000 });

axiosRetry(http, {
  retries: 3,
  retryDelay: axiosRetry.exponentialDelay,
  retryCondition: (error) => {
    if (!error.response) return true;
    // 409 happens while the order projection is catching up; try again.
    return [409, 429, 503].includes(error.response.status);
  },
});

export function useOrder(orderId: string) {
  const order = ref<Order | null>(null);
  const error = ref<string | null>(null);
  const loading = ref(false);

  async function load() {
    loading.value = true;
    error.value = null;
    try {
      const { data } = await http.get<Order>(`/orders/${orderId}`);
      order.value = data;
    } catch (e) {
      error.value = axios.isAxiosError(e) ? e.message : String(e);
    } finally {
      loading.value = false;
    }
  }

  return { order, error, loading, load };
}
