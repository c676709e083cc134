interface DailyUsage {
  date: string;
  requests: number;
  tokens: number;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export class UsageReporter {
  constructor(
    private readonly orgId: string,
    private readonly adminKey: string,
  ) {}

  private async getDay(date: string): Promise<DailyUsage> {
    const url = `https://api.modelhub.example/v1/organizations/${this.orgId}/usage?date=${date}`;
    for (let attempt = 0; attempt < 5; attempt++) {
      const res = await fetch(url, { headers: { Authorization: `Bearer ${this.adminKey}` } });
      if (res.status === 429) {
        await sleep(2000);
        continue;
      }
      if (!res.ok) throw new Error(`usage ${date}: HTTP ${res.status}`);
      return (await res.json()) as DailyUsage;
    }
    throw new Error(`usage ${date}: still rate limited`);
  }

  async lastNDays(n: number): Promise<DailyUsage[]> {
    const out: DailyUsage[] = [];
    const today = new Date();
    for (let i = 1; i <= n; i++) {
      const d = new Date(today.getTime() - i * 86_400_000).toISOString().slice(0, 10);
      out.push(await this.getDay(d));
    }
    return out;
  }
}
