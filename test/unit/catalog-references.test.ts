/**
 * Walks every status and error code of the five API error references and
 * checks the hover (in a file relating to that API) names the status, the API
 * and what the reference says to do, with the API's name as the source, never
 * a file name. The table below is written from the reference texts in
 * shared/seeds/, independently of the catalog data files.
 */
import { describe, expect, it } from "vitest";
import { Catalog, renderExplain, renderHover } from "../../server/src/core/catalog/index";
import { explainBlocks } from "../../server/src/core/catalog/render";
import { toMarkdown } from "../../server/src/core/catalog/doc";
import type { HoverTarget } from "../../server/src/core/hover-target";

interface StatusRow {
  status: number;
  /** A phrase of the reference's "when it occurs" text. */
  when: string;
  /** A phrase of the reference's fix / handling text (omitted where the reference gives none). */
  fix?: string;
}

interface CodeRow {
  code: string;
  status: number;
  /** A phrase of the reference's description or fix for that code. */
  says: string;
}

interface Reference {
  file: string;
  api: string;
  statuses: StatusRow[];
  codes: CodeRow[];
}

const REFERENCES: Reference[] = [
  {
    file: "000_aab6f5be3d9ae2b9.txt",
    api: "CaseHug",
    statuses: [
      { status: 200, when: "Request succeeded" },
      { status: 201, when: "Resource was successfully created" },
      { status: 204, when: "no body (e.g. DELETE)" },
      { status: 400, when: "Invalid request body, missing required fields, or validation errors" },
      { status: 401, when: "Missing, invalid, or expired API key or token" },
      { status: 403, when: "Valid credentials but insufficient permissions or scope" },
      { status: 404, when: "Resource does not exist or belongs to another firm" },
      { status: 409, when: "Duplicate resource (e.g. email already exists)" },
      { status: 422, when: "Semantically invalid request (e.g. invalid state transition)" },
      {
        status: 429,
        when: "Rate limit exceeded — see Retry-After header",
        fix: "Wait for the Retry-After duration before retrying",
      },
      { status: 500, when: "Unexpected server error — contact support", fix: "start at 1s, max 3 attempts" },
      { status: 502, when: "Upstream service unavailable (temporary)", fix: "start at 1s, max 3 attempts" },
      { status: 503, when: "API is down for maintenance", fix: "status.calmintake.com" },
    ],
    codes: [
      { code: "missing_api_key", status: 401, says: "Add X-Api-Key header to your request" },
      { code: "invalid_api_key", status: 401, says: "Regenerate the key in Settings → API Keys if needed" },
      {
        code: "expired_token",
        status: 401,
        says: "Refresh your OAuth access token using the refresh_token grant",
      },
      { code: "revoked_api_key", status: 401, says: "Create a new API key" },
      {
        code: "insufficient_scope",
        status: 403,
        says: "Regenerate the API key with the required scope enabled",
      },
      { code: "firm_suspended", status: 403, says: "Contact support@calmintake.com to restore your account" },
      { code: "forbidden", status: 403, says: "The resource belongs to a different firm than the API key" },
      { code: "matter_not_found", status: 404, says: "Use GET /api/v1/matters to list valid IDs" },
      { code: "client_not_found", status: 404, says: "Check the client ID or create the client first" },
      { code: "webhook_not_found", status: 404, says: "Verify the webhook ID via GET /api/v1/webhooks" },
      {
        code: "upload_not_found",
        status: 404,
        says: "The upload ID was not returned by POST /uploads/signed-url",
      },
      {
        code: "duplicate_email",
        status: 409,
        says: "Use GET /api/v1/clients?search=email to find the existing client",
      },
      { code: "user_already_exists", status: 409, says: "The email is already a member of this firm" },
      {
        code: "rate_limit_exceeded",
        status: 429,
        says: "Wait for the Retry-After duration before retrying. Implement exponential backoff",
      },
      {
        code: "invalid_status_transition",
        status: 422,
        says: "Check valid status transitions in the endpoint docs",
      },
      {
        code: "upload_url_expired",
        status: 422,
        says: "Request a new signed URL — they expire in 15 minutes",
      },
      { code: "user_limit_reached", status: 422, says: "Upgrade your plan to add more users" },
      {
        code: "send_failed",
        status: 422,
        says: "Verify the email/phone is valid. Check your firm notification settings",
      },
      { code: "validation_error", status: 400, says: "fields" },
    ],
  },
  {
    file: "001_ea8b63d95750c594.txt",
    api: "CaseXchange",
    statuses: [
      {
        status: 400,
        when: "Invalid UUIDs or malformed dates",
        fix: "client-side validation for enums and required fields",
      },
      { status: 401, when: "Missing X-API-Key header", fix: "Avoid infinite retry loops on repeated 401s" },
      { status: 403, when: "read_only key attempting a POST", fix: "Do not retry automatically" },
      {
        status: 404,
        when: "Stale IDs cached in the client",
        fix: "Refetch parent lists to refresh stale references",
      },
      {
        status: 409,
        when: "Existing active referral to the same target firm",
        fix: "Refetch the resource before asking the user to retry",
      },
      { status: 429, when: "Rate limit exceeded for this API key", fix: "X-RateLimit-Reset" },
      { status: 500, when: "Server-side issue", fix: "start at 1 second, max 30 seconds" },
      { status: 502, when: "Server-side issue", fix: "start at 1 second, max 30 seconds" },
      { status: 503, when: "Server-side issue", fix: "start at 1 second, max 30 seconds" },
    ],
    codes: [
      { code: "invalid_api_key", status: 401, says: "API key is missing, invalid, or revoked" },
      { code: "insufficient_tier", status: 403, says: "API key tier does not permit this operation" },
      { code: "permission_denied", status: 403, says: "Caller's firm does not own the target resource" },
      { code: "validation_error", status: 400, says: "Request body or query parameters failed validation" },
      {
        code: "invalid_state_transition",
        status: 400,
        says: "The requested status change is not allowed from the current state",
      },
      { code: "resource_not_found", status: 404, says: "The referenced resource ID does not exist" },
      {
        code: "conflict",
        status: 409,
        says: "Duplicate or conflicting state (e.g., active referral already exists)",
      },
      { code: "rate_limited", status: 429, says: "Rate limit exceeded for this API key" },
      { code: "internal_error", status: 500, says: "Unexpected server error" },
    ],
  },
  {
    file: "002_1c2a67cff329ee9b.txt",
    api: "Casework",
    statuses: [
      { status: 400, when: "Missing required fields, malformed JSON, or invalid query parameters" },
      {
        status: 401,
        when: "No API key provided, or the key is invalid or expired",
        fix: "rate limit budget",
      },
      {
        status: 403,
        when: "Valid key but insufficient role, missing scope, or plan does not include the feature",
        fix: "rate limit budget",
      },
      { status: 404, when: "The requested resource does not exist, or it belongs to a different tenant" },
      { status: 409, when: "The resource has been modified since you last read it (optimistic concurrency)" },
      { status: 422, when: "fails domain validation (e.g. invalid enum value, date in the past)" },
      { status: 429, when: "exceeded the rate limit", fix: "Retry-After * (2 ^ attempt_number)" },
      {
        status: 500,
        when: "Something unexpected went wrong on our side",
        fix: "check whether the resource was created before retrying",
      },
    ],
    codes: [],
  },
  {
    file: "003_b99424a68a64b510.txt",
    api: "CaseForge",
    statuses: [
      {
        status: 400,
        when: "Malformed request — missing fields, wrong content type",
        fix: "Check request body structure against the API reference",
      },
      {
        status: 401,
        when: "Missing, invalid, or expired credential",
        fix: "Check for stray whitespace when setting env vars",
      },
      {
        status: 403,
        when: "Valid credentials, but the token lacks the required scope",
        fix: "use a key with Workspace Admin role",
      },
      {
        status: 404,
        when: "belongs to a different workspace",
        fix: "Confirm your API key is scoped to the correct workspace",
      },
      {
        status: 409,
        when: "already has an open case of the same type",
        fix: "close the existing case first",
      },
      {
        status: 422,
        when: "fails business rule validation",
        fix: "Read error.param to identify which field failed",
      },
      {
        status: 429,
        when: "Too many requests on the Sandbox tier",
        fix: "Respect the Retry-After response header",
      },
      { status: 500, when: "CaseForge infrastructure error", fix: "status.caseforge.io" },
      {
        status: 503,
        when: "brief maintenance window",
        fix: "Retry after the interval in the Retry-After header",
      },
    ],
    codes: [{ code: "case_not_found", status: 404, says: "workspace" }],
  },
  {
    file: "004_a02231a6c5cfec19.txt",
    api: "Sessions API",
    statuses: [
      {
        status: 400,
        when: "Invalid request parameters or malformed request body",
        fix: "Check that all required fields are provided and properly formatted",
      },
      {
        status: 401,
        when: "Invalid or missing API key",
        fix: "Ensure your x-api-key header is present and contains a valid API key",
      },
      { status: 403, when: "necessary permissions" },
      {
        status: 404,
        when: "The requested resource doesn't exist",
        fix: "Verify that the resource ID (e.g., session_id) is correct",
      },
      { status: 409, when: "trying to create a resource that already exists" },
      {
        status: 422,
        when: "well-formed but contains semantic errors",
        fix: "Check that your request data meets all validation requirements",
      },
      { status: 429, when: "too many requests in a short period", fix: "Please wait before retrying" },
      {
        status: 500,
        when: "An unexpected error occurred on the server",
        fix: "If this persists, please contact support",
      },
      { status: 502, when: "invalid response from an upstream server. This is usually temporary" },
      {
        status: 503,
        when: "temporarily unavailable due to maintenance or overload",
        fix: "Please try again later",
      },
    ],
    codes: [
      { code: "invalid_parameters", status: 400, says: "role_id" },
      { code: "invalid_api_key", status: 401, says: "invalid or has been revoked" },
      { code: "session_not_found", status: 404, says: "session_id" },
      { code: "rate_limit_exceeded", status: 429, says: "retry_after" },
      { code: "internal_error", status: 500, says: "request_id" },
    ],
  },
];

