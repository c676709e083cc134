import axios from "axios";
import axiosRetry from "axios-retry";

export const reporting = axios.create({
  baseURL: process.env.REPORTING_API_URL ?? "https://reporting.example.com",
  timeout: 30_000,
});

// Session tokens on the reporting API sometimes lag behind the auth service,
// so a 401 right after login usually goes away on the next try.
axiosRetry(reporting, {
  retries: 3,
  retryCondition: (error) => {
    const status = error.response?.status ?? 0;
    return [401, 429, 502, 503].includes(status);
  },
});

export interface ReportRow {
  date: string;
  metric: string;
  value: number;
}

export async function dailyReport(accountId: string, from: string, to: string): Promise<ReportRow[]> {
  const { data } = await reporting.get<ReportRow[]>(`/accounts/${accountId}/daily`, {
    params: { from, to },
  });
  return data;
}

export async function downloadCsv(accountId: string, reportId: string): Promise<string> {
  const { data } = await reporting.get<string>(`/accounts/${accountId}/reports/${reportId}.csv`, {
    responseType: "text",
  });
  return data;
}
