package dev.okrledger.support.problem;

/**
 * Something the service needs to answer (its database, the Kafka broker) is not there right now:
 * answered 503 with {@code Retry-After} by {@link CommonProblemHandler}, and nothing was changed.
 * Services throw it where they notice an outage that is not a plain JDBC failure (a broker that does
 * not acknowledge); database outages are recognised from their SQL state without it ({@link Outages}).
 */
public class DependencyUnavailable extends RuntimeException {

    private final String rule;

    /** @param rule {@link ProblemRules#DATABASE_UNAVAILABLE} or {@link ProblemRules#BROKER_UNAVAILABLE} */
    public DependencyUnavailable(String rule, String detail, Throwable cause) {
        super(detail, cause);
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }
}