/** Standard names (RFC 9110; 429 from RFC 6585) of every status the references mention. */
const STANDARD_NAMES: Record<number, string> = {
  200: "OK",
  201: "Created",
  204: "No Content",
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  409: "Conflict",
  422: "Unprocessable Content",
  429: "Too Many Requests",
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
};

const catalog = Catalog.builtin();
const at = { start: 0, end: 0 };
const SEEDS = REFERENCES.map((r) => r.api);

/** Hover Markdown reduced to plain words: escapes, emphasis and code marks removed. */
function plain(markdown: string | undefined): string {
  const unmarked = (markdown ?? "").replace(/(?<!\\)\*\*?/g, "").replace(/(?<!\\)`/g, "");
  return normalise(unmarked.replace(/\\(.)/g, "$1"));
}

function normalise(s: string): string {
  return s.replace(/[’‘]/g, "'").replace(/\s+/g, " ").toLowerCase();
}

/** The hover in a file that relates to `related` (default: the five reference APIs). */
function hover(target: HoverTarget, related: readonly string[] = SEEDS): string {
  const md = renderHover(catalog, target, { related });
  expect(md, JSON.stringify(target)).toBeDefined();
  return md!;
}

/** The full `explain` document as Markdown, with `first` as the leading API. */
function explainMd(query: string, first?: string): string {
  return explainBlocks(catalog, query, first ? { related: [first] } : {})
    .map(toMarkdown)
    .join("\n\n");
}

/** The list item of one API in a hover. */
function apiItem(md: string, api: string): string | undefined {
  return md.split("\n").find((line) => line.startsWith(`- **${api}**`));
}

describe("every status of the five references", () => {
  for (const ref of REFERENCES) {
    for (const row of ref.statuses) {
      it(`${ref.api} ${row.status}`, () => {
        const md = hover({ kind: "status", status: row.status, ...at }, [ref.api]);
        expect(md.split("\n")[0]).toContain(`**${row.status} ${STANDARD_NAMES[row.status]}**`);
        const item = apiItem(md, ref.api);
        expect(item, `${ref.api} is listed for ${row.status}`).toBeDefined();
        expect(plain(item)).toContain(normalise(row.when));
        if (row.fix) expect(plain(item)).toContain(normalise(row.fix));
        expect(item).toContain(`(${ref.api} error reference)`);
        expect(md).not.toMatch(/\.txt/);
      });
    }
  }

  it("leaves the reference APIs out of a file that does not call them", () => {
    const md = hover({ kind: "status", status: 401, ...at }, []);
    for (const api of SEEDS) expect(apiItem(md, api), api).toBeUndefined();
    expect(md).toContain("`api-error-insight explain 401`");
  });
});

describe("every error code of the five references", () => {
  for (const ref of REFERENCES) {
    for (const row of ref.codes) {
      it(`${ref.api} ${row.code}`, () => {
        const md = hover({ kind: "error-code", code: row.code, ...at }, [ref.api]);
        const [first, ...rest] = md.split("\n\n");
        expect(first).toContain(`**${ref.api}** · \`${row.code}\` · ${row.status} — `);
        expect(plain(`${first}\n${rest.join("\n")}`)).toContain(normalise(row.says));
        expect(md).not.toMatch(/\.txt/);
        expect(catalog.errorCodeStatus(row.code)).toBe(row.status);
      });
    }
  }

  it("lists every other API that defines a shared code", () => {
    const md = hover({ kind: "error-code", code: "invalid_api_key", ...at }, ["CaseHug"]);
    expect(md.split("\n")[0]).toContain("**CaseHug** · `invalid_api_key`");
    const also = md.split("\n\n").find((p) => p.startsWith("Also in: "));
    for (const api of ["CaseXchange", "Sessions API", "OpenAI"]) expect(also).toContain(`**${api}**`);
    const explained = explainMd("rate_limit_exceeded");
    for (const api of ["CaseHug", "Sessions API", "OpenAI"]) expect(explained).toContain(`**${api}**`);
  });
});

