package dev.okrledger.command.importing;

import dev.okrledger.command.directory.CycleFacts;
import dev.okrledger.command.directory.CycleFacts.CycleStatus;
import dev.okrledger.command.support.InMemoryDirectory;
import dev.okrledger.contract.event.Cadence;
import dev.okrledger.contract.event.Checkpoint;
import dev.okrledger.contract.event.KeyResultKind;
import org.junit.jupiter.api.Test;
import org.springframework.web.ErrorResponseException;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The import format read from CSV and JSON and checked row by row, without a running service. */
class ImportFileReaderTest {

    private static final UUID CYCLE = UUID.randomUUID();
    private static final CycleFacts FACTS = new CycleFacts(
            CYCLE, LocalDate.parse("2026-01-05"), LocalDate.parse("2026-04-06"), Cadence.WEEKLY, CycleStatus.ACTIVE);

    private static ImportPlan plan(String contentType, String body) {
        return new ImportValidator(CYCLE, FACTS, new InMemoryDirectory().cycle(FACTS))
                .validate(ImportFileReader.read(contentType, body.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<RowError> faults(String contentType, String body) {
        ErrorResponseException problem =
                catchThrowableOfType(ErrorResponseException.class, () -> plan(contentType, body));
        assertThat(problem).as("the file was accepted").isNotNull();
        @SuppressWarnings("unchecked")
        List<RowError> errors =
                (List<RowError>) problem.getBody().getProperties().get("errors");
        return errors;
    }

    @Test
    void aQuotedCellKeepsItsCommasAndLineBreaksAndRowsAreCountedAsASpreadsheetDoes() {
        ImportPlan plan = plan("text/csv", """
                objectiveRef,objectiveTitle,level,team,keyResultTitle,baseline,target,indicator,owner,checkpoints
                o,"Faster, kinder
                support",team,support,First response,12,4.5,leading,kim,2026-02-01=10; 2026-03-01 = 7
                o,,,,Resolution rate,55,75,LAGGING,kim,
                """);

        assertThat(plan.objectives()).hasSize(1);
        assertThat(plan.objectives().get(0).command().title()).isEqualTo("Faster, kinder\nsupport");
        assertThat(plan.keyResults())
                .extracting(ImportPlan.PlannedKeyResult::row)
                .containsExactly(2, 3);
        assertThat(plan.keyResults().get(0).command().target()).isEqualByComparingTo("4.5");
        assertThat(plan.keyResults().get(0).command().checkpoints())
                .containsExactly(
                        new Checkpoint(LocalDate.parse("2026-02-01"), new BigDecimal("10")),
                        new Checkpoint(LocalDate.parse("2026-03-01"), new BigDecimal("7")));
    }

    @Test
    void decimalCommasAndBadCheckpointsAreNamedWithTheirColumn() {
        List<RowError> errors = faults("text/csv", """
                objectiveRef,objectiveTitle,level,team,keyResultTitle,baseline,target,indicator,owner,checkpoints
                o,O,TEAM,t,A,"1,5",2,LEADING,kim,
                o,O,TEAM,t,B,1,2,LEADING,kim,2026-02-30=1
                o,O,TEAM,t,C,1,2,LEADING,kim,2026-02-01:1
                """);

        assertThat(errors)
                .extracting(e -> e.row() + " " + e.field() + " " + e.message())
                .containsExactly(
                        "2 baseline baseline is a plain decimal with a dot, such as 12.5; got '1,5'",
                        "3 checkpoints A checkpoint's date is an ISO date (YYYY-MM-DD); got '2026-02-30'",
                        "4 checkpoints A checkpoint is date=expectedValue, such as 2026-02-01=70; got '2026-02-01:1'");
    }

    @Test
    void anObjectivesRowsAgreeAndAKeyResultAppearsOnce() {
        List<RowError> errors = faults("text/csv", """
                objectiveRef,objectiveTitle,level,team,keyResultTitle,baseline,target,indicator,owner
                o,O,TEAM,t,Churn,5,3,LAGGING,kim
                o,O,team,other,CHURN,5,3,LAGGING,kim
                """);

        assertThat(errors)
                .extracting(e -> e.row() + " " + e.field() + " " + e.rule())
                .containsExactly("3 keyResultTitle import-key-result-once", "3 team import-objective-consistent");
    }

    @Test
    void jsonCellsAreTextOrNumbersAndAMilestoneKeyResultNeedsItsMilestones() {
        List<RowError> errors = faults("application/json", """
                {"rows": [
                  {"objectiveRef": "o", "objectiveTitle": "O", "level": "TEAM", "team": "t",
                   "keyResultTitle": "Ship", "kind": "MILESTONE", "indicator": "LEADING", "owner": "kim"},
                  {"objectiveRef": "o", "keyResultTitle": "Beta", "kind": "MILESTONE", "indicator": "LEADING",
                   "owner": "kim", "milestones": ["a", "b"]},
                  {"objectiveRef": "o", "keyResultTitle": "Also", "indicator": "LEADING", "owner": "kim",
                   "baseline": 1, "target": 2, "colour": "red"}
                ]}""");

        assertThat(errors)
                .extracting(e -> e.row() + " " + e.field() + " " + e.rule())
                .containsExactly(
                        "1 milestones milestone-key-result-has-milestones", "2 milestones import-cell-text",
                        "2 milestones milestone-key-result-has-milestones", "3 colour import-column-known");
    }

    @Test
    void theSameRowsNameTheSameIdsWhateverTheirCaseOrSpacing() {
        ImportPlan csv = plan("text/csv", """
                objectiveRef,objectiveTitle,level,team,keyResultTitle,kind,indicator,owner,milestones
                o,O,TEAM,t,Launch  the Help Centre,milestone,LEADING,kim,design;beta;launch
                """);
        ImportPlan json = plan("application/json", """
                {"rows": [{"objectiveRef": "o", "objectiveTitle": "O", "level": "TEAM", "team": "t",
                           "keyResultTitle": "launch the help centre", "kind": "MILESTONE", "indicator": "LEADING",
                           "owner": "kim", "milestones": "design;beta;launch"}]}""");

        assertThat(csv.keyResults().get(0).command().keyResultId())
                .isEqualTo(json.keyResults().get(0).command().keyResultId());
        assertThat(csv.keyResults().get(0).command().kind()).isEqualTo(KeyResultKind.MILESTONE);
        assertThat(csv.objectives().get(0).command().objectiveId()).isEqualTo(ImportIds.objective(CYCLE, "o"));
    }
}
