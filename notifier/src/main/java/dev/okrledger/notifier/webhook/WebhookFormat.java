package dev.okrledger.notifier.webhook;

/** JSON: the {@code okr.alerts} record itself. TEXT: {@code {"text": "..."}}, what chat webhooks expect. */
public enum WebhookFormat {
    JSON,
    TEXT
}
