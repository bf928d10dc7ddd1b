package dev.heed.batch;

import dev.heed.alignment.AlignmentWriter;
import dev.heed.engine.IntraOpThreads;
import dev.heed.io.JsonLinesWriter;
import dev.heed.io.ReadOutcome;
import dev.heed.io.Record;
import dev.heed.io.RecordError;
import dev.heed.io.RecordReader;
import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a predictor over every record of an input and writes one output line per good record, in input
 * order, and one error record per bad one; nothing is dropped. An output line keeps every field of its input
 * record unchanged; a prediction field whose name the record already uses is renamed (see {@link OutputLines}).
 *
 * <p>Records are read in windows; within a window they are sorted by text length and cut into batches,
 * which worker threads (each with its own predictor) process; the window is then written back in input
 * order. With one thread the batches are predicted on the calling thread, the one that made the predictor:
 * libtorch gives each thread that runs operations its own OpenMP team, and a second team on the same cores
 * makes every operation slower (see {@link IntraOpThreads}, which callers running several engine-backed
 * workers should hold for the run). After each window the output and errors are flushed and, when both go to
 * files, the progress file is replaced, so that a killed run can be resumed with {@link BatchOptions#resume()}
 * without duplicating or losing a record (see {@link ResumeJournal}); the attention export's shared files are
 * checkpointed with them, so a resumed run that exports attention ends with the same bytes too.
 *
 * <p>A batch whose prediction throws is retried one record at a time, so one bad record fails alone.
 * A run is single-use per call to {@link #run}; the runner itself holds no state between calls.
 */
public final class BatchRunner {

    private static final Logger LOG = LoggerFactory.getLogger(BatchRunner.class);

    private final BatchOptions options;

    public BatchRunner(BatchOptions options) {
        this.options = options;
    }

    /**
     * Runs over {@code reader} to the end.
     *
     * @param inputName the input's name (path or {@code -}), recorded in the progress file
     * @throws IllegalArgumentException when resuming is asked for but impossible (see the message)
     * @throws IOException when reading the input or writing an output fails
     */
    public RunSummary run(RecordReader reader, String inputName, Destination output, Destination errors,
            PredictorFactory factory, ProgressReporter progress) throws IOException, InterruptedException {
        return run(reader, inputName, output, errors, factory, progress, Optional.empty());
    }

    /**
     * As {@link #run(RecordReader, String, Destination, Destination, PredictorFactory, ProgressReporter)}, and
     * each prediction's alignment goes to {@code alignments} as its output line is written, in input order.
     */
    public RunSummary run(RecordReader reader, String inputName, Destination output, Destination errors,
            PredictorFactory factory, ProgressReporter progress, Optional<AlignmentWriter> alignments)
            throws IOException, InterruptedException {
        long started = System.nanoTime();
        Optional<Path> journalOwner = output instanceof Destination.File f && errors instanceof Destination.File
                ? Optional.of(f.path()) : Optional.empty();
        ResumeJournal start = options.resume() ? resumePoint(inputName, output, errors, alignments)
                : new ResumeJournal(inputName, 0, 0, 0, 0, 0, false);
        if (start.complete()) {
            LOG.info("{} is already complete; nothing to resume", output.describe());
            return new RunSummary(0, 0, 0, 0, start.lastLine(), start.written(), start.failed(), 0, Set.of());
        }
        journalOwner.ifPresent(this::deleteJournalIfFresh);

        long read = 0;
        long written = 0;
        long failed = 0;
        long truncated = 0;
        long lastLine = start.lastLine();
        Set<String> renamed = new TreeSet<>();
        List<Predictor> predictors = new ArrayList<>();
        ExecutorService workers = options.threads() > 1
                ? Executors.newFixedThreadPool(options.threads(), daemonThreads()) : null;
        try (JsonLinesWriter out = open(output, "output", start.outputBytes(), start.written());
                JsonLinesWriter err = open(errors, "errors", start.errorBytes(), start.failed())) {
            BlockingQueue<Predictor> pool = new ArrayBlockingQueue<>(options.threads());
            for (int i = 0; i < options.threads(); i++) {
                Predictor p = createPredictor(factory);
                predictors.add(p);
                pool.add(p);
            }
            int windowSize = options.batchSize() * options.windowBatches();
            boolean more = true;
            while (more) {
                List<ReadOutcome> window = new ArrayList<>(windowSize);
                while (window.size() < windowSize) {
                    ReadOutcome outcome = reader.next();
                    if (outcome == null) {
                        more = false;
                        break;
                    }
                    if (outcome.line() > start.lastLine()) {
                        window.add(outcome);
                    }
                }
                if (window.isEmpty()) {
                    break;
                }
                Prediction[] predictions = predictWindow(window, pool, workers);
                for (int i = 0; i < window.size(); i++) {
                    ReadOutcome outcome = window.get(i);
                    read++;
                    lastLine = outcome.line();
                    if (outcome instanceof RecordError e) {
                        err.write(OutputLines.error(e));
                        failed++;
                    } else if (predictions[i] instanceof Prediction.Failed f) {
                        Record r = (Record) outcome;
                        err.write(OutputLines.error(RecordError.of(r, f.kind(), f.reason())));
                        failed++;
                    } else {
                        Prediction.Ok ok = (Prediction.Ok) predictions[i];
                        out.write(OutputLines.output((Record) outcome, ok.fields(), renamed));
                        if (alignments.isPresent() && ok.alignment().isPresent()) {
                            alignments.get().write(((Record) outcome).id(), ok.alignment().get());
                        }
                        written++;
                        if (ok.truncated()) {
                            truncated++;
                        }
                    }
                }
                out.flush();
                err.flush();
                checkpoint(journalOwner, new ResumeJournal(inputName, lastLine, out.bytes(), err.bytes(),
                        start.written() + written, start.failed() + failed, false, attentionCheckpoint(alignments)));
                progress.update(read, failed, reader.bytesRead());
            }
            checkpoint(journalOwner, new ResumeJournal(inputName, lastLine, out.bytes(), err.bytes(),
                    start.written() + written, start.failed() + failed, true, attentionCheckpoint(alignments)));
        } finally {
            if (workers != null) {
                workers.shutdownNow();
            }
            for (Predictor p : predictors) {
                closeQuietly(p);
            }
            progress.close();
        }
        if (errors instanceof Destination.File f && Files.exists(f.path()) && Files.size(f.path()) == 0) {
            Files.delete(f.path());
        }
        return new RunSummary(read, written, failed, truncated, start.lastLine(), start.written() + written,
                start.failed() + failed, (System.nanoTime() - started) / 1e9, renamed);
    }

    private Prediction[] predictWindow(List<ReadOutcome> window, BlockingQueue<Predictor> pool,
            ExecutorService workers) throws InterruptedException, IOException {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < window.size(); i++) {
            if (window.get(i) instanceof Record) {
                order.add(i);
            }
        }
        order.sort(Comparator.comparingInt(i -> ((Record) window.get(i)).text().length()));
        Prediction[] predictions = new Prediction[window.size()];
        List<Future<?>> futures = new ArrayList<>();
        int size = batchSizeFor(order.size(), options.batchSize(), workers == null ? 1 : options.threads());
        for (int from = 0; from < order.size(); from += size) {
            List<Integer> slots = order.subList(from, Math.min(order.size(), from + size));
            List<Record> batch = slots.stream().map(i -> (Record) window.get(i)).toList();
            if (workers == null) {
                place(IsolatedPredictions.predict(pool.peek(), batch), slots, predictions);
                continue;
            }
            futures.add(workers.submit(() -> {
                Predictor predictor = pool.take();
                try {
                    place(IsolatedPredictions.predict(predictor, batch), slots, predictions);
                } finally {
                    pool.add(predictor);
                }
                return null;
            }));
        }
        for (Future<?> future : futures) {
            try {
                future.get();
            } catch (ExecutionException e) {
                throw new IOException("a worker failed: " + e.getCause(), e.getCause());
            }
        }
        return predictions;
    }

    /**
     * The batch size for a window of {@code records}: {@code batchSize}, except that with several workers a window
     * too small to give each of them {@value #BATCHES_PER_WORKER} batches (the last window of an input, or a short
     * input) is cut into that many smaller ones. Otherwise a large {@code --batch-size} left workers idle: 200
     * e-mails in batches of 64 are four batches of unequal cost for two workers, and `heed summarize` took 7.0 s
     * against 5.9 s in batches of 4 (bench/README.md, "Batch size and native memory").
     */
    static int batchSizeFor(int records, int batchSize, int workers) {
        if (workers <= 1) {
            return batchSize;
        }
        long pieces = (long) workers * BATCHES_PER_WORKER;
        return (int) Math.max(1, Math.min(batchSize, (records + pieces - 1) / pieces));
    }

    /** With several workers, the fewest batches per worker a window is cut into (see {@link #batchSizeFor}). */
    static final int BATCHES_PER_WORKER = 4;

    private static void place(List<Prediction> result, List<Integer> slots, Prediction[] predictions) {
        for (int k = 0; k < slots.size(); k++) {
            predictions[slots.get(k)] = result.get(k);
        }
    }

    private static java.util.Map<String, Long> attentionCheckpoint(Optional<AlignmentWriter> alignments)
            throws IOException {
        return alignments.isPresent() ? alignments.get().checkpoint() : java.util.Map.of();
    }

    private ResumeJournal resumePoint(String inputName, Destination output, Destination errors,
            Optional<AlignmentWriter> alignments) throws IOException {
        if (!(output instanceof Destination.File out) || !(errors instanceof Destination.File err)) {
            throw new IllegalArgumentException("--resume needs the output and the errors to go to files"
                    + " (--output FILE, --errors FILE), not to a stream");
        }
        Optional<ResumeJournal> journal = ResumeJournal.read(out.path());
        if (journal.isEmpty()) {
            if (Files.exists(out.path()) && Files.size(out.path()) > 0) {
                throw new IllegalArgumentException("cannot resume: " + out.path() + " exists but has no progress"
                        + " file " + ResumeJournal.pathFor(out.path()) + "; delete the output to start over");
            }
            if (alignments.isPresent()) {
                alignments.get().resumeFrom(java.util.Map.of());
            }
            return new ResumeJournal(inputName, 0, 0, 0, 0, 0, false);
        }
        ResumeJournal j = journal.get();
        if (!j.input().equals(inputName)) {
            throw new IllegalArgumentException("cannot resume: " + out.path() + " was written from input '"
                    + j.input() + "', not '" + inputName + "'");
        }
        if (alignments.isPresent() && j.attention().isEmpty() && j.lastLine() > 0) {
            throw new IllegalArgumentException("cannot resume with --attention-out: the run that wrote " + out.path()
                    + " exported no attention; resume without it, or delete the output to start over");
        }
        cutBack(out.path(), j.outputBytes());
        cutBack(err.path(), j.errorBytes());
        if (alignments.isPresent()) {
            alignments.get().resumeFrom(j.attention());
        }
        return j;
    }

    private static void cutBack(Path file, long bytes) throws IOException {
        long size = Files.exists(file) ? Files.size(file) : 0;
        if (size < bytes) {
            throw new IllegalArgumentException("cannot resume: " + file + " is " + size
                    + " bytes, shorter than the " + bytes + " its progress file records; it was changed"
                    + " after the run stopped; delete it to start over");
        }
        if (size > bytes) {
            try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
                raf.setLength(bytes);
            }
        }
    }

    private void deleteJournalIfFresh(Path output) {
        if (!options.resume()) {
            try {
                Files.deleteIfExists(ResumeJournal.pathFor(output));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    private static void checkpoint(Optional<Path> output, ResumeJournal journal) throws IOException {
        if (output.isPresent()) {
            journal.write(output.get());
        }
    }

    /** Opens {@code destination}, the run's {@code role} ("output", "errors"), naming it in every error. */
    private JsonLinesWriter open(Destination destination, String role, long startBytes, long startLines)
            throws IOException {
        return switch (destination) {
            case Destination.File f -> {
                String name = "the " + role + " file " + f.path();
                OutputStream stream;
                try {
                    Files.createDirectories(f.path().toAbsolutePath().getParent());
                    stream = new FileOutputStream(f.path().toFile(), options.resume());
                } catch (IOException e) {
                    String reason = e.getMessage() == null ? e.getClass().getSimpleName()
                            : e.getMessage().startsWith(f.path() + " (")
                            ? e.getMessage().substring(f.path().toString().length() + 2, e.getMessage().length() - 1)
                            : e.getMessage();
                    throw new IOException("cannot open " + name + " for writing: " + reason, e);
                }
                yield new JsonLinesWriter(new BufferedOutputStream(stream, 1 << 16),
                        options.resume() ? startBytes : 0, options.resume() ? startLines : 0, true, name);
            }
            case Destination.Stream s -> new JsonLinesWriter(s.stream(), 0, 0, false, s.name());
        };
    }

    private static Predictor createPredictor(PredictorFactory factory) throws IOException {
        try {
            return factory.create();
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("cannot create a predictor: " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(Predictor p) {
        try {
            p.close();
        } catch (Exception e) {
            LOG.warn("closing a predictor failed", e);
        }
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        return r -> {
            Thread t = new Thread(r, "heed-worker");
            t.setDaemon(true);
            return t;
        };
    }
}
