package dev.okrledger.security;

import java.util.Set;

/**
 * The signed-in person, from a validated token: {@code sub}, {@code name}, {@code teams} and
 * {@code roles} claims. The actor of every event is this user's subject, never a client's claim.
 */
public record OkrUser(String subject, String displayName, Set<String> teams, Set<Role> roles) {

    public OkrUser {
        teams = Set.copyOf(teams);
        roles = Set.copyOf(roles);
    }

    /** OKR leads and admins may change any team's OKRs and steer cycles. */
    public boolean isLeadOrAdmin() {
        return roles.contains(Role.ADMIN) || roles.contains(Role.OKR_LEAD);
    }

    public boolean isMemberOf(String team) {
        return team != null && teams.contains(team);
    }

    /** May change an objective of {@code team}, or a key result of it owned by {@code owner} (null if none). */
    public boolean mayChange(String team, String owner) {
        if (isOnlyMeasurementSource()) {
            return false; // its teams claim scopes what it feeds, it is no member of them
        }
        return isLeadOrAdmin() || isMemberOf(team) || (owner != null && owner.equals(subject));
    }

    /** May record measurements on a key result of {@code team} owned by {@code owner}: every writer, and its sources. */
    public boolean mayMeasure(String team, String owner) {
        return mayChange(team, owner) || (roles.contains(Role.MEASUREMENT_SOURCE) && isMemberOf(team));
    }

    private boolean isOnlyMeasurementSource() {
        return roles.equals(Set.of(Role.MEASUREMENT_SOURCE));
    }
}
