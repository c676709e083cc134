import logging

import requests
from django.conf import settings
from django.http import Http404, JsonResponse
from django.views.decorators.http import require_GET, require_POST

logger = logging.getLogger(__name__)

UPSTREAM_TIMEOUT = 8
MAX_PAGE_SIZE = 500


def _upstream(path: str) -> str:
    return f"{settings.CATALOG_SERVICE_URL.rstrip('/')}/{path.lstrip('/')}"


@require_GET
def product_detail(request, slug: str):
    resp = requests.get(_upstream(f"products/{slug}"), timeout=UPSTREAM_TIMEOUT)
    if resp.status_code == 404:
        raise Http404(f"No product {slug}")
    resp.raise_for_status()
    data = resp.json()
    return JsonResponse({"slug": slug, "name": data["name"], "price": data["price"]})


@require_GET
def product_list(request):
    try:
        size = min(int(request.GET.get("size", 50)), MAX_PAGE_SIZE)
    except ValueError:
        return JsonResponse({"error": "size must be an integer"}, status=400)
    resp = requests.get(_upstream("products"), params={"limit": size}, timeout=UPSTREAM_TIMEOUT)
    resp.raise_for_status()
    return JsonResponse({"items": resp.json()["items"]})


@require_POST
def wishlist_add(request, slug: str):
    if not request.user.is_authenticated:
        return JsonResponse({"error": "login required"}, status=401)
    resp = requests.post(
        _upstream(f"users/{request.user.pk}/wishlist"),
        json={"slug": slug},
        timeout=UPSTREAM_TIMEOUT,
    )
    resp.raise_for_status()
    logger.info("user %s added %s to wishlist", request.user.pk, slug)
    return JsonResponse({"ok": True}, status=201)
