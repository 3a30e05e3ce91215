package dk.noegletal.chart;

import java.math.BigDecimal;
import java.util.List;

/**
 * Categories as rows of horizontal bars, one bar per series in each (three years of a target group; the change in
 * full-time persons beside the change in national share), with a legend, a zero line and negative values to its
 * left. A missing value leaves its bar out. Plain Java.
 */
public final class GroupedBarChart {

    private static final int WIDTH = 720;
    private static final int LABEL = 250;
    private static final int LONGEST_LABEL = 40;
    private static final int BAR = 8;
    private static final int TOP = 62;

    /** A category (row) with one value per series, in the order of the series' names. */
    public record Category(String label, List<BigDecimal> values) {
    }

    private GroupedBarChart() {
    }

    public static String svg(String title, String description, List<String> series, List<Category> categories,
            String unit, int decimals) {
        double max = 0;
        double min = 0;
        for (Category category : categories) {
            for (BigDecimal value : category.values()) {
                if (value != null) {
                    max = Math.max(max, value.doubleValue());
                    min = Math.min(min, value.doubleValue());
                }
            }
        }
        double step = Svg.step(max - min, 5);
        double top = Math.max(step, Math.ceil(max / step) * step);
        double bottom = Math.floor(min / step) * step;
        int plot = WIDTH - LABEL - 30;
        int group = series.size() * BAR + 8;
        int height = TOP + categories.size() * group + 36;
        Svg svg = new Svg(WIDTH, height, title, description);
        for (int s = 0; s < series.size(); s++) {
            double x = 12 + s * 170;
            svg.rect(x, 34, 10, 10, Svg.SERIES[s % Svg.SERIES.length]);
            svg.text(x + 14, 43, series.get(s), "start", 11, Svg.INK, false);
        }
        for (double tick = bottom; tick <= top + step / 2; tick += step) {
            double x = LABEL + (tick - bottom) / (top - bottom) * plot;
            svg.line(x, TOP - 4, x, height - 30, Math.abs(tick) < step / 2 ? Svg.MUTED : Svg.GRID, 1, false);
            svg.text(x, height - 16, Svg.danish(BigDecimal.valueOf(tick), decimals) + unit, "middle", 10, Svg.MUTED,
                    false);
        }
        double zero = LABEL + (0 - bottom) / (top - bottom) * plot;
        double y = TOP;
        for (Category category : categories) {
            svg.text(LABEL - 6, y + group / 2.0 + 1, Svg.shortened(category.label(), LONGEST_LABEL), "end", 10,
                    Svg.INK, false);
            for (int s = 0; s < category.values().size(); s++) {
                BigDecimal value = category.values().get(s);
                if (value != null) {
                    double x = LABEL + (value.doubleValue() - bottom) / (top - bottom) * plot;
                    svg.rect(Math.min(zero, x), y + s * BAR, Math.abs(x - zero), BAR - 1,
                            Svg.SERIES[s % Svg.SERIES.length]);
                }
            }
            y += group;
        }
        return svg.end();
    }
}
