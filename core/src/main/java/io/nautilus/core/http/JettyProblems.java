package io.nautilus.core.http;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * Jetty's own error answers as problem+json instead of its HTML page: requests Jetty refuses before Javalin sees
 * them (a raw {@code ../} or {@code %00} in a path, a malformed URI, a header over the size limit, ...). The detail
 * says what is wrong in plain words and echoes nothing of the request. Thread-safe.
 */
final class JettyProblems extends ErrorHandler {
    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.MEDIA_TYPE);
        response.write(true, ByteBuffer.wrap(body(code, request.getHttpURI() == null ? null : request.getHttpURI().getPath())),
                callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, Problem.MEDIA_TYPE);
        return ByteBuffer.wrap(body(status, null));
    }

    static byte[] body(int status, String path) {
        String title = HttpStatus.getMessage(status);
        String detail = switch (status) {
            case 400 -> "the request is malformed: its path or headers cannot be read (a path may not contain "
                    + "encoded control characters such as %00, or segments such as '..' or encoded '/')";
            case 404 -> "nothing is served at this path";
            case 413 -> "the request body is larger than this server accepts";
            case 414 -> "the request URI is longer than this server accepts";
            case 431 -> "the request headers are larger than this server accepts";
            default -> "the server could not handle the request (" + title + ")";
        };
        var p = new Problem(null, title, status, detail,
                path == null ? null : io.nautilus.core.model.Checks.shorten(path), List.of(), null);
        try {
            return Json.mapper().writeValueAsBytes(p);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return ("{\"title\":\"" + title + "\",\"status\":" + status + "}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
