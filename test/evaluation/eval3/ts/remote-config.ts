export interface RemoteConfig {
  version: number;
  features: Record<string, boolean>;
  limits: Record<string, number>;
}

const CONFIG_URL = process.env.CONFIG_URL ?? "https://config.edge.example/v1/apps/checkout";
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let cached: RemoteConfig | null = null;

async function fetchOnce(): Promise<Response> {
  return fetch(CONFIG_URL, {
    headers: { Accept: "application/json", "If-None-Match": cached ? `"${cached.version}"` : "*" },
    signal: AbortSignal.timeout(3000),
  });
}

export async function loadConfig(): Promise<RemoteConfig> {
  let res: Response | undefined;
  for (let attempt = 0; attempt < 4; attempt++) {
    try {
      res = await fetchOnce();
      break;
    } catch (err) {
      // DNS hiccup or timeout: the edge is usually back within a second or two.
      if (attempt === 3) throw err;
      await sleep(Math.pow(2, attempt) * 250);
    }
  }
  if (res!.status === 304 && cached) return cached;
  if (!res!.ok) {
    if (cached) return cached;
    throw new Error(`remote config unavailable: ${res!.status}`);
  }
  cached = (await res!.json()) as RemoteConfig;
  return cached;
}
