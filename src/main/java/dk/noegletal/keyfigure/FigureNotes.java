package dk.noegletal.keyfigure;

import dk.noegletal.timeseries.Completeness;
import dk.noegletal.timeseries.Figure;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Collects, while figures are turned into numbers for a response, a note for each one that is unknown. */
public final class FigureNotes {

    private final List<KeyFiguresDto.NoteDto> notes = new ArrayList<>();

    /** The figure's value, or null with a note saying why. */
    public BigDecimal value(String field, Figure figure) {
        if (!figure.known()) {
            notes.add(new KeyFiguresDto.NoteDto(field, figure.reason().code(), figure.reason().message()));
        }
        return figure.value();
    }

    /** Notes that a value covers only some months of its period. */
    public void completeness(String field, Completeness completeness) {
        if (completeness.partial() && completeness.monthsPresent() > 0) {
            notes.add(new KeyFiguresDto.NoteDto(field, "partial-period", completeness.monthsPresent() + " of "
                    + completeness.monthsExpected() + " months are stored; the value is their average and is "
                    + "compared with the same months a year earlier."));
        }
    }

    public void add(String field, String reason, String message) {
        notes.add(new KeyFiguresDto.NoteDto(field, reason, message));
    }

    public List<KeyFiguresDto.NoteDto> list() {
        return List.copyOf(notes);
    }
}