describe("statuses carry the standard semantics", () => {
  it.each([
    [401, "do not retry until the credentials are fixed"],
    [404, "do not retry until the request is fixed"],
    [429, "retry after the server's wait (Retry-After), else back off"],
    [500, "retry with backoff"],
    [503, "retry after the server's wait (Retry-After), else back off"],
    [200, "success, nothing to retry"],
  ])("%i: %s", (status, verdict) => {
    expect(hover({ kind: "status", status, ...at }).split("\n")[0]).toContain(`— ${verdict}`);
  });

  it("links the RFC and the rule docs", () => {
    const md = hover({ kind: "status", status: 429, ...at });
    expect(md).toContain("](https://www.rfc-editor.org/rfc/rfc6585#section-4)");
    expect(md).toContain("/docs/rules/unhandled-rate-limit.md)");
    expect(hover({ kind: "status", status: 401, ...at })).toContain("/docs/rules/retry-on-auth-error.md)");
    expect(hover({ kind: "status", status: 422, ...at })).toContain(
      "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.21",
    );
  });

  it("shows where two APIs disagree (409: duplicate vs optimistic concurrency)", () => {
    const md = plain(explainMd("409"));
    expect(md).toContain("duplicate resource (e.g. email already exists)");
    expect(md).toContain("optimistic concurrency");
  });

  it("gives the rate limits and retry guidance of the references on 429 in explain", () => {
    const md = plain(explainMd("429"));
    expect(md).toContain("100 requests per 1 minute (api key, sliding window)");
    expect(md).toContain("5 requests per 1 hour");
    expect(md).toContain("at most 3 attempts");
    expect(md).toContain("backoff from 1 s, up to 30 s");
    expect(md).toContain("retries 429, 503 up to 2 times, exponential backoff with jitter");
    expect(md).toContain("retry_on_status");
    expect(md).toContain("retryonstatus");
  });

  it("keeps the title and the API guidance consistent on 429", () => {
    const md = hover({ kind: "status", status: 429, ...at });
    const title = md.split("\n")[0]!;
    expect(title).toContain("retry after the server's wait");
    // An API code that must not be retried is named as an exception to the status's verdict.
    const openai = hover({ kind: "status", status: 429, ...at }, ["OpenAI"]);
    expect(apiItem(openai, "OpenAI")).toContain("`insufficient_quota` (do not retry)");
    expect(plain(openai)).not.toMatch(/^.*\bdo not retry\b.*— retry/);
  });
});

