package dev.okrledger.dashboard.readmodel;

import java.util.List;
import java.util.UUID;

/** Titles beside ids that other answers carry ({@code GET /api/names}); ids the read models do not know are left out. */
public record Names(List<ObjectiveName> objectives, List<KeyResultName> keyResults) {

    public record ObjectiveName(UUID id, String title, String team) {}

    /** A key result's title with its objective's title and team. */
    public record KeyResultName(UUID id, String title, UUID objectiveId, String objectiveTitle, String team) {}
}
