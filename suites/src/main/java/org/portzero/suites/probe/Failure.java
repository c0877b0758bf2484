package org.portzero.suites.probe;

/**
 * Why a call did not succeed: an errno from the kernel (libc layer) or an exception from the JDK.
 *
 * @param errno     the errno name ({@code ECONNREFUSED}) when the kernel refused, else null
 * @param exception the simple class name of the JDK exception, else null
 * @param message   the exception message or {@code strerror} text
 */
public record Failure(String errno, String exception, String message) {

    public static Failure ofErrno(String errno, String text) {
        return new Failure(errno, null, text);
    }

    public static Failure ofException(Throwable t) {
        Throwable cause = t;
        // UncheckedIOException and ExecutionException only wrap what the socket threw.
        while ((cause instanceof java.io.UncheckedIOException || cause instanceof java.util.concurrent.ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return new Failure(null, cause.getClass().getSimpleName(), cause.getMessage());
    }

    /** {@code ECONNREFUSED} or {@code SocketException "Can't connect to port 0"}. */
    public String shortForm() {
        if (errno != null) {
            return errno;
        }
        return message == null ? exception : exception + " \"" + message + "\"";
    }

    @Override
    public String toString() {
        return shortForm();
    }
}
