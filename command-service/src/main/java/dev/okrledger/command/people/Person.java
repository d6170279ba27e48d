package dev.okrledger.command.people;

import dev.okrledger.command.people.PersonCommands.EditPerson;
import dev.okrledger.command.people.PersonCommands.LinkHandles;
import dev.okrledger.command.people.PersonCommands.SyncFromClaims;
import dev.okrledger.command.shared.InvalidInput;
import dev.okrledger.command.shared.StateConflict;
import dev.okrledger.contract.event.PersonHandlesChanged;
import dev.okrledger.contract.event.PersonProfileUpdated;
import dev.okrledger.contract.event.PersonRegistered;
import dev.okrledger.contract.event.PersonTeamsChanged;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.List;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A person of the directory (decision 0045): who they are to the identity provider (subject), name,
 * e-mail, time zone, the teams they are a member of and the ones they lead, and the key-result owner
 * handles that name them. Filled from their claims at each sign-in, edited by admins; a change that
 * changes nothing records nothing.
 */
@Aggregate
public class Person {

    @AggregateIdentifier
    private String personId;

    private String subject;
    // each part as last recorded, in the events' canonical form: an equal candidate changes nothing
    private PersonProfileUpdated profile;
    private PersonTeamsChanged teams;
    private PersonHandlesChanged handles;

    protected Person() {
        // for Axon, and for a person not registered yet
    }

    /** The aggregate of a subject: prefixed, so no subject can name the stream of a cycle, objective or key result. */
    public static String idOf(String subject) {
        return "person:" + subject;
    }

    /** Registers the person at their first sign-in; later, takes what their claims say now. */
    void syncFromClaims(SyncFromClaims claims) {
        requireValid(claims.email(), claims.timeZone(), "email", "zoneinfo");
        if (subject == null) {
            apply(new PersonRegistered(
                    claims.subject(),
                    orElse(claims.displayName(), claims.subject()),
                    claims.email(),
                    claims.timeZone(),
                    claims.teams(),
                    List.of()));
            return;
        }
        change(
                new PersonProfileUpdated(
                        subject,
                        orElse(claims.displayName(), profile.displayName()),
                        orElse(claims.email(), profile.email()),
                        orElse(claims.timeZone(), profile.timeZone())),
                new PersonTeamsChanged(
                        subject, claims.teams() == null ? teams.teams() : claims.teams(), teams.leads()));
    }

    void edit(EditPerson command) {
        requireValid(command.email(), command.timeZone(), "email", "timeZone");
        change(
                new PersonProfileUpdated(subject, command.displayName(), command.email(), command.timeZone()),
                new PersonTeamsChanged(subject, command.teams(), command.leads()));
    }

    /** @param holders who holds each of the handles already (a linked person, or the person of that subject) */
    void linkHandles(LinkHandles command, Map<String, String> holders) {
        for (String handle : command.handles()) {
            String holder = holders.get(handle);
            if (holder != null && !holder.equals(subject)) {
                throw new StateConflict(
                        "handle-names-one-person",
                        "The handle '" + handle + "' already names the person '" + holder + "'");
            }
        }
        PersonHandlesChanged changed = new PersonHandlesChanged(subject, command.handles());
        if (!changed.equals(handles)) {
            apply(changed);
        }
    }

    private void change(PersonProfileUpdated newProfile, PersonTeamsChanged newTeams) {
        if (!newProfile.equals(profile)) {
            apply(newProfile);
        }
        if (!newTeams.equals(teams)) {
            apply(newTeams);
        }
    }

    private static void requireValid(String email, String timeZone, String emailField, String timeZoneField) {
        if (email != null && !PersonalDetails.isEmailAddress(email)) {
            throw new InvalidInput("email-address", emailField, "'" + email + "' is not an e-mail address");
        }
        if (timeZone != null && !PersonalDetails.isIanaTimeZone(timeZone)) {
            throw new InvalidInput(
                    "iana-time-zone",
                    timeZoneField,
                    "'" + timeZone + "' is not an IANA time zone such as Europe/Berlin");
        }
    }

    private static String orElse(String value, String fallback) {
        return value != null ? value : fallback;
    }

    @EventSourcingHandler
    void on(PersonRegistered event) {
        personId = idOf(event.subject());
        subject = event.subject();
        profile = new PersonProfileUpdated(subject, event.displayName(), event.email(), event.timeZone());
        teams = new PersonTeamsChanged(subject, event.teams(), event.leads());
        handles = new PersonHandlesChanged(subject, List.of());
    }

    @EventSourcingHandler
    void on(PersonProfileUpdated event) {
        profile = event;
    }

    @EventSourcingHandler
    void on(PersonTeamsChanged event) {
        teams = event;
    }

    @EventSourcingHandler
    void on(PersonHandlesChanged event) {
        handles = event;
    }
}
