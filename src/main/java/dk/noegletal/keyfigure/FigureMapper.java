package dk.noegletal.keyfigure;

/**
 * The one place where computed figures become the parts of an answer that every figure endpoint shares (change,
 * national share, share of the population), each null figure noted with its reason under its field name. Key figures,
 * reports and the figures of any table use it, so a new figure is added here once.
 */
public final class FigureMapper {

    private FigureMapper() {
    }

    public static KeyFiguresDto.ChangeDto change(KeyFigureCalculator.Change change, FigureNotes notes) {
        return new KeyFiguresDto.ChangeDto(notes.value("change.absolute", change.absolute()),
                notes.value("change.percent", change.percent()));
    }

    public static KeyFiguresDto.NationalShareDto nationalShare(KeyFigureCalculator.Share share, FigureNotes notes) {
        return new KeyFiguresDto.NationalShareDto(notes.value("nationalShare.value", share.value()),
                notes.value("nationalShare.previousYear", share.previousYear()),
                notes.value("nationalShare.changePp", share.changePp()),
                notes.value("nationalShare.changePercent", share.changePercent()),
                share.source() == null ? null : share.source().code());
    }

    public static KeyFiguresDto.ShareOfPopulationDto shareOfPopulation(KeyFigureCalculator.Share share,
            FigureNotes notes) {
        return new KeyFiguresDto.ShareOfPopulationDto(notes.value("shareOfPopulation.value", share.value()),
                notes.value("shareOfPopulation.previousYear", share.previousYear()),
                notes.value("shareOfPopulation.changePp", share.changePp()));
    }
}
