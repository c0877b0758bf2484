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

    /** The descriptor, or empty when the JDK has not created one yet (or hides it). */
    static OptionalInt of(Object jdkSocket) {
        return find(jdkSocket, DEPTH);
    }

    private static OptionalInt find(Object object, int depth) {
        if (object == null || depth == 0) {
            return OptionalInt.empty();
        }
        for (Class<?> c = object.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers())) {
                    continue;
                }
                Object value = read(f, object);
                if (value instanceof FileDescriptor descriptor) {
                    int fd = fdOf(descriptor);
                    if (fd >= 0) {
                        return OptionalInt.of(fd);
                    }
                }
            }
        }
        for (Class<?> c = object.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) || f.getType().isPrimitive() || !isSocketish(f.getType())) {
                    continue;
                }
                OptionalInt inner = find(read(f, object), depth - 1);
                if (inner.isPresent()) {
                    return inner;
                }
            }
        }
        return OptionalInt.empty();
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
