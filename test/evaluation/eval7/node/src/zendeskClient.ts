import axios, { AxiosError, AxiosInstance } from "axios";
import axiosRetry, { isNetworkOrIdempotentRequestError } from "axios-retry";

const MAX_DELAY_MS = 30_000;

function retryDelay(retryCount: number, error: AxiosError): number {
  const header = error.response?.headers?.["retry-after"];
  if (header && !Number.isNaN(Number(header))) {
    return Math.min(Number(header) * 1000, MAX_DELAY_MS);
  }
  return Math.random() * Math.min(MAX_DELAY_MS, 500 * 2 ** retryCount);
}

export function createZendeskClient(subdomain: string, email: string, token: string): AxiosInstance {
  const client = axios.create({
    baseURL: `https://${subdomain}.zendesk.com/api/v2`,
    auth: { username: `${email}/token`, password: token },
    timeout: 15_000,
  });
  axiosRetry(client, {
    retries: 4,
    retryDelay,
    retryCondition: (error) => isNetworkOrIdempotentRequestError(error) || error.response?.status === 429,
  });
  return client;
}

export async function ticketComments(client: AxiosInstance, ticketId: number): Promise<string[]> {
  const { data } = await client.get(`/tickets/${ticketId}/comments.json`);
  return data.comments.map((c: { plain_body: string }) => c.plain_body);
}
