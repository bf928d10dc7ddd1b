package dev.heed.alignment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class PngExporterTest {

    private static int cellRgb(BufferedImage image, PngExporter.Layout l, int t, int s) {
        return image.getRGB(l.gridX() + s * l.cell() + l.cell() / 2, l.gridY() + t * l.cell() + l.cell() / 2)
                & 0xffffff;
    }

    @Test
    void theHeatMapIsAPngOnAColourBlindSafeScaleDarkerWhereTheWeightIsHigher() throws Exception {
        Alignment a = AlignmentFixtures.cross();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(ExporterContractTest.bytes(new PngExporter(), a)));
        assertTrue(image != null, "a PNG that ImageIO reads back");
        PngExporter.Layout l = PngExporter.layout(a);
        assertEquals(l.width(), image.getWidth());
        int strong = cellRgb(image, l, 0, 0);
        int weak = cellRgb(image, l, 0, 4);
        assertEquals(PngExporter.shade(0.8f).getRGB() & 0xffffff, strong, "A -> Ein, 0.8");
        assertEquals(PngExporter.shade(0.05f).getRGB() & 0xffffff, weak, "A -> </s>, 0.05");
        assertTrue(near(0xffffd9, PngExporter.shade(0f).getRGB()), "YlGnBu starts near-white");
        assertTrue(near(0x081d58, PngExporter.shade(1f).getRGB()), "and ends dark navy");
        assertTrue(lightness(strong) < lightness(weak) - 300, "darker where stronger");
        float last = Float.MAX_VALUE;
        for (int i = 0; i <= 100; i++) {
            int now = lightness(PngExporter.shade(i / 100f).getRGB());
            assertTrue(now <= last, "lightness falls steadily with the weight, so it reads in grey: " + i);
            last = now;
        }
        assertTrue(l.gridX() > 40 && l.gridY() > 60, "room for the title, the captions and the labels");
    }

    @Test
    void titleCaptionsAndAColourBarFromZeroToOne() throws Exception {
        Alignment a = AlignmentFixtures.cross();
        assertEquals("test-mt · cross-attention · layer 2 of 2, mean of 2 heads", PngExporter.title(a));
        assertEquals("target tokens (what attends)", PngExporter.axes(a)[0]);
        assertEquals("sst2 · pooling · layer 1 of 1, its one head", PngExporter.title(AlignmentFixtures.pooling()));
        BufferedImage image = PngExporter.render(a);
        PngExporter.Layout l = PngExporter.layout(a);
        int x = l.barX() + PngExporter.BAR_WIDTH / 2;
        assertTrue(near(PngExporter.shade(1f).getRGB(), image.getRGB(x, l.barY() + 2)), "1 at the top of the bar");
        assertTrue(near(PngExporter.shade(0f).getRGB(), image.getRGB(x, l.barY() + l.barHeight() - 3)),
                "0 at its foot");
        assertTrue(dark(image, PngExporter.MARGIN, PngExporter.MARGIN, 200, 16) > 50, "a title is written");
        assertTrue(dark(image, l.barX() + PngExporter.BAR_WIDTH + 4, l.barY(), 40, l.barHeight()) > 50,
                "the bar's ticks are labelled");
        writeForLooking("cross.png", image);
        writeForLooking("pooling.png", PngExporter.render(AlignmentFixtures.pooling()));
    }

    @Test
    void aCopyingDecodersSharesAreAThinStripBesideTheRows() throws Exception {
        Alignment a = AlignmentFixtures.summary();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(ExporterContractTest.bytes(new PngExporter(), a)));
        PngExporter.Layout l = PngExporter.layout(a);
        int right = l.gridX() + l.cell() * a.columns();
        assertTrue(l.copyX() > right && l.copyX() + PngExporter.COPY_WIDTH < l.barX(), "between the grid and the bar");
        int x = l.copyX() + PngExporter.COPY_WIDTH / 2;
        float[] shares = AlignmentFixtures.SUMMARY_COPY;
        for (int t = 0; t < shares.length; t++) {
            assertEquals(PngExporter.copyShade(shares[t]).getRGB() & 0xffffff,
                    image.getRGB(x, l.gridY() + t * l.cell() + l.cell() / 2) & 0xffffff, "row " + t);
        }
        int copied = image.getRGB(x, l.gridY() + l.cell() + l.cell() / 2);
        int generated = image.getRGB(x, l.gridY() + 3 * l.cell() + l.cell() / 2);
        assertTrue(lightness(copied) < lightness(generated) - 200, "Gim (0.9 copied) darker than </s> (0.05)");
        assertTrue(near(0xffffff, PngExporter.copyShade(0f).getRGB()), "white where nothing is copied");
        assertTrue(dark(image, l.copyX() - 2, PngExporter.MARGIN + 30, PngExporter.COPY_WIDTH + 4,
                l.gridY() - PngExporter.MARGIN - 30) > 10, "the strip is captioned");
        PngExporter.Layout plain = PngExporter.layout(AlignmentFixtures.cross());
        assertEquals(-1, plain.copyX(), "no strip for a model that does not copy");
        assertEquals(plain.gridX() + plain.cell() * 5 + 24, plain.barX(), "and the bar where it always was");
        writeForLooking("summary.png", image);
    }

    @Test
    void sixtyBySixtyTokensKeepFullSizeCellsAndLabels() throws Exception {
        Alignment a = AlignmentFixtures.selfAttention(2, 4, 58, 3);
        PngExporter.Layout l = PngExporter.layout(a);
        assertEquals(24, l.cell());
        assertTrue(l.labels(), "token labels in 12-point type");
        BufferedImage image = PngExporter.render(a);
        assertTrue(image.getHeight() < 1800 && image.getWidth() < 1900, image.getWidth() + " x " + image.getHeight());
        writeForLooking("self-60.png", image);
    }

    @Test
    void longInputsGetSmallerCellsNotAnEnormousImage() throws Exception {
        Alignment a = AlignmentFixtures.selfAttention(1, 1, 998, 5);
        BufferedImage image = PngExporter.render(a);
        assertEquals(4, PngExporter.cellSize(1000));
        assertEquals(PngExporter.layout(a).width(), image.getWidth());
        assertTrue(image.getWidth() < 4000 + 200, "cells of 4 pixels: " + image.getWidth());
    }

    private static int lightness(int rgb) {
        return ((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff);
    }

    /** Whether two colours are within 8 in every channel. */
    private static boolean near(int a, int b) {
        for (int shift = 0; shift <= 16; shift += 8) {
            if (Math.abs(((a >> shift) & 0xff) - ((b >> shift) & 0xff)) > 8) {
                return false;
            }
        }
        return true;
    }

    private static int dark(BufferedImage image, int x0, int y0, int w, int h) {
        int n = 0;
        for (int y = y0; y < Math.min(image.getHeight(), y0 + h); y++) {
            for (int x = x0; x < Math.min(image.getWidth(), x0 + w); x++) {
                int rgb = image.getRGB(x, y);
                if (((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff) < 200) {
                    n++;
                }
            }
        }
        return n;
    }

    /** Images to look at: target/png. */
    private static void writeForLooking(String name, BufferedImage image) throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "png"));
        ImageIO.write(image, "png", dir.resolve(name).toFile());
    }
}
