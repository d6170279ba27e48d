package dev.okrledger.notifier.webhook;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Component
class WebhookStore {

    private static final RowMapper<Subscription> SUBSCRIPTION = (rs, n) -> new Subscription(
            rs.getObject("subscription_id", UUID.class),
            rs.getString("url"),
            rs.getString("team"),
            rs.getObject("key_result_id", UUID.class),
            WebhookFormat.valueOf(rs.getString("format")),
            rs.getTimestamp("created_at").toInstant(),
            rs.getString("created_by"));

    private static final RowMapper<Delivery> DELIVERY = (rs, n) -> new Delivery(
            rs.getLong("delivery_id"),
            rs.getObject("subscription_id", UUID.class),
            rs.getObject("alert_id", UUID.class),
            rs.getString("change"),
            rs.getString("url"),
            rs.getString("payload"),
            DeliveryStatus.valueOf(rs.getString("status")),
            rs.getInt("attempts"),
            instant(rs.getTimestamp("next_attempt_at")),
            instant(rs.getTimestamp("enqueued_at")),
            instant(rs.getTimestamp("delivered_at")),
            rs.getString("last_error"));

    private final JdbcClient jdbc;

    WebhookStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(Subscription s) {
        jdbc.sql("""
                        insert into webhook_subscription(subscription_id, url, team, key_result_id, format, created_at,
                                                         created_by)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        s.id(),
                        s.url(),
                        s.team(),
                        s.keyResultId(),
                        s.format().name(),
                        Timestamp.from(s.createdAt()),
                        s.createdBy())
                .update();
    }

    List<Subscription> subscriptions() {
        return jdbc.sql("select * from webhook_subscription order by created_at, subscription_id")
                .query(SUBSCRIPTION)
                .list();
    }

    Optional<Subscription> subscription(UUID id) {
        return jdbc.sql("select * from webhook_subscription where subscription_id = ?")
                .param(id)
                .query(SUBSCRIPTION)
                .optional();
    }

    boolean remove(UUID id) {
        return jdbc.sql("delete from webhook_subscription where subscription_id = ?")
                        .param(id)
                        .update()
                == 1;
    }

    List<Subscription> matching(String team, UUID keyResultId) {
        return jdbc.sql("""
                        select * from webhook_subscription
                         where (team is not null and team = ?) or (key_result_id is not null and key_result_id = ?)
                         order by subscription_id""").params(team, keyResultId).query(SUBSCRIPTION).list();
    }

    /** Queues a delivery; a second one for the same subscription, alert and change is ignored. */
    void enqueue(UUID subscriptionId, UUID alertId, String change, String url, String payload, Instant now) {
        jdbc.sql("""
                        insert into webhook_delivery(subscription_id, alert_id, change, url, payload, status,
                                                     next_attempt_at, enqueued_at)
                        values (?, ?, ?, ?, ?, 'PENDING', ?, ?)
                        on conflict (subscription_id, alert_id, change) do nothing""")
                .params(subscriptionId, alertId, change, url, payload, Timestamp.from(now), Timestamp.from(now))
                .update();
    }

    /** The next due delivery, locked; other instances skip it. Call inside a transaction. */
    Optional<Delivery> claimDue(Instant now) {
        return jdbc.sql("""
                        select * from webhook_delivery where status = 'PENDING' and next_attempt_at <= ?
                         order by next_attempt_at, delivery_id limit 1 for update skip locked""").param(Timestamp.from(now)).query(DELIVERY).optional();
    }

    void delivered(long id, int attempts, Instant at) {
        jdbc.sql("""
                        update webhook_delivery set status = 'DELIVERED', attempts = ?, delivered_at = ?, last_error = null
                         where delivery_id = ?""").params(attempts, Timestamp.from(at), id).update();
    }

    /** Records a failed attempt: due again at {@code nextAttemptAt}, or dead when that is null. */
    void failed(long id, int attempts, String error, Instant nextAttemptAt) {
        jdbc.sql("""
                        update webhook_delivery set attempts = ?, last_error = ?,
                               next_attempt_at = coalesce(?, next_attempt_at), status = ?
                         where delivery_id = ?""")
                .params(attempts, error, timestamp(nextAttemptAt), nextAttemptAt == null ? "DEAD" : "PENDING", id)
                .update();
    }

    long deadLetterCount() {
        return jdbc.sql("select count(*) from webhook_delivery where status = 'DEAD'")
                .query(Long.class)
                .single();
    }

    List<Delivery> deadLetters() {
        return jdbc.sql("select * from webhook_delivery where status = 'DEAD' order by delivery_id")
                .query(DELIVERY)
                .list();
    }

    List<Delivery> deliveries(UUID alertId) {
        return jdbc.sql("select * from webhook_delivery where alert_id = ? order by delivery_id")
                .param(alertId)
                .query(DELIVERY)
                .list();
    }

    Optional<Delivery> delivery(long id) {
        return jdbc.sql("select * from webhook_delivery where delivery_id = ?")
                .param(id)
                .query(DELIVERY)
                .optional();
    }

    /** Puts a dead letter back in the queue, due now, with a fresh budget of attempts. */
    boolean retry(long id, Instant now) {
        return jdbc.sql("""
                        update webhook_delivery set status = 'PENDING', attempts = 0, next_attempt_at = ?
                         where delivery_id = ? and status = 'DEAD'""").params(Timestamp.from(now), id).update() == 1;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
