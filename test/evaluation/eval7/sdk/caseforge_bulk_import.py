"""One-off import of legacy investigations into CaseForge."""
import csv
import logging
import sys

import caseforge
from caseforge.exceptions import CaseForgeError

log = logging.getLogger("import")

client = caseforge.Client(
    max_retries=4,
    retry_on_status=[409, 429, 503],
)


def import_row(row: dict) -> str:
    case = client.cases.create(
        subject_id=row["subject"],
        case_type=row["type"],
        priority=row.get("priority", "medium"),
        summary=row["summary"][:500],
        idempotency_key=f"legacy-{row['legacy_id']}",
    )
    return case.id


def main(path: str) -> int:
    failures = 0
    with open(path, newline="") as fh:
        for row in csv.DictReader(fh):
            try:
                case_id = import_row(row)
                log.info("legacy %s -> %s", row["legacy_id"], case_id)
            except CaseForgeError as e:
                failures += 1
                log.error("legacy %s failed: %s", row["legacy_id"], e)
    return 1 if failures else 0


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    sys.exit(main(sys.argv[1]))
