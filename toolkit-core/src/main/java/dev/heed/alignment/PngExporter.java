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
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * A heat map per record ({@code ID.png}) of the last layer averaged over its heads: a title naming the model,
 * the kind of attention and what is shown ("layer 6 of 6, mean of 12 heads"), target tokens down the left and
 * source tokens along the top (written upwards), each axis with its caption, one cell per weight on a
 * colour-blind-safe scale ({@link ColourScale}, YlGnBu: near-white at 0, dark navy at 1) in a thin frame, and a
 * colour bar from 0 to 1 saying what the colour means. Cells are 24
 * pixels up to 100 tokens (labels in 12-point type, so 60 x 60 tokens stay readable), then shrink to at least
 * 4 pixels, and the token labels go when they no longer fit. For a copying decoder (an alignment with
 * {@link Alignment#copyShares() copy shares}) a thin strip right of the grid, captioned "copy", gives each target
 * row its copy share {@code 1 - p_gen} from white (0, generated) to dark orange (1, copied), a scale apart from
 * the attention's. Runs headless. Stateless.
 */
public final class PngExporter implements AlignmentExporter {

    static final int MARGIN = 12;
    static final int BAR_WIDTH = 16;
    /** The width of the copy-share strip, in pixels. */
    static final int COPY_WIDTH = 8;
    static final String COPY_CAPTION = "copy";
    /** The copy strip's colour at share 1 (ColorBrewer PuOr's dark orange); white at 0. */
    static final Color COPIED = new Color(0xb3, 0x58, 0x06);
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 14);
    private static final Font CAPTION = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

    /**
     * Where the grid lies in the image: its top-left corner, the cell size, the copy strip's left edge (-1 when
     * there are no copy shares) and the colour bar's box.
     */
    record Layout(int gridX, int gridY, int cell, int copyX, int barX, int barY, int barHeight, int width,
            int height, boolean labels) {
    }

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

    /** The title: model, kind, and which layer and heads. */
    static String title(Alignment a) {
        return a.model() + " · " + a.kind().jsonName() + " · layer " + a.layers() + " of " + a.layers() + ", "
                + (a.heads() == 1 ? "its one head" : "mean of " + a.heads() + " heads");
    }

    /** The captions of the rows and of the columns. */
    static String[] axes(Alignment a) {
        return switch (a.kind()) {
            case CROSS_ATTENTION -> new String[] {"target tokens (what attends)",
                "source tokens (what is attended to)"};
            case SELF_ATTENTION -> new String[] {"tokens (what attends)", "the same tokens (what is attended to)"};
            case POOLING -> new String[] {"answer", "source tokens (what the answer pools)"};
            case LATE_INTERACTION -> new String[] {"query words", "document words (cosine of contextual states)"};
        };
    }

    static Layout layout(Alignment a) {
        int cell = cellSize(Math.max(a.rows(), a.columns()));
        boolean labels = cell >= 12;
        Font font = tokenFont(cell);
        int left = MARGIN + 18 + (labels ? labelWidth(a.targetTokens(), font) : 0);
        boolean copy = a.copyShares().isPresent();
        int top = MARGIN + 22 + 18 + Math.max(labels ? labelWidth(a.sourceTokens(), font) : 0,
                copy ? textWidth(COPY_CAPTION, CAPTION) + 8 : 0);
        int gridW = cell * Math.max(1, a.columns());
        int gridH = cell * Math.max(1, a.rows());
        int barHeight = Math.max(120, gridH);
        int copyX = copy ? left + gridW + 6 : -1;
        int barX = copy ? copyX + COPY_WIDTH + 24 : left + gridW + 24;
        int width = Math.max(barX + BAR_WIDTH + 60, MARGIN * 2 + textWidth(title(a), TITLE));
        width = Math.max(width, left + textWidth(axes(a)[1], CAPTION) + MARGIN);
        int height = top + Math.max(Math.max(gridH, barHeight), textWidth(axes(a)[0], CAPTION)) + MARGIN;
        return new Layout(left, top, cell, copyX, barX, top, barHeight, width, height, labels);
    }

    /** The heat map of {@code a}'s last layer, averaged over heads, with its title, captions and colour bar. */
    static BufferedImage render(Alignment a) {
        float[][] w = a.headMean(a.layers() - 1);
        Layout l = layout(a);
        BufferedImage image = new BufferedImage(l.width(), l.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, l.width(), l.height());
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            for (int t = 0; t < a.rows(); t++) {
                for (int s = 0; s < a.columns(); s++) {
                    g.setColor(shade(w[t][s]));
                    g.fillRect(l.gridX() + s * l.cell(), l.gridY() + t * l.cell(), l.cell(), l.cell());
                }
            }
            g.setColor(new Color(0xd0, 0xd7, 0xde));
            g.drawRect(l.gridX() - 1, l.gridY() - 1, l.cell() * a.columns() + 1, l.cell() * a.rows() + 1);
            g.setColor(new Color(0x1b, 0x1f, 0x24));
            g.setFont(TITLE);
            g.drawString(title(a), MARGIN, MARGIN + g.getFontMetrics().getAscent());
            AffineTransform plain = g.getTransform();
            g.setFont(CAPTION);
            FontMetrics cm = g.getFontMetrics();
            String[] axes = axes(a);
            g.drawString(axes[1], l.gridX(), MARGIN + 22 + cm.getAscent());
            int along = Math.max(l.cell() * a.rows(), cm.stringWidth(axes[0]));   // centred beside the rows
            g.translate(MARGIN + cm.getAscent(), l.gridY() + (along + cm.stringWidth(axes[0])) / 2);
            g.rotate(-Math.PI / 2);
            g.drawString(axes[0], 0, 0);
            g.setTransform(plain);
            if (l.labels()) {
                labels(g, a, l);
            }
            a.copyShares().ifPresent(shares -> copyStrip(g, shares, l));
            colourBar(g, l);
        } finally {
            g.dispose();
        }
        return image;
    }

    private static void labels(Graphics2D g, Alignment a, Layout l) {
        g.setFont(tokenFont(l.cell()));
        FontMetrics fm = g.getFontMetrics();
        for (int t = 0; t < a.rows(); t++) {
            String label = a.targetTokens().get(t).text();
            g.drawString(label, l.gridX() - 4 - fm.stringWidth(label),
                    l.gridY() + t * l.cell() + (l.cell() + fm.getAscent() - fm.getDescent()) / 2);
        }
        AffineTransform plain = g.getTransform();
        for (int s = 0; s < a.columns(); s++) {
            int x = l.gridX() + s * l.cell() + (l.cell() + fm.getAscent() - fm.getDescent()) / 2;
            g.setTransform(plain);
            g.translate(x, l.gridY() - 4);
            g.rotate(-Math.PI / 2);
            g.drawString(a.sourceTokens().get(s).text(), 0, 0);
        }
        g.setTransform(plain);
    }

    /** The copy shares beside the rows, one cell tall each, captioned "copy" upwards above the strip. */
    private static void copyStrip(Graphics2D g, float[] shares, Layout l) {
        for (int t = 0; t < shares.length; t++) {
            g.setColor(copyShade(shares[t]));
            g.fillRect(l.copyX(), l.gridY() + t * l.cell(), COPY_WIDTH, l.cell());
        }
        g.setColor(new Color(0xd0, 0xd7, 0xde));
        g.drawRect(l.copyX() - 1, l.gridY() - 1, COPY_WIDTH + 1, l.cell() * shares.length + 1);
        g.setColor(new Color(0x1b, 0x1f, 0x24));
        g.setFont(CAPTION);
        FontMetrics fm = g.getFontMetrics();
        AffineTransform plain = g.getTransform();
        g.translate(l.copyX() + (COPY_WIDTH + fm.getAscent() - fm.getDescent()) / 2, l.gridY() - 4);
        g.rotate(-Math.PI / 2);
        g.drawString(COPY_CAPTION, 0, 0);
        g.setTransform(plain);
    }

    /** The colour of a copy share: white at 0 (generated) to {@link #COPIED} at 1 (copied). */
    static Color copyShade(float share) {
        float s = Math.max(0f, Math.min(1f, share));
        return new Color(Math.round(255 + s * (COPIED.getRed() - 255)), Math.round(255 + s * (COPIED.getGreen() - 255)),
                Math.round(255 + s * (COPIED.getBlue() - 255)));
    }

    /** A vertical bar, 1 at the top and 0 at the bottom, ticks at quarters, captioned "attention weight". */
    private static void colourBar(Graphics2D g, Layout l) {
        int h = l.barHeight();
        for (int y = 0; y < h; y++) {
            g.setColor(shade(1f - y / (float) (h - 1)));
            g.fillRect(l.barX(), l.barY() + y, BAR_WIDTH, 1);
        }
        g.setColor(new Color(0x1b, 0x1f, 0x24));
        g.drawRect(l.barX(), l.barY(), BAR_WIDTH - 1, h - 1);
        g.setFont(CAPTION);
        FontMetrics fm = g.getFontMetrics();
        for (int q = 0; q <= 4; q++) {
            int y = l.barY() + Math.round((h - 1) * (1 - q / 4f));
            g.drawLine(l.barX() + BAR_WIDTH, y, l.barX() + BAR_WIDTH + 3, y);
            g.drawString(String.format(Locale.ROOT, "%.2f", q / 4f), l.barX() + BAR_WIDTH + 6,
                    y + (fm.getAscent() - fm.getDescent()) / 2);
        }
        AffineTransform plain = g.getTransform();
        g.translate(l.barX() + BAR_WIDTH + 6 + fm.stringWidth("0.00") + 6 + fm.getAscent(), l.barY() + h / 2
                + fm.stringWidth("attention weight") / 2);
        g.rotate(-Math.PI / 2);
        g.drawString("attention weight", 0, 0);
        g.setTransform(plain);
    }

    /** The colour of a weight: {@link ColourScale}, near-white at 0 to dark navy at 1. */
    static Color shade(float weight) {
        return ColourScale.of(weight);
    }

    static int cellSize(int tokens) {
        return Math.max(4, Math.min(24, 2400 / Math.max(1, tokens)));
    }

    private static Font tokenFont(int cell) {
        return new Font(Font.SANS_SERIF, Font.PLAIN, Math.max(6, Math.min(12, cell - 2)));
    }

    private static int labelWidth(List<AlignmentToken> tokens, Font font) {
        return tokens.stream().mapToInt(t -> textWidth(t.text(), font)).max().orElse(0) + 8;
    }

    private static int textWidth(String text, Font font) {
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scratch.createGraphics();
        try {
            return g.getFontMetrics(font).stringWidth(text);
        } finally {
            g.dispose();
        }
    }
}