describe("CaseForge SDK exception hierarchy", () => {
  const classes: [string, number | undefined][] = [
    ["CaseForgeError", undefined],
    ["APIError", undefined],
    ["AuthenticationError", 401],
    ["PermissionError", 403],
    ["NotFoundError", 404],
    ["ConflictError", 409],
    ["ValidationError", 422],
    ["RateLimitError", 429],
    ["ServerError", 500],
    ["NetworkError", undefined],
    ["TimeoutError", undefined],
  ];
  it.each(classes)("%s", (name, status) => {
    const md = hover({ kind: "exception", name, ...at }, ["CaseForge"]);
    const [title, body] = md.split("\n\n");
    expect(title).toContain(`**CaseForge** · \`${name}\``);
    expect(body).toContain("CaseForge SDK (Python, Node)");
    if (name !== "CaseForgeError") expect(body).toContain("`CaseForgeError` › ");
    if (status !== undefined) {
      expect(title).toContain(` · ${status}`);
      expect(catalog.exceptionClassStatus(name)).toBe(status);
    }
    expect(md).toContain("(CaseForge error reference)");
    expect(md).not.toMatch(/\.txt/);
  });

  it("maps classes the analysis engine asks about", () => {
    expect(catalog.exceptionClassStatus("RateLimitError")).toBe(429);
    expect(catalog.exceptionClassStatus("AuthenticationError")).toBe(401);
    expect(catalog.exceptionClassStatus("ServerError")).toBe(500);
    expect(catalog.exceptionClassStatus("caseforge.exceptions.RateLimitError")).toBe(429);
    expect(catalog.exceptionClassStatus("PermissionDeniedError")).toBe(403);
    expect(catalog.exceptionClassStatus("UnknownThing")).toBeUndefined();
  });

  it("states the SDK's default retry (429/503, 2 retries, backoff with jitter)", () => {
    const md = plain(hover({ kind: "exception", name: "ServerError", ...at }, ["CaseForge"]));
    expect(md).toContain("retries 429, 503 up to 2 times, exponential backoff with jitter");
    expect(md).toContain("max_retries/retry_on_status");
    expect(md).toContain("maxretries/retryonstatus");
  });

  it("names the common-SDK-convention family of convention classes", () => {
    for (const name of [
      "PermissionDeniedError",
      "UnprocessableEntityError",
      "InternalServerError",
      "APIConnectionError",
      "APITimeoutError",
      "HTTPError",
      "HTTPStatusError",
      "ConnectionError",
      "Timeout",
    ]) {
      const convention = catalog.exception(name)!.definitions.find((d) => !d.api)!;
      expect(convention, name).toBeDefined();
      expect(explainMd(name), name).toContain(convention.family);
    }
  });
});

