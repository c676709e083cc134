import axios from "axios";
import axiosRetry, { isNetworkOrIdempotentRequestError, exponentialDelay } from "axios-retry";

const storage = axios.create({
  baseURL: "https://files.drop.example/api/v2",
  headers: { Authorization: `Bearer ${process.env.DROP_TOKEN}` },
});

axiosRetry(storage, {
  retries: 3,
  retryDelay: exponentialDelay,
  retryCondition: (error) =>
    isNetworkOrIdempotentRequestError(error) || (error.config?.method === "get" && error.response?.status === 429),
});

export async function presign(fileName, contentType) {
  const { data } = await storage.get("/uploads/presign", { params: { name: fileName, type: contentType } });
  return data; // { url, fields, expiresAt }
}

export async function putChunk(uploadId, index, chunk) {
  // PUT of the same chunk to the same index is idempotent.
  await storage.put(`/uploads/${uploadId}/chunks/${index}`, chunk, {
    headers: { "Content-Type": "application/octet-stream" },
  });
}

export async function uploadFile(uploadId, buffer, chunkSize = 5 * 1024 * 1024) {
  let index = 0;
  for (let offset = 0; offset < buffer.length; offset += chunkSize) {
    await putChunk(uploadId, index++, buffer.subarray(offset, offset + chunkSize));
  }
  return index;
}
