package dev.okrledger.query.dashboard;

import dev.okrledger.contract.event.ObjectiveLevel;
import dev.okrledger.query.web.AsOf;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

@RestController
@Tag(name = "Dashboard")
class DashboardController {

    private final DashboardQueries queries;

    DashboardController(DashboardQueries queries) {
        this.queries = queries;
    }

    @Operation(
            summary = "Objectives of a cycle grouped by level and team, with progress, pace, band, trend, "
                    + "counts per band, the at-risk list and the alignment roll-up; asOf shows the board as known then")
    @ApiResponse(
            responseCode = "200",
            description = "The dashboard, with an ETag",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Dashboard.class)))
    @ApiResponse(responseCode = "304", description = "If-None-Match named this dashboard's ETag: it has not changed")
    @GetMapping("/api/cycles/{id}/dashboard")
    ResponseEntity<byte[]> dashboard(
            @PathVariable UUID id,
            @RequestParam(required = false) String team,
            @RequestParam(required = false) ObjectiveLevel level,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size,
            @Parameter(description = "ISO-8601 date-time with offset, e.g. 2025-05-02T17:00:00Z")
                    @RequestParam(required = false)
                    String asOf) {
        DashboardQueries.checkPaging(page, size);
        // serialised once per page of the present board: readers polling an unchanged board cost a lookup
        DashboardQueries.Served served = queries.served(
                id,
                new Dashboard.Filters(team == null || team.isBlank() ? null : team, level),
                page,
                size,
                AsOf.parse(asOf));
        // Spring answers 304 itself when If-None-Match names this ETag (HttpEntityMethodProcessor)
        return ResponseEntity.ok()
                .eTag(served.etag())
                .contentType(MediaType.APPLICATION_JSON)
                .body(served.json());
    }
}
