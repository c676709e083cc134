import { HelpdeskClient, NotFoundError, ServerError, ValidationError } from "@acme/helpdesk-sdk";

const helpdesk = new HelpdeskClient({ apiKey: process.env.HELPDESK_API_KEY ?? "" });

export interface Escalation {
  ticketId: string;
  priority: "high" | "urgent";
  note: string;
}

export async function escalate(e: Escalation): Promise<"escalated" | "gone" | "deferred"> {
  try {
    await helpdesk.tickets.update(e.ticketId, { priority: e.priority, tags: ["escalated"] });
    await helpdesk.tickets.addInternalNote(e.ticketId, e.note);
    return "escalated";
  } catch (err) {
    if (err instanceof NotFoundError) {
      return "gone";
    } else if (err instanceof ValidationError) {
      console.error(`escalation for ${e.ticketId} rejected: ${err.message}`);
      return "gone";
    } else if (err instanceof ServerError) {
      return "deferred";
    }
    throw err;
  }
}

export async function escalateAll(items: Escalation[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = { escalated: 0, gone: 0, deferred: 0 };
  for (const item of items) {
    counts[await escalate(item)]++;
  }
  return counts;
}
