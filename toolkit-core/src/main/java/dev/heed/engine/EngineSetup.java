package dev.heed.engine;

/**
 * Puts DJL in the mode Heed runs in: offline (a download attempt fails at once with a clear message
 * instead of hanging on a closed network) and without usage tracking. Call it before any DJL class is
 * used; settings the user gave explicitly ({@code -Dai.djl.offline=false}) are kept.
 */
public final class EngineSetup {

    /** DJL's offline switch. */
    public static final String OFFLINE = "ai.djl.offline";
    /** DJL's usage-tracking opt-out, read as a system property or an environment variable. */
    public static final String OPT_OUT_TRACKING = "OPT_OUT_TRACKING";

    private EngineSetup() {
    }

    /** Sets offline mode and the tracking opt-out unless already set. Idempotent. */
    public static void configure() {
        if (System.getProperty(OFFLINE) == null) {
            System.setProperty(OFFLINE, "true");
        }
        if (System.getProperty(OPT_OUT_TRACKING) == null) {
            System.setProperty(OPT_OUT_TRACKING, "true");
        }
    }
}
