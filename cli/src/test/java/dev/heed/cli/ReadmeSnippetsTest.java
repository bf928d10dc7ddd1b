package dev.heed.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's Java snippets compile as written, with the imports they show; those that need nothing from
 * around them (no {@code text}, {@code texts}, ... of the reader's own) also run, on the shipped models.
 */
class ReadmeSnippetsTest {

    /** The values the snippets take from the reader's code, as parameters of the method each one becomes. */
    private static final String CONTEXT = "String text, List<String> lines, List<String> texts,"
            + " List<String> hypotheses, List<String> references, String summary";

    @TempDir
    static Path dir;

    @BeforeAll
    static void home() {
        System.setProperty("heed.home", dir.resolve("home").toString());
    }

    private static List<String> snippets() throws Exception {
        List<String> blocks = new ArrayList<>();
        StringBuilder block = null;
        for (String line : Files.readAllLines(Path.of("..", "README.md"))) {
            if (block == null && line.strip().equals("```java")) {
                block = new StringBuilder();
            } else if (block != null && line.strip().equals("```")) {
                blocks.add(block.toString());
                block = null;
            } else if (block != null) {
                block.append(line).append('\n');
            }
        }
        return blocks;
    }

    @Test
    void everySnippetCompilesWithItsOwnImportsAndTheSelfContainedOnesRun() throws Exception {
        List<String> blocks = snippets();
        assertTrue(blocks.size() >= 5, "the README's Java snippets: " + blocks.size());
        int ran = 0;
        for (int i = 0; i < blocks.size(); i++) {
            StringBuilder imports = new StringBuilder("import java.util.List;\n");
            StringBuilder body = new StringBuilder();
            for (String line : blocks.get(i).split("\n")) {
                (line.startsWith("import ") ? imports : body).append(line).append('\n');
            }
            assertTrue(imports.toString().contains("import dev.heed."), "snippet " + (i + 1)
                    + " shows its imports:\n" + blocks.get(i));
            String name = "Snippet" + (i + 1);
            boolean standalone = compiles(name, imports, body, "");
            if (!standalone) {
                assertTrue(compiles(name, imports, body, CONTEXT), "snippet " + (i + 1) + " does not compile:\n"
                        + blocks.get(i) + "\n" + lastErrors);
                continue;
            }
            try (URLClassLoader loader = new URLClassLoader(new URL[] {classes(name).toUri().toURL()},
                    getClass().getClassLoader())) {
                Method run = loader.loadClass(name).getDeclaredMethod("run");
                run.invoke(null);
                ran++;
            }
        }
        assertTrue(ran >= 2, "the model-weights and embedding snippets run as written: ran " + ran);
    }

    private static String lastErrors = "";

    private static boolean compiles(String name, StringBuilder imports, StringBuilder body, String parameters)
            throws Exception {
        Path src = dir.resolve("src-" + name + "-" + parameters.isEmpty()).resolve(name + ".java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, imports + "\npublic class " + name + " {\n    public static void run(" + parameters
                + ") throws Exception {\n" + body + "    }\n}\n");
        Files.createDirectories(classes(name));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter errors = new StringWriter();
        boolean ok = javac.getTask(errors, null, null, List.of("-d", classes(name).toString(), "-classpath",
                System.getProperty("java.class.path"), "-proc:none"), null,
                javac.getStandardFileManager(null, null, null).getJavaFileObjects(src)).call();
        lastErrors = errors.toString();
        return ok;
    }

    private static Path classes(String name) {
        return dir.resolve("classes-" + name);
    }
}
