import requests
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponseForbidden, JsonResponse
from django.views.decorators.http import require_GET

CRM_URL = settings.CRM_URL


def _crm_headers():
    return {"Authorization": f"Bearer {settings.CRM_TOKEN}", "Accept": "application/json"}


@login_required
@require_GET
def company_detail(request, company_id):
    resp = requests.get(f"{CRM_URL}/companies/{company_id}", headers=_crm_headers(), timeout=10)
    if resp.status_code == 404:
        raise Http404("No such company in the CRM")
    elif resp.status_code == 403:
        return HttpResponseForbidden("The CRM integration cannot see this company")
    resp.raise_for_status()

    data = resp.json()
    return JsonResponse(
        {
            "id": data["id"],
            "name": data["properties"]["name"],
            "domain": data["properties"].get("domain"),
            "owner": data["properties"].get("hubspot_owner_id"),
        }
    )


@login_required
@require_GET
def company_search(request):
    term = request.GET.get("q", "").strip()
    if not term:
        return JsonResponse({"results": []})
    resp = requests.get(
        f"{CRM_URL}/companies/search", params={"q": term}, headers=_crm_headers(), timeout=10
    )
    resp.raise_for_status()
    return JsonResponse({"results": resp.json()["results"][:20]})
