package dev.okrledger.intake;

import dev.okrledger.contract.event.EventCodec;
import dev.okrledger.contract.event.EventEnvelope;

/**
 * How the intake reads a record's value. Services use the contract's codec ({@link #CONTRACT}); a test
 * gives another one to stand in for a build of the contract that knows fewer event types.
 */
@FunctionalInterface
public interface EventDecoder {

    EventDecoder CONTRACT = EventCodec::decode;

    /**
     * @return the envelope; its payload is null when the event's type is unknown to this build
     * @throws IllegalArgumentException when the bytes are not an event envelope at all
     */
    EventEnvelope decode(byte[] value);
}
