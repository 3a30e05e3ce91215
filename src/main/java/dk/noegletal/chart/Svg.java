package dk.noegletal.chart;

import dk.noegletal.common.DanishNumbers;
import java.math.BigDecimal;

/**
 * Writes one SVG document: a title and a text alternative (desc) that screen readers and the PDF read, then shapes
 * and text. Fonts are the system's sans-serif, so a chart renders offline. Plain Java.
 */
final class Svg {

    static final String FONT = "DejaVu Sans, Liberation Sans, Arial, sans-serif";
    static final String INK = "#1f2933";
    static final String MUTED = "#616e7c";
    static final String GRID = "#d9dee3";
    /** Colours that stay apart for colour-blind readers (Okabe-Ito). */
    static final String[] SERIES = {"#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00"};
    static final String HIGHLIGHT = "#d55e00";

    private final StringBuilder out = new StringBuilder();

    Svg(int width, int height, String title, String description) {
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"")
                .append(height).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" role=\"img\" aria-labelledby=\"chart-title chart-desc\" font-family=\"").append(FONT)
                .append("\" font-size=\"12\">");
        out.append("<title id=\"chart-title\">").append(escape(title)).append("</title>");
        out.append("<desc id=\"chart-desc\">").append(escape(description)).append("</desc>");
        out.append("<rect x=\"0\" y=\"0\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" fill=\"#ffffff\"/>");
        text(12, 22, title, "start", 15, INK, true);
    }

    Svg rect(double x, double y, double width, double height, String fill) {
        out.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"")
                .append(n(Math.max(0, width))).append("\" height=\"").append(n(Math.max(0, height)))
                .append("\" fill=\"").append(fill).append("\"/>");
        return this;
    }

    Svg line(double x1, double y1, double x2, double y2, String stroke, double width, boolean dashed) {
        out.append("<line x1=\"").append(n(x1)).append("\" y1=\"").append(n(y1)).append("\" x2=\"").append(n(x2))
                .append("\" y2=\"").append(n(y2)).append("\" stroke=\"").append(stroke).append("\" stroke-width=\"")
                .append(n(width)).append('"').append(dashed ? " stroke-dasharray=\"4 3\"" : "").append("/>");
        return this;
    }

    Svg polyline(double[] xs, double[] ys, String stroke) {
        out.append("<polyline fill=\"none\" stroke=\"").append(stroke).append("\" stroke-width=\"2\" points=\"");
        for (int i = 0; i < xs.length; i++) {
            out.append(i == 0 ? "" : " ").append(n(xs[i])).append(',').append(n(ys[i]));
        }
        out.append("\"/>");
        return this;
    }

    Svg text(double x, double y, String text, String anchor, int size, String fill, boolean bold) {
        out.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" text-anchor=\"")
                .append(anchor).append("\" font-size=\"").append(size).append("\" fill=\"").append(fill).append('"')
                .append(bold ? " font-weight=\"bold\"" : "").append('>').append(escape(text)).append("</text>");
        return this;
    }

    String end() {
        return out.append("</svg>").toString();
    }

    /** A coordinate with one decimal at most. */
    private static String n(double value) {
        double rounded = Math.round(value * 10) / 10.0;
        return rounded == Math.rint(rounded) ? String.valueOf((long) rounded) : String.valueOf(rounded);
    }

    /** A label cut to at most {@code length} characters, ending in an ellipsis when cut. */
    static String shortened(String label, int length) {
        return label.length() <= length ? label : label.substring(0, length - 1).trim() + "…";
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** A number the Danish way (1.234,5), with at most {@code decimals} decimals. */
    static String danish(BigDecimal value, int decimals) {
        return DanishNumbers.format(value, 0, decimals);
    }

    /** A round step for an axis spanning {@code span} in about {@code ticks} steps: 1, 2 or 5 times a power of 10. */
    static double step(double span, int ticks) {
        if (span <= 0) {
            return 1;
        }
        double raw = span / ticks;
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        double unit = raw / power;
        return (unit <= 1 ? 1 : unit <= 2 ? 2 : unit <= 5 ? 5 : 10) * power;
    }
}
