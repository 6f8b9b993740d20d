package io.eventline.gateway.routing;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;

/**
 * A request body stream that stops at a size limit. Needed for bodies sent without Content-Length
 * (chunked), whose size is only known while they stream through: once the limit is passed, nothing more
 * is forwarded, the stream fails (which makes the proxy abandon the upstream request) and the gateway
 * answers 413 instead.
 */
final class LimitedBody implements ReadStream<Buffer> {

    /** Why the stream failed; recognised by the proxy to answer 413 rather than 502. */
    static final class TooLargeException extends RuntimeException {
        TooLargeException(long maxBytes) {
            super("request body exceeds " + maxBytes + " bytes", null, false, false);
        }
    }

    private final ReadStream<Buffer> source;
    private final long maxBytes;
    private final Runnable onTooLarge;
    private long bytesSeen;
    private boolean tooLarge;
    private Handler<Throwable> exceptionHandler;

    LimitedBody(ReadStream<Buffer> source, long maxBytes, Runnable onTooLarge) {
        this.source = source;
        this.maxBytes = maxBytes;
        this.onTooLarge = onTooLarge;
    }

    @Override
    public ReadStream<Buffer> handler(Handler<Buffer> handler) {
        if (handler == null) {
            source.handler(null);
            return this;
        }
        source.handler(chunk -> {
            if (tooLarge) {
                return;
            }
            bytesSeen += chunk.length();
            if (bytesSeen > maxBytes) {
                tooLarge = true;
                onTooLarge.run();
                Handler<Throwable> failed = exceptionHandler;
                if (failed != null) {
                    failed.handle(new TooLargeException(maxBytes));
                }
            } else {
                handler.handle(chunk);
            }
        });
        return this;
    }

    @Override
    public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
        this.exceptionHandler = handler;
        source.exceptionHandler(handler);
        return this;
    }

    @Override
    public ReadStream<Buffer> endHandler(Handler<Void> endHandler) {
        source.endHandler(endHandler);
        return this;
    }

    @Override
    public ReadStream<Buffer> pause() {
        source.pause();
        return this;
    }

    @Override
    public ReadStream<Buffer> resume() {
        source.resume();
        return this;
    }

    @Override
    public ReadStream<Buffer> fetch(long amount) {
        source.fetch(amount);
        return this;
    }
}
