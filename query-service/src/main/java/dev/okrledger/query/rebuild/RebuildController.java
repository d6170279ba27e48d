package dev.okrledger.query.rebuild;

import dev.okrledger.security.CurrentUser;
import dev.okrledger.security.Forbidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/admin/rebuild")
@Tag(name = "Admin")
class RebuildController {

    private final ReadModelRebuild rebuild;
    private final RebuildProgress progress;

    RebuildController(ReadModelRebuild rebuild, RebuildProgress progress) {
        this.rebuild = rebuild;
        this.progress = progress;
    }

    @Operation(
            summary = "Rebuild every read model from the event log in the background; the old state is "
                    + "served until the new one is complete")
    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    RebuildStatus start() {
        if (!CurrentUser.get().isLeadOrAdmin()) {
            throw new Forbidden("rebuild-needs-lead-or-admin", "Only OKR leads and admins rebuild read models");
        }
        return rebuild.start();
    }

    @Operation(summary = "State of the latest rebuild: events done/total, rate, ETA")
    @GetMapping
    RebuildStatus status() {
        return progress.current();
    }
}
