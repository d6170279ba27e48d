package dev.okrledger.command.people;

import dev.okrledger.command.directory.PersonDirectory;
import dev.okrledger.command.people.PersonCommandHandler.Synced;
import dev.okrledger.command.people.PersonCommands.EditPerson;
import dev.okrledger.command.people.PersonCommands.LinkHandles;
import dev.okrledger.command.people.PersonCommands.SyncFromClaims;
import dev.okrledger.command.shared.InvalidInput;
import dev.okrledger.command.shared.StateConflict;
import dev.okrledger.command.shared.UnknownEntity;
import dev.okrledger.command.shared.VersionConflict;
import dev.okrledger.contract.event.PersonHandlesChanged;
import dev.okrledger.contract.event.PersonProfileUpdated;
import dev.okrledger.contract.event.PersonRegistered;
import dev.okrledger.contract.event.PersonTeamsChanged;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

class PersonTest {

    private static final PersonRegistered ANA = new PersonRegistered(
            "ana", "Ana Souza", "ana@example.org", "America/Sao_Paulo", List.of("support"), List.of());
    private static final SyncFromClaims ANA_SIGNS_IN =
            new SyncFromClaims("ana", "Ana Souza", "ana@example.org", "America/Sao_Paulo", List.of("support"));

    private AggregateTestFixture<Person> fixture;
    /** Who holds a handle already, as the directory would answer; ana is the one person in it. */
    private final Map<String, String> holders = new HashMap<>();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Person.class);
        fixture.registerAnnotatedCommandHandler(new PersonCommandHandler(
                fixture.getRepository(), new PersonDirectory() {
                    @Override
                    public boolean isPerson(String subject) {
                        return subject.equals("ana");
                    }

                    @Override
                    public Map<String, String> holdersOf(Collection<String> handles) {
                        Map<String, String> held = new HashMap<>(holders);
                        held.keySet().retainAll(handles);
                        return held;
                    }
                }));
    }

    @Test
    void firstSignInRegistersThePersonFromTheirClaims() {
        fixture.givenNoPriorActivity()
                .when(ANA_SIGNS_IN)
                .expectEvents(ANA)
                .expectResultMessagePayload(new Synced(0, true));
    }

    @Test
    void signingInAgainWithTheSameClaimsRecordsNothing() {
        fixture.given(ANA).when(ANA_SIGNS_IN).expectNoEvents().expectResultMessagePayload(new Synced(0, false));
    }

    @Test
    void aChangedClaimRecordsOneUpdate() {
        fixture.given(ANA)
                .when(new SyncFromClaims(
                        "ana", "Ana Souza", "ana.souza@example.org", "America/Sao_Paulo", List.of("support")))
                .expectEvents(
                        new PersonProfileUpdated("ana", "Ana Souza", "ana.souza@example.org", "America/Sao_Paulo"))
                .expectResultMessagePayload(new Synced(1, false));
    }

    @Test
    void aChangedTeamsClaimKeepsTheTeamsAnAdminSaidThePersonLeads() {
        fixture.given(ANA, new PersonTeamsChanged("ana", List.of("support"), List.of("support")))
                .when(new SyncFromClaims(
                        "ana", "Ana Souza", "ana@example.org", "America/Sao_Paulo", List.of("support", "growth")))
                .expectEvents(new PersonTeamsChanged("ana", List.of("growth", "support"), List.of("support")));
    }

    @Test
    void aClaimTheTokenDoesNotCarryKeepsWhatIsKnown() {
        fixture.given(ANA, new PersonProfileUpdated("ana", "Ana Souza", "ana@example.org", "Europe/Lisbon"))
                .when(new SyncFromClaims("ana", null, null, null, null))
                .expectNoEvents();
    }

    @Test
    void aPersonWithoutANameClaimIsNamedByTheirSubject() {
        fixture.givenNoPriorActivity()
                .when(new SyncFromClaims("ana", null, null, null, null))
                .expectEvents(new PersonRegistered("ana", "ana", null, null, List.of(), List.of()));
    }

    @Test
    void aZoneinfoClaimThatIsNoIanaZoneIsRefusedNamingTheClaim() {
        fixture.givenNoPriorActivity()
                .when(new SyncFromClaims("ana", "Ana", null, "GMT+25", List.of()))
                .expectException(InvalidInput.class)
                .expectExceptionMessage("'GMT+25' is not an IANA time zone such as Europe/Berlin")
                .expectNoEvents();
    }

    @Test
    void anAdminsEditRecordsWhatChangedAndOnlyThat() {
        fixture.given(ANA)
                .when(new EditPerson(
                        "ana",
                        "Ana Souza",
                        "ana@example.org",
                        "America/Sao_Paulo",
                        List.of("support"),
                        List.of("support"),
                        null))
                .expectEvents(new PersonTeamsChanged("ana", List.of("support"), List.of("support")));
    }

    @Test
    void anEditThatChangesNothingRecordsNothing() {
        fixture.given(ANA)
                .when(new EditPerson(
                        "ana", "Ana Souza", "ana@example.org", "America/Sao_Paulo", List.of("support"), List.of(), 0L))
                .expectNoEvents()
                .expectResultMessagePayload(0L);
    }

    @Test
    void anOffsetIsNoTimeZone() {
        fixture.given(ANA)
                .when(new EditPerson("ana", "Ana Souza", null, "+02:00", List.of(), List.of(), null))
                .expectException(InvalidInput.class)
                .expectNoEvents();
    }

    @Test
    void anEmailWithoutADomainIsRefused() {
        fixture.given(ANA)
                .when(new EditPerson("ana", "Ana Souza", "ana@localhost", null, List.of(), List.of(), null))
                .expectException(InvalidInput.class)
                .expectNoEvents();
    }

    @Test
    void onlyAPersonOfTheDirectoryCanBeEdited() {
        fixture.givenNoPriorActivity()
                .when(new EditPerson("nobody", "No Body", null, null, List.of(), List.of(), null))
                .expectException(UnknownEntity.class)
                .expectExceptionMessage("No person with id nobody");
    }

    @Test
    void anEditBasedOnAnOlderVersionIsRefused() {
        fixture.given(ANA, new PersonProfileUpdated("ana", "Ana S.", "ana@example.org", "America/Sao_Paulo"))
                .when(new EditPerson("ana", "Ana", null, null, List.of(), List.of(), 0L))
                .expectException(VersionConflict.class)
                .expectNoEvents();
    }

    @Test
    void handlesAreLinkedToAPerson() {
        fixture.given(ANA)
                .when(new LinkHandles("ana", List.of("support-lead", "ana.s"), null))
                .expectEvents(new PersonHandlesChanged("ana", List.of("ana.s", "support-lead")));
    }

    @Test
    void linkingTheSameHandlesAgainRecordsNothing() {
        holders.put("support-lead", "ana");
        fixture.given(ANA, new PersonHandlesChanged("ana", List.of("support-lead")))
                .when(new LinkHandles("ana", List.of("support-lead"), null))
                .expectNoEvents();
    }

    @Test
    void aHandleNamesOnePerson() {
        holders.put("support-lead", "kim");
        fixture.given(ANA)
                .when(new LinkHandles("ana", List.of("support-lead"), null))
                .expectException(StateConflict.class)
                .expectExceptionMessage("The handle 'support-lead' already names the person 'kim'")
                .expectNoEvents();
    }
}
