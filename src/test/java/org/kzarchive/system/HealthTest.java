package org.kzarchive.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.kzarchive.ArchiveIntegrationTest;

import org.springframework.boot.test.web.server.LocalServerPort;

@ArchiveIntegrationTest
class HealthTest {

    @LocalServerPort
    int port;

    @Test
    void healthIsUpWhenTheDatabaseAnswers() throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/actuator/health")).build();
        var response = java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"UP\"");
    }
}
