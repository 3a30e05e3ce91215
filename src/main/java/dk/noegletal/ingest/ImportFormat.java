package dk.noegletal.ingest;

/** The file formats an import accepts. */
public enum ImportFormat {
    TIDY_CSV("tidy-csv"), JOBINDSATS_V2("jobindsats-v2"), JOBINDSATS_V3("jobindsats-v3");

    private final String code;

    ImportFormat(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
