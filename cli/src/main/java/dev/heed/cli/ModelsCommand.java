package dev.heed.cli;

import dev.heed.model.ModelDirectory;
import dev.heed.model.ModelManifest;
import dev.heed.models.ModelResolver;
import dev.heed.models.ModelSource;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code heed models}: list, describe and verify models. */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = "List the named models, describe one, or verify a model directory.",
        subcommands = {ModelsCommand.ListModels.class, ModelsCommand.Info.class, ModelsCommand.Verify.class,
                ModelsImportCommand.class})
final class ModelsCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "The named models, whether each is in the local cache, and what it is.")
    static final class ListModels implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            ModelResolver resolver = new ModelResolver();
            PrintWriter out = spec.commandLine().getOut();
            if (resolver.available().isEmpty()) {
                out.println("no named models on the classpath");
            }
            for (ModelSource source : resolver.available()) {
                out.printf("%-24s %-9s %s%n", source.name(), resolver.isCached(source) ? "cached" : "-",
                        source.description());
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "info", mixinStandardHelpOptions = true,
            description = "A model's manifest: task, labels, components, dev metrics, provenance and files.")
    static final class Info implements Callable<Integer> {
        @Parameters(paramLabel = "NAME|DIR", description = "A named model or a model directory.")
        String model;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            ModelDirectory dir = new ModelResolver().resolve(model);
            ModelManifest m = dir.manifest();
            PrintWriter out = spec.commandLine().getOut();
            out.printf("name         %s%ntask         %s%ndescription  %s%ndirectory    %s%n", m.name(), m.task(),
                    m.description(), dir.path());
            if (!m.labels().isEmpty()) {
                out.printf("labels       %s%n", m.labels());
            }
            m.components().forEach((role, c) -> out.printf("%-12s %s %s%n", role, c.name(), c.config()));
            m.tokenizers().forEach((role, file) -> out.printf("tokenizer    %s: %s%n", role, file));
            // a translation model's dev scores come from greedy search during training: say so beside them,
            // since heed eval translation reports beam 5 by default and the two differ by a point or more
            String search = m.task().equals("translation") ? " (greedy search)" : "";
            m.metrics().forEach((k, v) -> out.printf("dev %-8s %.4f%s%n", k, v, search));
            if (m.provenance() != null) {
                out.printf("trained by   %s%nprovenance   heed %s, commit %s, seed %d, %.0f s%n",
                        m.provenance().command(), m.provenance().heedVersion(), m.provenance().gitCommit(),
                        m.provenance().seed(), m.provenance().trainingSeconds());
            }
            m.files().forEach((f, e) -> out.printf("file         %-28s %,12d bytes  sha256 %s%n", f, e.size(), e.sha256()));
            out.flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Check every file of a model against the sizes and sha256 of its model.json: a model"
                    + " directory, or a named model's copy in the cache (extracted first if it is not there yet)."})
    static final class Verify implements Callable<Integer> {
        @Parameters(paramLabel = "NAME|DIR", description = "A model directory, or a named model (heed models list).")
        String model;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            ModelResolver resolver = new ModelResolver();
            java.util.Optional<ModelSource> named = java.nio.file.Files.isDirectory(Path.of(model))
                    ? java.util.Optional.empty()
                    : resolver.available().stream().filter(s -> s.name().equals(model)).findFirst();
            ModelDirectory verified;
            if (named.isPresent() && resolver.isCached(named.get())) {
                // the cached copy as it is: resolving would quietly extract a damaged one again
                Path cached = resolver.cacheDir(named.get());
                try {
                    verified = ModelDirectory.open(cached);
                } catch (dev.heed.model.ModelLoadException e) {
                    throw new dev.heed.model.ModelLoadException("the cached copy of " + model + " in " + cached
                            + " fails: " + e.getMessage() + "; delete that folder and the next use extracts it again", e);
                }
            } else {
                verified = resolver.resolve(model);
            }
            spec.commandLine().getOut().printf("ok: %s (%s), %d files verified in %s%n", verified.manifest().name(),
                    verified.manifest().task(), verified.manifest().files().size(), verified.path());
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
    }
}
