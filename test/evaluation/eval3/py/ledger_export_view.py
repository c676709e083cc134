import os

import requests
from flask import Blueprint, Response, abort, request

bp = Blueprint("ledger_export", __name__)
LEDGER_API = os.environ.get("LEDGER_API", "https://ledger.internal.example/api")


@bp.get("/accounts/<account_id>/statement.csv")
def statement_csv(account_id: str):
    month = request.args.get("month")
    if not month:
        abort(400, "month is required (YYYY-MM)")
    try:
        upstream = requests.get(
            f"{LEDGER_API}/accounts/{account_id}/statements/{month}",
            headers={"Authorization": request.headers.get("Authorization", "")},
            timeout=20,
        )
        upstream.raise_for_status()
    except requests.HTTPError as e:
        status = e.response.status_code
        if status == 404:
            abort(404, "no statement for that month")
        if status == 403:
            abort(403)
        if status >= 500:
            abort(503, "ledger is unavailable, try again shortly")
        abort(502)

    return Response(
        upstream.content,
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="{account_id}-{month}.csv"'},
    )
