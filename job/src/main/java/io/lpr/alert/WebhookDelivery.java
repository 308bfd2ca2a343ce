package io.lpr.alert;

import io.lpr.event.Alert;
import io.lpr.util.Messages;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds the webhook from the alerts table: the oldest undelivered alerts, in order, each marked delivered once
 * the receiver accepted it. A receiver that is down holds the queue (the next alert waits, with a
 * {@link Backoff}), and since the queue is the table, nothing is lost across a restart: a new job (or this
 * one restored) goes on from the first undelivered row. An alert whose acceptance was not recorded (a crash
 * between the two) is sent again: the receiver drops it by its {@value Webhook#IDEMPOTENCY_KEY}.
 */
public final class WebhookDelivery implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookDelivery.class);
    private static final int BATCH = 100;
    /** How often an idle queue looks for new rows. */
    private static final Duration IDLE_POLL = Duration.ofMillis(500);

    private final AlertsTable table;
    private final Webhook webhook;
    private final Backoff backoff;
    private final Object lock = new Object();
    private volatile boolean closed;
    private Thread thread;

    public WebhookDelivery(AlertsTable table, Webhook webhook, Duration maxBackoff) {
        this.table = table;
        this.webhook = webhook;
        this.backoff = new Backoff(Duration.ofSeconds(1), maxBackoff);
    }

    /**
     * One pass over the queue: sends undelivered alerts in order until one fails. Returns how many the
     * receiver accepted, or -1 when one failed (the caller waits {@link Backoff#next()}).
     */
    public int deliverPending() throws SQLException {
        int delivered = 0;
        List<Alert> pending;
        do {
            pending = table.undelivered(BATCH);
            for (Alert alert : pending) {
                StringBuilder why = new StringBuilder();
                boolean accepted = webhook.post(alert, why);
                table.attempted(alert.alertId, accepted);
                if (!accepted) {
                    LOG.warn("alert webhook refused alert {} ({}); trying again later", alert.alertId, why);
                    return -1;
                }
                delivered++;
            }
        } while (pending.size() == BATCH && !closed);
        return delivered;
    }

    /** Starts delivering on a daemon thread until {@link #close()}. */
    public WebhookDelivery start() {
        thread = new Thread(this::run, "lpr-alert-webhook");
        thread.setDaemon(true);
        thread.start();
        return this;
    }

    private void run() {
        while (!closed) {
            Duration wait;
            try {
                int delivered = deliverPending();
                if (delivered >= 0) {
                    backoff.reset();
                }
                wait = delivered < 0 ? backoff.next() : IDLE_POLL;
            } catch (SQLException | RuntimeException e) {
                LOG.warn("alert webhook: cannot read the alerts table: {}", Messages.firstLine(e));
                wait = backoff.next();
            }
            synchronized (lock) {
                if (!closed) {
                    try {
                        lock.wait(wait.toMillis());
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        synchronized (lock) {
            lock.notifyAll();
        }
        if (thread != null) {
            thread.join(15_000);
        }
    }
}
