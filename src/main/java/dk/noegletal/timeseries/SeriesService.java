package dk.noegletal.timeseries;

import dk.noegletal.measure.Measure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Reads stored series. */
@ApplicationScoped
public class SeriesService {

    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(2199, 12, 31);

    private final ObservationRepository repository;

    SeriesService(ObservationRepository repository) {
        this.repository = repository;
    }

    /** The points of a series whose periods lie within {@code from} and {@code to} (either may be null). */
    @Transactional
    public List<SeriesPointDto> points(String areaCode, String targetGroupCode, Measure measure, Period from,
            Period to) {
        return repository.series(areaCode, targetGroupCode, measure,
                        from == null ? EARLIEST : from.start(), to == null ? LATEST : to.end())
                .stream()
                .map(point -> new SeriesPointDto(point.period().code(), point.period().granularity(),
                        plain(point.value()), point.status().code(), point.importId(), point.importedAt()))
                .toList();
    }

    private static BigDecimal plain(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros();
    }
}
