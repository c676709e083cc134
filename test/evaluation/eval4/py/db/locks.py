import errno
import fcntl
import logging
import time

import psycopg
from tenacity import retry, retry_if_exception_type, stop_after_attempt, wait_fixed

log = logging.getLogger(__name__)


def acquire_file_lock(path: str, attempts: int = 50):
    """Take an exclusive lock on a file, waiting for other workers to release it."""
    fh = open(path, "a+")
    for _ in range(attempts):
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return fh
        except OSError as exc:
            if exc.errno not in (errno.EAGAIN, errno.EACCES):
                raise
            time.sleep(0.1)
    fh.close()
    raise TimeoutError(f"could not lock {path}")


@retry(
    retry=retry_if_exception_type(psycopg.errors.SerializationFailure),
    stop=stop_after_attempt(5),
    wait=wait_fixed(0.05),
    reraise=True,
)
def reserve_seat(conn: psycopg.Connection, event_id: int, user_id: int) -> int:
    with conn.transaction():
        with conn.cursor() as cur:
            cur.execute(
                "SELECT seats_left FROM events WHERE id = %s FOR UPDATE", (event_id,)
            )
            (left,) = cur.fetchone()
            if left <= 0:
                raise ValueError("event is full")
            cur.execute("UPDATE events SET seats_left = seats_left - 1 WHERE id = %s", (event_id,))
            cur.execute(
                "INSERT INTO reservations (event_id, user_id) VALUES (%s, %s) RETURNING id",
                (event_id, user_id),
            )
            return cur.fetchone()[0]
