package io.dualwrite.bootstrap;

/**
 * Per-thread state shared by every hook: how deeply followed execute calls are nested (a driver's
 * {@code executeUpdate} that calls its own {@code execute} is one application write, mirrored once), and
 * whether the agent itself is working on this thread (its connections to the secondary are never
 * followed, whichever driver they use).
 */
public final class CallDepth {

    private static final ThreadLocal<CallDepth> CURRENT = ThreadLocal.withInitial(CallDepth::new);

    private int depth;
    private int suppressed;
    /** Nesting of the setter, execute and addBatch calls that rewrite mode follows. */
    private int rewriteDepth;

    private CallDepth() {
    }

    public static CallDepth current() {
        return CURRENT.get();
    }

    public static boolean isSuppressed() {
        return CURRENT.get().suppressed > 0;
    }

    /** Marks this thread as doing the agent's own work until {@link #unsuppress()}. */
    public static void suppress() {
        CURRENT.get().suppressed++;
    }

    public static void unsuppress() {
        CURRENT.get().suppressed--;
    }

    /** Returns the depth after entering: 1 for the outermost followed call. */
    public int enter() {
        return ++depth;
    }

    /** Whether no followed call is under way on this thread. */
    public boolean outside() {
        return depth == 0;
    }

    /** Returns the depth after leaving: 0 once the outermost followed call has returned. */
    public int exit() {
        return --depth;
    }

    /**
     * Rewrite mode ({@code writes.nondeterministic: rewrite}): returns the depth after entering a parameter setter,
     * an execute or an addBatch call, 1 for the outermost, so that a driver's setter calling another of its setters
     * has its index mapped once.
     */
    public int enterRewritten() {
        return ++rewriteDepth;
    }

    public void exitRewritten() {
        rewriteDepth--;
    }
}
