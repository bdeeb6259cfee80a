package org.migrationledger.client.flyway;

import org.flywaydb.core.api.logging.Log;
import org.flywaydb.core.api.logging.LogFactory;
import org.migrationledger.client.http.LedgerAnswer;
import org.migrationledger.client.http.LedgerClient;
import org.migrationledger.client.http.LedgerWrite;
import org.migrationledger.client.spool.Delivery;
import org.migrationledger.client.spool.Spool;

/**
 * Delivers the reports of one Flyway operation: sent, spooled when the ledger is unreachable, kept aside when refused,
 * all said in Flyway's log, and counted for the run's closing line.
 */
final class RunDelivery {

    private static final Log LOG = LogFactory.getLog(LedgerCallback.class);

    private final CallbackSettings settings;
    private final Delivery delivery;
    private int sent;
    private int spooled;
    private int refused;

    RunDelivery(CallbackSettings settings) {
        this.settings = settings;
        this.delivery = new Delivery(
                new LedgerClient(settings.connection()),
                new Spool(settings.spoolDirectory()),
                settings.onUnreachable());
    }

    /** Sends what earlier runs spooled, before this run's first report, so the ledger hears them in order. */
    void flushSpool() {
        Spool spool = delivery.spool();
        if (spool.isEmpty()) {
            return;
        }
        Spool.FlushResult result = spool.flush(new LedgerClient(settings.connection()), step -> {});
        LOG.info("Ledger: delivered " + result.sent() + " spooled report(s) from " + spool.directory()
                + (result.complete() ? "" : "; " + result.remaining() + " still wait (" + result.unreachable() + ")")
                + (result.refused() > 0 ? "; " + result.refused() + " refused, kept in " + Spool.REFUSED : ""));
    }

    void deliver(LedgerWrite write) {
        Delivery.Outcome outcome = delivery.deliver(write);
        if (outcome.spooled()) {
            spooled++;
            LOG.warn("Ledger unreachable: spooled '" + write.summary() + "' to " + outcome.spooledTo());
            return;
        }
        LedgerAnswer answer = outcome.answer();
        if (!answer.succeeded()) {
            refused++;
            delivery.spool().keepRefused(write, answer);
            LOG.warn("Ledger refused '" + write.summary() + "' (" + answer.status() + "): " + answer.problemDetail()
                    + " — kept in " + delivery.spool().directory().resolve(Spool.REFUSED));
            return;
        }
        sent++;
        answer.body()
                .path("violations")
                .forEach(v -> LOG.warn("Ledger recorded '" + write.summary() + "' with a policy violation: "
                        + v.path("code").asText() + " — " + v.path("detail").asText()));
    }

    void summarise() {
        LOG.info("Ledger: " + sent + " report(s) sent to "
                + settings.connection().url()
                + (spooled > 0
                        ? ", " + spooled + " spooled in " + delivery.spool().directory()
                                + " (run 'ledger flush' or the next migrate to deliver them)"
                        : "")
                + (refused > 0 ? ", " + refused + " refused by the ledger" : ""));
    }
}
