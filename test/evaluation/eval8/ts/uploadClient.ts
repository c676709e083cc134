import ky from "ky";

const API = process.env.MEDIA_API ?? "https://media.example.com/v1";

export interface UploadPayload {
  filename: string;
  contentType: string;
  sizeBytes: number;
  checksum: string;
}

export interface UploadResult {
  uploadId: string;
  putUrl: string;
  expiresAt: string;
}

export async function createUpload(payload: UploadPayload, token: string): Promise<UploadResult> {
  const res = ky.post(`${API}/uploads`, {
    json: payload,
    headers: { Authorization: `Bearer ${token}` },
    timeout: 20_000,
    retry: {
      limit: 4,
      methods: ["post"],
      statusCodes: [408, 413, 429, 500, 502, 503],
      delay: (attemptCount) => Math.random() * 300 * 2 ** attemptCount,
    },
  });
  return res.json<UploadResult>();
}

export async function putBytes(target: UploadResult, bytes: Blob): Promise<void> {
  const res = await fetch(target.putUrl, { method: "PUT", body: bytes });
  if (!res.ok) {
    throw new Error(`upload of ${target.uploadId} failed with ${res.status}`);
  }
}
