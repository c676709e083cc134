import requests
from flask import Blueprint, abort, current_app, render_template
from flask_login import current_user, login_required

bp = Blueprint("profile", __name__, url_prefix="/profile")


def _identity_api(path: str) -> str:
    return f"{current_app.config['IDENTITY_API']}{path}"


@bp.route("/<username>")
@login_required
def show(username):
    resp = requests.get(
        _identity_api(f"/users/{username}"),
        headers={"Authorization": f"Bearer {current_app.config['IDENTITY_TOKEN']}"},
        timeout=8,
    )
    if resp.status_code == 404:
        abort(404)
    resp.raise_for_status()
    user = resp.json()
    return render_template(
        "profile/show.html",
        user=user,
        is_self=user["id"] == current_user.get_id(),
    )


@bp.route("/<username>/avatar")
def avatar(username):
    resp = requests.get(_identity_api(f"/users/{username}/avatar"), timeout=8)
    if not resp.ok:
        return current_app.send_static_file("img/default-avatar.png")
    return resp.content, 200, {"Content-Type": resp.headers.get("Content-Type", "image/png")}
