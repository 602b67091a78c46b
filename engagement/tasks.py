from celery import shared_task

from . import services


@shared_task(bind=True, acks_late=True, autoretry_for=(OSError,), retry_backoff=30, max_retries=5)
def send_notification_email(self, notification_id: int) -> bool:
    return services.notification_email_send(notification_id=notification_id)
