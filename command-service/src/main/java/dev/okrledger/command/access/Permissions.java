package dev.okrledger.command.access;

import dev.okrledger.command.directory.Directory;
import dev.okrledger.command.directory.ObjectiveFacts;
import dev.okrledger.security.CurrentUser;
import dev.okrledger.security.Forbidden;
import dev.okrledger.security.OkrUser;
import dev.okrledger.security.Role;
import org.springframework.stereotype.Component;

import java.util.Set;
import java.util.UUID;

/**
 * Who may change what: an objective, its key results, check-ins and initiatives belong to the
 * owning team (and a key result also to its owner); OKR leads and admins may change everything and
 * alone steer cycles. An id the directory does not know passes here and ends in a 404 later. Changes
 * to key results are checked by their command handler on the facts it reads anyway (decision 0036).
 */
@Component
public class Permissions {

    private final Directory directory;

    public Permissions(Directory directory) {
        this.directory = directory;
    }

    public void requireCycleSteering() {
        OkrUser user = CurrentUser.get();
        if (!user.isLeadOrAdmin()) {
            throw new Forbidden(
                    "cycle-lifecycle-needs-lead-or-admin", "Only OKR leads and admins plan, activate and close cycles");
        }
    }

    public void requireTeam(String team) {
        if (!CurrentUser.get().mayChange(team, null)) {
            throw new Forbidden(
                    "team-membership-required", "Only members of team '" + team + "' (or OKR leads) may do this");
        }
    }

    public void requireObjective(UUID objectiveId) {
        directory.objective(objectiveId).map(ObjectiveFacts::team).ifPresent(this::requireTeam);
    }

    /** Measurements: the key result's writers, or a measurement source whose teams claim names the owning team. */
    public void requireMeasurementSource(UUID keyResultId) {
        directory.keyResultAccess(keyResultId).ifPresent(access -> {
            if (!CurrentUser.get().mayMeasure(access.team(), access.owner())) {
                throw new Forbidden(
                        "measurement-source-of-team-required",
                        "Only measurement sources of team '" + access.team() + "', its members, the key result's owner"
                                + " or OKR leads may record measurements");
            }
        });
    }

    /**
     * Key results, their check-ins and initiatives: checked by the key result's command handler, in its unit of
     * work, on the facts it reads for the change anyway (decision 0036).
     */
    public void requireKeyResult(Directory.KeyResultAccess access) {
        if (!CurrentUser.get().mayChange(access.team(), access.owner())) {
            throw new Forbidden(
                    "team-membership-or-ownership-required",
                    "Only members of team '" + access.team() + "', the key result's owner or OKR leads may do this");
        }
    }

    /** The people directory: admins alone set a person's details, teams, leadership and handles (decision 0045). */
    public void requirePeopleAdministration() {
        if (!CurrentUser.get().roles().contains(Role.ADMIN)) {
            throw new Forbidden("people-directory-needs-admin", "Only admins edit people in the directory");
        }
    }

    /** A sign-in's own record: a person's token, not a measurement source's (a machine feeding values). */
    public void requirePerson() {
        if (CurrentUser.get().roles().equals(Set.of(Role.MEASUREMENT_SOURCE))) {
            throw new Forbidden(
                    "people-directory-is-for-people", "A measurement source is not a person of the directory");
        }
    }
}
