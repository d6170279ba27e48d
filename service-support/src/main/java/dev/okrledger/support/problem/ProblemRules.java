package dev.okrledger.support.problem;

/**
 * Names of the mistakes every service can meet, so the same mistake has the same {@code rule}
 * everywhere (the table in docs/architecture.md). Rules of one service's domain
 * ({@code check-in-needs-active-cycle}, {@code alert-already-resolved}, …) stay with that service.
 */
public final class ProblemRules {

    /** 400: the body is not JSON at all. */
    public static final String MALFORMED_JSON = "malformed-json";
    /** 400: a body field, query parameter, path variable or header is missing or breaks its constraint. */
    public static final String INVALID_FIELD = "invalid-field";
    /** 400: a body field's value cannot be read as its type (text for a number, an unknown enum value). */
    public static final String UNREADABLE_FIELD = "unreadable-field";
    /** 400: Tomcat could not read the request itself (bad percent-encoding, NUL in the path, oversized headers). */
    public static final String MALFORMED_REQUEST = "malformed-request";
    /** 401: no valid bearer token. */
    public static final String AUTHENTICATION_REQUIRED = "authentication-required";
    /** 403: signed in, but not allowed (services name finer rules where they decide). */
    public static final String FORBIDDEN = "forbidden";
    /** 404: no endpoint at this path. Unknown ids are {@code unknown-<entity>}. */
    public static final String UNKNOWN_PATH = "unknown-path";
    /** 405: the path exists, the method does not ({@code Allow} lists the ones that do). */
    public static final String METHOD_NOT_ALLOWED = "method-not-allowed";
    /** 406: the {@code Accept} header asks for something other than JSON. */
    public static final String NOT_ACCEPTABLE = "not-acceptable";
    /** 413: the body is larger than {@code okr.security.max-request-bytes}. */
    public static final String REQUEST_SIZE_LIMIT = "request-size-limit";
    /** 415: the body is not {@code application/json}. */
    public static final String UNSUPPORTED_MEDIA_TYPE = "unsupported-media-type";
    /** 503: the service's database cannot be reached; {@code Retry-After} says when to try again. */
    public static final String DATABASE_UNAVAILABLE = "database-unavailable";
    /** 503: the Kafka broker did not take a change in time; nothing was changed, {@code Retry-After} says when to retry. */
    public static final String BROKER_UNAVAILABLE = "broker-unavailable";
    /** 500: a bug; logged with its stack trace, the answer says nothing more. */
    public static final String INTERNAL_ERROR = "internal-error";

    private ProblemRules() {}

    /** {@code unknown-cycle}, {@code unknown-alert}, …: an id that names nothing. */
    public static String unknown(String entity) {
        return "unknown-" + entity;
    }

    /**
     * The rule of an error known only by its status: Tomcat's own errors and anything that reaches
     * the servlet container's error page.
     */
    public static String forStatus(int status) {
        return switch (status) {
            case 400 -> MALFORMED_REQUEST;
            case 401 -> AUTHENTICATION_REQUIRED;
            case 403 -> FORBIDDEN;
            case 404 -> UNKNOWN_PATH;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 413 -> REQUEST_SIZE_LIMIT;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            default -> status >= 500 ? INTERNAL_ERROR : "http-" + status;
        };
    }
}
