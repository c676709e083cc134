"""Django views for the analyst console: open and look up CaseForge cases."""
import json
import logging
import uuid

import caseforge
from caseforge.exceptions import AuthenticationError, CaseForgeError, NotFoundError, ValidationError
from django.conf import settings
from django.http import HttpRequest, JsonResponse
from django.views.decorators.http import require_POST

log = logging.getLogger(__name__)

# SDK retries are disabled here: the console shows errors to the analyst right away.
client = caseforge.Client(api_key=settings.CASEFORGE_KEY, max_retries=0)


@require_POST
def open_case(request: HttpRequest) -> JsonResponse:
    body = json.loads(request.body or b"{}")
    try:
        case = client.cases.create(
            subject_id=body["subject_id"],
            case_type=body.get("case_type", "transaction_monitoring"),
            priority=body.get("priority", "medium"),
            summary=body.get("summary", ""),
            idempotency_key=str(uuid.uuid4()),
        )
    except AuthenticationError:
        log.critical("CaseForge key rejected")
        return JsonResponse({"error": "integration misconfigured"}, status=500)
    except NotFoundError:
        return JsonResponse({"error": "unknown subject"}, status=404)
    except ValidationError as e:
        return JsonResponse({"error": "invalid", "field": e.param, "message": e.message}, status=422)
    except CaseForgeError as e:
        log.error("caseforge error [%s]: %s", e.request_id, e)
        return JsonResponse({"error": "case service error"}, status=502)
    return JsonResponse({"id": case.id}, status=201)


def case_detail(request: HttpRequest, case_id: str) -> JsonResponse:
    try:
        case = client.cases.get(case_id)
    except NotFoundError:
        return JsonResponse({"error": "not found"}, status=404)
    return JsonResponse({"id": case.id, "status": case.status, "priority": case.priority})
