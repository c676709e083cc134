import got from "got";

// got retries the statuses in `statusCodes`, and 401 is one of them.
export const reports = got.extend({
  prefixUrl: "https://api.example.com/reports",
  retry: { limit: 3, statusCodes: [401, 429, 500, 502, 503, 504] },
});
