"""Delivers queued notifications to partner webhooks. Failed deliveries go back to RabbitMQ,
which redelivers them (with a delivery limit and a dead-letter exchange on the queue)."""
import json
import logging

import pika
import requests

log = logging.getLogger(__name__)
QUEUE = "partner-notifications"


def handle(channel, method, properties, body: bytes) -> None:
    message = json.loads(body)
    try:
        resp = requests.post(
            message["url"],
            json=message["payload"],
            headers={"Idempotency-Key": message["id"]},
            timeout=10,
        )
    except requests.RequestException as exc:
        log.warning("delivery %s could not connect: %s", message["id"], exc)
        channel.basic_nack(delivery_tag=method.delivery_tag, requeue=True)
        return

    if resp.ok:
        channel.basic_ack(delivery_tag=method.delivery_tag)
    elif resp.status_code == 429 or resp.status_code >= 500:
        log.info("delivery %s deferred (%s)", message["id"], resp.status_code)
        channel.basic_nack(delivery_tag=method.delivery_tag, requeue=True)
    else:
        log.error("delivery %s rejected (%s)", message["id"], resp.status_code)
        channel.basic_nack(delivery_tag=method.delivery_tag, requeue=False)


def main() -> None:
    connection = pika.BlockingConnection(pika.ConnectionParameters("rabbitmq"))
    channel = connection.channel()
    channel.queue_declare(
        queue=QUEUE,
        durable=True,
        arguments={"x-queue-type": "quorum", "x-delivery-limit": 5, "x-dead-letter-exchange": "dlx"},
    )
    channel.basic_qos(prefetch_count=20)
    channel.basic_consume(queue=QUEUE, on_message_callback=handle)
    channel.start_consuming()


if __name__ == "__main__":
    main()
