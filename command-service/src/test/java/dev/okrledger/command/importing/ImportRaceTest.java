package dev.okrledger.command.importing;

import dev.okrledger.command.directory.CycleFacts;
import dev.okrledger.command.directory.CycleFacts.CycleStatus;
import dev.okrledger.command.directory.ObjectiveFacts;
import dev.okrledger.command.objective.DefineObjective;
import dev.okrledger.command.support.InMemoryDirectory;
import dev.okrledger.command.support.SignedIn;
import dev.okrledger.contract.event.Cadence;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.ErrorResponseException;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * What an import does when a command fails after the rows were checked: a row another import
 * recorded meanwhile counts as already there; any other failure stops the import and says how far
 * it got. (The failures are forced here; a real race is too rare to provoke in a test.)
 */
class ImportRaceTest {

    private static final UUID CYCLE = UUID.randomUUID();
    private static final String FILE = """
            objectiveRef,objectiveTitle,level,team,keyResultTitle,baseline,target,indicator,owner
            a,A,TEAM,t,KR,1,2,LEADING,kim
            b,B,TEAM,t,,,,,
            """;

    private final InMemoryDirectory directory = new InMemoryDirectory()
            .cycle(new CycleFacts(
                    CYCLE,
                    LocalDate.parse("2026-01-05"),
                    LocalDate.parse("2026-04-06"),
                    Cadence.WEEKLY,
                    CycleStatus.ACTIVE));
    private final CommandGateway commands = mock(CommandGateway.class);
    private final CycleImport imports = new CycleImport(directory, commands);

    @BeforeEach
    void signedInAsAnAdmin() {
        SignedIn.asAdmin();
    }

    @AfterEach
    void signOut() {
        SignedIn.out();
    }

    @Test
    void aRowAnotherImportRecordedMeanwhileIsAlreadyPresent() {
        when(commands.sendAndWait(any(), any(MetaData.class))).thenAnswer(call -> {
            if (call.getArgument(0) instanceof DefineObjective define
                    && define.title().equals("A")) {
                directory.objective(new ObjectiveFacts(define.objectiveId(), CYCLE, "t"));
                throw new IllegalStateException("duplicate key value violates unique constraint");
            }
            return 0L;
        });

        ImportOutcome outcome = run();

        assertThat(outcome.objectives())
                .extracting(ImportOutcome.Item::outcome)
                .containsExactly(ImportOutcome.Status.ALREADY_PRESENT, ImportOutcome.Status.CREATED);
        assertThat(outcome.keyResults())
                .extracting(ImportOutcome.Item::outcome)
                .containsExactly(ImportOutcome.Status.CREATED);
    }

    @Test
    void anyOtherFailureStopsTheImportNamingTheRowAndWhatWasRecorded() {
        when(commands.sendAndWait(any(), any(MetaData.class))).thenAnswer(call -> {
            if (call.getArgument(0) instanceof DefineObjective define
                    && define.title().equals("B")) {
                throw new IllegalStateException("Objectives cannot be added to a closed cycle");
            }
            return 0L;
        });

        ErrorResponseException problem = catchThrowableOfType(ErrorResponseException.class, this::run);

        assertThat(problem.getStatusCode().value()).isEqualTo(409);
        assertThat(problem.getBody().getProperties())
                .containsEntry("rule", "import-interrupted")
                .containsEntry("row", 3)
                .containsEntry("recorded", 1);
        assertThat(problem.getBody().getDetail()).contains("Objectives cannot be added to a closed cycle");
    }

    private ImportOutcome run() {
        return imports.run(
                CYCLE,
                ImportFileReader.read("text/csv", FILE.getBytes(StandardCharsets.UTF_8)),
                false,
                MetaData.emptyInstance());
    }
}
