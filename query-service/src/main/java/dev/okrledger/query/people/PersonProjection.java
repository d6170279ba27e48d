package dev.okrledger.query.people;

import dev.okrledger.contract.event.EventEnvelope;
import dev.okrledger.contract.event.PersonHandlesChanged;
import dev.okrledger.contract.event.PersonProfileUpdated;
import dev.okrledger.contract.event.PersonRegistered;
import dev.okrledger.contract.event.PersonTeamsChanged;
import dev.okrledger.query.intake.ReadModelProjection;
import dev.okrledger.query.intake.ReadModelWrites;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** The people directory: one row per person, as their events say now (decision 0045). */
@Component
class PersonProjection extends ReadModelProjection {

    PersonProjection(JdbcClient jdbc) {
        super(jdbc);
    }

    @Override
    public void project(EventEnvelope envelope, ReadModelWrites writes) {
        OffsetDateTime at = OffsetDateTime.ofInstant(envelope.occurredAt(), ZoneOffset.UTC);
        if (envelope.payload() instanceof PersonRegistered e) {
            writes.update(
                    """
                            insert into person_view(subject, display_name, email, time_zone, teams, leads, version,
                                                    registered_at, updated_at)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    e.subject(),
                    e.displayName(),
                    e.email(),
                    e.timeZone(),
                    array(e.teams()),
                    array(e.leads()),
                    envelope.sequence(),
                    at,
                    at);
        } else if (envelope.payload() instanceof PersonProfileUpdated e) {
            writes.update("""
                            update person_view set display_name = ?, email = ?, time_zone = ?, version = ?, updated_at = ?
                             where subject = ?""", e.displayName(), e.email(), e.timeZone(), envelope.sequence(), at, e.subject());
        } else if (envelope.payload() instanceof PersonTeamsChanged e) {
            writes.update(
                    "update person_view set teams = ?, leads = ?, version = ?, updated_at = ? where subject = ?",
                    array(e.teams()),
                    array(e.leads()),
                    envelope.sequence(),
                    at,
                    e.subject());
        } else if (envelope.payload() instanceof PersonHandlesChanged e) {
            writes.update(
                    "update person_view set handles = ?, version = ?, updated_at = ? where subject = ?",
                    array(e.handles()),
                    envelope.sequence(),
                    at,
                    e.subject());
        }
    }

    private static String[] array(List<String> names) {
        return names.toArray(String[]::new);
    }
}
