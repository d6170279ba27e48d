package dev.okrledger.command.shared;

/**
 * A command breaks a rule of the OKR domain (HTTP 422).
 *
 * @param rule  a stable, kebab-case name of the rule, e.g. {@code confidence-range}
 * @param field the request field at fault, or null when no single field is
 */
public class InvalidInput extends RuntimeException {
    private final String rule;
    private final String field;

    public InvalidInput(String rule, String field, String message) {
        super(message);
        this.rule = rule;
        this.field = field;
    }

    public String rule() {
        return rule;
    }

    public String field() {
        return field;
    }
}
