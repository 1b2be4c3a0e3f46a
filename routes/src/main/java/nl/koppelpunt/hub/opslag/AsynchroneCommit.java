package nl.koppelpunt.hub.opslag;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Lets the current transaction commit without waiting for its WAL flush ({@code synchronous_commit = off}, for this
 * transaction only). Only for bookkeeping whose loss in a crash is harmless because something else makes up for it —
 * a "queued" mark (the recovery sweep queues again; consumers are idempotent) or an attempt counter. Never for a
 * message, a decision or an outcome: those commit synchronously.
 */
public final class AsynchroneCommit {

    private AsynchroneCommit() {
    }

    public static void voorDezeTransactie(JdbcTemplate jdbc) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("SET LOCAL needs a transaction; outside one it would have no effect");
        }
        jdbc.execute("SET LOCAL synchronous_commit TO OFF");
    }
}
