package dev.okrledger.query.support;

import dev.okrledger.contract.event.EventEnvelope;
import dev.okrledger.contract.event.EventTypes;
import dev.okrledger.contract.event.OkrEvent;
import dev.okrledger.contract.event.PersonHandlesChanged;
import dev.okrledger.contract.event.PersonProfileUpdated;
import dev.okrledger.contract.event.PersonRegistered;
import dev.okrledger.contract.event.PersonTeamsChanged;
import dev.okrledger.intake.EventIntake;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Writes people directory events as the command side publishes them: stream person:subject, one sequence per person. */
public final class People {

    private final EventIntake intake;
    private final Map<String, Long> sequences = new HashMap<>();
    private Instant clock = Instant.parse("2026-05-01T08:00:00Z");

    public People(EventIntake intake) {
        this.intake = intake;
    }

    public People registered(String subject, String name, String email, String timeZone, List<String> teams) {
        return publish(subject, new PersonRegistered(subject, name, email, timeZone, teams, List.of()));
    }

    public People profile(String subject, String name, String email, String timeZone) {
        return publish(subject, new PersonProfileUpdated(subject, name, email, timeZone));
    }

    public People teams(String subject, List<String> teams, List<String> leads) {
        return publish(subject, new PersonTeamsChanged(subject, teams, leads));
    }

    public People handles(String subject, String... handles) {
        return publish(subject, new PersonHandlesChanged(subject, List.of(handles)));
    }

    private People publish(String subject, OkrEvent event) {
        String aggregateId = "person:" + subject;
        long sequence = sequences.merge(aggregateId, 1L, Long::sum) - 1;
        clock = clock.plusSeconds(60);
        intake.accept(new EventEnvelope(
                "e-" + aggregateId + "-" + sequence,
                EventTypes.of(event).name(),
                "1",
                "Person",
                aggregateId,
                sequence,
                clock,
                subject,
                subject,
                "c-" + aggregateId,
                event));
        return this;
    }
}
