package dev.heed.alignment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class PngExporterTest {

    @Test
    void theHeatMapIsAPngWhoseCellsAreDarkerWhereTheWeightIsHigher() throws Exception {
        Alignment a = AlignmentFixtures.cross();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(ExporterContractTest.bytes(new PngExporter(), a)));
        assertTrue(image != null, "a PNG that ImageIO reads back");
        int cell = PngExporter.cellSize(5);
        // The grid is at the bottom right; cell (t, s) is found from there.
        int right = image.getWidth() - PngExporter.MARGIN;
        int bottom = image.getHeight() - PngExporter.MARGIN;
        int strong = image.getRGB(right - (5 - 0) * cell + cell / 2, bottom - (3 - 0) * cell + cell / 2);
        int weak = image.getRGB(right - (5 - 4) * cell + cell / 2, bottom - (3 - 0) * cell + cell / 2);
        assertEquals(PngExporter.shade(0.8f).getRGB(), strong, "A -> Ein, 0.8");
        assertEquals(PngExporter.shade(0.05f).getRGB(), weak, "A -> </s>, 0.05");
        assertTrue((strong & 0xff) < (weak & 0xff), "darker where stronger");
        assertTrue(image.getWidth() > 5 * cell + 20, "room for the labels");
    }

    @Test
    void longInputsGetSmallerCellsNotAnEnormousImage() throws Exception {
        Alignment a = AlignmentFixtures.selfAttention(1, 1, 998, 5);
        BufferedImage image = PngExporter.render(a);
        assertEquals(4, PngExporter.cellSize(1000));
        assertEquals(2 * PngExporter.MARGIN + 4 * 1000, image.getWidth());
    }
}
