import axios from "axios";
import axiosRetry from "axios-retry";

export interface Product {
  sku: string;
  title: string;
  priceCents: number;
  inStock: boolean;
}

export const catalogApi = axios.create({
  baseURL: "https://catalog.internal.example.com/v2",
  timeout: 5000,
});

catalogApi.interceptors.request.use(async (config) => {
  config.headers.set("Authorization", `Bearer ${process.env.CATALOG_TOKEN}`);
  return config;
});

axiosRetry(catalogApi, {
  retries: 3,
  retryDelay: axiosRetry.exponentialDelay,
  retryCondition: (error) =>
    axiosRetry.isNetworkError(error) || [401, 429, 503].includes(error.response?.status ?? 0),
});

export async function getProduct(sku: string): Promise<Product> {
  const { data } = await catalogApi.get<Product>(`/products/${encodeURIComponent(sku)}`);
  return data;
}

export async function searchProducts(query: string, limit = 20): Promise<Product[]> {
  const { data } = await catalogApi.get<{ items: Product[] }>("/products", {
    params: { q: query, limit },
  });
  return data.items;
}
