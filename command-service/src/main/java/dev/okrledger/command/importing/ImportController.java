package dev.okrledger.command.importing;

import dev.okrledger.command.web.RequestMetadata;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.util.UUID;

/** A cycle's objectives and key results from one file: docs/import-export.md describes the format. */
@RestController
@Tag(name = "Import")
class ImportController {

    static final String CSV_EXAMPLE = """
            objectiveRef,objectiveTitle,level,team,parentRef,keyResultTitle,kind,unit,baseline,target,indicator,owner,checkpoints,milestones
            platform,Make the platform trusted during peak usage,COMPANY,leadership,,Reduce Sev-1 incidents per quarter,METRIC,incidents,6,2,LAGGING,cto,2026-02-15=4,
            support,Make support faster and more predictable,TEAM,support,platform,Reduce median first response time,METRIC,hours,12,4,LEADING,support-lead,,
            support,,,,,Launch the help centre,MILESTONE,,,,LEADING,support-lead,,design;beta;launch
            """;

    static final String JSON_EXAMPLE = """
            {"rows": [
              {"objectiveRef": "support", "objectiveTitle": "Make support faster and more predictable", "level": "TEAM",
               "team": "support", "keyResultTitle": "Reduce median first response time", "unit": "hours",
               "baseline": 12, "target": 4, "indicator": "LEADING", "owner": "support-lead",
               "checkpoints": "2026-02-01=10;2026-03-01=7"}
            ]}""";

    static final String PROBLEM_EXAMPLE = """
            {"type": "urn:okr-ledger:problem:import-rows-invalid", "title": "Unprocessable Content", "status": 422,
             "rule": "import-rows-invalid", "detail": "2 faults in 2 rows of the file; nothing was recorded",
             "errors": [
               {"row": 3, "field": "target", "rule": "target-differs-from-baseline", "message": "A key result's target must differ from its baseline"},
               {"row": 5, "field": "level", "rule": "invalid-field", "message": "level is one of COMPANY, DEPARTMENT, TEAM, INDIVIDUAL; got 'SQUAD'"}]}""";

    private final CycleImport imports;
    private final RequestMetadata metadata;
    private final int maxRequestBytes;

    ImportController(
            CycleImport imports,
            RequestMetadata metadata,
            @Value("${okr.security.max-request-bytes:65536}") int maxRequestBytes) {
        this.imports = imports;
        this.metadata = metadata;
        this.maxRequestBytes = maxRequestBytes;
    }

    @Operation(
            summary = "Import a cycle's objectives and key results from CSV or JSON",
            description =
                    "One row per key result (an objective's columns repeat on its rows, or stay blank after its first row). "
                            + "Every row is checked first: any fault answers 422 listing each row and field, and nothing is recorded. "
                            + "Ids derive from the cycle and the rows' refs (and key result titles), so importing the same file "
                            + "again records nothing new: 200 instead of 201. Members import their teams' rows; leads and admins any. "
                            + "The format: docs/import-export.md.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            required = true,
            content = {
                @Content(
                        mediaType = "text/csv",
                        schema = @Schema(type = "string"),
                        examples = @ExampleObject(name = "csv", value = CSV_EXAMPLE)),
                @Content(
                        mediaType = "application/json",
                        schema = @Schema(type = "object"),
                        examples = @ExampleObject(name = "json", value = JSON_EXAMPLE))
            })
    @ApiResponse(responseCode = "201", description = "Recorded what was new")
    @ApiResponse(responseCode = "200", description = "Nothing new: every row was imported before (or dryRun)")
    @ApiResponse(
            responseCode = "422",
            description = "Rows break rules; nothing recorded",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            examples = @ExampleObject(value = PROBLEM_EXAMPLE)))
    @ApiResponse(
            responseCode = "403",
            description = "Rows of teams the user is not a member of; nothing recorded",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(
            responseCode = "415",
            description = "Neither text/csv nor application/json",
            content = @Content(mediaType = "application/problem+json"))
    @Parameter(
            name = "dryRun",
            in = ParameterIn.QUERY,
            schema = @Schema(type = "boolean", defaultValue = "false"),
            description = "check the file and the permissions, record nothing")
    @PostMapping("/api/cycles/{id}/import")
    ResponseEntity<ImportOutcome> importFile(
            @PathVariable UUID id, @Parameter(hidden = true) HttpServletRequest request) throws IOException {
        // the body is read here, after its type is known: Spring would parse a form-encoded file as parameters
        ImportFileReader.ImportFile file = ImportFileReader.read(request.getContentType(), body(request));
        boolean dryRun = Boolean.parseBoolean(request.getParameter("dryRun"));
        ImportOutcome outcome = imports.run(id, file, dryRun, metadata.current());
        return ResponseEntity.status(outcome.created() > 0 ? HttpStatus.CREATED : HttpStatus.OK)
                .body(outcome);
    }

    /** Bodies sent in chunks carry no length for the request size filter: the same limit is kept here. */
    private byte[] body(HttpServletRequest request) throws IOException {
        byte[] body = request.getInputStream().readNBytes(maxRequestBytes + 1);
        if (body.length > maxRequestBytes) {
            throw ImportProblem.of(
                    HttpStatus.CONTENT_TOO_LARGE,
                    "request-size-limit",
                    null,
                    "Request bodies are limited to " + maxRequestBytes + " bytes (okr.security.max-request-bytes)");
        }
        return body;
    }
}
