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
        return isLeadOrAdmin() || isMemberOf(team) || (owner != null && owner.equals(subject));
    }
}
