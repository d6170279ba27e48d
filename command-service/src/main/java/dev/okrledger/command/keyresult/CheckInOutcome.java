package dev.okrledger.command.keyresult;

public enum CheckInOutcome {
    RECORDED,
    /** The same check-in id was recorded before with the same content: nothing new happened. */
    ALREADY_RECORDED
}
