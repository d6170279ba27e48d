package dev.okrledger.launcher;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PromQlTest {

    @Test
    void metricNamesLeaveOutFunctionsLabelsRangesAndKeywords() {
        assertThat(PromQl.metricNames("""
                sum by (consumer_group) (kafka_consumer_fetch_manager_records_lag{topic="okr.events"}) > 1000
                and
                sum by (consumer_group) (deriv(kafka_consumer_fetch_manager_records_lag{topic="okr.events"}[5m])) > 0""")).containsExactly("kafka_consumer_fetch_manager_records_lag");
        assertThat(
                        PromQl.metricNames(
                                "histogram_quantile(0.95, sum by (job, uri, le) "
                                        + "(rate(http_server_requests_seconds_bucket{job=~\"$job\", uri!~\"/actuator.*\"}[$__rate_interval])))"))
                .containsExactly("http_server_requests_seconds_bucket");
        assertThat(PromQl.metricNames("max(okr_event_store_head) - min(okr_publisher_position) offset 5m"))
                .containsExactly("okr_event_store_head", "okr_publisher_position");
        assertThat(PromQl.metricNames("sum(rate(okr_alerts_raised_total[$__rate_interval])) * 60 / on (job) up"))
                .containsExactly("okr_alerts_raised_total", "up");
    }
}
