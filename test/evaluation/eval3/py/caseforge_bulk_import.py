import csv
import random
import sys
import time

import caseforge
from caseforge.exceptions import RateLimitError, ServerError, ValidationError

# Retries are handled below, per row.
client = caseforge.Client(max_retries=0, timeout=30.0)


def import_row(row: dict) -> str | None:
    for attempt in range(4):
        try:
            case = client.cases.create(
                subject_id=row["subject_id"],
                case_type=row["case_type"],
                priority=row.get("priority", "medium"),
                summary=row["summary"],
            )
            return case.id
        except ValidationError as e:
            print(f"row {row['subject_id']}: invalid {e.param}: {e.message}", file=sys.stderr)
            return None
        except (RateLimitError, ServerError):
            if attempt == 3:
                raise
            time.sleep(2 ** attempt + random.uniform(0, 1))
    return None


def main(path: str) -> None:
    created = skipped = 0
    with open(path, newline="") as fh:
        for row in csv.DictReader(fh):
            if import_row(row):
                created += 1
            else:
                skipped += 1
    print(f"created {created}, skipped {skipped}")


if __name__ == "__main__":
    main(sys.argv[1])
