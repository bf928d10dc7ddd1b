package dev.heed.alignment;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The HTML viewer of a whole run in one file ({@code attention.html}, format {@code html}): the page of
 * {@link HtmlExporter} with one record block per record, a record selector and a search over the ids and
 * texts. Only the record shown is parsed, so a file of 10,000 records opens at once. A record is one line of
 * the file, between the page's {@link #header() header} and {@link #footer() footer}, so a resumed run can
 * cut the file back to a checkpoint. Stateless.
 */
public final class HtmlRunExporter implements AlignmentExporter {

    @Override
    public String name() {
        return "html";
    }

    @Override
    public boolean linePerRecord() {
        return true;
    }

    @Override
    public String fileName(String safeRecordId) {
        return "attention.html";
    }

    @Override
    public byte[] header() {
        return HtmlExporter.prologue().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public byte[] footer() {
        return HtmlExporter.epilogue().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void write(Alignment alignment, String recordId, OutputStream out) throws IOException {
        out.write(HtmlExporter.recordBlock(alignment, recordId).getBytes(StandardCharsets.UTF_8));
    }
}
