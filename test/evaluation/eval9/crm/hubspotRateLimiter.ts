const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class HubSpotPager {
  private remaining = Infinity;
  private resetAt = 0;

  constructor(private readonly token: string) {}

  private async throttle(): Promise<void> {
    if (this.remaining <= 1 && Date.now() < this.resetAt) {
      await sleep(this.resetAt - Date.now());
    }
  }

  private record(res: Response): void {
    const remaining = res.headers.get("X-RateLimit-Remaining");
    const intervalMs = res.headers.get("X-HubSpot-RateLimit-Interval-Milliseconds");
    if (remaining !== null) this.remaining = Number(remaining);
    if (intervalMs !== null) this.resetAt = Date.now() + Number(intervalMs);
  }

  async *companies(): AsyncGenerator<Record<string, unknown>> {
    let after: string | undefined;
    do {
      await this.throttle();
      const url = new URL("https://api.hubapi.com/crm/v3/objects/companies");
      url.searchParams.set("limit", "100");
      if (after) url.searchParams.set("after", after);
      const res = await fetch(url, { headers: { Authorization: `Bearer ${this.token}` } });
      this.record(res);
      if (!res.ok) throw new Error(`HubSpot companies page failed: ${res.status}`);
      const page = (await res.json()) as { results: Record<string, unknown>[]; paging?: { next?: { after: string } } };
      yield* page.results;
      after = page.paging?.next?.after;
    } while (after);
  }
}
