package dk.noegletal.timeseries;

/** Whether a value was published or blanked out by Jobindsats (small or unreliable cells). */
public enum ObservationStatus {
    OK("ok"), SUPPRESSED("suppressed");

    private final String code;

    ObservationStatus(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static ObservationStatus ofCode(String code) {
        return code.equals(OK.code) ? OK : SUPPRESSED;
    }
}
