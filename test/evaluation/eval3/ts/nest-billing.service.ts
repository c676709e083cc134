import { Injectable, Logger } from "@nestjs/common";
import { HttpService } from "@nestjs/axios";
import { firstValueFrom } from "rxjs";

export interface UsageRecord {
  subscriptionId: string;
  meter: string;
  quantity: number;
  periodStart: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

@Injectable()
export class BillingService {
  private readonly logger = new Logger(BillingService.name);

  constructor(private readonly http: HttpService) {}

  async getUsage(subscriptionId: string): Promise<UsageRecord[]> {
    const url = `https://billing.internal.example/v1/subscriptions/${subscriptionId}/usage`;
    let lastError: unknown;
    for (let i = 0; i < 3; i++) {
      try {
        const response = await firstValueFrom(this.http.get<UsageRecord[]>(url));
        return response.data;
      } catch (error) {
        lastError = error;
        this.logger.warn(`usage fetch failed (attempt ${i + 1}) for ${subscriptionId}`);
        await sleep(1000);
      }
    }
    throw lastError;
  }

  async totalFor(subscriptionId: string, meter: string): Promise<number> {
    const usage = await this.getUsage(subscriptionId);
    return usage.filter((u) => u.meter === meter).reduce((sum, u) => sum + u.quantity, 0);
  }
}
