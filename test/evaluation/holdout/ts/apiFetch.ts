// Typed fetch wrapper used by the web app's data layer.
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
export class NotFound extends ApiError {}
export class Unauthorized extends ApiError {}
export class Invalid extends ApiError {
  fields: Record<string, string> = {};
}

interface ErrorBody {
  code?: string;
  message?: string;
  fields?: Record<string, string>;
}

export async function apiFetch<T>(path: string, init: RequestInit = {}): Promise<T> {
  const res = await fetch(`/api${path}`, {
    ...init,
    headers: { "content-type": "application/json", ...(init.headers ?? {}) },
    credentials: "same-origin",
  });

  if (res.ok) {
    return res.status === 204 ? (undefined as T) : ((await res.json()) as T);
  }

  const body = (await res.json().catch(() => ({}))) as ErrorBody;
  const code = body.code ?? "unknown";
  const message = body.message ?? res.statusText;

  if (res.status === 400 || res.status === 422) {
    const e = new Invalid(res.status, code, message);
    e.fields = body.fields ?? {};
    throw e;
  } else if (res.status === 401) {
    throw new Unauthorized(401, code, message);
  } else if (res.status === 404) {
    throw new NotFound(404, code, message);
  }
  throw new ApiError(res.status, code, message);
}

export const getProject = (id: string) => apiFetch<{ id: string; name: string }>(`/projects/${id}`);
export const renameProject = (id: string, name: string) =>
  apiFetch<void>(`/projects/${id}`, { method: "PATCH", body: JSON.stringify({ name }) });
