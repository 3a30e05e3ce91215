package dk.noegletal.report;

import java.util.List;

/**
 * The quarterly report (or the annual appendix, without the quarter's section) as the committee reads it: every number already written the Danish way, the charts as SVG,
 * the goals with their sentences. What the HTML and PDF templates show; built by {@link ReportDocumentService}.
 */
record ReportDocument(String title, String areaName, String periodLabel, boolean quarterly, String source,
        String generated,
        String notice, List<String> years, List<AppendixRow> appendix, List<QuarterRow> quarter,
        List<String> comparedWith, String comparisonPeriod, List<Compared> comparison, List<Chart> charts,
        List<Goal> goals, List<String> notes) {

    /** An area in the comparison of "I alt": its value, the year before, the change and how it compares. */
    record Compared(String name, boolean own, String value, String previous, String change, String difference,
            String classification) {
    }

    /** A target group in the målgruppeoversigt: per year the average, the national share and the change. */
    record AppendixRow(String name, boolean sub, boolean total, List<Cell> cells) {
    }

    record Cell(String value, String share, String change) {
    }

    /** A target group in the quarter: the average, its changes, shares, and its change against other areas. */
    record QuarterRow(String name, boolean sub, boolean total, String value, String onYear, String onQuarter,
            String share, String shareOfPopulation, List<String> against) {
    }

    /** A chart with its caption; the SVG is written into the page as it is. */
    record Chart(String caption, String svg) {
    }

    record Goal(String title, String status, String statusClass, String sentence) {
    }
}
