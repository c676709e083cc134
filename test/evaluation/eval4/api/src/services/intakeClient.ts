// Thin client for the CaseHug intake API (api.calmintake.com).
const BASE_URL = "https://api.calmintake.com/v1";

export class IntakeError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly status: number,
  ) {
    super(message);
  }
}

export interface Intake {
  id: string;
  clientName: string;
  matterType: string;
}

export async function createIntake(payload: Omit<Intake, "id">, apiKey: string): Promise<Intake> {
  const res = await fetch(`${BASE_URL}/intakes`, {
    method: "POST",
    headers: { Authorization: `Bearer ${apiKey}`, "Content-Type": "application/json" },
    body: JSON.stringify(payload),
  });

  if (res.ok) {
    return (await res.json()) as Intake;
  }

  const body = await res.json().catch(() => ({}));
  const code: string = body?.error?.code ?? "unknown_error";

  switch (res.status) {
    case 400:
      throw new IntakeError(`Invalid intake: ${body?.error?.message}`, code, 400);
    case 401:
      throw new IntakeError("API key rejected", code, 401);
    case 409:
      throw new IntakeError("An open intake already exists for this client", code, 409);
    case 422:
      throw new IntakeError(`Validation failed: ${JSON.stringify(body?.error?.details)}`, code, 422);
    default:
      throw new IntakeError(`Unexpected response ${res.status}`, code, res.status);
  }
}
