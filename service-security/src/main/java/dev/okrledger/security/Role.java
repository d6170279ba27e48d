package dev.okrledger.security;

/** Roles carried in the {@code roles} claim of a token. */
public enum Role {
    /** Runs the system: everything an OKR lead may do, and more. */
    ADMIN,
    /** Steers OKRs across teams: cycle lifecycle, any team's OKRs, rebuilds. */
    OKR_LEAD,
    /** A member of the teams in the {@code teams} claim. */
    MEMBER,
    /**
     * A machine client feeding measurements to the key results of the teams in its {@code teams}
     * claim; alone it may change nothing else.
     */
    MEASUREMENT_SOURCE
}
