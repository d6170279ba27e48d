package dev.okrledger.dashboard.board;

import dev.okrledger.contract.event.ObjectiveLevel;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.Optional;
import java.util.UUID;

/**
 * Links of a board page that keep its filters: other pages of the same board, other weeks of the
 * replay, the live poll, and key results (as known on the same day when travelling in time).
 *
 * @param asOf the day of a time-travel board, else null
 * @param week the replayed week, else null
 */
public record BoardLinks(UUID cycleId, String team, ObjectiveLevel level, String asOf, Integer week) {

    public String page(int page) {
        return week == null ? board(page) : replay(week, page);
    }

    public String board(int page) {
        return filtered("/cycles/{id}")
                .queryParamIfPresent("asOf", optional(asOf))
                .queryParamIfPresent("page", page == 0 ? Optional.empty() : Optional.of(page))
                .buildAndExpand(cycleId)
                .encode()
                .toUriString();
    }

    public String replay(int week) {
        return replay(week, 0);
    }

    public String replay(int week, int page) {
        return filtered("/cycles/{id}/replay")
                .queryParam("week", week)
                .queryParamIfPresent("page", page == 0 ? Optional.empty() : Optional.of(page))
                .buildAndExpand(cycleId)
                .encode()
                .toUriString();
    }

    public String live(int page, String shown) {
        return filtered("/cycles/{id}/live")
                .queryParam("page", page)
                .queryParam("shown", shown)
                .buildAndExpand(cycleId)
                .encode()
                .toUriString();
    }

    public String today() {
        return filtered("/cycles/{id}").buildAndExpand(cycleId).encode().toUriString();
    }

    public String keyResult(UUID keyResultId) {
        return UriComponentsBuilder.fromPath("/key-results/{id}")
                .queryParamIfPresent("asOf", optional(asOf))
                .buildAndExpand(keyResultId)
                .encode()
                .toUriString();
    }

    private UriComponentsBuilder filtered(String path) {
        return UriComponentsBuilder.fromPath(path)
                .queryParamIfPresent("team", optional(team))
                .queryParamIfPresent("level", Optional.ofNullable(level));
    }

    private static Optional<String> optional(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }
}
