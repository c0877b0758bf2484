package org.portzero.reports.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portzero.model.Verdict;
import org.portzero.reports.FixtureRuns;
import org.portzero.reports.run.PlatformRun;

class MatrixTest {

    private static final List<PlatformRun> RUNS = FixtureRuns.read(
            FixtureRuns.K618_JDK17, FixtureRuns.K618_JDK25, FixtureRuns.K61_JDK17, FixtureRuns.TRUNCATED);
    private static final Matrix MATRIX = Matrix.of(RUNS, Instant.parse("2026-01-01T00:00:00Z"));

    private static MatrixRow row(String id) {
        return MATRIX.rows().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void columns_name_platform_kernel_and_jdk_in_run_order() {
        assertThat(MATRIX.platforms()).extracting(PlatformColumn::id)
                .containsExactly("k618-jdk17", "k618-jdk25", "k61-jdk17", "truncated");
        assertThat(MATRIX.platforms()).extracting(PlatformColumn::kernel)
                .containsExactly("6.18.44-fc-v669", "6.18.44-fc-v669", "6.1.0-28-cloud-amd64", "6.18.44-fc-v669");
        assertThat(MATRIX.platforms().get(0).jdk()).isEqualTo("Debian 17.0.15");
        assertThat(MATRIX.platforms().get(1).jdk()).isEqualTo("Eclipse Adoptium 25.0.3");
        assertThat(MATRIX.platforms().get(0).settings()).containsEntry("ip_local_port_range", "32768-60999");
        assertThat(MATRIX.platforms().get(3).status()).isEqualTo("broken");
    }

    @Test
    void rows_are_grouped_by_family_in_catalogue_order() {
        assertThat(MATRIX.families()).containsExactly("bind0", "unique", "connect0", "wildcard", "connected");
        assertThat(MATRIX.rows()).hasSize(11);
        assertThat(MATRIX.rows()).extracting(MatrixRow::family)
                .containsExactly("bind0", "bind0", "bind0", "unique", "connect0", "connect0", "connect0", "connect0",
                        "wildcard", "wildcard", "connected");
    }

    @Test
    void two_jdks_disagree_on_socket_state_after_a_refused_connect() {
        MatrixRow state = row("connect0.tcp4_loopback_connect_socket.state_after_call");
        assertThat(state.disagree()).isTrue();
        assertThat(state.cells().get("k618-jdk17").outcome()).startsWith("open=true");
        assertThat(state.cells().get("k618-jdk25").outcome()).startsWith("open=false");
    }

    @Test
    void different_ephemeral_ports_alone_are_no_disagreement() {
        MatrixRow ports = row("bind0.tcp4_loopback_socket.api_port_matches_kernel");
        assertThat(ports.cells().get("k618-jdk17").observed()).isNotEqualTo(ports.cells().get("k618-jdk25").observed());
        assertThat(ports.cells().values()).extracting(MatrixCell::outcome).containsOnly("api=P1 kernel=P1");
        assertThat(ports.disagree()).isFalse();
    }

    @Test
    void a_second_kernel_shows_its_own_verdicts() {
        MatrixRow send = row("connect0.udp4_loopback_send_libc.refused_by_kernel");
        assertThat(send.cells().get("k618-jdk17")).extracting(MatrixCell::verdict, MatrixCell::outcome)
                .containsExactly(Verdict.PASS, "EINVAL");
        assertThat(send.cells().get("k61-jdk17").verdict()).isEqualTo(Verdict.FAIL);
        assertThat(send.disagree()).isTrue();
        assertThat(row("wildcard.tcp4_wildcard_socket.kernel_reports_family_wildcard").cells().get("k61-jdk17").verdict())
                .isEqualTo(Verdict.XFAIL);
        assertThat(MATRIX.platforms().get(2).summary()).containsEntry("fail", 1).containsEntry("xfail", 1)
                .containsEntry("total", 11);
    }

    @Test
    void a_truncated_run_contributes_the_cells_it_has() {
        long cells = MATRIX.rows().stream().filter(r -> r.cells().containsKey("truncated")).count();
        assertThat(cells).isEqualTo(RUNS.get(3).results().size()).isPositive();
    }

    @Test
    void matrix_json_round_trips(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("matrix.json");
        MatrixJson.write(MATRIX, file);
        assertThat(MatrixJson.read(file)).isEqualTo(MATRIX);
        assertThat(java.nio.file.Files.readString(file)).contains("\"schema\" : \"portzero.matrix\"", "\"schemaVersion\" : 1");
    }

    @Test
    void markdown_is_a_table_with_a_column_per_platform() {
        String md = MatrixMarkdown.render(MATRIX);
        assertThat(md).contains("| check | `k618-jdk17` | `k618-jdk25` | `k61-jdk17` | `truncated` |");
        assertThat(md).contains("| `connect0.udp4_loopback_send_libc.refused_by_kernel` | ✅ `EINVAL` | ✅ `EINVAL` | ❌ `sendto -> 0 (sent)` |");
        assertThat(md).contains("💥 broken: observations.json truncated");
        assertThat(md).contains("### Rows where platforms disagree");
    }

    @Test
    void html_is_self_contained_and_escapes_what_it_shows() {
        String html = MatrixHtml.render(MATRIX, RUNS);
        assertThat(html).doesNotContainPattern("<(script|link|img)[^>]+(src|href)=");
        assertThat(html).contains("SocketException &quot;Can&#39;t connect to port 0&quot;");
        assertThat(html).contains("data-platform=\"k61-jdk17\"");
        assertThat(html).contains("id=\"only-disagree\"");
    }
}
