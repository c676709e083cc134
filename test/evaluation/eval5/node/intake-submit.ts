// Creates intake submissions; the submission endpoint is rate limited to 100/min.
const INTAKE_URL = "https://api.calmintake.com/v1/intakes";
const MAX_ATTEMPTS = 4;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function waitMs(attempt: number, retryAfter: string | null): number {
  if (retryAfter !== null) return Math.min(Number(retryAfter) * 1000, 30_000);
  const cap = Math.min(20_000, 1000 * 2 ** attempt);
  return Math.floor(Math.random() * cap);
}

export interface Intake {
  firstName: string;
  lastName: string;
  practiceArea: string;
}

export async function submitIntake(intake: Intake, apiKey: string): Promise<{ id: string }> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const res = await fetch(INTAKE_URL, {
      method: "POST",
      headers: { "X-Api-Key": apiKey, "Content-Type": "application/json" },
      body: JSON.stringify(intake),
    });
    if (res.status === 201) return res.json();
    if (res.status === 429 || res.status >= 500) {
      await sleep(waitMs(attempt, res.headers.get("retry-after")));
      continue;
    }
    throw new Error(`intake rejected: ${res.status}`);
  }
  throw new Error("intake submission failed after retries");
}

export async function getIntake(id: string, apiKey: string) {
  const res = await fetch(`${INTAKE_URL}/${id}`, { headers: { "X-Api-Key": apiKey } });
  if (!res.ok) throw new Error(`intake ${id}: ${res.status}`);
  return res.json();
}
