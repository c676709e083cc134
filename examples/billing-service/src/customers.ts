import { BASE_URL, BillingApiError, authHeaders } from "./http";

export interface Customer {
  id: string;
  email: string;
}

export async function getCustomer(id: string): Promise<Customer | null> {
  const res = await fetch(`${BASE_URL}/customers/${id}`, { headers: authHeaders() });
  if (res.ok) return (await res.json()) as Customer;
  switch (res.status) {
    case 404:
      return null;
    case 401:
    case 403:
      throw new BillingApiError(res.status, "check BILLING_API_KEY and its scopes");
    case 500:
    case 502:
    case 503:
    case 504:
      throw new BillingApiError(res.status, "billing is unavailable, the caller retries later");
    default:
      throw new BillingApiError(res.status, await res.text());
  }
}

export async function findCustomerByEmail(email: string): Promise<Customer | null> {
  const res = await fetch(`${BASE_URL}/customers?email=${encodeURIComponent(email)}`, { headers: authHeaders() });
  if (res.status === 404) return null;
  if (!res.ok) throw new BillingApiError(res.status, await res.text());
  const body = (await res.json()) as { data: Customer[] };
  return body.data[0] ?? null;
}
