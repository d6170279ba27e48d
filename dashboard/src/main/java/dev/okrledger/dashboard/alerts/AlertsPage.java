package dev.okrledger.dashboard.alerts;

import dev.okrledger.dashboard.Display;
import dev.okrledger.dashboard.readmodel.Names;
import dev.okrledger.dashboard.readmodel.ReadModels;
import dev.okrledger.dashboard.signin.SignedIn;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The alerts inbox: the notifier's alerts by team, kind, severity and status, with acknowledge and
 * resolve. Every read and write goes to the notifier with the signed-in person's token, so the
 * notifier's permissions apply unchanged: a refusal is shown as the notifier worded it.
 */
@Controller
class AlertsPage {

    static final List<String> KINDS =
            List.of("CONFIDENCE_DROP", "RED_WITHOUT_DECISION", "BEHIND_PACE", "MISSED_CHECK_IN");
    static final List<String> SEVERITIES = List.of("RED", "AMBER");
    static final List<String> STATUSES = List.of("open", "acknowledged", "resolved", "all");

    private final NotifierClient notifier;
    private final SignedIn signedIn;
    private final ReadModels readModels;

    AlertsPage(NotifierClient notifier, SignedIn signedIn, ReadModels readModels) {
        this.notifier = notifier;
        this.signedIn = signedIn;
        this.readModels = readModels;
    }

    @GetMapping("/alerts")
    String inbox(
            @RequestParam(required = false) UUID cycleId,
            @RequestParam(required = false) String team,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String severity,
            @RequestParam(defaultValue = "open") String status,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        String shownStatus = oneOf(STATUSES, status, "open");
        String shownKind = oneOf(KINDS, kind, "");
        String shownSeverity = oneOf(SEVERITIES, severity, "");
        model.addAttribute(
                "filters",
                new Filters(cycleId, team == null ? "" : team.trim(), shownKind, shownSeverity, shownStatus));
        model.addAttribute("kinds", KINDS);
        model.addAttribute("severities", SEVERITIES);
        model.addAttribute("statuses", STATUSES);
        model.addAttribute("cycles", readModels.cycles());
        model.addAttribute("teams", readModels.teams(null));
        model.addAttribute("display", Display.INSTANCE);
        model.addAttribute("page", "alerts");
        model.addAttribute("back", request.getQueryString() == null ? "" : request.getQueryString());
        String token = signedIn.bearerToken(request, response).orElse(null);
        if (token == null) {
            model.addAttribute(
                    "unavailable", "Your sign-in has no token for the notifier any more: sign out and in again.");
            return "alerts";
        }
        NotifierClient.Answer<List<AlertItem>> answer = notifier.alerts(
                token,
                new NotifierClient.Query(cycleId, team, shownSeverity, shownStatus.equals("all") ? null : shownStatus));
        if (!answer.ok()) {
            model.addAttribute("unavailable", answer.refusal());
            return "alerts";
        }
        List<AlertItem> alerts = answer.value().stream()
                .filter(a -> shownKind.isEmpty() || shownKind.equals(a.kind()))
                .toList();
        model.addAttribute("alerts", alerts);
        model.addAttribute(
                "keyResults",
                readModels
                        .names(
                                Set.of(),
                                alerts.stream().map(AlertItem::keyResultId).collect(Collectors.toSet()))
                        .keyResults()
                        .stream()
                        .collect(Collectors.toMap(Names.KeyResultName::id, name -> name)));
        return "alerts";
    }

    @PostMapping("/alerts/{id}/acknowledge")
    String acknowledge(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String back,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes flash) {
        return act(id, "acknowledge", back, request, response, flash);
    }

    @PostMapping("/alerts/{id}/resolve")
    String resolve(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String back,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes flash) {
        return act(id, "resolve", back, request, response, flash);
    }

    private String act(
            UUID id,
            String action,
            String back,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes flash) {
        String token = signedIn.bearerToken(request, response).orElse(null);
        NotifierClient.Answer<AlertItem> answer = token == null
                ? new NotifierClient.Answer<>(
                        null, 401, "Your sign-in has no token for the notifier any more: sign out and in again.")
                : notifier.act(token, id, action);
        if (answer.ok()) {
            flash.addFlashAttribute(
                    "done",
                    (action.equals("acknowledge") ? "Acknowledged" : "Resolved") + ": "
                            + words(answer.value().kind()) + " on team "
                            + answer.value().team() + ".");
        } else {
            flash.addFlashAttribute(
                    "refused",
                    "Not " + (action.equals("acknowledge") ? "acknowledged" : "resolved") + ": " + answer.refusal());
        }
        flash.addFlashAttribute("changed", id);
        return "redirect:"
                + UriComponentsBuilder.fromPath("/alerts")
                        .query(onlyFilters(back))
                        .build()
                        .toUriString();
    }

    /** The inbox's own filters only: the way back never leads anywhere else. */
    private static String onlyFilters(String back) {
        Set<String> allowed = Set.of("cycleId", "team", "kind", "severity", "status");
        return UriComponentsBuilder.fromPath("/alerts").query(back).build().getQueryParams().entrySet().stream()
                .filter(p -> allowed.contains(p.getKey()))
                .flatMap(p -> p.getValue().stream().map(v -> p.getKey() + "=" + (v == null ? "" : v)))
                .collect(Collectors.joining("&"));
    }

    /** A filter value the inbox knows, else the fallback: unknown values are ignored, not an error page. */
    private static String oneOf(List<String> known, String value, String fallback) {
        return value != null && known.contains(value) ? value : fallback;
    }

    static String words(String kind) {
        return kind == null ? "" : kind.toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }

    public record Filters(UUID cycleId, String team, String kind, String severity, String status) {}
}
