package dev.okrledger.command.keyresult;

/** What became of a check-in or a measurement, and the key result's version afterwards. */
public record CheckInOutcome(Status status, long version) {

    public enum Status {
        RECORDED,
        /** The same check-in (or measurement) id was recorded before with the same content: nothing new happened. */
        ALREADY_RECORDED
    }
}
