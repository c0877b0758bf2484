package org.portzero.agent;

import java.lang.reflect.Method;
import java.net.ProtocolFamily;
import java.net.SocketOption;

/**
 * The JDK methods and constants the layers use that came after Java 8, reached by reflection so
 * one agent runs in every JDK. Each throws {@link MissingApi} where the running JDK lacks it.
 */
final class Api {

    private Api() {
    }

    /** {@code StandardSocketOptions.SO_REUSEPORT} (Java 9). */
    @SuppressWarnings("unchecked")
    static SocketOption<Boolean> reusePort() throws MissingApi {
        try {
            return (SocketOption<Boolean>) java.net.StandardSocketOptions.class.getField("SO_REUSEPORT").get(null);
        } catch (ReflectiveOperationException e) {
            throw new MissingApi("StandardSocketOptions.SO_REUSEPORT", "9");
        }
    }

    /** {@code setOption(SocketOption, Object)} on {@code Socket}, {@code ServerSocket}, {@code DatagramSocket} (Java 9). */
    static void setOption(Object classicSocket, SocketOption<Boolean> option, boolean value) throws Exception {
        Method m;
        try {
            m = classicSocket.getClass().getMethod("setOption", SocketOption.class, Object.class);
        } catch (NoSuchMethodException e) {
            throw new MissingApi(simpleName(classicSocket) + ".setOption(SocketOption, Object)", "9");
        }
        m.invoke(classicSocket, option, value);
    }

    /** {@code ServerSocketChannel.open(ProtocolFamily)} and {@code SocketChannel.open(ProtocolFamily)} (Java 15). */
    static Object open(Class<?> channel, ProtocolFamily family) throws Exception {
        Method m;
        try {
            m = channel.getMethod("open", ProtocolFamily.class);
        } catch (NoSuchMethodException e) {
            throw new MissingApi(channel.getSimpleName() + ".open(ProtocolFamily)", "15");
        }
        return m.invoke(null, family);
    }

    private static String simpleName(Object o) {
        Class<?> c = o.getClass();
        while (c.getName().startsWith("java.net.") == false && c.getSuperclass() != null) {
            c = c.getSuperclass();
        }
        return c.getSimpleName();
    }
}
