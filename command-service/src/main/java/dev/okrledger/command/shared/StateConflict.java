package dev.okrledger.command.shared;

/** A command is valid in itself but not in the current state of the aggregate (HTTP 409). */
public class StateConflict extends RuntimeException {
    private final String rule;

    public StateConflict(String rule, String message) {
        super(message);
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }
}
