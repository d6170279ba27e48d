package dev.okrledger.notifier.alert;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping("/api/alerts")
@Tag(name = "Alerts")
class AlertController {

    private final AlertStore store;

    AlertController(AlertStore store) {
        this.store = store;
    }

    @GetMapping
    List<Alert> alerts(@RequestParam(required = false) UUID keyResultId) {
        return store.find(keyResultId);
    }
}
