package dev.okrledger.command.keyresult;

/** What became of a check-in, and the key result's version afterwards. */
public record CheckInOutcome(Status status, long version) {

    public enum Status {
        RECORDED,
        /** The same check-in id was recorded before with the same content: nothing new happened. */
        ALREADY_RECORDED
    }
}
