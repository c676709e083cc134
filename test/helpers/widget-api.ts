/**
 * A small user catalog (the "Widget API", whose `widget_denied` is a 401) and a
 * Python file that retries that code: the project the knowledge and CLI/editor
 * parity tests share.
 */
export const WIDGET_CATALOG = JSON.stringify({
  apis: [
    {
      name: "Widget API",
      errorCodes: [
        {
          code: "widget_denied",
          status: 401,
          description: "The widget key was revoked.",
          fix: "Issue a new widget key.",
        },
      ],
    },
  ],
});

export const WIDGETS_PY = `import random
import time

import requests


def list_widgets(api_key: str) -> list:
    for attempt in range(3):
        res = requests.get("https://api.example.com/widgets", headers={"X-Api-Key": api_key}, timeout=10)
        if res.ok:
            return res.json()["data"]
        code = res.json().get("error", {}).get("code")
        if code == "widget_denied":
            time.sleep(random.uniform(0, 2**attempt))
            continue
        res.raise_for_status()
    raise RuntimeError("widgets unavailable")
`;
