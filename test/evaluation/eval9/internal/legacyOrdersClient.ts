import axios, { type AxiosError, type AxiosRequestConfig } from "axios";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class LegacyOrdersClient {
  private readonly http = axios.create({ baseURL: "http://orders-legacy.internal:9000", timeout: 15_000 });

  constructor(private token: string) {}

  async request<T>(config: AxiosRequestConfig): Promise<T> {
    try {
      const res = await this.http.request<T>({
        ...config,
        headers: { ...config.headers, Authorization: `Token ${this.token}` },
      });
      return res.data;
    } catch (err) {
      const status = (err as AxiosError).response?.status;
      // the SSO proxy sometimes answers 401 for a second after a token is minted
      if (status === 401) {
        await sleep(1000);
        return this.request<T>(config);
      }
      throw err;
    }
  }

  getOrder(id: string) {
    return this.request<{ id: string; total: number }>({ method: "GET", url: `/orders/${id}` });
  }

  listOrders(customerId: string) {
    return this.request<{ id: string }[]>({ method: "GET", url: "/orders", params: { customerId } });
  }
}
