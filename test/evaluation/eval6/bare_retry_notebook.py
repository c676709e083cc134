# %%
# Scratch notebook: pull survey responses and compute NPS by segment.
import os

import pandas as pd
import requests
from tenacity import retry

SURVEY_API = "https://api.surveys.example.com/v3"
HEADERS = {"Authorization": f"Bearer {os.environ.get('SURVEY_TOKEN', '')}"}


@retry
def get_responses(survey_id, page):
    r = requests.get(
        f"{SURVEY_API}/surveys/{survey_id}/responses",
        params={"page": page, "per_page": 500},
        headers=HEADERS,
        timeout=30,
    )
    r.raise_for_status()
    return r.json()


# %%
def all_responses(survey_id):
    page, rows = 1, []
    while True:
        body = get_responses(survey_id, page)
        rows.extend(body["data"])
        if page >= body["pages"]:
            return rows
        page += 1


# %%
df = pd.DataFrame(all_responses("q3-customer-pulse"))
df["bucket"] = pd.cut(df["score"], bins=[-1, 6, 8, 10], labels=["detractor", "passive", "promoter"])
nps = df.groupby("segment")["bucket"].value_counts(normalize=True).unstack()
print(((nps["promoter"] - nps["detractor"]) * 100).round(1))
