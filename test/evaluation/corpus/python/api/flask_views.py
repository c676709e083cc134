from flask import Blueprint, current_app, jsonify, redirect, request, url_for
import requests

bp = Blueprint("account", __name__, url_prefix="/account")

BILLING_TIMEOUT = 5


def _billing(path: str) -> str:
    return current_app.config["BILLING_URL"].rstrip("/") + path


@bp.route("/subscription", methods=["GET"])
def subscription():
    token = request.cookies.get("session")
    r = requests.get(_billing("/me/subscription"), headers={"Authorization": f"Bearer {token}"}, timeout=BILLING_TIMEOUT)

    if r.status_code == 401:
        return redirect(url_for("auth.login", next=request.path))
    elif r.status_code == 404:
        return jsonify({"plan": "free", "renews_at": None})
    elif r.status_code == 422:
        current_app.logger.warning("billing rejected the session token format")
        return jsonify({"error": "invalid session"}), 400

    r.raise_for_status()
    sub = r.json()
    return jsonify({"plan": sub["plan"], "renews_at": sub["current_period_end"]})


@bp.route("/subscription/cancel", methods=["POST"])
def cancel():
    token = request.cookies.get("session")
    r = requests.post(_billing("/me/subscription/cancel"), headers={"Authorization": f"Bearer {token}"}, timeout=BILLING_TIMEOUT)
    r.raise_for_status()
    return jsonify({"cancelled": True})
