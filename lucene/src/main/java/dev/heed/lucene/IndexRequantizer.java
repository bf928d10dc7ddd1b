package dev.heed.lucene;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.index.CodecReader;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SlowCodecReaderWrapper;
import org.apache.lucene.store.FSDirectory;

/**
 * Copies a Heed index into a new folder with its vectors kept another way ({@link VectorQuantization}), without
 * embedding anything again: Lucene's {@link IndexWriter#addIndexes(CodecReader...)} rewrites every segment with
 * the new per-field vector format (the HNSW graph is built anew) and the commit data is carried over with the
 * new quantization. Stateless.
 */
public final class IndexRequantizer {

    private IndexRequantizer() {
    }

    /**
     * Writes the index of {@code from} into the empty or new folder {@code to} with {@code quantization}.
     *
     * @throws IllegalStateException when {@code from} was not built with a Heed embedding model
     */
    public static IndexedModel requantize(Path from, Path to, VectorQuantization quantization) throws IOException {
        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(from))) {
            IndexedModel model = IndexedModel.of(reader);
            IndexedModel changed = new IndexedModel(model.model(), model.dimension(), model.pooling(), model.field(),
                    quantization, model.analyzer());
            IndexWriterConfig config = new IndexWriterConfig(new KeywordAnalyzer())
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                    .setCodec(VectorCodecs.forField(model.field(), quantization));
            try (IndexWriter writer = new IndexWriter(FSDirectory.open(to), config)) {
                CodecReader[] leaves = new CodecReader[reader.leaves().size()];
                int i = 0;
                for (LeafReaderContext leaf : reader.leaves()) {
                    leaves[i++] = SlowCodecReaderWrapper.wrap(leaf.reader());
                }
                writer.addIndexes(leaves);
                writer.forceMerge(1);
                Map<String, String> data = new LinkedHashMap<>(reader.getIndexCommit().getUserData());
                data.putAll(changed.userData());
                writer.setLiveCommitData(data.entrySet());
                writer.commit();
            }
            return changed;
        }
    }
}
