"""Celery task: enrich a company record from the Clearbit-style enrichment API."""
import random

import requests
from celery import shared_task
from celery.utils.log import get_task_logger

from companies.models import Company

logger = get_task_logger(__name__)

ENRICH_URL = "https://enrich.example-data.io/v2/companies/find"


@shared_task(bind=True, max_retries=5, acks_late=True)
def enrich_company(self, company_id: int) -> None:
    company = Company.objects.get(pk=company_id)
    resp = requests.get(
        ENRICH_URL,
        params={"domain": company.domain},
        headers={"Authorization": f"Bearer {company.workspace.enrich_key}"},
        timeout=15,
    )

    if resp.status_code in (403, 429, 502, 503):
        retry_after = resp.headers.get("Retry-After")
        if retry_after is not None:
            countdown = int(retry_after)
        else:
            countdown = 2 ** self.request.retries + random.uniform(0, 3)
        logger.info("enrich %s got %s, retrying in %ss", company.domain, resp.status_code, countdown)
        raise self.retry(countdown=countdown)

    if resp.status_code == 404:
        company.enrichment_status = "not_found"
        company.save(update_fields=["enrichment_status"])
        return

    resp.raise_for_status()
    data = resp.json()
    company.employee_count = data.get("metrics", {}).get("employees")
    company.industry = data.get("category", {}).get("industry", "")
    company.enrichment_status = "done"
    company.save(update_fields=["employee_count", "industry", "enrichment_status"])
