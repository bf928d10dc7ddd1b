package dev.heed.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The docs and the command line agree: every option that the README and the module READMEs show after a
 * {@code heed COMMAND} exists in that command's {@code --help}, and every option of every command says what it
 * does there.
 */
class DocumentedOptionsTest {

    private static final Path REPO = Path.of("..");
    private static final List<String> DOCS = List.of("README.md", "cli/README.md", "tasks/README.md",
            "models/README.md", "encoders/README.md", "toolkit-core/README.md", "lucene/README.md");
    private static final Pattern CODE_SPAN = Pattern.compile("`([^`]+)`");
    private static final Pattern OPTION = Pattern.compile("(?<![\\w-])(--[a-z][a-z0-9-]*)");

    @Test
    void everyOptionOfEveryCommandHasADescription() {
        List<String> bare = new ArrayList<>();
        visit(HeedCommand.commandLine(), cl -> {
            for (OptionSpec o : cl.getCommandSpec().options()) {
                String text = String.join(" ", o.description()).strip();
                if (text.isEmpty()) {
                    bare.add(cl.getCommandSpec().qualifiedName() + " " + o.longestName());
                }
            }
            for (CommandLine.Model.PositionalParamSpec p : cl.getCommandSpec().positionalParameters()) {
                if (String.join(" ", p.description()).isBlank()) {
                    bare.add(cl.getCommandSpec().qualifiedName() + " " + p.paramLabel());
                }
            }
        });
        assertEquals(List.of(), bare, "options whose --help line says nothing");
    }

    @Test
    void everyOptionTheDocsShowForACommandIsInItsHelp() throws Exception {
        List<String> unknown = new ArrayList<>();
        int checked = 0;
        for (String doc : DOCS) {
            Path file = REPO.resolve(doc);
            if (!Files.exists(file)) {
                continue;
            }
            List<String> lines = Files.readAllLines(file);
            for (int n = 0; n < lines.size(); n++) {
                for (String command : commandsOn(lines, n)) {
                    int at = command.indexOf("heed ");
                    String[] words = command.substring(at + "heed ".length()).trim().split("\\s+");
                    CommandLine cl = HeedCommand.commandLine();
                    int w = 0;
                    while (w < words.length && cl.getSubcommands().containsKey(words[w])) {
                        cl = cl.getSubcommands().get(words[w++]);
                    }
                    if (w == 0) {
                        continue; // "heed" in prose, or a command that is being built elsewhere
                    }
                    Matcher m = OPTION.matcher(String.join(" ", java.util.Arrays.copyOfRange(words, w, words.length)));
                    while (m.find()) {
                        checked++;
                        if (!hasOption(cl, m.group(1))) {
                            unknown.add(doc + ":" + (n + 1) + ": " + cl.getCommandSpec().qualifiedName() + " has no "
                                    + m.group(1));
                        }
                    }
                }
            }
        }
        assertTrue(checked > 100, "the docs show options: found " + checked);
        assertEquals(List.of(), unknown, "options the docs show that the command does not have");
    }

    /** Whether {@code cl} takes {@code name}: one of its options, or {@code --no-X} of a negatable {@code --X}. */
    private static boolean hasOption(CommandLine cl, String name) {
        if (cl.getCommandSpec().findOption(name) != null) {
            return true;
        }
        if (!name.startsWith("--no-")) {
            return false;
        }
        CommandLine.Model.OptionSpec positive = cl.getCommandSpec().findOption("--" + name.substring(5));
        return positive != null && positive.negatable();
    }

    /** The heed command lines on line {@code n}: in code spans, or a shell line with its continuations. */
    private static List<String> commandsOn(List<String> lines, int n) {
        List<String> out = new ArrayList<>();
        String line = lines.get(n);
        String stripped = line.strip().replaceFirst("^\\$ ", "");
        if (stripped.startsWith("heed ") || stripped.startsWith("bin/heed ") || stripped.contains("| bin/heed ")
                || stripped.contains("| heed ")) {
            StringBuilder command = new StringBuilder(stripped.substring(stripped.indexOf("heed ")));
            for (int k = n; lines.get(k).strip().endsWith("\\") && k + 1 < lines.size(); k++) {
                command.setLength(command.length() - 1);
                command.append(' ').append(lines.get(k + 1).strip());
            }
            out.add(command.toString().split("[|#]")[0]);
            return out;
        }
        Matcher m = CODE_SPAN.matcher(line.replace("\\|", "/"));
        while (m.find()) {
            String span = m.group(1);
            int at = span.indexOf("heed ");
            if (at == 0 || at > 0 && (span.charAt(at - 1) == '/' || span.charAt(at - 1) == ' ')) {
                out.add(span.substring(at).split("\\|")[0]);
            }
        }
        return out;
    }

    private static void visit(CommandLine cl, java.util.function.Consumer<CommandLine> action) {
        action.accept(cl);
        for (CommandLine sub : cl.getSubcommands().values()) {
            if (sub.getCommandSpec().userObject() instanceof CommandLine.HelpCommand) {
                continue;
            }
            visit(sub, action);
        }
    }
}
