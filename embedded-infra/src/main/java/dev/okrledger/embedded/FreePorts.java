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

    private FreePorts() {
    }

    /** {@code count} different ports, each free when asked for. */
    public static int[] distinct(int count) {
        List<ServerSocket> held = new ArrayList<>(count);
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0);
                held.add(socket);
                ports[i] = socket.getLocalPort();
            }
            return ports;
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
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try (ServerSocket first = new ServerSocket(0)) {
                int port = first.getLocalPort();
                if (port < 65535) {
                    try (ServerSocket next = new ServerSocket(port + 1)) {
                        return port;
                    } catch (IOException taken) {
                        // the next port is in use: ask again
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Could not find a free port", e);
            }
        }
        throw new IllegalStateException("No two free adjacent ports in " + ATTEMPTS + " attempts");
    }

    private static void closeQuietly(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // the port was only held while others were chosen
        }
    }
}
