package org.portzero.benchmarks;

import java.util.List;
import java.util.Locale;

/**
 * A small SVG line chart, written by hand so the benchmark needs no plotting library: two panels,
 * matrix wall time against container platforms and runner wall time against example count.
 */
final class ScalingPlot {

    /** A named series of (x, y) points drawn in one colour. */
    record Series(String name, String colour, List<double[]> points) {
    }

    private static final int PANEL_W = 380;
    private static final int PANEL_H = 260;
    private static final int MARGIN = 50;

    private ScalingPlot() {
    }

    static String svg(String title, List<Series> left, String leftX, List<Series> right, String rightX) {
        StringBuilder s = new StringBuilder();
        int width = 2 * (PANEL_W + MARGIN) + MARGIN;
        int height = PANEL_H + 2 * MARGIN + 40;
        s.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"12\">%n",
                width, height));
        s.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", width, height));
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"20\" font-size=\"14\" font-weight=\"bold\">%s</text>%n",
                MARGIN, escape(title)));
        panel(s, MARGIN, 40, left, leftX);
        panel(s, 2 * MARGIN + PANEL_W, 40, right, rightX);
        s.append("</svg>\n");
        return s.toString();
    }

    private static void panel(StringBuilder s, int x0, int y0, List<Series> series, String xLabel) {
        double maxX = 0;
        double maxY = 0;
        for (Series line : series) {
            for (double[] p : line.points()) {
                maxX = Math.max(maxX, p[0]);
                maxY = Math.max(maxY, p[1]);
            }
        }
        maxY = niceCeiling(maxY);
        int top = y0 + 10;
        int bottom = top + PANEL_H;
        int left = x0 + 10;
        int right = left + PANEL_W - 20;
        s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#999\"/>%n",
                left, top, right - left, bottom - top));
        for (int i = 0; i <= 4; i++) {
            double v = maxY * i / 4;
            double y = bottom - (bottom - top) * i / 4.0;
            s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#eee\"/>%n", left, y, right, y));
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%.0f s</text>%n", left - 4, y + 4, v));
        }
        for (Series line : series) {
            StringBuilder path = new StringBuilder();
            for (double[] p : line.points()) {
                double x = left + (right - left) * p[0] / maxX;
                double y = bottom - (bottom - top) * p[1] / maxY;
                path.append(path.length() == 0 ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f", x, y));
                s.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>%n", x, y, line.colour()));
                s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" fill=\"#555\">%s</text>%n",
                        x, bottom + 15, trim(p[0])));
            }
            s.append(String.format(Locale.ROOT, "<path d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>%n", path, line.colour()));
        }
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
                (left + right) / 2, bottom + 32, escape(xLabel)));
        int legendY = top + 16;
        for (Series line : series) {
            s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"4\" fill=\"%s\"/>%n",
                    left + 10, legendY - 5, line.colour()));
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>%n", left + 28, legendY, escape(line.name())));
            legendY += 16;
        }
    }

    private static double niceCeiling(double v) {
        if (v <= 0) {
            return 1;
        }
        double step = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * step >= v) {
                return m * step;
            }
        }
        return 10 * step;
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
