package dev.okrledger.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * The RSA key pair of the embedded default: generated on first start into its data folder, kept
 * there (private key readable by the owner only), never committed. Real deployments use their
 * identity provider's keys instead.
 */
public record TokenKeys(RSAPublicKey publicKey, RSAPrivateKey privateKey) {

    public static final String PUBLIC_FILE = "token-signing-public.pem";
    public static final String PRIVATE_FILE = "token-signing-private.pem";

    /** Loads the pair from {@code dir}, creating it first if it is not there. */
    public static TokenKeys loadOrCreate(Path dir) {
        try {
            Path publicPem = dir.resolve(PUBLIC_FILE);
            Path privatePem = dir.resolve(PRIVATE_FILE);
            if (Files.notExists(publicPem) || Files.notExists(privatePem)) {
                Files.createDirectories(dir);
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair pair = generator.generateKeyPair();
                writePem(privatePem, "PRIVATE KEY", pair.getPrivate().getEncoded(), true);
                writePem(publicPem, "PUBLIC KEY", pair.getPublic().getEncoded(), false);
            }
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            return new TokenKeys(
                    (RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec(readPem(publicPem))),
                    (RSAPrivateKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(readPem(privatePem))));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or create the token keys in " + dir, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The token keys in " + dir + " are not an RSA pair", e);
        }
    }

    public static Path publicKeyFile(Path dir) {
        return dir.resolve(PUBLIC_FILE).toAbsolutePath();
    }

    public static Path privateKeyFile(Path dir) {
        return dir.resolve(PRIVATE_FILE).toAbsolutePath();
    }

    private static void writePem(Path file, String type, byte[] der, boolean secret) throws IOException {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der);
        Files.writeString(file, "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n");
        if (secret) {
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // best effort on file systems without POSIX permissions
            }
        }
    }

    private static byte[] readPem(Path file) throws IOException {
        String pem = Files.readString(file).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(pem);
    }
}
