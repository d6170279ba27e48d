package dev.okrledger.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * Ports for listeners that start later, chosen by the operating system. A port asked for and let go
 * at once may be handed out again by the very next question, so ports wanted together are taken
 * together: every socket stays open until all of them are chosen, and no two are the same.
 */
public final class FreePorts {

    private static final int ATTEMPTS = 50;

    private FreePorts() {}

    /** {@code count} different ports, each free when asked for. */
    public static int[] distinct(int count) {
        List<ServerSocket> held = new ArrayList<>(count);
        try {
            return takeMore(held, new int[count], 0);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not find " + count + " free ports", e);
        } finally {
            held.forEach(FreePorts::closeQuietly);
        }
    }

    /** One free port. */
    public static int one() {
        return distinct(1)[0];
    }

    /** A port {@code p} free together with {@code p + 1}: for a listener whose partner takes the next port. */
    public static int adjacentPair() {
        return withAdjacentPair(0)[0];
    }

    /**
     * A port {@code p} free together with {@code p + 1}, then {@code others} more ports, none of them
     * {@code p} or {@code p + 1} or each other: {@code [p, others…]}.
     */
    public static int[] withAdjacentPair(int others) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            List<ServerSocket> held = new ArrayList<>(others + 2);
            try {
                int[] ports = new int[others + 1];
                ports[0] = take(held, 0);
                if (ports[0] < 65535 && tryTake(held, ports[0] + 1)) {
                    return takeMore(held, ports, 1);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Could not find free ports", e);
            } finally {
                held.forEach(FreePorts::closeQuietly);
            }
        }
        throw new IllegalStateException("No two free adjacent ports in " + ATTEMPTS + " attempts");
    }

    /** Fills {@code ports} from {@code from} on with ports the system chooses, held until the caller lets go. */
    private static int[] takeMore(List<ServerSocket> held, int[] ports, int from) throws IOException {
        for (int i = from; i < ports.length; i++) {
            ports[i] = take(held, 0);
        }
        return ports;
    }

    private static int take(List<ServerSocket> held, int port) throws IOException {
        ServerSocket socket = new ServerSocket(port);
        held.add(socket);
        return socket.getLocalPort();
    }

    private static boolean tryTake(List<ServerSocket> held, int port) {
        try {
            take(held, port);
            return true;
        } catch (IOException taken) {
            return false; // in use: ask again
        }
    }

    private static void closeQuietly(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // the port was only held while others were chosen
        }
    }
}
