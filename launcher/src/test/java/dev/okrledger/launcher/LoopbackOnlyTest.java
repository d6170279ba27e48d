package dev.okrledger.launcher;

import dev.okrledger.embedded.SharedTestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The services of an embedded system as the launcher starts them by default, and the embedded
 * PostgreSQL and Kafka under them, answer on loopback and are not reachable through any other address
 * of this machine. Connects only to this machine's own addresses; skipped where it has none but loopback.
 */
class LoopbackOnlyTest {

    private static EmbeddedSystem system;

    @BeforeAll
    static void start() {
        system = TestSystem.start();
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    @Test
    void everyServiceAnswersOnLoopbackOnly() throws IOException {
        List<InetAddress> own = ownNetworkAddresses();
        Assumptions.assumeFalse(own.isEmpty(), "this machine has no IPv4 address but loopback: nothing to try");

        for (Service service : Service.values()) {
            assertLoopbackOnly(service.title(), system.port(service), own);
        }
    }

    @Test
    void postgresAndKafkaAnswerOnLoopbackOnly() throws IOException {
        List<InetAddress> own = ownNetworkAddresses();
        Assumptions.assumeFalse(own.isEmpty(), "this machine has no IPv4 address but loopback: nothing to try");

        assertLoopbackOnly("PostgreSQL", SharedTestInfrastructure.postgres().port(), own);
        String kafka = SharedTestInfrastructure.kafka().bootstrapServers();
        assertLoopbackOnly("Kafka", Integer.parseInt(kafka.substring(kafka.lastIndexOf(':') + 1)), own);
    }

    private static void assertLoopbackOnly(String what, int port, List<InetAddress> own) throws IOException {
        try (Socket loopback = new Socket()) {
            loopback.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2_000);
            assertThat(loopback.isConnected()).isTrue();
        }
        for (InetAddress address : own) {
            assertThatThrownBy(() -> {
                        try (Socket network = new Socket()) {
                            network.connect(new InetSocketAddress(address, port), 2_000);
                        }
                    })
                    .as("%s on %s:%d", what, address.getHostAddress(), port)
                    .isInstanceOf(IOException.class);
        }
    }

    /** The IPv4 addresses of this machine's interfaces that are up, loopback left out. */
    private static List<InetAddress> ownNetworkAddresses() throws SocketException {
        return Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .filter(LoopbackOnlyTest::isUp)
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
                .toList();
    }

    private static boolean isUp(NetworkInterface network) {
        try {
            return network.isUp() && !network.isLoopback();
        } catch (SocketException e) {
            return false;
        }
    }
}
