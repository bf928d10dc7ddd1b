package dev.heed.tasks.training;

import java.io.IOException;

/** The git commit of the working directory, for a trained model's provenance. Stateless. */
public final class GitCommit {

    private GitCommit() {
    }

    /** {@code HEAD}'s 40-hex commit, or {@code unknown} outside a git checkout. */
    public static String current() {
        try {
            Process p = new ProcessBuilder("git", "rev-parse", "HEAD").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).strip();
            return p.waitFor() == 0 && out.matches("[0-9a-f]{40}") ? out : "unknown";
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
