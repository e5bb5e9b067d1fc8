package dev.dbx.engine;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Free-port checks on the loopback address. */
public final class Ports {
    private Ports() {}

    /** Whether nothing listens on {@code port} of 127.0.0.1 (a server could bind it now). */
    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(EngineContext.LOOPBACK), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A port such that it and the {@code count - 1} ports after it are free (for tests and parallel runs). */
    public static int freeRange(int count) {
        for (int attempt = 0; attempt < 200; attempt++) {
            int base;
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(EngineContext.LOOPBACK))) {
                base = socket.getLocalPort();
            } catch (IOException e) {
                throw new IllegalStateException("cannot find a free port", e);
            }
            if (base + count > 65535) {
                continue;
            }
            boolean free = true;
            for (int i = 0; i < count && free; i++) {
                free = isFree(base + i);
            }
            if (free) {
                return base;
            }
        }
        throw new IllegalStateException("no " + count + " consecutive free ports found");
    }
}
