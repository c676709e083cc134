import OpenAI from "openai";

const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const SYSTEM_PROMPT = "Summarize the support ticket in two sentences for the on-call engineer.";

export async function summarizeTicket(ticketText: string): Promise<string> {
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const completion = await openai.chat.completions.create({
        model: "gpt-4o-mini",
        temperature: 0.2,
        messages: [
          { role: "system", content: SYSTEM_PROMPT },
          { role: "user", content: ticketText.slice(0, 12_000) },
        ],
      });
      return completion.choices[0]?.message?.content?.trim() ?? "";
    } catch (err) {
      if (
        err instanceof OpenAI.RateLimitError ||
        err instanceof OpenAI.APIConnectionError ||
        err instanceof OpenAI.InternalServerError
      ) {
        await sleep(1000 * 2 ** attempt);
        continue;
      }
      throw err;
    }
  }
  throw new Error("summarizer: gave up after 5 attempts");
}
