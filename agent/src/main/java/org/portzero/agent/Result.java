package org.portzero.agent;

import java.net.InetSocketAddress;

/**
 * What one call returned, as the agent answers it: the arguments as the API spells them, and an
 * endpoint, a detail or a failure. The runner turns it into an observation; nothing here judges.
 */
final class Result {

    final boolean kernel;
    final String arguments;
    final String endpoint;
    final String detail;
    final String errno;
    final String exception;
    final String message;
    int handle;

    private Result(boolean kernel, String arguments, String endpoint, String detail, String errno, String exception,
                   String message) {
        this.kernel = kernel;
        this.arguments = arguments;
        this.endpoint = endpoint;
        this.detail = detail;
        this.errno = errno;
        this.exception = exception;
        this.message = message;
    }

    static Result done(String arguments, String detail) {
        return new Result(false, arguments, null, detail, null, null, null);
    }

    static Result address(String arguments, InetSocketAddress address) {
        return new Result(false, arguments, Wire.endpoint(address.getAddress().getAddress(), address.getPort()), null,
                null, null, null);
    }

    static Result failed(String arguments, String exception, String message) {
        return new Result(false, arguments, null, null, null, exception, message);
    }

    static Result failed(String arguments, Throwable t) {
        Throwable cause = t;
        // What wraps the socket's own exception: the same unwrapping as the in-process layers, plus reflection's.
        while ((cause instanceof java.io.UncheckedIOException || cause instanceof java.util.concurrent.ExecutionException
                || cause instanceof java.lang.reflect.InvocationTargetException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof MissingApi) {
            return failed(arguments, Wire.MISSING_API, cause.getMessage());
        }
        return failed(arguments, cause.getClass().getSimpleName(), cause.getMessage());
    }

    static Result kernelAddress(String arguments, byte[] address, int port) {
        return new Result(true, arguments, Wire.endpoint(address, port), null, null, null, null);
    }

    static Result kernelFailed(String arguments, String errno, String exception, String message) {
        return new Result(true, arguments, null, null, errno, exception, message);
    }

    String line() {
        return Wire.line(Wire.ANSWER, kernel ? Wire.KERNEL : Wire.JDK, arguments, endpoint, detail, errno, exception,
                message, String.valueOf(handle));
    }
}
