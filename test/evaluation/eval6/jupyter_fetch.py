# %% [markdown]
# # Station readings
# Pull the last 30 days of readings for each station and plot them.

# %%
import random
import time

import matplotlib.pyplot as plt
import pandas as pd
import requests

API = "https://api.weather-stations.example.org/v1"
STATIONS = ["KSEA", "KPDX", "KSFO"]


def get_readings(station, days=30, max_attempts=5):
    url = f"{API}/stations/{station}/readings"
    for attempt in range(max_attempts):
        r = requests.get(url, params={"days": days}, timeout=30)
        if r.status_code == 429 or r.status_code >= 500:
            retry_after = r.headers.get("Retry-After")
            if retry_after and retry_after.isdigit():
                time.sleep(int(retry_after))
            else:
                time.sleep(min(30, 2 ** attempt) * random.random())
            continue
        elif r.status_code == 404:
            return []
        r.raise_for_status()
        return r.json()["readings"]
    raise RuntimeError(f"{station}: no data after {max_attempts} attempts")


# %%
frames = []
for s in STATIONS:
    df = pd.DataFrame(get_readings(s))
    df["station"] = s
    frames.append(df)
data = pd.concat(frames)
data["ts"] = pd.to_datetime(data["ts"])

# %%
data.pivot_table(index="ts", columns="station", values="temp_c").plot(figsize=(12, 4))
plt.show()
