package dev.okrledger.notifier.alert;

/**
 * Told of every alert state change, inside the transaction that made it: a failure rolls the change
 * back (and the intake redelivers the event), so no output misses a committed change.
 */
public interface AlertChangeListener {

    void on(AlertChange change);
}
