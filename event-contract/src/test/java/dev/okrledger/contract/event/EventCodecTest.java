package dev.okrledger.contract.event;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventCodecTest {

    private static EventEnvelope envelope(OkrEvent payload) {
        return new EventEnvelope(
                UUID.randomUUID().toString(),
                EventTypes.of(payload).name(),
                "1",
                "KeyResult",
                UUID.randomUUID().toString(),
                7,
                Instant.parse("2026-05-01T10:15:30Z"),
                "ana",
                "Ana",
                "corr-1",
                payload);
    }

    @Test
    void everyEventTypeRoundTripsThroughTheEnvelope() {
        UUID kr = UUID.randomUUID();
        UUID objective = UUID.randomUUID();
        OkrEvent checkIn = new CheckInRecorded(
                kr,
                objective,
                UUID.randomUUID(),
                Instant.parse("2026-05-01T12:00:00Z"),
                new BigDecimal("8.5"),
                3,
                "Two agents left",
                "Staffing",
                null);
        OkrEvent change = new ConfidenceChanged(
                kr,
                objective,
                UUID.randomUUID(),
                Instant.parse("2026-05-01T12:00:00Z"),
                7,
                3,
                ConfidenceBand.GREEN,
                ConfidenceBand.RED);
        OkrEvent measurement = new MeasurementRecorded(
                kr,
                objective,
                UUID.randomUUID(),
                new BigDecimal("7.25"),
                Instant.parse("2026-05-02T06:00:00Z"),
                "helpdesk-export");
        OkrEvent registered = new PersonRegistered(
                "5b1e7c1a-ana",
                "Ana Souza",
                "ana@example.org",
                "America/Sao_Paulo",
                List.of("support", "growth"),
                List.of("support"));
        OkrEvent profile = new PersonProfileUpdated("5b1e7c1a-ana", "Ana S.", null, "Europe/Lisbon");
        OkrEvent teams = new PersonTeamsChanged("5b1e7c1a-ana", List.of("support"), List.of());
        OkrEvent handles = new PersonHandlesChanged("5b1e7c1a-ana", List.of("support-lead"));
        for (OkrEvent event : new OkrEvent[] {checkIn, change, measurement, registered, profile, teams, handles}) {
            EventEnvelope original = envelope(event);
            assertThat(EventCodec.decode(EventCodec.encode(original))).isEqualTo(original);
        }
    }

    @Test
    void teamsAndHandlesOfAPersonAreSetsInNameOrder() {
        PersonTeamsChanged changed = new PersonTeamsChanged("ana", List.of("support", "growth", "support"), null);
        assertThat(changed.teams()).containsExactly("growth", "support");
        assertThat(changed.leads()).isEmpty();
        assertThat(changed).isEqualTo(new PersonTeamsChanged("ana", List.of("growth", "support"), List.of()));
        assertThat(changed.partitionKey()).isEqualTo("ana");
    }

    @Test
    void encodedEnvelopeIsReadableJsonWithIsoTimes() {
        String json =
                new String(EventCodec.encode(envelope(new CycleActivated(new UUID(0, 1)))), StandardCharsets.UTF_8);
        assertThat(json)
                .contains(
                        "\"type\":\"CycleActivated\"",
                        "\"occurredAt\":\"2026-05-01T10:15:30Z\"",
                        "\"cycleId\":\"00000000-0000-0000-0000-000000000001\"");
    }

    @Test
    void unknownEventTypeIsKeptWithoutPayloadSoAnOlderConsumerCanStopAtIt() {
        String json = """
                {"eventId":"e1","type":"SomethingNew","revision":"1","aggregateType":"X","aggregateId":"a1",
                 "sequence":0,"occurredAt":"2026-05-01T10:15:30Z","payload":{"whatever":1}}""";
        EventEnvelope decoded = EventCodec.decode(json.getBytes(StandardCharsets.UTF_8));
        assertThat(decoded.isKnown()).isFalse();
        assertThat(decoded.type()).isEqualTo("SomethingNew");
    }

    @Test
    void bytesThatAreNotAnEnvelopeAreRejected() {
        assertThatThrownBy(() -> EventCodec.decode("not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EventCodec.decode("{\"hello\":1}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aKnownTypeWithoutItsPayloadIsNoEnvelope() {
        String withoutPayload = """
                {"eventId":"e1","type":"CycleActivated","revision":"1","aggregateType":"Cycle","aggregateId":"a1",
                 "sequence":0,"occurredAt":"2026-05-01T10:15:30Z"}""";
        String nullPayload = withoutPayload.replace("}", ",\"payload\":null}");
        assertThatThrownBy(() -> EventCodec.decode(withoutPayload.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CycleActivated");
        assertThatThrownBy(() -> EventCodec.decode(nullPayload.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CycleActivated");
    }

    @Test
    void everySealedEventTypeIsRegistered() {
        assertThat(OkrEvent.class.getPermittedSubclasses())
                .allSatisfy(type -> assertThat(EventTypes.byClass(type)).isPresent());
    }
}
