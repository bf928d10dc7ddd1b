package dev.heed.alignment;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * A heat map per record ({@code ID.png}): target tokens down the left, source tokens along the top (written
 * upwards), one cell per weight of the last layer averaged over its heads, white at 0 to dark blue at 1.
 * Cells shrink for long inputs (at least 4 pixels) and the labels go when they no longer fit. Runs headless.
 * Stateless.
 */
public final class PngExporter implements AlignmentExporter {

    static final int MARGIN = 8;

    @Override
    public String name() {
        return "png";
    }

    @Override
    public boolean linePerRecord() {
        return false;
    }

    @Override
    public String fileName(String safeRecordId) {
        return safeRecordId + ".png";
    }

    @Override
    public void write(Alignment a, String recordId, OutputStream out) throws IOException {
        ImageIO.write(render(a), "png", out);
    }

    /** The heat map of {@code a}'s last layer, averaged over heads. */
    static BufferedImage render(Alignment a) {
        float[][] w = a.headMean(a.layers() - 1);
        int cell = cellSize(Math.max(a.rows(), a.columns()));
        boolean labels = cell >= 12;
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, Math.min(12, cell - 2));
        int left = labels ? labelWidth(a.targetTokens(), font) : 0;
        int top = labels ? labelWidth(a.sourceTokens(), font) : 0;
        int width = MARGIN * 2 + left + cell * Math.max(1, a.columns());
        int height = MARGIN * 2 + top + cell * Math.max(1, a.rows());
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            for (int t = 0; t < a.rows(); t++) {
                for (int s = 0; s < a.columns(); s++) {
                    g.setColor(shade(w[t][s]));
                    g.fillRect(MARGIN + left + s * cell, MARGIN + top + t * cell, cell, cell);
                }
            }
            if (labels) {
                g.setFont(font);
                g.setColor(Color.BLACK);
                FontMetrics fm = g.getFontMetrics();
                for (int t = 0; t < a.rows(); t++) {
                    String label = a.targetTokens().get(t).text();
                    g.drawString(label, MARGIN + left - 4 - fm.stringWidth(label),
                            MARGIN + top + t * cell + (cell + fm.getAscent() - fm.getDescent()) / 2);
                }
                AffineTransform plain = g.getTransform();
                for (int s = 0; s < a.columns(); s++) {
                    int x = MARGIN + left + s * cell + (cell + fm.getAscent() - fm.getDescent()) / 2;
                    g.setTransform(plain);
                    g.translate(x, MARGIN + top - 4);
                    g.rotate(-Math.PI / 2);
                    g.drawString(a.sourceTokens().get(s).text(), 0, 0);
                }
                g.setTransform(plain);
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    /** White at 0, dark blue (8, 48, 107) at 1. */
    static Color shade(float weight) {
        float v = Math.max(0f, Math.min(1f, weight));
        return new Color(Math.round(255 - v * (255 - 8)), Math.round(255 - v * (255 - 48)), Math.round(255 - v * (255 - 107)));
    }

    static int cellSize(int tokens) {
        return Math.max(4, Math.min(24, 2400 / Math.max(1, tokens)));
    }

    private static int labelWidth(List<AlignmentToken> tokens, Font font) {
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scratch.createGraphics();
        try {
            FontMetrics fm = g.getFontMetrics(font);
            return tokens.stream().mapToInt(t -> fm.stringWidth(t.text())).max().orElse(0) + 8;
        } finally {
            g.dispose();
        }
    }
}
