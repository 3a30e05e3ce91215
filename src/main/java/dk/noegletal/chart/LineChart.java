package dk.noegletal.chart;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

/**
 * Series over periods as lines (an area against its region and the country, each indexed to 100 in the first
 * period), with a legend and the periods along the bottom. A missing value breaks nothing: its line skips the
 * point. Plain Java.
 */
public final class LineChart {

    private static final int WIDTH = 720;
    private static final int HEIGHT = 340;
    private static final int LEFT = 56;
    private static final int TOP = 62;
    private static final int BOTTOM = 44;

    /** A named line with one value per period (null: none). */
    public record Line(String name, List<BigDecimal> values) {
    }

    private LineChart() {
    }

    public static String svg(String title, String description, List<String> periods, List<Line> lines,
            int decimals) {
        double max = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        for (Line line : lines) {
            for (BigDecimal value : line.values()) {
                if (value != null) {
                    max = Math.max(max, value.doubleValue());
                    min = Math.min(min, value.doubleValue());
                }
            }
        }
        if (max == Double.NEGATIVE_INFINITY) {
            max = 1;
            min = 0;
        }
        double step = Svg.step(Math.max(max - min, 1e-9), 5);
        double top = Math.ceil(max / step) * step;
        double bottom = Math.floor(min / step) * step;
        if (top == bottom) {
            top += step;
        }
        int plotWidth = WIDTH - LEFT - 20;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        Svg svg = new Svg(WIDTH, HEIGHT, title, description);
        for (int l = 0; l < lines.size(); l++) {
            double x = 12 + l * 200;
            svg.rect(x, 36, 14, 4, Svg.SERIES[l % Svg.SERIES.length]);
            svg.text(x + 18, 42, lines.get(l).name(), "start", 11, Svg.INK, false);
        }
        for (double tick = bottom; tick <= top + step / 2; tick += step) {
            double y = TOP + plotHeight - (tick - bottom) / (top - bottom) * plotHeight;
            svg.line(LEFT, y, LEFT + plotWidth, y, Svg.GRID, 1, false);
            svg.text(LEFT - 6, y + 4, Svg.danish(BigDecimal.valueOf(tick), decimals), "end", 10, Svg.MUTED, false);
        }
        int count = periods.size();
        double dx = count > 1 ? (double) plotWidth / (count - 1) : 0;
        int every = Math.max(1, (int) Math.ceil(count / 8.0));
        for (int p = 0; p < count; p += every) {
            svg.text(LEFT + p * dx, HEIGHT - BOTTOM + 16, periods.get(p), "middle", 10, Svg.MUTED, false);
        }
        for (int l = 0; l < lines.size(); l++) {
            List<BigDecimal> values = lines.get(l).values();
            int known = (int) values.stream().filter(value -> value != null).count();
            double[] xs = new double[known];
            double[] ys = new double[known];
            int i = 0;
            for (int p = 0; p < values.size(); p++) {
                if (values.get(p) != null) {
                    xs[i] = LEFT + p * dx;
                    ys[i] = TOP + plotHeight - (values.get(p).doubleValue() - bottom) / (top - bottom) * plotHeight;
                    i++;
                }
            }
            svg.polyline(xs, ys, Svg.SERIES[l % Svg.SERIES.length]);
        }
        return svg.end();
    }

    /** Values as an index, the first known value other than 0 being 100; all null when there is none. */
    public static List<BigDecimal> indexed(List<BigDecimal> values) {
        BigDecimal base = values.stream().filter(value -> value != null && value.signum() != 0).findFirst()
                .orElse(null);
        return values.stream().map(value -> value == null || base == null ? null
                : value.multiply(BigDecimal.valueOf(100)).divide(base, MathContext.DECIMAL64)).toList();
    }
}
