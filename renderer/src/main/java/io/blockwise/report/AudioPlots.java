package io.blockwise.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.renderer.LookupPaintScale;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The pictures of a mismatch report, drawn with JFreeChart into PNG files: the golden and the new
 * waveform overlaid over a window, their difference, and a spectrogram of one signal. Control
 * thread; headless (no display is needed).
 */
final class AudioPlots {
    static final int WIDTH = 1000;
    static final int HEIGHT = 360;

    private AudioPlots() {
    }

    /** Golden and new samples over frames {@code [from, to)}, time in ms, a marker at {@code mark}. */
    static void overlay(double[] golden, double[] actual, int from, int to, int sampleRate, long mark, String title,
            Path png) throws IOException {
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(series("golden (expected)", golden, from, to, sampleRate));
        data.addSeries(series("new (actual)", actual, from, to, sampleRate));
        JFreeChart chart = ChartFactory.createXYLineChart(title, "time (ms)", "sample", data,
                PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        r.setSeriesPaint(0, new Color(0x1f, 0x77, 0xb4));
        r.setSeriesStroke(0, new BasicStroke(2.0f));
        r.setSeriesPaint(1, new Color(0xd6, 0x27, 0x28));
        r.setSeriesStroke(1, new BasicStroke(1.0f));
        plot.setRenderer(r);
        plot.addDomainMarker(new org.jfree.chart.plot.ValueMarker(mark * 1000.0 / sampleRate));
        style(plot);
        ChartUtils.saveChartAsPNG(png.toFile(), chart, WIDTH, HEIGHT);
    }

    /** {@code actual - golden} over the whole of both (the shorter padded with zeros). */
    static void difference(double[] golden, double[] actual, int sampleRate, String title, Path png) throws IOException {
        int n = Math.max(golden.length, actual.length);
        XYSeries s = new XYSeries("new - golden");
        // At most about 4000 points: the largest |difference| of each stretch, with its sign.
        int step = Math.max(1, n / 4000);
        for (int i = 0; i < n; i += step) {
            double worst = 0;
            for (int k = i; k < Math.min(n, i + step); k++) {
                double d = at(actual, k) - at(golden, k);
                if (Math.abs(d) > Math.abs(worst)) {
                    worst = d;
                }
            }
            s.add(i * 1000.0 / sampleRate, worst);
        }
        JFreeChart chart = ChartFactory.createXYLineChart(title, "time (ms)", "difference", new XYSeriesCollection(s),
                PlotOrientation.VERTICAL, true, false, false);
        chart.getXYPlot().getRenderer().setSeriesPaint(0, new Color(0x2c, 0xa0, 0x2c));
        style(chart.getXYPlot());
        ChartUtils.saveChartAsPNG(png.toFile(), chart, WIDTH, HEIGHT);
    }

    /** A spectrogram of {@code x} (dB, 512-point Hann frames), in at most 400 columns. */
    static void spectrogram(double[] x, int sampleRate, String title, Path png) throws IOException {
        Spectrogram sg = Spectrogram.of(x, sampleRate, 512, 400);
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries("dB", sg.xyz());
        NumberAxis time = new NumberAxis("time (s)");
        NumberAxis freq = new NumberAxis("frequency (Hz)");
        time.setRange(0, Math.max(1e-3, sg.seconds()));
        freq.setRange(0, sampleRate / 2.0);
        XYBlockRenderer r = new XYBlockRenderer();
        r.setBlockWidth(sg.columnSeconds());
        r.setBlockHeight(sg.binHz());
        LookupPaintScale scale = new LookupPaintScale(-120, 0.001, Color.BLACK);
        for (int db = -120; db < 0; db += 4) {
            float t = (db + 120) / 120f;
            scale.add(db, Color.getHSBColor(0.7f - 0.7f * t, 0.9f, 0.15f + 0.85f * t));
        }
        r.setPaintScale(scale);
        XYPlot plot = new XYPlot(data, time, freq, r);
        style(plot);
        JFreeChart chart = new JFreeChart(title, plot);
        chart.removeLegend();
        NumberAxis dbAxis = new NumberAxis("dBFS");
        dbAxis.setRange(-120, 0);
        PaintScaleLegend legend = new PaintScaleLegend(scale, dbAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setMargin(4, 4, 40, 4);
        chart.addSubtitle(legend);
        chart.setBackgroundPaint(Color.WHITE);
        ChartUtils.saveChartAsPNG(png.toFile(), chart, WIDTH, HEIGHT);
    }

    private static XYSeries series(String name, double[] x, int from, int to, int sampleRate) {
        XYSeries s = new XYSeries(name);
        for (int i = from; i < to; i++) {
            s.add(i * 1000.0 / sampleRate, at(x, i));
        }
        return s;
    }

    private static double at(double[] x, int i) {
        return i < x.length ? x[i] : 0;
    }

    private static void style(XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    }
}
