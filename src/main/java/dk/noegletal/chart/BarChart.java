package dk.noegletal.chart;

import java.math.BigDecimal;
import java.util.List;

/**
 * A ranking as horizontal bars, one per area in rank order, the chosen area highlighted and a reference (the
 * country) drawn as a dashed line. Areas without a value are listed by the text alternative, not drawn. Plain Java.
 */
public final class BarChart {

    private static final int WIDTH = 720;
    private static final int LABEL = 150;
    private static final int BAR = 9;
    private static final int GAP = 3;
    private static final int TOP = 56;

    /** One bar: an area's label, its value (null: unknown) and whether it is the area the chart is about. */
    public record Bar(String label, BigDecimal value, boolean highlighted) {
    }

    private BarChart() {
    }

    /**
     * @param reference a value to draw across the bars (the country's), or null
     * @param unit written after values, e.g. " %" or ""
     */
    public static String svg(String title, String description, List<Bar> bars, BigDecimal reference,
            String referenceLabel, String unit, int decimals) {
        List<Bar> known = bars.stream().filter(bar -> bar.value() != null).toList();
        double max = known.stream().mapToDouble(bar -> bar.value().doubleValue()).max().orElse(1);
        if (reference != null) {
            max = Math.max(max, reference.doubleValue());
        }
        double min = Math.min(0, known.stream().mapToDouble(bar -> bar.value().doubleValue()).min().orElse(0));
        double step = Svg.step(max - min, 5);
        double top = Math.ceil(max / step) * step;
        double bottom = Math.floor(min / step) * step;
        int plot = WIDTH - LABEL - 70;
        int height = TOP + known.size() * (BAR + GAP) + 40;
        Svg svg = new Svg(WIDTH, height, title, description);
        double zero = LABEL + (0 - bottom) / (top - bottom) * plot;
        for (double tick = bottom; tick <= top + step / 2; tick += step) {
            double x = LABEL + (tick - bottom) / (top - bottom) * plot;
            svg.line(x, TOP - 4, x, height - 30, Svg.GRID, 1, false);
            svg.text(x, height - 16, Svg.danish(BigDecimal.valueOf(tick), decimals) + unit, "middle", 10, Svg.MUTED,
                    false);
        }
        double y = TOP;
        for (Bar bar : known) {
            double x = LABEL + (bar.value().doubleValue() - bottom) / (top - bottom) * plot;
            String fill = bar.highlighted() ? Svg.HIGHLIGHT : Svg.SERIES[0];
            svg.rect(Math.min(zero, x), y, Math.abs(x - zero), BAR, fill);
            svg.text(LABEL - 6, y + BAR - 1, bar.label(), "end", bar.highlighted() ? 11 : 8,
                    bar.highlighted() ? Svg.INK : Svg.MUTED, bar.highlighted());
            if (bar.highlighted()) {
                svg.text(Math.max(zero, x) + 4, y + BAR - 1, Svg.danish(bar.value(), decimals) + unit, "start", 11,
                        Svg.INK, true);
            }
            y += BAR + GAP;
        }
        if (reference != null) {
            double x = LABEL + (reference.doubleValue() - bottom) / (top - bottom) * plot;
            svg.line(x, TOP - 8, x, height - 30, Svg.INK, 1.5, true);
            svg.text(x, TOP - 10, referenceLabel + ": " + Svg.danish(reference, decimals) + unit, "middle", 10,
                    Svg.INK, false);
        }
        return svg.end();
    }
}
