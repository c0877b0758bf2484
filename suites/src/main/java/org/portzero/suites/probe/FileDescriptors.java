package org.portzero.suites.probe;

import java.io.FileDescriptor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.OptionalInt;

/**
 * Finds the file descriptor behind a JDK socket object so the kernel can be asked directly.
 * Reads JDK internals by reflection: needs {@code --add-opens java.base/java.io,java.net,sun.nio.ch}
 * (the runner jar's manifest carries them). Walks {@code impl}/{@code delegate}/channel fields a few
 * levels deep, which covers NioSocketImpl, the DatagramSocket adaptor and the channel classes of JDK 17–25.
 */
final class FileDescriptors {

    private static final int DEPTH = 4;

    private FileDescriptors() {
    }

    /**
     * What stands behind a JDK socket: a descriptor, a positive sign that it was closed (the object
     * or an implementation inside says so, or its descriptor reads -1), or nothing found (not
     * created yet, or hidden from reflection) — which a check must not read as "closed".
     *
     * @param fd     the descriptor, when there is one
     * @param closed whether the JDK says, one way or another, that the socket is closed
     */
    record Lookup(OptionalInt fd, boolean closed) {
        static final Lookup NOTHING = new Lookup(OptionalInt.empty(), false);
        static final Lookup CLOSED = new Lookup(OptionalInt.empty(), true);
    }

    /** The descriptor, or empty when the JDK has not created one yet, has closed it, or hides it. */
    static OptionalInt of(Object jdkSocket) {
        return lookup(jdkSocket).fd();
    }

    static Lookup lookup(Object jdkSocket) {
        if (jdkSocket == null) {
            return Lookup.NOTHING;
        }
        if (isClosed(jdkSocket)) {
            return Lookup.CLOSED;
        }
        return find(jdkSocket, DEPTH);
    }

    /**
     * The first {@link FileDescriptor} field on the object or, failing that, on the JDK objects it
     * holds. The first descriptor found decides: a closed one (fd -1) means "closed", never a search
     * for another, since a stale number may by now name some other file.
     */
    private static Lookup find(Object object, int depth) {
        if (object == null || depth == 0) {
            return Lookup.NOTHING;
        }
        if (declaresClosed(object)) {
            return Lookup.CLOSED;
        }
        for (Class<?> c = object.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers()) && f.getType() == FileDescriptor.class) {
                    Object value = read(f, object);
                    if (value != null) {
                        int fd = fdOf((FileDescriptor) value);
                        return fd >= 0 ? new Lookup(OptionalInt.of(fd), false) : Lookup.CLOSED;
                    }
                }
            }
        }
        for (Class<?> c = object.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) || f.getType().isPrimitive() || !isSocketish(f.getType())) {
                    continue;
                }
                Object inner = read(f, object);
                if (inner != null && inner != object) {
                    Lookup found = find(inner, depth - 1);
                    if (found.fd().isPresent() || found.closed()) {
                        return found;
                    }
                }
            }
        }
        return Lookup.NOTHING;
    }

    /**
     * Whether a JDK implementation object says it is closed through its own {@code isOpen()}.
     * NioSocketImpl closes itself when connect fails while the {@code Socket} around it still
     * answers {@code isClosed() == false}, and its FileDescriptor keeps the old number.
     */
    private static boolean declaresClosed(Object o) {
        for (Class<?> c = o.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                java.lang.reflect.Method isOpen = c.getDeclaredMethod("isOpen");
                if (isOpen.getReturnType() == boolean.class) {
                    isOpen.setAccessible(true);
                    return !(Boolean) isOpen.invoke(o);
                }
            } catch (NoSuchMethodException e) {
                // Look further up.
            } catch (ReflectiveOperationException | RuntimeException e) {
                return false;
            }
        }
        return false;
    }

    private static boolean isClosed(Object o) {
        if (o instanceof java.nio.channels.Channel ch) {
            return !ch.isOpen();
        }
        if (o instanceof java.net.Socket s) {
            return s.isClosed();
        }
        if (o instanceof java.net.ServerSocket s) {
            return s.isClosed();
        }
        if (o instanceof java.net.DatagramSocket s) {
            return s.isClosed();
        }
        return o == null;
    }

    private static boolean isSocketish(Class<?> type) {
        String name = type.getName();
        return name.startsWith("java.net.") || name.startsWith("sun.nio.ch.") || name.startsWith("java.nio.channels.");
    }

    private static Object read(Field f, Object target) {
        try {
            f.setAccessible(true);
            return f.get(target);
        } catch (RuntimeException | IllegalAccessException e) {
            return null;
        }
    }

    private static int fdOf(FileDescriptor descriptor) {
        try {
            Field fd = FileDescriptor.class.getDeclaredField("fd");
            fd.setAccessible(true);
            return fd.getInt(descriptor);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return -1;
        }
    }
}
