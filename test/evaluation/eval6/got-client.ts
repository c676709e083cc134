import got from "got";

export interface Package {
  name: string;
  version: string;
  dist: { tarball: string; integrity: string };
}

const registry = got.extend({
  prefixUrl: process.env.REGISTRY_URL ?? "https://registry.npmjs.org",
  timeout: { request: 20_000 },
  retry: {
    limit: 3,
    methods: ["GET", "HEAD"],
    statusCodes: [404, 429, 500, 502, 503, 504],
  },
  headers: { "user-agent": "mirror-sync/2.1" },
});

export async function getManifest(name: string, version = "latest"): Promise<Package> {
  return registry.get(`${encodeURIComponent(name)}/${version}`).json<Package>();
}

export async function mirror(names: string[]): Promise<Package[]> {
  const out: Package[] = [];
  for (const name of names) {
    const pkg = await getManifest(name);
    out.push(pkg);
    console.log(`${pkg.name}@${pkg.version}`);
  }
  return out;
}

if (require.main === module) {
  mirror(process.argv.slice(2)).catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
