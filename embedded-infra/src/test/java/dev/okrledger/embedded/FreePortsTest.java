package dev.okrledger.embedded;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class FreePortsTest {

    @Test
    void portsAskedForTogetherAreAllDifferentAndBindable() throws IOException {
        int[] ports = FreePorts.distinct(64);

        assertThat(Arrays.stream(ports).distinct().count()).isEqualTo(64);
        for (int port : ports) {
            try (ServerSocket socket = new ServerSocket(port)) {
                assertThat(socket.getLocalPort()).isEqualTo(port);
            }
        }
    }

    @Test
    void anAdjacentPairLeavesBothPortsFree() throws IOException {
        int port = FreePorts.adjacentPair();

        try (ServerSocket first = new ServerSocket(port);
                ServerSocket next = new ServerSocket(port + 1)) {
            assertThat(next.getLocalPort()).isEqualTo(first.getLocalPort() + 1);
        }
    }
}
