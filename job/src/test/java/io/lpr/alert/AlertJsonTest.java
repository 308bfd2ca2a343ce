package io.lpr.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lpr.event.Alert;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;

/** The alert's JSON against docs/alert-1.schema.json, and the alert settings' checks. */
class AlertJsonTest {
    @Test
    void theSchemaFileNamesAndRequiresEveryFieldWritten() throws Exception {
        JsonNode schema = new ObjectMapper().readTree(Path.of("..", "docs", "alert-1.schema.json").toFile());
        assertThat(schema.path("properties").path("schema").path("const").asText()).isEqualTo(AlertJson.SCHEMA);
        Alert alert = WebhookDeliveryTest.alert("e1", 0);
        JsonNode json = AlertJson.toJson(alert);
        List<String> written = new ArrayList<>();
        json.fieldNames().forEachRemaining(written::add);
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        assertThat(required).containsExactlyInAnyOrderElementsOf(written);
        assertThat(json.path("alert_id").asText()).isEqualTo(Alert.idOf("e1", "O567AM76"));
        assertThat(json.path("seen_at").asText()).isEqualTo("2025-12-06T05:46:40Z");
    }

    @Test
    void theWebhookSecretIsAnEnvironmentVariablesNameNeverTheKey() {
        Configuration c = new Configuration();
        c.setString(AlertOptions.WEBHOOK_URL.key(), "https://hooks.example/lpr");
        c.setString(AlertOptions.WEBHOOK_SECRET.key(), "${LPR_HOOK_KEY}");
        assertThat(AlertConfig.from(c).webhookSecretEnv()).isEqualTo("LPR_HOOK_KEY");
        c.setString(AlertOptions.WEBHOOK_SECRET.key(), "hunter2");
        assertThatThrownBy(() -> AlertConfig.from(c)).hasMessageContaining("${VAR}").hasMessageNotContaining("hunter2");
        c.setString(AlertOptions.WEBHOOK_SECRET.key(), "");
        c.setString(AlertOptions.MIN_CONFIDENCE.key(), "1.5");
        assertThatThrownBy(() -> AlertConfig.from(c)).hasMessageContaining("lpr.alerts.min-confidence");
    }
}
