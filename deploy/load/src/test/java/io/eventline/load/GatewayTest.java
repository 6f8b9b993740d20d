package io.eventline.load;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GatewayTest {

    @Test
    void theHttpClientsDebugLoggingIsOffOnceTheDriverTalksToAGateway() {
        try (Gateway ignored = new Gateway("http://localhost:1")) {
            System.Logger httpClientDebug = System.getLogger("jdk.internal.httpclient.debug");
            // JBoss LogManager, on the driver's class path, would otherwise have the client format a debug
            // message for every read and write of every request
            assertFalse(httpClientDebug.isLoggable(System.Logger.Level.DEBUG));
            assertTrue(httpClientDebug.isLoggable(System.Logger.Level.WARNING), "warnings still reach a handler");
        }
    }
}