describe("headers", () => {
  it.each([
    ["Retry-After", ["CaseHug", "Casework", "CaseForge", "Sessions API"], "RFC 9110 §10.2.3"],
    ["x-ratelimit-remaining", ["Casework", "Sessions API"], "below 10"],
    ["X-RateLimit-Reset", ["CaseXchange", "Sessions API"], "Unix timestamp"],
    ["X-RateLimit-Limit", ["Sessions API"], "maximum number of requests"],
    ["Idempotency-Key", ["CaseForge"], "idempotency_key="],
    ["RateLimit", [], "draft-ietf-httpapi-ratelimit-headers"],
    ["RateLimit-Policy", [], "q=100"],
  ])("%s", (name, apis, phrase) => {
    const md = explainMd(name);
    for (const api of apis) expect(apiItem(md, api), api).toBeDefined();
    expect(md.replace(/\\(.)/g, "$1")).toContain(phrase);
  });
});

describe("non-retryable codes", () => {
  it("knows codes that will not pass by waiting", () => {
    for (const code of [
      "firm_suspended",
      "user_limit_reached",
      "insufficient_tier",
      "revoked_api_key",
      "insufficient_quota",
      "invalid_api_key",
    ]) {
      expect(catalog.isNonRetryableCode(code), code).toBe(true);
    }
    for (const code of ["rate_limit_exceeded", "rate_limited", "internal_error", "no_such_code"]) {
      expect(catalog.isNonRetryableCode(code), code).toBe(false);
    }
  });

  it("says so on a 429 code that will not pass", () => {
    const md = hover({ kind: "error-code", code: "insufficient_quota", ...at }, ["OpenAI"]);
    expect(md.split("\n")[0]).toContain("do not retry");
    expect(md).toContain("Not transient:");
  });
});

describe("envelopes", () => {
  it.each([
    ["CaseHug", ["`code`", "`message`", "`details`", "details.fields"]],
    ["CaseXchange", ["meta.requestId"]],
    ["Casework", ["string `error`"]],
    ["CaseForge", ["`param`", "`doc_url`", "`request_id`"]],
    ["Sessions API", ["`code`", "`details`"]],
  ])("%s", (api, fields) => {
    const envelope = catalog.api(api)?.envelope;
    for (const f of fields) expect(envelope?.description).toContain(f);
  });

  it("explain shows an API's overview without file names", () => {
    for (const api of SEEDS) expect(renderExplain(catalog, api)).not.toMatch(/\.txt/);
  });
});
