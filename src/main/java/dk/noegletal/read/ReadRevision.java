package dk.noegletal.read;

import dk.noegletal.common.DataVersion;
import dk.noegletal.common.ProblemException;
import dk.noegletal.ingest.ImportRevisions;
import jakarta.enterprise.context.RequestScoped;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The revision of the data one request reads: the newest import when the request started, or the one asked for
 * with {@code asOf}. Every query of the request reads as of it, so a request never sees half of an import that
 * lands while it runs, and a report asked for as of an import is the same however many imports follow.
 */
@RequestScoped
public class ReadRevision {

    private final ImportRevisions revisions;
    private final DataVersion dataVersion;
    private Long revision;
    private Long writes;
    private OffsetDateTime moment;

    ReadRevision(ImportRevisions revisions, DataVersion dataVersion) {
        this.revisions = revisions;
        this.dataVersion = dataVersion;
    }

    /**
     * The count of writes (imports and cluster changes) as the request first asked for it, read once per request:
     * the ETag and the key of computed figures see the same value.
     */
    public long dataVersion() {
        if (writes == null) {
            if (revision == null) {
                readCurrent();
            } else {
                writes = dataVersion.current();
            }
        }
        return writes;
    }

    /** The revision: the import id after which the data are read (0: before any import). */
    public long get() {
        if (revision == null) {
            readCurrent();
        }
        return revision;
    }

    /**
     * The count of writes and the newest import, in one statement: every read asks for both (its ETag), so one
     * round trip to the database rather than two. Called only while neither is known.
     */
    private void readCurrent() {
        DataVersion.State state = dataVersion.state();
        revision = state.newestImport();
        writes = state.writes();
    }

    /**
     * The moment the request reads as of: the one asked for with {@code asOf}; for an import asked for, the last
     * moment it was the newest (just before the next import); empty when the request reads the current state, or
     * the import asked for is the newest. What is kept in versions (goals) is read as it stood then.
     */
    public Optional<OffsetDateTime> moment() {
        return Optional.ofNullable(moment);
    }

    /**
     * Reads as of an import id ({@code 12}) or a moment ({@code 2019-03-31T12:00:00Z}, or a day such as
     * {@code 2019-03-31}, meaning its end in UTC): the newest import at that moment.
     */
    public void asOf(String text) {
        String value = text.trim();
        if (value.matches("\\d{1,18}")) {
            long id = Long.parseLong(value);
            if (!revisions.exists(id)) {
                throw ProblemException.notFound("There is no import with id " + id + " to read the data as of.");
            }
            revision = id;
            // What is kept in versions is read as it stood while this import was the newest: until the next one.
            moment = revisions.nextImportedAt(id).map(next -> next.minusNanos(1000)).orElse(null);
            return;
        }
        try {
            OffsetDateTime moment = value.length() == 10
                    ? LocalDate.parse(value).plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC).minusNanos(1)
                    : OffsetDateTime.parse(value);
            revision = revisions.at(moment);
            this.moment = moment;
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidParameter("The parameter 'asOf' must be an import id such as 12, or a "
                    + "moment such as 2019-03-31 or 2019-03-31T12:00:00Z.");
        }
    }
}
