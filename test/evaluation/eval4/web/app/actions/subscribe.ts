"use server";

import { z } from "zod";

const schema = z.object({ email: z.string().email(), firstName: z.string().optional() });

const LIST_ID = process.env.NEWSLETTER_LIST_ID!;
const NEWSLETTER_API = process.env.NEWSLETTER_API_URL!;

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function subscribe(formData: FormData) {
  const parsed = schema.safeParse({
    email: formData.get("email"),
    firstName: formData.get("firstName") ?? undefined,
  });
  if (!parsed.success) {
    return { ok: false, message: "Please enter a valid email address." };
  }

  const maxAttempts = 4;
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    const res = await fetch(`${NEWSLETTER_API}/lists/${LIST_ID}/members`, {
      method: "POST",
      headers: {
        Authorization: `apikey ${process.env.NEWSLETTER_API_KEY}`,
        "Content-Type": "application/json",
      },
      body: JSON.stringify({
        email_address: parsed.data.email,
        status: "pending",
        merge_fields: { FNAME: parsed.data.firstName ?? "" },
      }),
    });

    if (res.ok) return { ok: true, message: "Check your inbox to confirm." };

    const retryable = res.status === 429 || res.status >= 500;
    if (!retryable || attempt === maxAttempts) {
      return { ok: false, message: "Subscription failed, please try again later." };
    }

    const retryAfter = Number(res.headers.get("retry-after"));
    const backoff = Math.min(8000, 500 * 2 ** attempt) * Math.random();
    await wait(retryAfter > 0 ? retryAfter * 1000 : backoff);
  }
  return { ok: false, message: "Subscription failed, please try again later." };
}
