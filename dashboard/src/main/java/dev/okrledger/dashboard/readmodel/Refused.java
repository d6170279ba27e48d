package dev.okrledger.dashboard.readmodel;

/**
 * A service did not give a page what it needs: its refusal (an unknown id is 404, a bad parameter 400,
 * with the service's own words), or it could not be asked (503). The page shows it as an error page.
 */
public class Refused extends RuntimeException {

    private final int status;

    public Refused(int status, String detail) {
        super(detail);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
