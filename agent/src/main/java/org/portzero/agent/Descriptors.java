package org.portzero.agent;

import java.io.FileDescriptor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * Finds the {@link FileDescriptor} behind a JDK socket object, the way the runner's in-process
 * layers do ({@code org.portzero.suites.probe.FileDescriptors}): walks {@code impl}, delegate and
 * channel fields a few levels deep, and stops at the first descriptor, or at the first sign that
 * the socket was closed. Covers PlainSocketImpl (8, 11), NioSocketImpl (13+) and the channel
 * classes. Needs {@code --add-opens} on JDK 9+ (the runner sets {@code JDK_JAVA_OPTIONS}).
 */
final class Descriptors {

    private static final int DEPTH = 4;

    /** What stands behind a JDK socket: a descriptor, a sign that it is closed, or nothing found. */
    static final class Lookup {
        static final Lookup NOTHING = new Lookup(null, false);
        static final Lookup CLOSED = new Lookup(null, true);

        final FileDescriptor fd;
        final boolean closed;

        Lookup(FileDescriptor fd, boolean closed) {
            this.fd = fd;
            this.closed = closed;
        }
    }

    private Descriptors() {
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
                        return fdOf((FileDescriptor) value) >= 0 ? new Lookup((FileDescriptor) value, false) : Lookup.CLOSED;
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
                    if (found.fd != null || found.closed) {
                        return found;
                    }
                }
            }
        }
        return Lookup.NOTHING;
    }

    /**
     * An implementation object's own sign that it is closed: NioSocketImpl (13+) closes itself when
     * connect fails and answers {@code isOpen() == false}; AbstractPlainSocketImpl (8, 11) does the
     * same, nulls its descriptor and sets {@code closePending}.
     */
    private static boolean declaresClosed(Object o) {
        for (Class<?> c = o.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                Field closePending = c.getDeclaredField("closePending");
                if (closePending.getType() == boolean.class && Boolean.TRUE.equals(read(closePending, o))) {
                    return true;
                }
            } catch (NoSuchFieldException e) {
                // Not the plain implementation.
            }
        }
        for (Class<?> c = o.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                Method isOpen = c.getDeclaredMethod("isOpen");
                if (isOpen.getReturnType() == boolean.class) {
                    isOpen.setAccessible(true);
                    return !(Boolean) isOpen.invoke(o);
                }
            } catch (NoSuchMethodException e) {
                // Look further up.
            } catch (ReflectiveOperationException e) {
                return false;
            } catch (RuntimeException e) {
                return false;
            }
        }
        return false;
    }

    private static boolean isClosed(Object o) {
        if (o instanceof java.nio.channels.Channel) {
            return !((java.nio.channels.Channel) o).isOpen();
        }
        if (o instanceof java.net.Socket) {
            return ((java.net.Socket) o).isClosed();
        }
        if (o instanceof java.net.ServerSocket) {
            return ((java.net.ServerSocket) o).isClosed();
        }
        if (o instanceof java.net.DatagramSocket) {
            return ((java.net.DatagramSocket) o).isClosed();
        }
        return false;
    }

    private static boolean isSocketish(Class<?> type) {
        String name = type.getName();
        return name.startsWith("java.net.") || name.startsWith("sun.nio.ch.") || name.startsWith("java.nio.channels.");
    }

    private static Object read(Field f, Object target) {
        try {
            f.setAccessible(true);
            return f.get(target);
        } catch (RuntimeException e) {
            return null;
        } catch (IllegalAccessException e) {
            return null;
        }
    }

    static int fdOf(FileDescriptor descriptor) {
        try {
            Field fd = FileDescriptor.class.getDeclaredField("fd");
            fd.setAccessible(true);
            return fd.getInt(descriptor);
        } catch (ReflectiveOperationException e) {
            return -1;
        } catch (RuntimeException e) {
            return -1;
        }
    }
}
