package dev.okrledger.command.shared;

/** A referenced cycle, objective or key result does not exist (HTTP 404, or 422 when named in a body). */
public class UnknownEntity extends RuntimeException {
    private final String entity;
    private final String field;

    public UnknownEntity(String entity, String field, Object id) {
        super("No " + entity + " with id " + id);
        this.entity = entity;
        this.field = field;
    }

    public String entity() {
        return entity;
    }

    /** The body field that named it, or null when the id came from the path. */
    public String field() {
        return field;
    }
}
